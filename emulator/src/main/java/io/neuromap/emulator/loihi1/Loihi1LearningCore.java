package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1LavaWeights;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import java.util.List;

/**
 * The learning engine of one core, in Lava's bit-approximate arithmetic ({@code specs/loihi1.md}
 * §3.3), with reward traces run by the same trace engine as the presynaptic ones
 * ({@code specs/loihi1-compartments-reward.md} §2.1):
 *
 * <pre>
 * spiking phase, step t (Lava's time T = t + 1; ts = T mod tEpoch, or tEpoch when 0):
 *   pre  (an input axon's spike, timed by the step it was sent in): second spike in the epoch:
 *        x1 = add_impulse(x1, 0); tx = ts.   Reward axons likewise for r1.
 *   post (a compartment fired): y0 = 1; second spike: y1 = add_impulse(y1, rnd_post(t)); ty = ts
 * learning phase (T mod tEpoch == 0):
 *   per trace kind, a history over the epoch: h[0] = trace, h[k] = decay(h[k-1], rnd) and
 *   + impulse at k when the last spike was at k; products read their traces at their
 *   dependency's time (tx, ty, or tEpoch for uk)
 *   per plastic synapse and target z in {w, t}: acc = z &lt;&lt; 7 + sum of clipped, shifted products;
 *   w: sign-mode clamp; z = stoch_round(acc / 128, rnd_round) clipped (w: sign mode, 8 bits;
 *   t: [-257, 255]); both targets read the values before the epoch's update
 *   traces = h[tEpoch]; x0, y0, tx, ty, tr = 0
 * </pre>
 *
 * A learned weight reaches delivery through {@link #resolve}, the same resolution
 * {@link Loihi1Dendrites} applies to stored weights. Arrays are per core; nothing is allocated per
 * step.
 */
final class Loihi1LearningCore {
    private static final int SHIFT = Loihi1Limits.LEARNING_VARIABLE_SHIFT;
    /** The accumulator's clip, [-2^15 - 1, 2^15 - 1] as Lava writes it (specs/loihi1.md §3.3). */
    private static final int ACC_MAX = (1 << Loihi1Limits.LEARNING_ACCUMULATOR_BITS) - 1;
    private static final int DEP_X0 = 0;
    private static final int DEP_Y0 = 1;
    private static final int DEP_U = 2;
    private static final int F_X0 = 0;
    private static final int F_Y0 = 1;
    private static final int F_X1 = 2;
    private static final int F_Y1 = 3;
    private static final int F_R1 = 4;
    private static final int F_W = 5;
    private static final int F_T = 6;
    private static final int F_SGN_W = 7;
    /** The sign modes by ordinal, once: {@code values()} would copy the array on every call. */
    private static final Loihi1SignMode[] MODES = Loihi1SignMode.values();
    /** Covers every 8-bit weight mantissa of every sign mode. */
    private static final int QUIET_OFFSET = 512;
    private static final int QUIET_WEIGHTS = 2 * QUIET_OFFSET;
    private static final int UNKNOWN = Integer.MIN_VALUE;

    final int chip;
    final int coreId;
    final int core;
    final int tEpoch;
    private final boolean lava;
    /** The weights delivery adds (every core's); plastic synapse {@code p} at {@code weightSlot[p]}. */
    private final int[] weightOut;
    private final int[] weightSlot;

    // Plastic synapses (core-local synapse index, axon, compartment, rule, reward channel, format data).
    final int[] synapse;
    private final int[] axonOf;
    private final int[] cxOf;
    private final int[] ruleOf;
    private final int[] rewardOf;
    private final byte[] modeOf;
    private final byte[] bitsOf;
    private final byte[] expOf;
    final int[] weight;
    final int[] tag;
    /** Position of a core-local synapse in {@link #synapse}, or -1. */
    final int[] plasticIndex;

    // Rules, flattened: per rule and target the products [from, to) in the product arrays.
    private final int[][] productStart;
    private final int[] depKind;
    private final int[] depDecimation;
    private final int[] scaleMantissa;
    private final int[] rightShift;
    private final int[] leftShift;
    private final int[] factorStart;
    private final int[] factorKind;
    private final int[] factorConstant;
    private final int[] factorMin;
    private final int[] factorMax;

