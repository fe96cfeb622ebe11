/**
 * Elaboration: the pass from an analysed AST ({@link io.neuromap.compiler.frontend.AnalyzedProgram})
 * to the network IR ({@link io.neuromap.compiler.ir.Network}). Populations are expanded to neurons
 * with sampled parameters, connectors to synapses in CSR form, modulators, pathways, stimuli and
 * probes bound to index ranges. The entry point is {@link io.neuromap.compiler.elaborate.Elaborator}.
 *
 * <p>Sampling is counter-based ({@link io.neuromap.compiler.ir.KeyedRandom}): every draw is keyed by
 * (seed, object path, index), so the result is the same for any thread count and editing one
 * population never changes another's values.
 */
package io.neuromap.compiler.elaborate;
