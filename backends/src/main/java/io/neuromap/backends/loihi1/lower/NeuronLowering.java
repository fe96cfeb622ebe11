package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.report.QuantizationRow;
import io.neuromap.backends.loihi1.Loihi1Discretization;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.model.LifPropagators;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers one population of current-based LIF neurons ({@code lif}, or the two compartments of
 * {@code two_comp}) to Loihi 1 registers, in two phases: {@link #prepare} fixes the compartment
 * tree, the decays and refractory delays (binned to the profile budget) and every gain per unit
 * of threshold; {@link #finish} then chooses the threshold scale once the largest weight into the
 * population is known, and rounds biases. The mapping, with {@code h = dt}:
 *
 * <ul>
 *   <li><b>Voltage.</b> The chip's v is {@code (V - v_reset) T / (v_thresh - v_reset)}: measured from
 *       the neuron's own reset (Loihi resets to 0, so a reset other than the resting potential
 *       is exact) and normalized so that every neuron's threshold is the population's one
 *       threshold mantissa T / 2^6 (nengo-loihi's LIF convention: thresholds equal, heterogeneity
 *       in the gains); the resting potential becomes a constant drive in the bias.</li>
 *   <li><b>Leak.</b> {@code decay_v = round(4095 (1 - exp(-h / tau)))} of the membrane time
 *       constant; for {@code two_comp} of the effective one, {@code C / (g_L + g_c)}.</li>
 *   <li><b>Currents.</b> {@code decay_u} from the synaptic time constant (nengo-loihi, with the
 *       chip's +1 offset). A current I adds {@code I R decay_v / 4096} volts per step, so that
 *       a constant current settles the membrane at {@code R I} as in the model (R = tau / C). A
 *       spike of weight w puts {@code w g / M} amperes into u ({@link #gridCharge}: g = P21 /
 *       (P20 (1 - P11)) of the exact propagators, {@code tau_syn / h} to second order), M being
 *       nengo-loihi's {@code decay_magnitude} of the integer decay: the membrane answers the
 *       spike as the exactly integrated model does at every step, through the chip's
 *       rounding.</li>
 *   <li><b>Bias.</b> {@code i_offset} and the leak towards {@code v_rest} as one constant drive,
 *       chosen to preserve the equilibrium potential with the chip's own decay.</li>
 *   <li><b>Refractory.</b> {@code round(tau_refrac / h) + 1} (v is held at reset for
 *       round(tau_refrac / h) steps, as NEST's grid does).</li>
 *   <li><b>Threshold scale T.</b> As large as the threshold field allows with a factor 4 of
 *       headroom for v on either side (T <= 2^21), as small as the bias field needs, and as
 *       nengo-loihi prefers, small enough that the largest weight fits the 8-bit mantissa at
 *       weight exponent 0 (255 x 2^6 per spike, so 128 such spikes fit the 21-bit accumulator),
 *       but not below 2^16: larger weights use positive weight exponents instead.</li>
 *   <li><b>two_comp.</b> The dendrite pushes its voltage and the soma adds it as the coupling
 *       current {@code g_c (V_d - E_d)}; the soma's part of the coupling moves into its leak and
 *       rest. The chip's trees pass values only towards the soma, so the soma-to-dendrite
 *       current {@code g_c (V_s - E_d)} is a constant, taken at the soma's mean voltage under the
 *       network's mean drive ({@link DendriteCoupling}; reported, LOIHI1-TREE-001).</li>
 * </ul>
 */
final class NeuronLowering {
    /** Factor of headroom for v above the threshold and below the reset. */
    static final int VOLTAGE_HEADROOM = 4;
    /** Largest threshold scale: the threshold field's maximum over the headroom, a multiple of 2^6. */
    static final double MAX_THRESHOLD_SCALE =
            Math.floor(Loihi1Limits.VTH_MAX / (double) VOLTAGE_HEADROOM / (1 << Loihi1Limits.VTH_EXP))
                    * (1 << Loihi1Limits.VTH_EXP);
    /** Smallest threshold scale large weights may push it to (a 10-bit threshold mantissa). */
    static final double MIN_THRESHOLD_SCALE = 1 << 16;
    /** nengo-loihi's weight anchor: the largest weight at exponent 0, 255 x 2^6 state units. */
    static final double WEIGHT_ANCHOR = Loihi1Limits.WEIGHT_MANTISSA_MAX << Loihi1Limits.ACTIVATION_SHIFT;
    /** Budget of distinct compartment profiles a population may use on one core. */
    static final int PROFILE_BUDGET = Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE;
    /**
     * The voltage range of the cores the emitter writes (vmin exponent 23, vmax exponent 7:
     * {@code ±(2^23 - 1)}); an initial voltage outside it is clamped (LOIHI1-INIT-001).
     */
    static final long INITIAL_VMIN = Loihi1Limits.vminOfExponent(Loihi1Limits.VMIN_EXP_MAX);
    static final long INITIAL_VMAX = Loihi1Limits.vmaxOfExponent(Loihi1Limits.VMAX_EXP_MAX);
    /** Above this many distinct tuples a role that breaks the bound keeps them all instead of searching. */
    static final int MAX_SEARCHED_TUPLES = 20_000;

    private static final double[] MAGNITUDE = new double[Loihi1Limits.DECAY_UNITY];

    static {
        for (int d = 0; d < MAGNITUDE.length; d++) {
            MAGNITUDE[d] = Loihi1Discretization.decayMagnitude(d, StrictMath.scalb(1.0, Loihi1Limits.Q_BITS),
                    Loihi1Limits.DECAY_BITS, Loihi1Limits.DECAY_U_OFFSET);
        }
    }

    /** Which currents of a population's compartments its synapses use. */
    record Inputs(boolean somaExc, boolean somaInh, boolean dendriteExc, boolean dendriteInh) {
    }

    private final Population pop;
    private final int index;
    private final double dt;
    private final boolean twoComp;
    private final int n;
    private TreeShape shape;
    private int[][] du;
    private int[][] dv;
    private int[][] ref;
    private double[][] tauCurrent;
    private double[] theta;
    private double[] reset;
    private double[][] rEff;
    private double[][] cs1;
    private double[][] f1;
    private double[][] b1;
    private double[] gc;
    private double[] vStar;
    /** Modulators V* takes at their baseline ({@link MeanDrive#atBaseline}). */
    private List<String> atBaseline = List.of();
    private final List<BinningRow> binning = new ArrayList<>();
    private Binned binned;

    NeuronLowering(Population pop, int index, double dt) {
        this.pop = pop;
        this.index = index;
        this.dt = dt;
        this.twoComp = pop.model().isMultiCompartment();
        this.n = pop.size();
    }

    TreeShape shape() {
        return shape;
    }

    List<BinningRow> binning() {
        return binning;
    }

    /** Per-unit-T weight factor of position {@code position}: T times it is the state units per ampere of weight. */
    double[] unitWeightFactor(int position) {
        return f1[position];
    }

    private ParameterValues param(String name) {
        return pop.parameter(name).orElseThrow(() -> new IllegalStateException("`" + pop.name() + "` lacks " + name));
    }

    private String soma(String p) {
        return twoComp ? "soma." + p : p;
    }

    /** Phase 1: shape, registers (binned), gains per unit threshold scale. */
    void prepare(Inputs inputs, double[] dcSoma, double[] dcDendrite, double[] meanSoma, double[] meanDendrite,
            List<String> atBaseline, Loihi1LowerOptions options) {
        this.atBaseline = atBaseline;
        ParameterValues tauE = param(soma("tau_syn_E"));
        ParameterValues tauI = param(soma("tau_syn_I"));
        boolean somaAux = inputs.somaExc() && inputs.somaInh() && differ(tauE, tauI);
        boolean dendAux = false;
        if (twoComp) {
            dendAux = inputs.dendriteExc() && inputs.dendriteInh()
                    && differ(param("dendrite.tau_syn_E"), param("dendrite.tau_syn_I"));
        }
        shape = TreeShape.of(twoComp, somaAux, dendAux);
        int positions = shape.size();
        du = new int[positions][n];
        dv = new int[positions][n];
        ref = new int[positions][n];
        tauCurrent = new double[positions][n];
        rEff = new double[positions][n];
        theta = new double[n];
        reset = new double[n];
        gc = twoComp ? param("g_c").toArray() : new double[n];
        int somaAt = shape.somaPosition();
        int somaAuxAt = shape.position(CompartmentRole.SOMA_AUX);
        int dendAt = shape.position(CompartmentRole.DENDRITE);
        int dendAuxAt = shape.position(CompartmentRole.DENDRITE_AUX);
        boolean somaSingleE = somaAux || inputs.somaExc() || !inputs.somaInh();
        ParameterValues cm = param(soma("cm"));
        ParameterValues tauM = param(soma("tau_m"));
        ParameterValues tauRef = param(soma("tau_refrac"));
        ParameterValues vReset = param(soma("v_reset"));
        ParameterValues vThresh = param(soma("v_thresh"));
        for (int i = 0; i < n; i++) {
            double g = cm.get(i) / tauM.get(i) + gc[i];
            double tauEff = cm.get(i) / g;
            rEff[somaAt][i] = 1 / g;
            tauCurrent[somaAt][i] = somaSingleE ? tauE.get(i) : tauI.get(i);
            du[somaAt][i] = Loihi1Discretization.decayUFromTau(tauCurrent[somaAt][i], dt);
            dv[somaAt][i] = Loihi1Discretization.decayVFromTau(tauEff, dt);
            ref[somaAt][i] = clampRefractory(Loihi1Discretization.refractoryDelay(tauRef.get(i), dt));
            reset[i] = vReset.get(i);
            theta[i] = vThresh.get(i) - reset[i];
            if (somaAuxAt >= 0) {
                tauCurrent[somaAuxAt][i] = tauI.get(i);
                du[somaAuxAt][i] = Loihi1Discretization.decayUFromTau(tauI.get(i), dt);
                dv[somaAuxAt][i] = Loihi1Limits.DECAY_MAX;
                ref[somaAuxAt][i] = Loihi1Limits.REFRACTORY_DELAY_MIN;
            }
        }
        if (dendAt >= 0) {
            ParameterValues cmD = param("dendrite.cm");
            ParameterValues tauD = param("dendrite.tau_m");
            ParameterValues dE = param("dendrite.tau_syn_E");
            ParameterValues dI = param("dendrite.tau_syn_I");
            boolean dendSingleE = dendAux || inputs.dendriteExc() || !inputs.dendriteInh();
            for (int i = 0; i < n; i++) {
                double g = cmD.get(i) / tauD.get(i) + gc[i];
                rEff[dendAt][i] = 1 / g;
                tauCurrent[dendAt][i] = dendSingleE ? dE.get(i) : dI.get(i);
                du[dendAt][i] = Loihi1Discretization.decayUFromTau(tauCurrent[dendAt][i], dt);
                dv[dendAt][i] = Loihi1Discretization.decayVFromTau(cmD.get(i) / g, dt);
                ref[dendAt][i] = Loihi1Limits.REFRACTORY_DELAY_MIN;
                if (dendAuxAt >= 0) {
                    tauCurrent[dendAuxAt][i] = dI.get(i);
                    du[dendAuxAt][i] = Loihi1Discretization.decayUFromTau(dI.get(i), dt);
                    dv[dendAuxAt][i] = Loihi1Limits.DECAY_MAX;
                    ref[dendAuxAt][i] = Loihi1Limits.REFRACTORY_DELAY_MIN;
                }
            }
        }
        binProfiles(options);
        if (twoComp) {
            vStar = operatingPoints(meanSoma, meanDendrite);
        }
        gains(dcSoma, dcDendrite);
    }

    /** True when two time constants give different current decays for some neuron. */
    private boolean differ(ParameterValues a, ParameterValues b) {
        for (int i = 0; i < n; i++) {
            if (Loihi1Discretization.decayUFromTau(a.get(i), dt) != Loihi1Discretization.decayUFromTau(b.get(i), dt)) {
                return true;
            }
        }
        return false;
    }

    private static int clampRefractory(int r) {
        return Math.max(Loihi1Limits.REFRACTORY_DELAY_MIN, Math.min(r, Loihi1Limits.REFRACTORY_DELAY_MAX));
    }

    /**
     * Splits the profile budget over the roles in proportion to their distinct tuples and bins
     * each role; with {@code bin}, a role whose error exceeds the bound gets more bins (twice as
     * many, repeatedly) until it does not, and the partitioner then spreads it.
     */
    private void binProfiles(Loihi1LowerOptions options) {
        int positions = shape.size();
        int[][][] tuples = new int[positions][][];
        ProfileComponent[][] components = new ProfileComponent[positions][];
        int[] distinct = new int[positions];
        for (int p = 0; p < positions; p++) {
            CompartmentRole role = shape.role(p);
            if (role == CompartmentRole.SOMA) {
                tuples[p] = new int[][] {du[p], dv[p], ref[p]};
                components[p] = new ProfileComponent[] {Components.currentDecay(dt), Components.voltageDecay(dt),
                        Components.refractory(dt)};
            } else if (role == CompartmentRole.DENDRITE) {
                tuples[p] = new int[][] {du[p], dv[p]};
                components[p] = new ProfileComponent[] {Components.currentDecay(dt), Components.voltageDecay(dt)};
            } else {
                tuples[p] = new int[][] {du[p]};
                components[p] = new ProfileComponent[] {Components.currentDecay(dt)};
            }
            distinct[p] = ProfileBinner.distinct(tuples[p]);
        }
        int[] budget = budgets(distinct, PROFILE_BUDGET);
        binned = new Binned(positions);
        for (int p = 0; p < positions; p++) {
            String role = shape.role(p).originName();
            if (options.heterogeneity() == Heterogeneity.SPREAD || distinct[p] <= budget[p]) {
                binning.add(new BinningRow(pop.name(), role, distinct[p], distinct[p], budget[p], 0, 0,
                        distinct[p] <= budget[p] ? "exact" : "spread"));
                continue;
            }
            ProfileBinner.Result r = ProfileBinner.bin(tuples[p], components[p], budget[p]);
            if (r.maxError() > options.maxBinError()) {
                r = fewestBinsWithin(tuples[p], components[p], budget[p], distinct[p], options.maxBinError());
            }
            int k = r.bins();
            int[][] v = r.values();
            binned.record(p, tuples[p], v, components[p]);
            du[p] = v[0];
            if (v.length > 1) {
                dv[p] = v[1];
            }
            if (v.length > 2) {
                ref[p] = v[2];
            }
            binning.add(new BinningRow(pop.name(), role, r.distinct(), r.bins(), budget[p], r.maxError(),
                    r.meanError(), k > budget[p] ? "binned+spread" : "binned"));
        }
    }

    /**
     * The fewest bins (more than {@code failed}, which broke the bound) whose binning error is
     * within {@code bound}: doubling until one is, then bisecting. Every distinct tuple its own
     * bin always is (error 0), and is used directly when there are too many distinct tuples to
     * search (k-means costs distinct x bins per iteration).
     */
    private ProfileBinner.Result fewestBinsWithin(int[][] tuples, ProfileComponent[] components, int failed,
            int distinct, double bound) {
        ProfileBinner.Result exact = ProfileBinner.bin(tuples, components, distinct);
        if (distinct > MAX_SEARCHED_TUPLES) {
            return exact;
        }
        int lo = failed;
        int hi = distinct;
        ProfileBinner.Result best = exact;
        for (int k = Math.min(distinct, 2 * failed); k < distinct; k = Math.min(distinct, 2 * k)) {
            ProfileBinner.Result r = ProfileBinner.bin(tuples, components, k);
            if (r.maxError() <= bound) {
                hi = k;
                best = r;
                break;
            }
            lo = k;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            ProfileBinner.Result r = ProfileBinner.bin(tuples, components, mid);
            if (r.maxError() <= bound) {
                hi = mid;
                best = r;
            } else {
                lo = mid;
            }
        }
        return best;
    }

    /** Budgets per role: at least one each, the rest in proportion to distinct tuples, summing to {@code total}. */
    static int[] budgets(int[] distinct, int total) {
        int roles = distinct.length;
        int[] budget = new int[roles];
        Arrays.fill(budget, 1);
        int left = total - roles;
        while (left > 0) {
            int best = -1;
            double bestRatio = 1;
            for (int r = 0; r < roles; r++) {
                double ratio = distinct[r] / (double) budget[r];
                if (budget[r] < distinct[r] && ratio > bestRatio) {
                    bestRatio = ratio;
                    best = r;
                }
            }
            if (best < 0) {
                break;
            }
            budget[best]++;
            left--;
        }
        return budget;
    }

    /** Gains per unit threshold scale: current scales, weight factors, biases. */
    private void gains(double[] dcSoma, double[] dcDendrite) {
        int positions = shape.size();
        cs1 = new double[positions][n];
        f1 = new double[positions][n];
        b1 = new double[positions][n];
        int somaAt = shape.somaPosition();
        int dendAt = shape.position(CompartmentRole.DENDRITE);
        ParameterValues ioff = param(soma("i_offset"));
        ParameterValues vRest = param(soma("v_rest"));
        ParameterValues cm = param(soma("cm"));
        ParameterValues tauM = param(soma("tau_m"));
        ParameterValues eD = twoComp ? param("dendrite.v_rest") : null;
        ParameterValues ioffD = twoComp ? param("dendrite.i_offset") : null;
        ParameterValues cmD = twoComp ? param("dendrite.cm") : null;
        ParameterValues tauD = twoComp ? param("dendrite.tau_m") : null;
        for (int i = 0; i < n; i++) {
            double th = theta[i] > 0 ? theta[i] : Math.max(Math.abs(theta[i]), 1e-3);
            double somaScale = 1 / th;
            cs1[somaAt][i] = somaScale * rEff[somaAt][i] * leak(dv[somaAt][i]);
            double eEff = twoComp ? DendriteCoupling.somaRest(cm.get(i), tauM.get(i), vRest.get(i), gc[i], eD.get(i))
                    : vRest.get(i);
            double drive = ioff.get(i) + (eEff - reset[i]) / rEff[somaAt][i] + dcSoma[i];
            b1[somaAt][i] = cs1[somaAt][i] * drive;
            if (dendAt >= 0) {
                cs1[dendAt][i] = DendriteCoupling.dendriteCurrentScale(cs1[somaAt][i], gc[i], cmD.get(i), tauD.get(i),
                        dv[dendAt][i]);
                double dDrive = DendriteCoupling.dendriteDrive(ioffD.get(i), dcDendrite[i], gc[i], vStar[i], eD.get(i));
                b1[dendAt][i] = cs1[dendAt][i] * dDrive;
            }
            for (int p = 0; p < positions; p++) {
                CompartmentRole role = shape.role(p);
                if (role == CompartmentRole.SOMA_AUX) {
                    cs1[p][i] = cs1[somaAt][i];
                } else if (role == CompartmentRole.DENDRITE_AUX) {
                    cs1[p][i] = cs1[dendAt][i];
                }
                double tauMem = (role == CompartmentRole.DENDRITE || role == CompartmentRole.DENDRITE_AUX
                        ? cmD.get(i) * rEff[dendAt][i] : cm.get(i) * rEff[somaAt][i]);
                f1[p][i] = cs1[p][i] * gridCharge(dt, tauCurrent[p][i], tauMem) / MAGNITUDE[du[p][i]];
            }
        }
    }

    /**
     * Each neuron's operating point V* of the soma-to-dendrite current
     * ({@link DendriteCoupling#operatingPoint}) under its offsets and the mean currents
     * {@code meanSoma}, {@code meanDendrite} ({@link MeanDrive}).
     */
    private double[] operatingPoints(double[] meanSoma, double[] meanDendrite) {
        ParameterValues cmS = param("soma.cm");
        ParameterValues tauS = param("soma.tau_m");
        ParameterValues eS = param("soma.v_rest");
        ParameterValues ioffS = param("soma.i_offset");
        ParameterValues vThresh = param("soma.v_thresh");
        ParameterValues tauRef = param("soma.tau_refrac");
        ParameterValues cmD = param("dendrite.cm");
        ParameterValues tauD = param("dendrite.tau_m");
        ParameterValues eD = param("dendrite.v_rest");
        ParameterValues ioffD = param("dendrite.i_offset");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double driveS = ioffS.get(i) + (meanSoma == null ? 0 : meanSoma[i]);
            double driveD = ioffD.get(i) + (meanDendrite == null ? 0 : meanDendrite[i]);
            out[i] = DendriteCoupling.operatingPoint(cmS.get(i), tauS.get(i), eS.get(i), reset[i], vThresh.get(i),
                    tauRef.get(i), cmD.get(i), tauD.get(i), eD.get(i), gc[i], driveS, driveD);
        }
        return out;
    }

    /**
     * The charge of one spike's current in units of a step's held current, {@code u0 M} over the
     * weight, such that the chip's membrane answers a spike as the exactly integrated model does
     * at every step: {@code P21 / (P20 (1 - P11))} of the exact propagators (NEST
     * {@code iaf_psc_exp}; {@link LifPropagators}, which the float reference integrates with),
     * with {@code P11 = exp(-h / tau_syn)}, {@code P22 = exp(-h / tau_m)}, {@code P20 = R (1 - P22)}
     * and {@code P21 = P22 (1 - exp(-h a)) / (C a)}, {@code a = 1 / tau_syn - 1 / tau_m}.
     *
     * <p>Why not the charge {@code tau_syn / h}: the chip adds a step's current u to v at once
     * ({@code v <- (1 - decay_v) v + u}), and with the exact decays its response to a spike is
     * then {@code c u0 (P22^(k+1) - P11^(k+1)) / (P22 - P11)} after k steps, the exact response
     * sampled on the grid up to its amplitude {@code c u0 = P21 w}. The charge normalisation
     * {@code c u0 = P20 w tau_syn (1 - P11) / h} agrees with that to first order in
     * {@code h / tau} only: with {@code tau_syn = h} and tau_m 5 to 10 ms it is 1.7 to 0.8 % larger,
     * and a single 20 mV kick against a 15 mV threshold crossed it on the chip for tau_m above
     * 8.5 ms where the reference needs 9 ms (samples/distal_reward_lif.nmap: inh 36 % more spikes
     * from its noise alone). For time constants long against the step the two agree to second
     * order in {@code h / tau}; both keep nengo-loihi's correction M of the chip's rounding loss
     * in the current's tail.
     */
    static double gridCharge(double h, double tauSyn, double tauMem) {
        if (!(tauSyn > 0)) {
            return 0;
        }
        if (Double.isInfinite(tauMem)) {
            return tauSyn / h;
        }
        // C cancels in the ratio.
        double oneMinusP11 = -StrictMath.expm1(-h / tauSyn);
        return LifPropagators.p21(h, tauSyn, tauMem, 1) / (LifPropagators.p20(h, tauMem, 1) * oneMinusP11);
    }

    /** The chip's per-step share of an input that settles at 1: {@code decay_v / 4096} (floored at one unit). */
    private static double leak(int decayV) {
        return Math.max(decayV, 1) / (double) Loihi1Limits.DECAY_UNITY;
    }

    /** What {@link #finish} produces. */
    record Finished(PopulationLowering lowering, double thresholdScale, List<QuantizationRow> rows,
            LoweringFacts.Threshold threshold, LoweringFacts.Bias bias, LoweringFacts.Init init,
            LoweringFacts.Coupling coupling, List<LoweringFacts.Decay> decays, LoweringFacts.Refractory refractory) {
    }

    /**
     * Phase 2: the threshold scale from the weight cap {@code weightCap} (the largest T at which
     * every weight into the population fits at exponent 0), then biases, scales, errors and facts.
     */
    Finished finish(double weightCap) {
        int positions = shape.size();
        double maxBias = 0;
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < n; i++) {
                maxBias = Math.max(maxBias, Math.abs(b1[p][i]));
            }
        }
        double biasCap = maxBias > 0 ? Loihi1Limits.BIAS_MAX / maxBias : Double.POSITIVE_INFINITY;
        double t = Math.min(MAX_THRESHOLD_SCALE, Math.min(biasCap, Math.max(weightCap, MIN_THRESHOLD_SCALE)));
        int unit = 1 << Loihi1Limits.VTH_EXP;
        int vthMant = (int) Math.max(1, Math.min(Math.floor(t / unit), Loihi1Limits.VTH_MANTISSA_MAX));
        double scale = (double) vthMant * unit;
        int[][] mant = new int[positions][n];
        int[][] exp = new int[positions][n];
        double[][] cs = new double[positions][n];
        double[][] f = new double[positions][n];
        double[] vScale = new double[n];
        double[][] biasError = new double[positions][n];
        for (int i = 0; i < n; i++) {
            double th = theta[i] > 0 ? theta[i] : Math.max(Math.abs(theta[i]), 1e-3);
            vScale[i] = scale / th;
            for (int p = 0; p < positions; p++) {
                cs[p][i] = scale * cs1[p][i];
                f[p][i] = scale * f1[p][i];
                double b = scale * b1[p][i];
                int e = Loihi1Discretization.biasExponent(b);
                e = Math.max(Loihi1Limits.BIAS_EXP_MIN, Math.min(e, Loihi1Limits.BIAS_EXP_MAX));
                long m = Loihi1Discretization.biasMantissa(b, e);
                m = Math.max(-Loihi1Limits.BIAS_MANTISSA_MAX, Math.min(m, Loihi1Limits.BIAS_MANTISSA_MAX));
                mant[p][i] = (int) m;
                exp[p][i] = e;
                biasError[p][i] = (m * (double) (1L << e)) - b;
            }
        }
        InitialVoltages init = initialVoltages(vScale, cs);
        PopulationLowering lowering = new PopulationLowering(index, pop.name(), n, false, true, shape, du, dv, ref,
                mant, exp, vthMant, vScale, reset, cs, f, init.chip);
        List<QuantizationRow> rows = ErrorTable.population(pop, shape, dt, lowering, tauCurrent, rEff, theta, gc,
                biasError, binned, somaErrorBounds());
        return new Finished(lowering, scale, rows, thresholdFact(), new LoweringFacts.Bias(pop.name(), maxBias,
                biasSpan()), initFact(init), couplingFact(), decayFacts(), refractoryFact());
    }

    /** The chip's initial voltages and, per neuron, how far (V) a v_init lies beyond [vmin, vmax]. */
    private static final class InitialVoltages {
        int[][] chip;
        double[] excess;
        int clamped;
    }

    /**
     * Each compartment's v_init in the chip's units: the soma's {@code (v_init - v_reset)} at the
     * neuron's voltage scale, the dendrite's {@code (v_init - v_rest)} at its push scale (the
     * soma's current scale times g_c), rounded and clamped into the emitted cores' [vmin, vmax];
     * auxiliary compartments start at 0.
     */
    private InitialVoltages initialVoltages(double[] vScale, double[][] cs) {
        InitialVoltages out = new InitialVoltages();
        out.chip = new int[shape.size()][n];
        out.excess = new double[n];
        int somaAt = shape.somaPosition();
        int dendAt = shape.position(CompartmentRole.DENDRITE);
        ParameterValues vInit = param(soma("v_init"));
        ParameterValues dInit = dendAt >= 0 ? param("dendrite.v_init") : null;
        ParameterValues dRest = dendAt >= 0 ? param("dendrite.v_rest") : null;
        for (int i = 0; i < n; i++) {
            boolean clamped = setInitial(out, somaAt, i, vInit.get(i) - reset[i], vScale[i]);
            if (dendAt >= 0) {
                clamped |= setInitial(out, dendAt, i, dInit.get(i) - dRest.get(i), cs[somaAt][i] * gc[i]);
            }
            if (clamped) {
                out.clamped++;
            }
        }
        return out;
    }

    private static boolean setInitial(InitialVoltages out, int position, int i, double volts, double unitsPerVolt) {
        double chip = volts * unitsPerVolt;
        double clamped = Math.max(INITIAL_VMIN, Math.min(chip, INITIAL_VMAX));
        out.chip[position][i] = (int) Math.round(clamped);
        if (clamped == chip || !(unitsPerVolt > 0)) {
            return false;
        }
        out.excess[i] = Math.max(out.excess[i], Math.abs(chip - clamped) / unitsPerVolt);
        return true;
    }

    private LoweringFacts.Threshold thresholdFact() {
        double min = Double.POSITIVE_INFINITY;
        for (double t : theta) {
            min = Math.min(min, t);
        }
        ParameterValues vReset = param(soma("v_reset"));
        ParameterValues vThresh = param(soma("v_thresh"));
        SourceSpan span = vReset.isHomogeneous() && !vThresh.isHomogeneous() ? pop.parameterSpan(soma("v_thresh"))
                : pop.parameterSpan(soma("v_reset"));
        return new LoweringFacts.Threshold(pop.name(), n == 0 ? 1 : min, span);
    }

    private SourceSpan biasSpan() {
        ParameterValues ioff = param(soma("i_offset"));
        boolean offset = ioff.isHomogeneous() ? ioff.constantValue() != 0 : true;
        return pop.parameterSpan(offset ? soma("i_offset") : soma("v_rest"));
    }

    private LoweringFacts.Init initFact(InitialVoltages init) {
        double max = 0;
        double maxFraction = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, init.excess[i]);
            maxFraction = Math.max(maxFraction, init.excess[i] / Math.max(Math.abs(theta[i]), 1e-12));
        }
        return new LoweringFacts.Init(pop.name(), init.clamped, max, maxFraction, pop.parameterSpan(soma("v_init")));
    }

    private LoweringFacts.Coupling couplingFact() {
        if (!twoComp) {
            return null;
        }
        double[] bound = somaErrorBounds();
        double max = 0;
        double maxBound = 0;
        double minStar = Double.POSITIVE_INFINITY;
        double maxStar = Double.NEGATIVE_INFINITY;
        ParameterValues cmD = param("dendrite.cm");
        ParameterValues tauD = param("dendrite.tau_m");
        for (int i = 0; i < n; i++) {
            max = Math.max(max, DendriteCoupling.share(cmD.get(i), tauD.get(i), gc[i]));
            maxBound = Math.max(maxBound, bound[i]);
            minStar = Math.min(minStar, vStar[i]);
            maxStar = Math.max(maxStar, vStar[i]);
        }
        return new LoweringFacts.Coupling(pop.name(), max, n == 0 ? 0 : minStar, n == 0 ? 0 : maxStar, maxBound,
                atBaseline, pop.parameterSpan("g_c"));
    }

    /** Per neuron, {@link DendriteCoupling#somaErrorBound} (V). */
    private double[] somaErrorBounds() {
        double[] out = new double[n];
        if (!twoComp) {
            return out;
        }
        ParameterValues cmS = param("soma.cm");
        ParameterValues tauS = param("soma.tau_m");
        ParameterValues cmD = param("dendrite.cm");
        ParameterValues tauD = param("dendrite.tau_m");
        for (int i = 0; i < n; i++) {
            out[i] = DendriteCoupling.somaErrorBound(DendriteCoupling.share(cmS.get(i), tauS.get(i), gc[i]),
                    DendriteCoupling.share(cmD.get(i), tauD.get(i), gc[i]), vStar[i], reset[i], reset[i] + theta[i]);
        }
        return out;
    }

    private List<LoweringFacts.Decay> decayFacts() {
        List<LoweringFacts.Decay> out = new ArrayList<>();
        for (int p = 0; p < shape.size(); p++) {
            CompartmentRole role = shape.role(p);
            String prefix = role == CompartmentRole.DENDRITE || role == CompartmentRole.DENDRITE_AUX ? "dendrite."
                    : twoComp ? "soma." : "";
            String current = prefix + (role.isAuxiliary() ? "tau_syn_I" : currentName(p));
            out.add(decayFact(current, true, tauCurrent[p]));
            if (!role.isAuxiliary()) {
                String membrane = prefix + "tau_m";
                double[] tau = new double[n];
                ParameterValues cm = param(prefix.isEmpty() ? "cm" : prefix + "cm");
                for (int i = 0; i < n; i++) {
                    tau[i] = cm.get(i) * rEff[p][i];
                }
                out.add(decayFact(membrane, false, tau));
            }
        }
        return out;
    }

    /** The current a non-auxiliary position carries: E unless only inhibitory synapses reach it. */
    private String currentName(int position) {
        String prefix = shape.role(position) == CompartmentRole.DENDRITE ? "dendrite." : twoComp ? "soma." : "";
        ParameterValues tauE = param(prefix + "tau_syn_E");
        for (int i = 0; i < n; i++) {
            if (tauCurrent[position][i] != tauE.get(i)) {
                return "tau_syn_I";
            }
        }
        return "tau_syn_E";
    }

    private LoweringFacts.Decay decayFact(String parameter, boolean current, double[] tau) {
        double maxTau = 0;
        for (double t : tau) {
            maxTau = Math.max(maxTau, t);
        }
        double fraction = Loihi1Discretization.decayFraction(maxTau, dt);
        return new LoweringFacts.Decay(pop.name(), parameter, current, maxTau, fraction, dt, pop.parameterSpan(parameter));
    }

    private LoweringFacts.Refractory refractoryFact() {
        ParameterValues tauRef = param(soma("tau_refrac"));
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, tauRef.get(i));
        }
        return new LoweringFacts.Refractory(pop.name(), soma("tau_refrac"), max,
                Loihi1Discretization.refractoryDelay(max, dt), dt, pop.parameterSpan(soma("tau_refrac")));
    }
}