    // Traces: x per input axon, y per compartment, r per reward channel; histories (tEpoch + 1) each.
    private final TraceSet x;
    private final TraceSet y;
    private final TraceSet r;
    private final int[] rewardChannelOfAxon;
    private final byte[] y0;
    /**
     * Per rule: whether a synapse whose tag is 0, in an epoch without a pre- or postsynaptic spike,
     * learns a weight that depends on its weight alone (and its format's sign mode): every product
     * that can act then (a u dependency) has a factor t with no constant, which is 0, or no factor
     * at all, applied every epoch and landing on whole weight units, so stochastic rounding has
     * nothing to round unless the accumulator saturated (such weights are not looked up); and the
     * tag stays 0. Most synapse-epochs of a da_stdp network are such (62 % over 20,000 steps of
     * samples/distal_reward_lif.nmap), so their weights are looked up in {@link #quietWeight}
     * instead of running the rule.
     */
    private final boolean[] quietRule;
    /**
     * The weight a quiet synapse learns, by (rule, sign mode, weight + {@link #QUIET_OFFSET}), or
     * {@link #UNKNOWN} until the rule has run once on that weight (filled as the run meets them).
     */
    private final int[] quietWeight;

    Loihi1LearningCore(int core, int chip, Loihi1CoreConfig config, Loihi1Learning.Core lc,
            List<Loihi1Learning.Rule> rules, boolean lava, int[] weightOut, int[] weightIndex, boolean lookups) {
        this.core = core;
        this.chip = chip;
        this.coreId = config.id();
        this.tEpoch = lc.tEpoch();
        this.lava = lava;
        this.weightOut = weightOut;
        Loihi1Synapses s = config.synapses();
        int n = config.compartmentCount();
        int axons = s.inputAxons();
        int[] offsetOf = new int[n];
        for (int i = 0; i < lc.offsets().length; i++) {
            offsetOf[lc.offsetCompartments()[i]] = lc.offsets()[i];
        }
        int entries = Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE;
        int[] ruleOfFormat = new int[entries];
        int[] rewardOfFormat = new int[entries];
        java.util.Arrays.fill(ruleOfFormat, -1);
        for (Loihi1Learning.FormatRule f : lc.formats()) {
            ruleOfFormat[f.format()] = f.rule();
            rewardOfFormat[f.format()] = f.reward();
        }
        byte[] mode = new byte[entries];
        byte[] bits = new byte[entries];
        byte[] exp = new byte[entries];
        for (Loihi1SynapseFormatEntry e : config.synapseFormats()) {
            mode[e.id()] = (byte) e.signMode().ordinal();
            bits[e.id()] = (byte) e.numWeightBits();
            exp[e.id()] = (byte) e.format().weightExp();
        }
        int count = 0;
        for (int k = 0; k < s.count(); k++) {
            if (ruleOfFormat[s.format()[k]] >= 0) {
                count++;
            }
        }
        synapse = new int[count];
        axonOf = new int[count];
        cxOf = new int[count];
        ruleOf = new int[count];
        rewardOf = new int[count];
        modeOf = new byte[count];
        bitsOf = new byte[count];
        expOf = new byte[count];
        weight = new int[count];
        weightSlot = new int[count];
        tag = new int[count];
        plasticIndex = new int[s.count()];
        java.util.Arrays.fill(plasticIndex, -1);
        Loihi1Learning.Trace[] xCfg = new Loihi1Learning.Trace[axons];
        Loihi1Learning.Trace[] yCfg = new Loihi1Learning.Trace[n];
        Loihi1Learning.Trace[] rCfg = new Loihi1Learning.Trace[lc.rewardAxons().length];
        int p = 0;
        for (int a = 0; a < axons; a++) {
            for (int k = s.axonStart()[a]; k < s.axonStart()[a + 1]; k++) {
                int f = s.format()[k];
                if (ruleOfFormat[f] < 0) {
                    continue;
                }
                int cx = s.compartment()[k];
                int rule = ruleOfFormat[f] + offsetOf[cx];
                Loihi1Learning.Rule rl = rules.get(rule);
                synapse[p] = k;
                weightSlot[p] = weightIndex[k];
                plasticIndex[k] = p;
                axonOf[p] = a;
                cxOf[p] = cx;
                ruleOf[p] = rule;
                rewardOf[p] = rewardOfFormat[f];
                modeOf[p] = mode[f];
                bitsOf[p] = bits[f];
                expOf[p] = exp[f];
                Loihi1SignMode m = MODES[mode[f]];
                weight[p] = Loihi1LavaWeights.denseWeight(s.weight()[k], m, bits[f]);
                xCfg[a] = rl.x1();
                yCfg[cx] = rl.y1();
                if (rewardOfFormat[f] >= 0 && rl.r1() != null) {
                    rCfg[rewardOfFormat[f]] = rl.r1();
                }
                p++;
            }
        }
        x = new TraceSet(xCfg, tEpoch);
        y = new TraceSet(yCfg, tEpoch);
        r = new TraceSet(rCfg, tEpoch);
        y0 = new byte[n];
        rewardChannelOfAxon = new int[axons];
        java.util.Arrays.fill(rewardChannelOfAxon, -1);
        for (int k = 0; k < lc.rewardAxons().length; k++) {
            rewardChannelOfAxon[lc.rewardAxons()[k]] = k;
        }

        // Flatten the rules.
        int products = 0;
        int factors = 0;
        for (Loihi1Learning.Rule rl : rules) {
            for (Loihi1Learning.Target t : Loihi1Learning.Target.values()) {
                for (Loihi1Learning.Product pr : rl.products(t)) {
                    products++;
                    factors += pr.factors().size();
                }
            }
        }
        productStart = new int[rules.size()][3];
        depKind = new int[products];
        depDecimation = new int[products];
        scaleMantissa = new int[products];
        rightShift = new int[products];
        leftShift = new int[products];
        factorStart = new int[products + 1];
        factorKind = new int[factors];
        factorConstant = new int[factors];
        factorMin = new int[factors];
        factorMax = new int[factors];
        int pi = 0;
        int fi = 0;
        for (int ri = 0; ri < rules.size(); ri++) {
            Loihi1Learning.Rule rl = rules.get(ri);
            for (Loihi1Learning.Target t : Loihi1Learning.Target.values()) {
                productStart[ri][t.ordinal()] = pi;
                for (Loihi1Learning.Product pr : rl.products(t)) {
                    depKind[pi] = pr.dependency() == Loihi1Learning.Variable.X0 ? DEP_X0
                            : pr.dependency() == Loihi1Learning.Variable.Y0 ? DEP_Y0 : DEP_U;
                    depDecimation[pi] = pr.decimation();
                    scaleMantissa[pi] = pr.mantissa();
                    rightShift[pi] = Math.max(0, pr.factorBits() + 4 - Loihi1Limits.LEARNING_ACCUMULATOR_BITS);
                    leftShift[pi] = pr.exponent() + SHIFT;
                    factorStart[pi] = fi;
                    for (Loihi1Learning.Factor f : pr.factors()) {
                        factorKind[fi] = kindOf(f.variable());
                        factorConstant[fi] = f.constant();
                        factorMin[fi] = -(1 << f.variable().bits());
                        factorMax[fi] = (1 << f.variable().bits()) - 1;
                        fi++;
                    }
                    if (lookups && pi > productStart[ri][t.ordinal()] && fusedIntoPrevious(pi, fi)) {
                        continue;
                    }
                    pi++;
                }
            }
            productStart[ri][2] = pi;
        }
        factorStart[pi] = fi;
        factorStart[products] = fi;
        quietRule = new boolean[rules.size()];
        for (int ri = 0; ri < rules.size(); ri++) {
            quietRule[ri] = lookups && quiet(productStart[ri][0], productStart[ri][1], true)
                    && quiet(productStart[ri][1], productStart[ri][2], false);
        }
        quietWeight = new int[rules.size() * MODES.length * QUIET_WEIGHTS];
        java.util.Arrays.fill(quietWeight, UNKNOWN);
    }

