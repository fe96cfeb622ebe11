package io.neuromap.backends.loihi1.learning;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.ir.Projection;

/**
 * What plasticity asks of a projection's synapse format: room for weights up to {@code w_max},
 * whose mantissa the rule's bound products hold as an 8-bit constant, and tag bits for da_stdp's eligibility, which the synaptic-memory
 * cost model then counts.
 */
public final class PlasticBounds {
    private PlasticBounds() {
    }

    /**
     * The largest chip weight (state units) the projection's format must hold because of its rule:
     * twice {@code w_max} on its post neurons' largest scale, so that {@code w_max} is a mantissa of
     * at most 128, which a product constant holds; 0 when it does not learn with stdp or da_stdp.
     */
    public static double chipBound(Projection p, double[] factor) {
        if (p.plasticity().isEmpty()) {
            return 0;
        }
        EvaluatedCall call = p.plasticity().get();
        if (!call.name().equals("stdp") && !call.name().equals("da_stdp")) {
            return 0;
        }
        double wMax = call.number("w_max").orElse(0);
        double f = 0;
        for (double v : factor) {
            f = Math.max(f, v);
        }
        // w_max is a product constant (8 signed bits: at most 128) of the bound or of the
        // multiplicative rule, so the format holds twice it.
        return 2 * wMax * f;
    }

    /** Tag bits of the projection's synapse format: the field's maximum for da_stdp, else 0. */
    public static int tagBits(Projection p) {
        return p.plasticity().isPresent() && p.plasticity().get().name().equals("da_stdp")
                ? Loihi1Limits.SYNAPSE_TAG_BITS_MAX : 0;
    }
}
