package io.neuromap.backends.loihi1.learning;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Factor;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Product;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Variable;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.backends.loihi1.lower.ProjectionLowering;
import io.neuromap.backends.loihi1.lower.SpikeSource;
import io.neuromap.backends.report.QuantizationRow;
import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.ir.Modulator;
import io.neuromap.compiler.ir.ModulatorSource;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.PathwayBinding;
import io.neuromap.compiler.ir.PathwayTargetBinding;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Lowers {@code stdp} and {@code da_stdp} projections, and the {@code learning_rate} and
 * {@code plasticity_sign} effects on them, to sum-of-products rules of the Loihi 1 learning engine
 * (specs/loihi1.md §3, loihi1-compartments-reward.md §2):
 *
 * <pre>
 * traces     x1 (pre, tau_plus), y1 (post, tau_minus): impulse I per spike, so x1 = I * x (stdp: I = 32;
 *            da_stdp: I holds a burst, {@link #burstImpulse}: 16 at tau 20 ms)
 * stdp       dw = S+ y0 x1 - S- x0 y1          S+- = A+- W K / I   (W = 1 nA, K = mantissa per A)
 *   multiplicative: dw = S+ y0 x1 (w - w_max) - S- x0 y1 (w - w_min)  (S+ negative)
 * da_stdp    dt = G (S+ y0 x1 - S- x0 y1) - a u0 t     (tag t = G * c in mantissa units;
 *                                                      a = 1 - exp(-P dt / tau_c), once per decay period
 *                                                      P = tEpoch 2^d: the product is u_d; epochs of 2
 *                                                      steps, as Lava pairs one spike per epoch)
 *            dw = S_w u0 t (r1 + C)                  (r1 = s_r ([M] - baseline), C = s_r (baseline - b),
 *                                                      S_w = tEpoch dt / (1 ms G s_r)); written
 *                                                      S_w u0 t r1 + S_w C u0 t unless an integer C
 *                                                      fits ({@link #rewardConstant})
 * learning_rate *= alpha + beta [M] (folded per variant of post neurons; plasticity_sign = -1 is alpha = -1):
 *            beta = 0: every scale times alpha; otherwise every dw product gets the factor
 *            (r1 + C), C = s_r (alpha / beta + baseline), scale times beta / s_r (two products
 *            where C is not an integer that {@link #rewardConstant} accepts)
 * words      each product is a microcode word (LOIHI1-LEARN-008: 16 a core): w_max's headroom in
 *            at most two signed digits ({@link #headroomDigits}), the fewest K bins within
 *            {@link #K_BIN_ERROR}, constants in (r1 + C) where exact enough
 * r1         the reward trace of modulator M: impulse release * s_r per source spike, tau = decay,
 *            s_r chosen so the expected peak of [M] - baseline stays near 100 of the 127 a trace holds
 * </pre>
 *
 * Scales are fitted to {@code mantissa * 2^exponent} ({@link ScaleFit}); for da_stdp the tag gain G
 * is free, so the ratio A-/A+ and S_w are fitted together. Every approximation is a quantization
 * row; what no rule can carry is the fact's {@code unsupported} (rule LOIHI1-LEARN-001), what
 * overflows a field its {@code outOfRange} (LOIHI1-LEARN-004).
 */
public final class LearningLowerer {
    /** Trace impulse of stdp's x1 and y1 (trace units per spike): 1/4 of the 7-bit range leaves room for bursts. */
    static final int TRACE_IMPULSE = 32;
    /**
     * The interspike interval (steps) of the bursts a da_stdp trace must hold: a neuron firing every
     * third step, as a 1-2 ms refractory period allows at dt = 1 ms. (Every other step would ask for
     * an impulse of 12, a power of two 8, whose coarser pairings cost the tracking tests more than
     * the clipping they save: mean error 0.11 / 0.12 of w_max against 0.06 / 0.07.)
     */
    static final int BURST_INTERVAL = 3;
    /** The smallest da_stdp trace impulse: below it a pairing's trace is mostly rounding. */
    static final int MIN_TRACE_IMPULSE = 8;
    /** Where the expected peak of a modulator's reward trace should sit (trace units). */
    static final double REWARD_HEADROOM = 100;
    /** The language's weight unit (A): the unit of stdp's and da_stdp's A_plus and A_minus. */
    static final double WEIGHT_UNIT = 1e-9;
    /** da_stdp's rate unit: dw/dt = c (m - b) per ms. */
    static final double RATE_UNIT = 1e-3;
    /** Most bins of post neurons by weight scale (each bin is a rule variant). */
    static final int K_BINS = 4;
    /** Smallest spread of weight scales (max / min) that is binned. */
    static final double K_BIN_SPREAD = 1.05;
    /**
     * K error (a neuron's K from its bin's, relative) below which no further bin is made: about
     * the error of the rules' own scale fits (A_minus/A_plus as m/m', 3 to 7 %), and each bin
     * costs a rule of up to 9 microcode words of a core's 16.
     */
    static final double K_BIN_ERROR = 0.05;
    /** Epoch used when no rule on a core needs a particular one (nengo-loihi's). */
    public static final int DEFAULT_EPOCH = 2;
    /** Tag decay fit good enough to stop looking for a shorter epoch. */
    private static final double EPOCH_FIT = 0.03;
    /** The shortest da_stdp epoch: one learning phase every two steps at most, for the emulator's time. */
    static final int MIN_PAIRING_EPOCH = 2;

    private LearningLowerer() {
    }

    /**
     * @param projections the lowered projections (index = projection of {@code net})
     * @param postSupported per population, whether its neurons were lowered to compartments
     * @param sources per population, its host spikes (null for neurons)
     */
    public static LearningLowering lower(Network net, List<ProjectionLowering> projections, boolean[] postSupported,
            List<SpikeSource> sources) {
        double dt = net.simulation().dt();
        long steps = net.simulation().steps();
        int count = net.projections().size();
        List<LearningPlan> plans = new ArrayList<>(java.util.Collections.nCopies(count, null));
        List<Loihi1Learning.Trace> rewardTraces = new ArrayList<>(java.util.Collections.nCopies(net.modulators().size(),
                null));
        double[] rewardScale = new double[net.modulators().size()];
        List<LoweringFacts.Plasticity> facts = new ArrayList<>();
        List<QuantizationRow> rows = new ArrayList<>();
        Set<Integer> blockedPathways = new LinkedHashSet<>();
        Set<Integer> blockedModulators = new LinkedHashSet<>();
        for (int j = 0; j < count; j++) {
            Projection proj = net.projections().get(j);
            if (proj.plasticity().isEmpty()) {
                continue;
            }
            EvaluatedCall call = proj.plasticity().get();
            String why = "";
            if (!call.name().equals("stdp") && !call.name().equals("da_stdp")) {
                why = "rule " + call.name() + " is not lowered to the learning engine yet (stdp and da_stdp are)";
            } else if (!postSupported[proj.post()]) {
                why = "its post population has no compartments on the chip";
            }
            Lowered result = why.isEmpty() ? lowerOne(net, j, projections.get(j), sources, dt, steps, rewardTraces,
                    rewardScale, rows) : null;
            if (result != null && !result.why.isEmpty()) {
                why = result.why;
            }
            int post = proj.post();
            List<String> pathways = new ArrayList<>();
            for (int p = 0; p < net.pathways().size(); p++) {
                PathwayBinding pw = net.pathways().get(p);
                if (LearningEffects.hasLearning(pw) && LearningEffects.reaches(pw, j, post)) {
                    if (why.isEmpty()) {
                        // Its learning effects are lowered here; its neuron effects by ModulationLowering.
                        pathways.add(pw.name());
                    } else {
                        blockedPathways.add(p);
                    }
                }
            }
            if (why.isEmpty()) {
                plans.set(j, result.plan);
                facts.add(new LoweringFacts.Plasticity(proj.name(), call.name(), call.span(), "", result.plan.tEpoch(),
                        result.outOfRange, pathways, List.of(), result.pairingRange));
            } else {
                int m = LearningEffects.learningModulator(net, j);
                if (m >= 0) {
                    blockedModulators.add(m);
                }
                facts.add(new LoweringFacts.Plasticity(proj.name(), call.name(), call.span(), why, 0, "", List.of(),
                        List.of()));
            }
        }
        return new LearningLowering(plans, rewardTraces, withModulators(net, facts, blockedPathways, blockedModulators),
                rows);
    }

    /**
     * Marks, on the first lowered fact, the modulators the learning engine carries entirely:
     * every pathway of the modulator acts only on learning, and each such pathway was lowered.
     */
    private static List<LoweringFacts.Plasticity> withModulators(Network net, List<LoweringFacts.Plasticity> facts,
            Set<Integer> blockedPathways, Set<Integer> blockedModulators) {
        Set<String> blockedNames = new LinkedHashSet<>();
        for (int p : blockedPathways) {
            blockedNames.add(net.pathways().get(p).name());
        }
        Set<String> carried = new LinkedHashSet<>();
        for (LoweringFacts.Plasticity f : facts) {
            carried.addAll(f.pathways());
        }
        carried.removeAll(blockedNames);
        List<String> modulators = new ArrayList<>();
        for (int m = 0; m < net.modulators().size(); m++) {
            boolean any = false;
            boolean all = true;
            for (int p = 0; p < net.pathways().size(); p++) {
                PathwayBinding pw = net.pathways().get(p);
                if (pw.modulator() != m) {
                    continue;
                }
                any = true;
                all &= LearningEffects.onlyLearning(pw) && carried.contains(pw.name()) && !blockedPathways.contains(p);
            }
            if (any && all && !blockedModulators.contains(m)) {
                modulators.add(net.modulators().get(m).name());
            }
        }
        List<LoweringFacts.Plasticity> out = new ArrayList<>(facts);
        boolean first = true;
        for (int i = 0; i < out.size(); i++) {
            LoweringFacts.Plasticity f = out.get(i);
            if (f.lowered()) {
                List<String> pathways = new ArrayList<>(f.pathways());
                pathways.removeAll(blockedNames);
                out.set(i, new LoweringFacts.Plasticity(f.projection(), f.rule(), f.span(), "", f.tEpoch(),
                        f.outOfRange(), pathways, first ? modulators : List.of(), f.pairingRange()));
                first = false;
            }
        }
        return out;
    }

    private record Lowered(LearningPlan plan, String why, String outOfRange, double pairingRange) {
    }

    /**
     * Post neurons in {@code bins} geometric bins of K between {@code kLo} and {@code kHi}: each
     * neuron's bin, each bin's K (the mean over its synapses), and the largest relative distance
     * of a neuron's K from its bin's.
     */
    private record KBins(int[] binOf, double[] kBin, double spread) {
        static KBins of(double[] kOf, double kLo, double kHi, int bins, SynapseMatrix m) {
            int[] binOf = new int[kOf.length];
            double[] kSum = new double[bins];
            long[] kCount = new long[bins];
            for (int i = 0; i < kOf.length; i++) {
                binOf[i] = bins == 1 || !(kOf[i] > 0) ? 0
                        : Math.min(bins - 1, (int) (Math.log(kOf[i] / kLo) / Math.log(kHi / kLo) * bins));
            }
            for (int k = 0; k < m.count(); k++) {
                int t = m.target(k);
                kSum[binOf[t]] += kOf[t];
                kCount[binOf[t]]++;
            }
            double[] kBin = new double[bins];
            for (int b = 0; b < bins; b++) {
                kBin[b] = kCount[b] > 0 ? kSum[b] / kCount[b] : kLo * Math.pow(kHi / kLo, (b + 0.5) / bins);
            }
            double spread = 0;
            for (int i = 0; i < kOf.length; i++) {
                if (kOf[i] > 0) {
                    spread = Math.max(spread, Math.abs(kOf[i] - kBin[binOf[i]]) / kBin[binOf[i]]);
                }
            }
            return new KBins(binOf, kBin, spread);
        }
    }

    private static Lowered fail(String why) {
        return new Lowered(null, why, "", 0);
    }

    private static Lowered lowerOne(Network net, int j, ProjectionLowering pl, List<SpikeSource> sources, double dt,
            long steps, List<Loihi1Learning.Trace> rewardTraces, double[] rewardScale, List<QuantizationRow> rows) {
        Projection proj = net.projections().get(j);
        EvaluatedCall call = proj.plasticity().orElseThrow();
        boolean dopamine = call.name().equals("da_stdp");
        boolean multiplicative = "multiplicative".equals(call.words().get("mode"));
        int post = proj.post();
        Population postPop = net.populations().get(post);

        // Variants: the neuron-level learning pathways covering each post neuron.
        List<Integer> projectionLevel = new ArrayList<>();
        List<Integer> neuronLevel = new ArrayList<>();
        for (int p = 0; p < net.pathways().size(); p++) {
            PathwayBinding pw = net.pathways().get(p);
            if (!LearningEffects.hasLearning(pw) || !LearningEffects.reaches(pw, j, post)) {
                continue;
            }
            (pw.target() instanceof PathwayTargetBinding.Synapses ? projectionLevel : neuronLevel).add(p);
        }
        if (neuronLevel.size() > Long.SIZE) {
            return fail("more than " + Long.SIZE + " learning pathways reach its post neurons");
        }
        long[] mask = new long[postPop.size()];
        for (int b = 0; b < neuronLevel.size(); b++) {
            PathwayBinding pw = net.pathways().get(neuronLevel.get(b));
            for (NeuronRange r : ((PathwayTargetBinding.Neurons) pw.target()).ranges()) {
                if (r.population() == post) {
                    for (int i = r.localStart(); i < r.localEnd(); i++) {
                        mask[i] |= 1L << b;
                    }
                }
            }
        }
        Map<Long, Integer> variantOf = new HashMap<>();
        List<Long> variants = new ArrayList<>();
        int[] variantOfPost = new int[postPop.size()];
        for (int i = 0; i < mask.length; i++) {
            Integer v = variantOf.get(mask[i]);
            if (v == null) {
                v = variants.size();
                variantOf.put(mask[i], v);
                variants.add(mask[i]);
            }
            variantOfPost[i] = v;
        }
        if (variants.size() > Loihi1Limits.STDP_PROFILES_PER_CORE) {
            return fail("its post neurons need " + variants.size() + " rule variants, more than the "
                    + Loihi1Limits.STDP_PROFILES_PER_CORE + " stdp profiles of a core");
        }
        List<LearningEffects.Factor> factors = new ArrayList<>();
        int betaModulator = -1;
        for (long m : variants) {
            List<Integer> applied = new ArrayList<>();
            for (int p = 0; p < net.pathways().size(); p++) {
                int b = neuronLevel.indexOf(p);
                if (projectionLevel.contains(p) || (b >= 0 && (m & (1L << b)) != 0)) {
                    applied.add(p);
                }
            }
            LearningEffects.Factor f = LearningEffects.fold(net, applied);
            if (!f.ok()) {
                return fail(f.problem());
            }
            if (f.beta() != 0) {
                if (dopamine) {
                    return fail("a learning_rate that grows with [" + net.modulators().get(f.modulator()).name()
                            + "] times da_stdp's own modulator term is quadratic in the concentrations");
                }
                if (betaModulator >= 0 && betaModulator != f.modulator()) {
                    return fail("its variants read two modulators; a rule reads one reward trace");
                }
                betaModulator = f.modulator();
            }
            factors.add(f);
        }
        int rewardModulator = dopamine ? LearningEffects.learningModulator(net, j) : betaModulator;
        if (rewardModulator >= 0) {
            Modulator mod = net.modulators().get(rewardModulator);
            if (!(mod.source() instanceof ModulatorSource.FromPopulation)) {
                return fail("modulator `" + mod.name() + "` is released by an external channel, not by spikes a reward "
                        + "axon can receive");
            }
            if (rewardTraces.get(rewardModulator) == null) {
                rewardScale[rewardModulator] = rewardScale(net, rewardModulator, sources, dt, steps,
                        dopamine ? number(call, "b") : 0, rows);
                rewardTraces.set(rewardModulator, new Loihi1Learning.Trace(
                        mod.releasePerSpike() * rewardScale[rewardModulator], traceTau(mod.decay(), dt)));
            }
        }

        // K: weight mantissa per ampere; it varies with the post neuron's scale, so the post neurons
        // are binned by K (geometric bins, as many as the stdp profiles allow) and each bin gets its
        // own rules (a variant: rule offset pathway variant x bins + bin).
        int pathVariants = factors.size();
        int postSize = postPop.size();
        double[] kOf = new double[postSize];
        double kLo = Double.POSITIVE_INFINITY;
        double kHi = 0;
        for (int i = 0; i < postSize; i++) {
            kOf[i] = pl.mantissaPerAmpere(i);
            if (kOf[i] > 0) {
                kLo = Math.min(kLo, kOf[i]);
                kHi = Math.max(kHi, kOf[i]);
            }
        }
        if (!(kHi > 0)) {
            return fail("its weights have no scale on the chip");
        }
        int maxBins = kHi / kLo < K_BIN_SPREAD ? 1
                : Math.max(1, Math.min(K_BINS, Loihi1Limits.STDP_PROFILES_PER_CORE / pathVariants));
        // The fewest bins whose K error is at most K_BIN_ERROR: every bin is a rule of its own,
        // and rules are what a core's 16 words of microcode hold (LOIHI1-LEARN-008).
        KBins kb = null;
        for (int b = 1; b <= maxBins; b++) {
            kb = KBins.of(kOf, kLo, kHi, b, pl.synapses());
            if (kb.spread() <= K_BIN_ERROR) {
                break;
            }
        }
        int bins = kb.kBin().length;
        int[] binOf = kb.binOf();
        double[] kBin = kb.kBin();
        double kSpread = kb.spread();
        for (int i = 0; i < postSize; i++) {
            variantOfPost[i] = variantOfPost[i] * bins + binOf[i];
        }
        int tauPlus = traceTau(number(call, "tau_plus"), dt);
        int tauMinus = traceTau(number(call, "tau_minus"), dt);
        int impulse = dopamine ? burstImpulse(Math.max(tauPlus, tauMinus)) : TRACE_IMPULSE;
        Loihi1Learning.Trace x1 = new Loihi1Learning.Trace(impulse, tauPlus);
        Loihi1Learning.Trace y1 = new Loihi1Learning.Trace(impulse, tauMinus);
        double aPlus = number(call, "A_plus");
        double aMinus = number(call, "A_minus");
        if (!(aPlus >= 0 && aMinus >= 0) || (aPlus == 0 && aMinus == 0)) {
            return fail("A_plus and A_minus must be >= 0 and not both 0 for the learning engine");
        }
        Loihi1Learning.Trace r1 = rewardModulator >= 0 ? rewardTraces.get(rewardModulator) : null;
        double sr = rewardModulator >= 0 ? rewardScale[rewardModulator] : 0;
        double base = rewardModulator >= 0 ? net.modulators().get(rewardModulator).baseline() : 0;
        double wMaxA = number(call, "w_max");
        double wMinA = number(call, "w_min");

        double worst = 0;
        double boundError = 0;
        List<String> outOfRange = new ArrayList<>();
        List<Loihi1Learning.Rule> rules = new ArrayList<>();
        int tEpoch = 0;
        String name = proj.name();
        if (dopamine) {
            double tauC = number(call, "tau_c");
            double b = number(call, "b");
            // The tag decays once per decay period (the shortest whose decay a scale fits); the
            // epoch itself is shorter, the decay product decimated to every 2^d epochs (u_d):
            // Lava's engine keeps one pre and one post spike per epoch for the pairing products,
            // so a post burst within an epoch pairs once (its last spike) where the float rule
            // pairs every spike, while its trace y1 takes every impulse into the depression.
            int decayPeriod = epochFor(tauC, dt);
            int decimation = 0;
            while (decimation < Loihi1Limits.LEARNING_DECIMATION_MAX && decayPeriod % (2 << decimation) == 0
                    && decayPeriod / (2 << decimation) >= MIN_PAIRING_EPOCH) {
                decimation++;
            }
            tEpoch = decayPeriod >> decimation;
            double alphaDecay = -StrictMath.expm1(-decayPeriod * dt / tauC);
            ScaleFit decay = ScaleFit.of(-alphaDecay, ScaleFit.shift(Variable.T.bits()));
            worst = Math.max(worst, decay.error());
            rows.add(row(proj, "tau_c", "s", decay.error(), String.format(Locale.ROOT,
                    "tag decay per %d steps %.5f as %d x 2^%d (every %d of the %d-step epochs)", decayPeriod,
                    alphaDecay, -decay.mantissa(), decay.exponent(), 1 << decimation, tEpoch)));
            double rho = aMinus / aPlus;
            TagFit best = null;
            double baseError = 0;
            boolean baseMerged = false;
            for (int v = 0; v < pathVariants; v++) {
                double alpha = factors.get(v).alpha();
                for (int bin = 0; bin < bins; bin++) {
                    double k = kBin[bin];
                    TagFit fit = fitTag(aPlus, rho, k, tEpoch, dt, sr, alpha, rewardModulator >= 0, base - b, impulse);
                    if (fit == null) {
                        return fail("no tag gain keeps a pairing's tag step within 8..128 (A_plus " + aPlus + ")");
                    }
                    if (best == null || fit.error > best.error) {
                        best = fit;
                    }
                    List<Product> dtProducts = new ArrayList<>();
                    if (aPlus > 0) {
                        dtProducts.add(new Product(Variable.Y0, 0, fit.mPlus, fit.sTag,
                                List.of(new Factor(Variable.X1, 0))));
                    }
                    if (aMinus > 0) {
                        dtProducts.add(new Product(Variable.X0, 0, -fit.mMinus, fit.sTag,
                                List.of(new Factor(Variable.Y1, 0))));
                    }
                    dtProducts.add(new Product(Variable.U, decimation, decay.mantissa(), decay.exponent(),
                            List.of(new Factor(Variable.T, 0))));
                    List<Product> dw = new ArrayList<>();
                    if (rewardModulator >= 0 && alpha != 0) {
                        // The baseline term, (baseline - b) per unit of tag: the constant of the
                        // factor (r1 + C) where an integer C carries it as well as a product of
                        // its own would (one microcode word instead of two), else that product.
                        double wanted = alpha * (base - b) * tEpoch * dt / (RATE_UNIT * fit.gain);
                        int merged = rewardConstant(fit.weight, wanted, Variable.T.bits());
                        dw.add(new Product(Variable.U, 0, fit.weight.mantissa(), fit.weight.exponent(),
                                List.of(new Factor(Variable.T, 0), new Factor(Variable.R1, merged))));
                        if (merged != 0) {
                            baseError = Math.max(baseError, Math.abs(fit.weight.value() * merged - wanted)
                                    / Math.abs(wanted));
                            baseMerged = true;
                        } else if (wanted != 0) {
                            baseError = Math.max(baseError, addScaled(dw, Variable.U, wanted,
                                    List.of(new Factor(Variable.T, 0)), outOfRange));
                        }
                    }
                    // A reward moves a weight by up to (m - b) c / 1 ms per ms, many times the
                    // range in one epoch: w_max is held in the same epoch by the accumulator's
                    // saturation (see clampAbove), w_min = 0 by the sign mode's clamp.
                    int wMaxMantissa = heldBound((int) Math.round(wMaxA * k));
                    if (wMaxA * k > 0) {
                        boundError = Math.max(boundError, Math.abs(wMaxMantissa - wMaxA * k) / (wMaxA * k));
                    }
                    dw = clampAbove(dw, wMaxMantissa, outOfRange);
                    boundError = Math.max(boundError, addLowerBound(dw, wMinA, k, outOfRange));
                    rules.add(new Loihi1Learning.Rule(variantName(name, rules.size()), dw, dtProducts, x1, y1,
                            rewardModulator >= 0 ? r1 : null));
                }
            }
            worst = Math.max(worst, Math.max(best.error, baseError));
            if (rewardModulator >= 0) {
                rows.add(row(proj, "modulator baseline - b", "", baseError, String.format(Locale.ROOT,
                        (baseMerged ? "u0 t (r1 + C), C = s_r (baseline - b) rounded"
                                : "u0 t (baseline - b) as a product of its own")
                                + " (reward trace %.4f per unit of [%s])", sr,
                        net.modulators().get(rewardModulator).name())));
            }
            rows.add(row(proj, "A_plus, A_minus", "", best.error, String.format(Locale.ROOT,
                    "tag gain %.3g per mantissa; A_minus/A_plus %.4f as %d/%d; trace impulse %d; dw scale %s",
                    best.gain, rho,
                    best.mMinus, best.mPlus, impulse, best.weight.error() < 1 ? String.format(Locale.ROOT, "%.3g (err %.1f%%)",
                            best.weight.value(), 100 * best.weight.error()) : "none")));
        } else {
            for (int v = 0; v < pathVariants; v++) {
                LearningEffects.Factor f = factors.get(v);
                boolean reward = f.beta() != 0;
                // alpha + beta [M] = (beta / s_r) r1 + (alpha + beta baseline): two products per term.
                double gainR = reward ? f.beta() / sr : 0;
                double gainC = reward ? f.alpha() + f.beta() * base : f.alpha();
                double mergedError = 0;
                int mergedConstant = 0;
                for (int bin = 0; bin < bins; bin++) {
                    double k = kBin[bin];
                    // Potentiation (q = 0) and depression (q = 1): dependency, scale at gain 1, factors.
                    Variable[] deps = {Variable.Y0, Variable.X0};
                    double[] scales = new double[2];
                    List<List<Factor>> own = new ArrayList<>();
                    if (multiplicative) {
                        int wMax = (int) Math.round(wMaxA * k);
                        int wMin = (int) Math.round(wMinA * k);
                        if (-wMax < Loihi1Limits.LEARNING_CONSTANT_MIN || -wMin > Loihi1Limits.LEARNING_CONSTANT_MAX) {
                            outOfRange.add("w_max " + wMax + " (mantissa) does not fit a product constant");
                        }
                        own.add(List.of(new Factor(Variable.X1, 0), new Factor(Variable.W, clampConstant(-wMax))));
                        own.add(List.of(new Factor(Variable.Y1, 0), new Factor(Variable.W, clampConstant(-wMin))));
                        scales[0] = -aPlus / TRACE_IMPULSE;
                        scales[1] = -aMinus / TRACE_IMPULSE;
                    } else {
                        double unit = WEIGHT_UNIT * k / TRACE_IMPULSE;
                        own.add(List.of(new Factor(Variable.X1, 0)));
                        own.add(List.of(new Factor(Variable.Y1, 0)));
                        scales[0] = aPlus * unit;
                        scales[1] = -aMinus * unit;
                    }
                    // A term's constant part rides on its reward product as (r1 + C) where an integer
                    // C carries it as exactly as a product of its own: one microcode word, not two.
                    int[] merged = new int[2];
                    for (int q = 0; q < 2 && reward && gainC != 0; q++) {
                        if (scales[q] == 0) {
                            continue;
                        }
                        int bits = Product.factorBits(own.get(q));
                        ScaleFit rf = ScaleFit.of(gainR * scales[q], ScaleFit.shift(bits + Variable.R1.bits()));
                        merged[q] = rewardConstant(rf, gainC * scales[q], bits);
                        if (merged[q] != 0) {
                            mergedConstant = merged[q];
                            mergedError = Math.max(mergedError, Math.abs(rf.value() * merged[q] - gainC * scales[q])
                                    / Math.abs(gainC * scales[q]));
                        }
                    }
                    List<Product> dw = new ArrayList<>();
                    for (int part = 0; part < 2; part++) {
                        double gain = part == 0 ? gainC : gainR;
                        if (gain == 0) {
                            continue;
                        }
                        for (int q = 0; q < 2; q++) {
                            if (part == 1 && merged[q] != 0) {
                                continue;
                            }
                            List<Factor> fq = new ArrayList<>(own.get(q));
                            if (merged[q] != 0) {
                                fq.add(new Factor(Variable.R1, merged[q]));
                            } else if (part == 1) {
                                fq.add(new Factor(Variable.R1, 0));
                            }
                            double g = merged[q] != 0 ? gainR : gain;
                            worst = Math.max(worst, addScaled(dw, deps[q], g * scales[q], fq, outOfRange));
                        }
                    }
                    if (!multiplicative) {
                        boundError = Math.max(boundError, addBounds(dw, wMaxA, wMinA, k, outOfRange));
                    }
                    rules.add(new Loihi1Learning.Rule(variantName(name, rules.size()), dw, List.of(), x1, y1,
                            reward ? r1 : null));
                }
                if (reward) {
                    rows.add(row(proj, "learning_rate", "", mergedError, String.format(Locale.ROOT,
                            "%.4g + %.4g [%s] as %.4g r1 + %.4g", f.alpha(), f.beta(),
                            net.modulators().get(f.modulator()).name(), gainR, gainC)
                            + (mergedConstant != 0 ? String.format(Locale.ROOT, ", written (r1 + C) with C = %d "
                                    + "(the constant's error)", mergedConstant) : "")));
                }
            }
            rows.add(row(proj, "A_plus, A_minus", "", worst, "scales m x 2^e of " + (multiplicative
                    ? "A x (w_max - w) / I" : "A x 1 nA x K / I") + " with trace impulse I = " + TRACE_IMPULSE));
        }
        rows.add(row(proj, "tau_plus, tau_minus", "s", Math.max(tauError(number(call, "tau_plus"), tauPlus, dt),
                tauError(number(call, "tau_minus"), tauMinus, dt)), "trace time constants in whole steps ("
                + tauPlus + ", " + tauMinus + "); 7-bit traces, stochastic rounding"));
        rows.add(row(proj, "weight per mantissa (K)", "nA", kSpread, String.format(Locale.ROOT,
                "%d bin(s) of post neurons by weight scale, one rule each; a rule's scales use its bin's mean", bins)));
        rows.add(row(proj, "w_min, w_max", "nA", boundError, multiplicative ? "soft bounds of the multiplicative rule"
                : dopamine ? "w_max held in the epoch by the accumulator's saturation: dw products between u0 (256 - "
                        + "w_max) and u0 (w_max - 256), each at most two signed digits m 2^e (w_max one mantissa off "
                        + "where 256 - w_max needs three); w_min as products (a weight below returns next epoch), 0 by "
                        + "the sign mode; error of the bound's mantissa"
                : "bounds as products u0 (w - w_max) (sgn(w - w_max) + 1) / 2 (likewise w_min): a weight past a "
                        + "bound returns to it in the next epoch; error of the bound's mantissa"));
        String range = String.join("; ", outOfRange);
        double pairingRange = dopamine && rewardModulator >= 0
                ? pairingRange(net, rewardModulator, sources, dt, steps, call, factors) : 0;
        return new Lowered(new LearningPlan(j, name, rules, tEpoch, rewardModulator, variantOfPost), "", range,
                pairingRange);
    }

    /**
     * How many weight ranges one full pairing moves a da_stdp weight over its eligibility's life
     * at the modulator's expected level: {@code A_plus W |alpha| |E[M] - b| tau_c / 1 ms / (w_max - w_min)},
     * E[M] = baseline + release x (source spikes per second) x decay. Far above 1, each weight sits
     * at a bound with the sign of its eligibility (rule LOIHI1-LEARN-007).
     */
    private static double pairingRange(Network net, int m, List<SpikeSource> sources, double dt, long steps,
            EvaluatedCall call, List<LearningEffects.Factor> factors) {
        Modulator mod = net.modulators().get(m);
        int pop = ((ModulatorSource.FromPopulation) mod.source()).population();
        double expected = mod.baseline()
                + mod.releasePerSpike() * sourceRate(net, pop, sources, dt, steps) * mod.decay();
        double alpha = 0;
        for (LearningEffects.Factor f : factors) {
            alpha = Math.max(alpha, Math.abs(f.alpha()));
        }
        double range = number(call, "w_max") - number(call, "w_min");
        if (!(range > 0)) {
            return 0;
        }
        return number(call, "A_plus") * WEIGHT_UNIT * alpha * Math.abs(expected - number(call, "b"))
                * number(call, "tau_c") / RATE_UNIT / range;
    }

    private static String variantName(String projection, int v) {
        return v == 0 ? projection : projection + "#" + v;
    }

    private static int clampConstant(int c) {
        return Math.max(Loihi1Limits.LEARNING_CONSTANT_MIN, Math.min(Loihi1Limits.LEARNING_CONSTANT_MAX, c));
    }

    /**
     * The weight bounds as products: {@code -(w - b) (sgn(w - b) + 1) / 2} pulls a weight above
     * {@code w_max} back to it, {@code -(w - b) (1 - sgn(w - b)) / 2} one below {@code w_min} (skipped
     * at 0, which the sign mode's clamp already holds). The products read the weight before the
     * epoch's update, so a bound holds from the next epoch on. Returns the bounds' rounding error.
     */
    private static double addBounds(List<Product> out, double wMax, double wMin, double k, List<String> outOfRange) {
        double err = 0;
        double[] bounds = {wMax, wMin};
        for (int i = 0; i < 2; i++) {
            double ideal = bounds[i] * k;
            int c = (int) Math.round(ideal);
            if (i == 1 && c <= 0) {
                continue;
            }
            if (-c < Loihi1Limits.LEARNING_CONSTANT_MIN) {
                outOfRange.add("bound " + c + " (mantissa) does not fit a product constant");
                c = -Loihi1Limits.LEARNING_CONSTANT_MIN;
            }
            err = Math.max(err, ideal == 0 ? 0 : Math.abs(c - ideal) / ideal);
            int side = i == 0 ? -1 : 1;
            out.add(new Product(Variable.U, 0, -1, -1, List.of(new Factor(Variable.W, -c))));
            out.add(new Product(Variable.U, 0, side, -1, List.of(new Factor(Variable.W, -c),
                    new Factor(Variable.SGN_W, -c))));
        }
        return err;
    }

    /**
     * The weight products {@code dw} with the upper bound {@code c} (mantissa) applied in the same
     * epoch: {@code min(w + dw, c)}. Lava sums a target's products in order into an accumulator
     * that saturates at 2^15 - 1 (256 mantissa units) after every product (specs/loihi1.md §3.3),
     * so the products are wrapped as {@code +(256 - c)}, {@code dw}, {@code -(256 - c)}: the
     * first puts c at the saturation point, the weight products clip there, the last shifts back.
     * The result is exact (up to 1/128 of a mantissa at the bound, which rounds stochastically)
     * as long as the dw products share a sign, which da_stdp's do (t r1 and t (baseline - b),
     * r1 &gt;= 0, for baseline &gt;= b). A bound written as products that read the weight before the
     * epoch (the stdp rules' {@link #addBounds}) acts only in the next epoch, so a weight change
     * larger than the headroom overshoots w_max for an epoch; with da_stdp at a high modulator
     * level (a change of many ranges per epoch) that throws weights between the bounds.
     */
    static List<Product> clampAbove(List<Product> dw, int c, List<String> outOfRange) {
        int headroom = LearningLowerer.SATURATION - c;
        if (headroom <= 0 || headroom > LearningLowerer.SATURATION) {
            outOfRange.add("w_max " + c + " (mantissa) is outside the 8-bit weight");
            return dw;
        }
        int[] digits = headroomDigits(headroom);
        List<Product> out = new ArrayList<>();
        if (digits == null) {
            out.addAll(constant(headroom));
        } else {
            for (int d : digits) {
                out.add(digit(d));
            }
        }
        out.addAll(dw);
        if (digits == null) {
            out.addAll(constant(-headroom));
        } else {
            for (int i = digits.length - 1; i >= 0; i--) {
                out.add(digit(-digits[i]));
            }
        }
        return out;
    }

    /** Most products a w_max headroom is written in ({@link #headroomDigits}). */
    static final int HEADROOM_DIGITS = 2;

    /**
     * The headroom {@code h = 256 - c} (mantissa units) as at most {@link #HEADROOM_DIGITS}
     * signed digits {@code m 2^e} (|m| &lt;= 7, e in 0..8), in the order the head adds them: a
     * negative digit first, so that no partial sum of {@code w + digits} (w in [0, c]) leaves the
     * accumulator before the last, whose sum {@code w + h <= 256} reaches the saturation exactly
     * where the all-positive digits of {@link #constant} do. The tail adds the digits negated in
     * reverse order (the negated positive digit first): from any accumulator {@code a <= 256} its
     * partial sums fall before they rise, so it ends at {@code a - h}, or below 0 where
     * {@code a - h} is below 0 too (the sign mode's clamp makes both 0). One digit where one
     * suffices, else two of one sign, else a negative and a positive; null when none of these
     * writes h (40 values from 137 to 255, {@link #heldBound} moves w_max off them).
     */
    static int[] headroomDigits(int h) {
        if (isDigit(h)) {
            return new int[] {h};
        }
        int[] best = null;
        int bestSmall = Integer.MAX_VALUE;
        for (int e = 0; e <= Loihi1Limits.LEARNING_SCALE_EXP_MAX; e++) {
            for (int m = -Loihi1Limits.LEARNING_SCALE_MANTISSA_MAX; m <= Loihi1Limits.LEARNING_SCALE_MANTISSA_MAX; m++) {
                int a = m << e;
                int rest = h - a;
                if (!isDigit(a) || !isDigit(rest)) {
                    continue;
                }
                boolean sameSign = a > 0 && rest > 0;
                int small = Math.min(Math.abs(a), Math.abs(rest));
                // Digits of one sign first; among mixed pairs the smaller correction.
                int rank = sameSign ? small - Integer.MAX_VALUE / 2 : small;
                if (best == null || rank < bestSmall) {
                    bestSmall = rank;
                    best = a < 0 || (a > 0 && rest > 0 && a < rest) ? new int[] {a, rest} : new int[] {rest, a};
                }
            }
        }
        return best;
    }

    /** Whether {@code v != 0} is one product's constant {@code m 2^e}, |m| &lt;= 7, |v| &lt; 256. */
    private static boolean isDigit(int v) {
        if (v == 0) {
            return false;
        }
        int mag = Math.abs(v);
        int e = Integer.numberOfTrailingZeros(mag);
        // Below the saturation: a product of 256 is clipped to 255 + 127/128 on its own.
        return mag < SATURATION && (mag >> e) <= Loihi1Limits.LEARNING_SCALE_MANTISSA_MAX
                && e <= Loihi1Limits.LEARNING_SCALE_EXP_MAX;
    }

    private static Product digit(int v) {
        int e = Integer.numberOfTrailingZeros(Math.abs(v));
        return new Product(Variable.U, 0, v >> e, e, List.of());
    }

    /**
     * The w_max mantissa the saturation clamp holds: {@code c} itself, or where its headroom
     * {@code 256 - c} needs more than {@link #HEADROOM_DIGITS} products, c - 1 or else c + 1
     * when its headroom does not (the lower first, so weights stay within w_max); c with the
     * headroom's binary digits when neither does (c = 1, 2: a w_max of a mantissa or two).
     */
    static int heldBound(int c) {
        if (c <= 0 || c >= SATURATION || headroomDigits(SATURATION - c) != null) {
            return c;
        }
        for (int near : new int[] {c - 1, c + 1}) {
            if (near > 0 && headroomDigits(SATURATION - near) != null) {
                return near;
            }
        }
        return c;
    }

    /**
     * The integer C of a factor {@code (r1 + C)} that carries a constant term {@code wanted}
     * (per unit of the other factors, {@code factorBits} wide) beside the reward term of scale
     * {@code reward}: {@code round(wanted / reward)}, when that is as exact as a product of the
     * term's own and leaves the expected peak of r1 ({@link #REWARD_HEADROOM}) unclipped; else 0.
     */
    static int rewardConstant(ScaleFit reward, double wanted, int factorBits) {
        if (wanted == 0 || reward.error() >= 1 || reward.value() == 0) {
            return 0;
        }
        long c = Math.round(wanted / reward.value());
        if (c == 0 || c < Loihi1Limits.LEARNING_CONSTANT_MIN || c > Loihi1Limits.TRACE_MAX - REWARD_HEADROOM) {
            return 0;
        }
        double merged = Math.abs(reward.value() * c - wanted) / Math.abs(wanted);
        double own = ScaleFit.of(wanted, ScaleFit.shift(factorBits)).error();
        // The merged product is floored to 2^exponent mantissa units (its right shift drops the
        // bits below): coarser than the constant term per unit of the other factors, it would
        // round that term away where r1 is 0 (da_stdp's u0 t (baseline - b) with r1 = 0 most of
        // the time: floor(6 t / 32) is 0 for t = 1..5 and -1 for t = -5..-1, a drift towards
        // depression that put distal_reward_lif's learned weights 16.9 % of w_max from the
        // reference's after 9 s, against 11.5 % with the product of its own).
        double quantum = StrictMath.scalb(1.0, reward.exponent());
        return merged <= own + 1e-9 && quantum <= Math.abs(wanted) ? (int) c : 0;
    }

    /** The weight saturation of the learning accumulator, in mantissa units: 2^15 / 2^7. */
    static final int SATURATION = 1 << (Loihi1Limits.LEARNING_ACCUMULATOR_BITS - Loihi1Limits.LEARNING_VARIABLE_SHIFT);

    /**
     * An exact integer constant {@code v} (mantissa units, |v| &lt;= 256) as factorless products
     * {@code u0 m 2^e}: its binary digits in groups of three (a positive mantissa is at most 7).
     */
    static List<Product> constant(int v) {
        List<Product> out = new ArrayList<>();
        int mag = Math.abs(v);
        int sign = v < 0 ? -1 : 1;
        for (int e = 0; mag != 0; ) {
            if ((mag & 1) == 0) {
                mag >>= 1;
                e++;
                continue;
            }
            int m = mag & 7;
            out.add(new Product(Variable.U, 0, sign * m, e, List.of()));
            mag >>= 3;
            e += 3;
        }
        return out;
    }

    /**
     * The lower bound {@code w_min > 0} as products {@code -(w - c) (1 - sgn(w - c)) / 2}, which
     * pull a weight below it back in the next epoch (w_min = 0 is the sign mode's clamp). Returns
     * the bound's rounding error.
     */
    private static double addLowerBound(List<Product> out, double wMin, double k, List<String> outOfRange) {
        double ideal = wMin * k;
        int c = (int) Math.round(ideal);
        if (c <= 0) {
            return 0;
        }
        if (c > Loihi1Limits.LEARNING_CONSTANT_MAX + 1) {
            outOfRange.add("bound " + c + " (mantissa) does not fit a product constant");
            c = Loihi1Limits.LEARNING_CONSTANT_MAX + 1;
        }
        out.add(new Product(Variable.U, 0, -1, -1, List.of(new Factor(Variable.W, -c))));
        out.add(new Product(Variable.U, 0, 1, -1, List.of(new Factor(Variable.W, -c),
                new Factor(Variable.SGN_W, -c))));
        return Math.abs(c - ideal) / ideal;
    }

    /** Adds {@code scale * dep * factors} to {@code out} when the scale is not 0; returns the fit's error. */
    private static double addScaled(List<Product> out, Variable dep, double scale, List<Factor> factors,
            List<String> outOfRange) {
        if (scale == 0) {
            return 0;
        }
        ScaleFit fit = ScaleFit.of(scale, ScaleFit.shift(Product.factorBits(factors)));
        if (fit.error() >= 1) {
            outOfRange.add(String.format(Locale.ROOT, "scale %.3g is below the smallest the engine holds", scale));
        }
        out.add(new Product(dep, 0, fit.mantissa(), fit.exponent(), factors));
        return fit.error();
    }

    /** A da_stdp fit: tag scale mantissas and exponent, the tag gain, and the weight scale. */
    private record TagFit(int mPlus, int mMinus, int sTag, double gain, ScaleFit weight, double error) {
    }

    private static TagFit fitTag(double aPlus, double rho, double k, int tEpoch, double dt, double sr, double alpha,
            boolean reward, double baseTerm, int impulse) {
        TagFit best = null;
        for (int mPlus = 1; mPlus <= Loihi1Limits.LEARNING_SCALE_MANTISSA_MAX; mPlus++) {
            int mMinus = (int) Math.round(rho * mPlus);
            if (rho > 0 && (mMinus < 1 || mMinus > -Loihi1Limits.LEARNING_SCALE_MANTISSA_MIN)) {
                continue;
            }
            double ratioErr = rho == 0 ? 0 : Math.abs(mMinus / (double) mPlus - rho) / rho;
            for (int s = Loihi1Limits.LEARNING_SCALE_EXP_MIN; s <= Loihi1Limits.LEARNING_SCALE_EXP_MAX; s++) {
                double step = mPlus * StrictMath.scalb(1.0, s) * impulse;
                double maxStep = Math.max(mPlus, mMinus) * StrictMath.scalb(1.0, s) * impulse;
                if (step < 8 || maxStep > 128) {
                    continue;
                }
                double gain = step / (aPlus * WEIGHT_UNIT * k);
                ScaleFit weight = reward && alpha != 0
                        ? ScaleFit.of(alpha * tEpoch * dt / (RATE_UNIT * gain * sr),
                                ScaleFit.shift(Variable.T.bits() + Variable.R1.bits()))
                        : new ScaleFit(0, 0, 0, 0);
                // The baseline product u0 t (baseline - b) scales with 1 / gain too: a gain that
                // leaves it below the smallest scale would drop it (LOIHI1-LEARN-004).
                ScaleFit base = reward && alpha != 0 && baseTerm != 0
                        ? ScaleFit.of(alpha * baseTerm * tEpoch * dt / (RATE_UNIT * gain),
                                ScaleFit.shift(Variable.T.bits()))
                        : new ScaleFit(0, 0, 0, 0);
                double err = Math.max(ratioErr, Math.max(weight.error(), base.error()));
                // Of equal fits the smaller gain: the 9-bit tag ([-257, 255]) then holds more pairings
                // before it saturates (at 80 per pairing it held 3, and a saturated tag loses its
                // depression's excess to the decay: the weights drifted up once the epochs were short).
                if (best == null || err < best.error - 1e-9 || (Math.abs(err - best.error) <= 1e-9 && gain < best.gain)) {
                    best = new TagFit(mPlus, mMinus, s, gain, weight, err);
                }
            }
        }
        return best;
    }

    /**
     * The da_stdp trace impulse for traces of time constant {@code tauSteps}: the largest power of
     * two, from {@link #MIN_TRACE_IMPULSE} to 32, whose 7-bit trace ({@link Loihi1Limits#TRACE_MAX})
     * holds a burst of spikes {@link #BURST_INTERVAL} steps apart, which peaks at
     * {@code 1 / (1 - exp(-BURST_INTERVAL / tau))} impulses (16 at tau = 20 steps). The float rule's
     * traces are unbounded; a clipped trace drops the pairings of a burst beyond it. With 32 (room
     * for 4 spikes within tau) the rewards of {@code distal_reward_lif} came during bursts of about
     * 10 Hz whose post traces in the reference exceed that cap by 23 % of their mass (inh; 12 %
     * exc): the exc -> inh depression came out short, and the second reward sent 37 % of those
     * synapses to w_max where the reference sends 96 % to 0 (mean 1.51 against 0.15 nA; with 16:
     * 0.151 against 0.150). On a small bursting network the chip's weights sat 12 % of w_max above
     * the reference's on average, 4 % with 16 (Loihi1DaStdpBurstTraceTest). Integer traces decay with
     * stochastic rounding, so a smaller impulse adds noise to a pairing, not bias; a power of two
     * keeps the tag scales' fit as it is at 32, one exponent lower.
     */
    static int burstImpulse(int tauSteps) {
        double peak = 1 / -StrictMath.expm1(-(double) BURST_INTERVAL / tauSteps);
        int fits = (int) Math.floor(Loihi1Limits.TRACE_MAX / peak);
        // A power of two: the tag scales then fit as they do at 32, one exponent lower (at 12 the
        // moderate tracking network's A-/A+ fell from 3/2 to 5/3 and its weights drifted).
        int impulse = fits < 1 ? 1 : Integer.highestOneBit(fits);
        return Math.max(MIN_TRACE_IMPULSE, Math.min(TRACE_IMPULSE, impulse));
    }

    /** The shortest epoch whose tag decay {@code 1 - exp(-tEpoch dt / tau_c)} a scale fits within 3 %. */
    static int epochFor(double tauC, double dt) {
        int bestEpoch = DEFAULT_EPOCH;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int e = 1; e <= Loihi1Limits.LEARNING_EPOCH_MAX_STEPS; e++) {
            double alpha = -StrictMath.expm1(-e * dt / tauC);
            double err = ScaleFit.of(-alpha, 0).error();
            if (err < bestErr - 1e-12) {
                bestErr = err;
                bestEpoch = e;
            }
            if (err <= EPOCH_FIT) {
                return e;
            }
        }
        return bestEpoch;
    }

    /**
     * The reward-trace scale of modulator {@code m} (trace units per unit of concentration): the
     * expected peak of {@code [M] - baseline}, release x (1 + source rate x decay) x 1.5, maps to
     * about {@link #REWARD_HEADROOM}; lowered to make the baseline term an integer constant when
     * it is large enough, and so that the impulse is a whole 1/256.
     */
    private static double rewardScale(Network net, int m, List<SpikeSource> sources, double dt, long steps, double b,
            List<QuantizationRow> rows) {
        Modulator mod = net.modulators().get(m);
        int pop = ((ModulatorSource.FromPopulation) mod.source()).population();
        double rate = sourceRate(net, pop, sources, dt, steps);
        double peak = mod.releasePerSpike() * (1 + rate * mod.decay()) * 1.5;
        double sr = REWARD_HEADROOM / peak;
        double baseTerm = Math.abs(mod.baseline() - b);
        if (baseTerm > 0 && baseTerm * sr >= 1) {
            sr = Math.floor(baseTerm * sr) / baseTerm;
        }
        double impulse = Math.min(Loihi1Limits.TRACE_MAX, Math.max(1.0 / Loihi1Limits.TRACE_IMPULSE_FRACTION_SCALE,
                Math.floor(mod.releasePerSpike() * sr * Loihi1Limits.TRACE_IMPULSE_FRACTION_SCALE)
                        / Loihi1Limits.TRACE_IMPULSE_FRACTION_SCALE));
        double effective = impulse / mod.releasePerSpike();
        int tau = traceTau(mod.decay(), dt);
        rows.add(new QuantizationRow(QuantizationRow.ObjectKind.PROJECTION, "modulator " + mod.name(), "release, decay",
                "", 1, Math.max(Math.abs(effective - sr) / sr, tauError(mod.decay(), tau, dt)),
                Math.abs(effective - sr) / sr, OptionalDouble.empty(), mod.span(), String.format(Locale.ROOT,
                        "reward trace r1: impulse %.4f per spike (%.4g per unit of [%s]), tau %d steps; expected "
                                + "source rate %.3g Hz", impulse, effective, mod.name(), tau, rate)));
        return effective;
    }

    /** Spikes per second of population {@code pop} (host sources counted; neurons assumed at 10 Hz). */
    private static double sourceRate(Network net, int pop, List<SpikeSource> sources, double dt, long steps) {
        Population p = net.populations().get(pop);
        SpikeSource source = pop < sources.size() ? sources.get(pop) : null;
        if (source == null || steps <= 0) {
            return 10.0 * p.size();
        }
        long spikes = 0;
        for (int i = 0; i < p.size(); i++) {
            spikes += source.steps(i, steps).length;
        }
        return spikes / (steps * dt);
    }

    static int traceTau(double tau, double dt) {
        return (int) Math.max(1, Math.min(65535, Math.round(tau / dt)));
    }

    private static double tauError(double tau, int steps, double dt) {
        return Math.abs(steps * dt - tau) / tau;
    }

    private static double number(EvaluatedCall call, String name) {
        return call.number(name).orElseThrow(() -> new IllegalArgumentException("plasticity rule " + call.name()
                + " has no argument " + name));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static QuantizationRow row(Projection p, String parameter, String unit, double error, String note) {
        return new QuantizationRow(QuantizationRow.ObjectKind.PROJECTION, p.name(), parameter, unit,
                p.synapseCount(), error, error, OptionalDouble.empty(), p.span(), note);
    }
}