    /**
     * Whether product {@code q}, whose factors end at {@code factorsEnd}, adds a whole constant in
     * every epoch: a u0 product without factors whose scale {@code m 2^e} (0 <= e < 24) lands on
     * whole weight units, so it leaves stochastic rounding nothing to round.
     */
    private boolean wholeConstant(int q, int factorsEnd) {
        return depKind[q] == DEP_U && depDecimation[q] == 0 && factorStart[q] == factorsEnd && rightShift[q] == 0
                && leftShift[q] >= SHIFT && leftShift[q] < SHIFT + 24;
    }

    /**
     * Adds product {@code q}, just written (its factors end at {@code fi}), into product
     * {@code q - 1} when both are whole constants ({@link #wholeConstant}) of the same sign (as
     * da_stdp's w_max clamp writes a constant, 3 bits of mantissa per product) and their sum stays
     * inside the accumulator; returns whether it did. Exact: the accumulator saturates
     * monotonically, so two additions of one sign saturate where their sum does.
     */
    private boolean fusedIntoPrevious(int q, int fi) {
        if (!wholeConstant(q - 1, factorStart[q]) || !wholeConstant(q, fi)) {
            return false;
        }
        long before = (long) scaleMantissa[q - 1] << leftShift[q - 1];
        long added = (long) scaleMantissa[q] << leftShift[q];
        long sum = before + added;
        if (Long.signum(before) != Long.signum(added) || sum > ACC_MAX || sum < -ACC_MAX - 2) {
            return false;
        }
        int shift = Math.min(leftShift[q - 1], leftShift[q]);
        scaleMantissa[q - 1] = (int) (sum >> shift);
        leftShift[q - 1] = shift;
        return true;
    }

