package io.neuromap.backends.loihi1.learning;

import io.neuromap.compiler.ir.EffectBinding;
import io.neuromap.compiler.ir.IrExpr;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.PathwayBinding;
import io.neuromap.compiler.ir.PathwayTargetBinding;
import io.neuromap.compiler.ir.ResponseFunction;
import java.util.List;

/**
 * The learning effects of pathways on one plastic projection, as the float reference applies
 * them ({@code learning_rate} and {@code plasticity_sign} multiply every weight change, per
 * projection or per post neuron; pathways act in network order, effects in declaration order),
 * folded into one affine factor {@code alpha + beta * [M]} per variant of post neurons. What the
 * learning engine cannot carry (another learning effect kind, a nonlinear response, a product of
 * two concentrations, two modulators) is reported by name.
 */
final class LearningEffects {
    static final String LEARNING_RATE = "learning_rate";
    static final String PLASTICITY_SIGN = "plasticity_sign";
    static final String ELIGIBILITY_GATE = "eligibility_gate";
    static final String WEIGHT_SCALE = "weight_scale";

    private LearningEffects() {
    }

    /** Whether {@code kind} is an effect on learning. */
    static boolean isLearning(String kind) {
        return LEARNING_RATE.equals(kind) || PLASTICITY_SIGN.equals(kind) || ELIGIBILITY_GATE.equals(kind)
                || WEIGHT_SCALE.equals(kind);
    }

    /** Whether pathway {@code p} has an effect on learning. */
    static boolean hasLearning(PathwayBinding p) {
        for (EffectBinding e : p.effects()) {
            if (isLearning(e.kind())) {
                return true;
            }
        }
        return false;
    }

    /** Whether every effect of pathway {@code p} is an effect on learning. */
    static boolean onlyLearning(PathwayBinding p) {
        for (EffectBinding e : p.effects()) {
            if (!isLearning(e.kind())) {
                return false;
            }
        }
        return true;
    }

    /** Whether pathway {@code p} acts on projection {@code projection} (whose post population is {@code post}). */
    static boolean reaches(PathwayBinding p, int projection, int post) {
        if (p.target() instanceof PathwayTargetBinding.Synapses) {
            return ((PathwayTargetBinding.Synapses) p.target()).projection() == projection;
        }
        if (p.target() instanceof PathwayTargetBinding.Neurons) {
            for (NeuronRange r : ((PathwayTargetBinding.Neurons) p.target()).ranges()) {
                if (r.population() == post) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The reference's learning modulator of a projection: the modulator of the first pathway with a
     * learning effect on it or its post neurons, or -1.
     */
    static int learningModulator(Network net, int projection) {
        int post = net.projections().get(projection).post();
        for (PathwayBinding p : net.pathways()) {
            if (hasLearning(p) && reaches(p, projection, post)) {
                return p.modulator();
            }
        }
        return -1;
    }

    /** An affine factor {@code alpha + beta * [modulator]} ({@code modulator} -1 when beta is 0), or why not. */
    record Factor(double alpha, double beta, int modulator, String problem) {
        static Factor one() {
            return new Factor(1, 0, -1, "");
        }

        boolean ok() {
            return problem.isEmpty();
        }
    }

    /**
     * The factor of the pathways {@code pathways} (indices into {@link Network#pathways()}, in
     * order) that reach the projection.
     */
    static Factor fold(Network net, List<Integer> pathways) {
        double alpha = 1;
        double beta = 0;
        int mod = -1;
        for (int index : pathways) {
            PathwayBinding p = net.pathways().get(index);
            for (EffectBinding e : p.effects()) {
                if (!isLearning(e.kind())) {
                    continue;
                }
                if (ELIGIBILITY_GATE.equals(e.kind()) || WEIGHT_SCALE.equals(e.kind())) {
                    return fail("effect " + e.kind() + " of pathway `" + p.name() + "` has no learning-engine form");
                }
                IrExpr.Affine v = e.value().affine().orElse(null);
                if (v == null) {
                    return fail("effect " + e.kind() + " of pathway `" + p.name()
                            + "` is not affine in one concentration (a + b [M])");
                }
                if (v.slope() != 0 && e.response().kind() != ResponseFunction.Kind.LINEAR) {
                    return fail("effect " + e.kind() + " of pathway `" + p.name() + "` passes [" + "M] through a "
                            + e.response().kind().word() + " response, which a product of traces cannot follow");
                }
                if (v.slope() != 0 && mod >= 0 && beta != 0 && v.modulator() != mod) {
                    return fail("learning effects read two modulators; a rule reads one reward trace");
                }
                int vm = v.slope() != 0 ? v.modulator() : -1;
                switch (e.op()) {
                    case SET:
                        alpha = v.intercept();
                        beta = v.slope();
                        mod = vm;
                        break;
                    case ADD:
                        alpha += v.intercept();
                        beta += v.slope();
                        mod = vm >= 0 ? vm : mod;
                        break;
                    case SUBTRACT:
                        alpha -= v.intercept();
                        beta -= v.slope();
                        mod = vm >= 0 ? vm : mod;
                        break;
                    default:
                        if (beta != 0 && v.slope() != 0) {
                            return fail("learning effects multiply two concentrations ([M]^2), which one reward trace"
                                    + " cannot carry");
                        }
                        double a = alpha * v.intercept();
                        double b = alpha * v.slope() + beta * v.intercept();
                        alpha = a;
                        beta = b;
                        mod = vm >= 0 ? vm : mod;
                        break;
                }
            }
        }
        return new Factor(alpha, beta, beta == 0 ? -1 : mod, "");
    }

    private static Factor fail(String why) {
        return new Factor(0, 0, -1, why);
    }
}
