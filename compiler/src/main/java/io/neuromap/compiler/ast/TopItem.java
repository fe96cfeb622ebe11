package io.neuromap.compiler.ast;

/** What may appear at the top level of a file. */
public sealed interface TopItem extends Node
        permits ImportDecl, ConstDecl, CelltypeDecl, NetworkDecl, SimulateDecl, TargetDecl {
}
