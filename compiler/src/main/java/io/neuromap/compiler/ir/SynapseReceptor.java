package io.neuromap.compiler.ir;

/**
 * Which synaptic input a projection drives: the excitatory or the inhibitory current of the post
 * compartment ({@code i_syn_e} / {@code i_syn_i}, each with its own time constant).
 */
public enum SynapseReceptor {
    EXC(1), INH(-1);

    private final int sign;

    SynapseReceptor(int sign) {
        this.sign = sign;
    }

    /** +1 for excitatory, -1 for inhibitory: the sign of the effect of a (non-negative) IR weight. */
    public int sign() {
        return sign;
    }

    /** {@code exc} or {@code inh}, as written in the language. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