    /**
     * Whether products {@code from .. to - 1} of one target leave it, for a tag of 0 without pre- or
     * postsynaptic spikes, a function of the target alone ({@link #quietRule}); constants (products
     * without factors) only where {@code constants} allows them.
     */
    private boolean quiet(int from, int to, boolean constants) {
        for (int q = from; q < to; q++) {
            if (depKind[q] != DEP_U) {
                continue;
            }
            boolean vanishes = false;
            for (int f = factorStart[q]; f < factorStart[q + 1]; f++) {
                vanishes |= factorKind[f] == F_T && factorConstant[f] == 0;
            }
            if (!vanishes && !(constants && wholeConstant(q, factorStart[q + 1]))) {
                return false;
            }
        }
        return true;
    }

    private static int kindOf(Loihi1Learning.Variable v) {
        switch (v) {
            case X0:
                return F_X0;
            case Y0:
                return F_Y0;
            case X1:
                return F_X1;
            case Y1:
                return F_Y1;
            case R1:
                return F_R1;
            case W:
                return F_W;
            case T:
                return F_T;
            case SGN_W:
                return F_SGN_W;
            default:
                throw new IllegalArgumentException("not a factor: " + v);
        }
    }

    /** Within-epoch time of step {@code step}: Lava's {@code T mod tEpoch}, or tEpoch at the epoch's end. */
    private int epochTime(int step) {
        int ts = (step + 1) % tEpoch;
        return ts == 0 ? tEpoch : ts;
    }

    /** Whether step {@code step} ends an epoch. */
    boolean endsEpoch(int step) {
        return (step + 1) % tEpoch == 0;
    }

    /** Spikes sent in step {@code step} that reached input axons {@code box[0 .. count - 1]}. */
    void presynaptic(int step, int[] box, int count) {
        int ts = epochTime(step);
        for (int k = 0; k < count; k++) {
            int a = box[k];
            int ch = rewardChannelOfAxon[a];
            if (ch >= 0) {
                r.spike(ch, ts, 0);
            }
            x.spike(a, ts, 0);
        }
    }

    /** The core's compartments {@code fired[0 .. count - 1]} fired in step {@code step}. */
    void postsynaptic(int step, int[] fired, int count, int rnd) {
        int ts = epochTime(step);
        for (int k = 0; k < count; k++) {
            int cx = fired[k];
            y0[cx] = 1;
            y.spike(cx, ts, rnd);
        }
    }

