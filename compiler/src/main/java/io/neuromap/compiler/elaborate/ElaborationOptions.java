package io.neuromap.compiler.elaborate;

/**
 * How to elaborate; never what: the network is the same for every choice here.
 *
 * @param threads worker threads for per-neuron and per-synapse work (results do not depend on it)
 * @param verify run {@link io.neuromap.compiler.ir.IrVerifier} on the result (a failure is a compiler bug)
 */
public record ElaborationOptions(int threads, boolean verify) {
    public ElaborationOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
    }

    /** All available processors, verifier on. */
    public static ElaborationOptions defaults() {
        return new ElaborationOptions(Runtime.getRuntime().availableProcessors(), true);
    }

    public ElaborationOptions withThreads(int n) {
        return new ElaborationOptions(n, verify);
    }
}
