package io.neuromap.compiler.ast;

/** What may appear inside a {@code network} block. */
public sealed interface NetItem extends Node
        permits PopulationDecl, ProjectionDecl, ModulatorDecl, PathwayDecl, StimulusDecl, ProbeDecl, ConstDecl,
        CelltypeDecl {
}
