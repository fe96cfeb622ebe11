package io.neuromap.compiler.ast;

/** What may appear in a population, cell type or stimulus body. */
public sealed interface BodyItem extends Node permits Binding, ReceptorDecl {
}