    /** The learning phase of the epoch that ends with step {@code step}. */
    void learn(int step, Loihi1LearningRandom random) {
        x.history(random.traceDecay(chip, coreId, step, Loihi1LearningRandom.X),
                random.traceImpulse(chip, coreId, step, Loihi1LearningRandom.X));
        y.history(random.traceDecay(chip, coreId, step, Loihi1LearningRandom.Y),
                random.traceImpulse(chip, coreId, step, Loihi1LearningRandom.Y));
        r.history(random.traceDecay(chip, coreId, step, Loihi1LearningRandom.R),
                random.traceImpulse(chip, coreId, step, Loihi1LearningRandom.R));
        double rnd = random.variableRound(chip, coreId, step);
        int epoch = (step + 1) / tEpoch;
        final int h = tEpoch + 1;
        for (int p = 0; p < synapse.length; p++) {
            int a = axonOf[p];
            int cx = cxOf[p];
            int rule = ruleOf[p];
            int ch = rewardOf[p];
            int w = weight[p];
            int t = tag[p];
            int quietKey = -1;
            if (t == 0 && quietRule[rule] && x.spikeTime[a] <= 0 && y.spikeTime[cx] <= 0
                    && w >= -QUIET_OFFSET && w < QUIET_OFFSET) {
                quietKey = (rule * MODES.length + modeOf[p]) * QUIET_WEIGHTS + w + QUIET_OFFSET;
                final int learned = quietWeight[quietKey];
                if (learned != UNKNOWN) {
                    if (learned != w) {
                        weight[p] = learned;
                        weightOut[weightSlot[p]] = resolve(learned, MODES[modeOf[p]], bitsOf[p], expOf[p], lava);
                    }
                    continue;
                }
            }
            int newW = w;
            int newT = t;
            // Whether the weight's sum had a fraction for stochastic rounding (a product saturated).
            boolean rounded = false;
            for (int target = 0; target < 2; target++) {
                int from = productStart[rule][target];
                int to = target == 0 ? productStart[rule][1] : productStart[rule][2];
                if (from == to) {
                    continue;
                }
                long acc = (long) (target == 0 ? w : t) << SHIFT;
                for (int q = from; q < to; q++) {
                    int time;
                    int dep;
                    switch (depKind[q]) {
                        case DEP_X0:
                            time = x.spikeTime[a];
                            dep = time > 0 ? 1 : 0;
                            break;
                        case DEP_Y0:
                            time = y.spikeTime[cx];
                            dep = time > 0 ? 1 : 0;
                            break;
                        default:
                            time = tEpoch;
                            dep = (epoch & ((1 << depDecimation[q]) - 1)) == 0 ? 1 : 0;
                            break;
                    }
                    if (dep == 0) {
                        continue;
                    }
                    long prod = scaleMantissa[q];
                    for (int f = factorStart[q]; f < factorStart[q + 1]; f++) {
                        int v;
                        switch (factorKind[f]) {
                            case F_X0:
                                v = x.spikeTime[a] > 0 ? 1 : 0;
                                break;
                            case F_Y0:
                                v = y0[cx];
                                break;
                            case F_X1:
                                v = x.hist[a * h + time];
                                break;
                            case F_Y1:
                                v = y.hist[cx * h + time];
                                break;
                            case F_R1:
                                v = ch >= 0 ? r.hist[ch * h + time] : 0;
                                break;
                            case F_W:
                                v = w;
                                break;
                            case F_SGN_W:
                                // sgn(w + C): the constant is inside, the result needs no clip.
                                prod *= Integer.signum(w + factorConstant[f]);
                                continue;
                            default:
                                v = t;
                                break;
                        }
                        prod *= Loihi1FixedPoint.clamp(v + factorConstant[f], factorMin[f], factorMax[f]);
                    }
                    prod = (prod >> rightShift[q]) << leftShift[q];
                    prod = Loihi1FixedPoint.clamp(prod, -ACC_MAX - 2, ACC_MAX);
                    acc = Loihi1FixedPoint.clamp(acc + prod, -ACC_MAX - 2, ACC_MAX);
                }
                if (target == 0) {
                    Loihi1SignMode mode = MODES[modeOf[p]];
                    if (mode == Loihi1SignMode.EXCITATORY) {
                        acc = Math.max(0, acc);
                    } else if (mode == Loihi1SignMode.INHIBITORY) {
                        acc = Math.min(0, acc);
                    }
                    rounded = (acc & ((1 << SHIFT) - 1)) != 0;
                    int v = round(acc, rnd);
                    newW = Loihi1LavaWeights.clipWeight(v, mode, Loihi1Limits.WEIGHT_MANTISSA_BITS, true);
                } else {
                    newT = Loihi1FixedPoint.clamp(round(acc, rnd), Loihi1Limits.TAG_MIN, Loihi1Limits.TAG_MAX);
                }
            }
            if (quietKey >= 0 && !rounded && newT == 0) {
                // Not where the accumulator saturated: the sum then has a fraction, and the weight
                // is rounded by each epoch's random number.
                quietWeight[quietKey] = newW;
            }
            if (newW != w) {
                weight[p] = newW;
                weightOut[weightSlot[p]] = resolve(newW, MODES[modeOf[p]], bitsOf[p], expOf[p], lava);
            }
            tag[p] = newT;
        }
        x.endEpoch();
        y.endEpoch();
        r.endEpoch();
        java.util.Arrays.fill(y0, (byte) 0);
    }

    /** {@code stoch_round(floor(acc / 128), rnd, frac(acc / 128))}, as an integer. */
    private static int round(long acc, double rnd) {
        long floor = Math.floorDiv(acc, 1L << SHIFT);
        double frac = (acc - (floor << SHIFT)) / (double) (1 << SHIFT);
        return (int) (floor + (rnd < frac ? 1 : 0));
    }

