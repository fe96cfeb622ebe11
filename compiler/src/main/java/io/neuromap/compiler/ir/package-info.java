/**
 * The network IR: what elaboration produces and every later stage (lowering, partitioning,
 * the float reference, {@code inspect}) consumes. No AST type appears here, and every IR object
 * carries the {@link io.neuromap.compiler.source.SourceSpan} of the declaration that made it, so a
 * hardware violation found on a synapse can still be shown at the DSL text that created it.
 *
 * <p>Bulk data lives in primitive arrays (per-neuron parameters as {@code double[]}, synapses in
 * CSR form as {@code int[]}/{@code float[]}/{@code byte[]}), stored compactly when homogeneous.
 * Accessors that return arrays return the IR's own storage, to keep 100M-synapse networks
 * affordable: callers must treat them as read-only. {@link io.neuromap.compiler.ir.IrVerifier}
 * checks the structural invariants and {@link io.neuromap.compiler.ir.IrDigest} fingerprints the
 * whole network, so a stage that writes into them is caught by the tests.
 */
package io.neuromap.compiler.ir;