    /**
     * A learned weight as delivery adds it, scaled as {@link Loihi1Dendrites} scales stored
     * weights for the arithmetic. The stored weight was clipped and truncated to the format's
     * bits once, when the engine loaded it; a learned weight is used as the engine wrote it, not
     * truncated again (Lava's learning Dense delivers its learned weights as they are; the Lava
     * learning golden fails at step 31 if they are truncated).
     */
    static int resolve(int mantissa, Loihi1SignMode mode, int bits, int exp, boolean lava) {
        int w = mantissa;
        if (!lava) {
            return (int) Loihi1FixedPoint.shift(Loihi1FixedPoint.shift(w, exp), Loihi1Limits.ACTIVATION_SHIFT);
        }
        return exp >= 0 ? w << exp : w;
    }

    /** The weight mantissa of core-local synapse {@code s} (plastic or not: {@code stored} when not). */
    int weightOf(int s, int stored) {
        int p = plasticIndex[s];
        return p < 0 ? stored : weight[p];
    }

    /** Traces of one kind: a value, the last spike's epoch time and a history per element. */
    private static final class TraceSet {
        final int[] value;
        final int[] spikeTime;
        final int[] hist;
        private final int[] impulseInt;
        private final int[] impulseFrac;
        private final double[] decay;
        private final boolean[] zero;
        private final int tEpoch;

        TraceSet(Loihi1Learning.Trace[] cfg, int tEpoch) {
            int n = cfg.length;
            this.tEpoch = tEpoch;
            value = new int[n];
            spikeTime = new int[n];
            hist = new int[n * (tEpoch + 1)];
            impulseInt = new int[n];
            impulseFrac = new int[n];
            decay = new double[n];
            zero = new boolean[n];
            for (int i = 0; i < n; i++) {
                Loihi1Learning.Trace c = cfg[i];
                if (c == null) {
                    zero[i] = true;
                    continue;
                }
                double imp = c.impulse();
                impulseInt[i] = (int) Math.floor(imp);
                impulseFrac[i] = (int) Math.round((imp - Math.floor(imp)) * Loihi1Limits.TRACE_IMPULSE_FRACTION_SCALE);
                zero[i] = c.tau() == 0;
                decay[i] = c.tau() == 0 ? 0 : StrictMath.exp(-1.0 / c.tau());
            }
        }

        /** A spike of element {@code i} at epoch time {@code ts}; a second one adds its impulse now. */
        void spike(int i, int ts, int rnd) {
            if (spikeTime[i] > 0) {
                value[i] = addImpulse(value[i], rnd, i);
            }
            spikeTime[i] = ts;
        }

        private int addImpulse(int tr, int rnd, int i) {
            int v = tr + impulseInt[i] + (rnd < impulseFrac[i] ? 1 : 0);
            return Math.max(0, Math.min(Loihi1Limits.TRACE_MAX, v));
        }

        void history(double decayRnd, int impulseRnd) {
            final int h = tEpoch + 1;
            for (int i = 0; i < value.length; i++) {
                int base = i * h;
                int v = value[i];
                hist[base] = v;
                for (int k = 1; k <= tEpoch; k++) {
                    if (zero[i]) {
                        v = 0;
                    } else {
                        double d = decay[i] * v;
                        double fl = Math.floor(d);
                        v = (int) fl + (decayRnd < d - fl ? 1 : 0);
                    }
                    if (spikeTime[i] == k) {
                        v = addImpulse(v, impulseRnd, i);
                    }
                    hist[base + k] = v;
                }
            }
        }

        void endEpoch() {
            final int h = tEpoch + 1;
            for (int i = 0; i < value.length; i++) {
                value[i] = hist[i * h + tEpoch];
                spikeTime[i] = 0;
            }
        }

        /** The current trace of element {@code i}. */
        int value(int i) {
            return value[i];
        }
    }

    /** The current x1 of input axon {@code a}. */
    int x1(int a) {
        return x.value(a);
    }

    /** The current y1 of compartment {@code cx}. */
    int y1(int cx) {
        return y.value(cx);
    }

    /** The current r1 of reward channel {@code k}. */
    int r1(int k) {
        return r.value(k);
    }

    /** The pre spike time in the epoch of axon {@code a} (0: none). */
    int tx(int a) {
        return x.spikeTime[a];
    }

    /** The post spike time in the epoch of compartment {@code cx} (0: none). */
    int ty(int cx) {
        return y.spikeTime[cx];
    }
}
