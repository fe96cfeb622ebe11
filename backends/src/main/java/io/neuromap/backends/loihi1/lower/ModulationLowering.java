package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Discretization;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1ModulationArithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ModulationLut;
import io.neuromap.backends.loihi1.config.Loihi1ModulationOp;
import io.neuromap.backends.loihi1.config.Loihi1ModulationRegister;
import io.neuromap.backends.loihi1.config.Loihi1ModulatorProbe;
import io.neuromap.backends.report.QuantizationRow;
import io.neuromap.compiler.ir.EffectBinding;
import io.neuromap.compiler.ir.IrExpr;
import io.neuromap.compiler.ir.Modulator;
import io.neuromap.compiler.ir.ModulatorSource;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.PathwayBinding;
import io.neuromap.compiler.ir.PathwayTargetBinding;
import io.neuromap.compiler.ir.Probe;
import io.neuromap.compiler.ir.ResponseFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Lowers modulators and their neuron-parameter effects to the management program of the config
 * ({@code modulation}, docs/lowering-loihi1.md "Neuromodulation"): each modulator to a
 * fixed-point concentration with an integer decay, release and delay; {@code excitability}
 * effects to additions to the target compartments' biases; {@code threshold} effects to additions
 * to the threshold mantissa of profiles the modulated neurons get to themselves; {@code gain} to
 * a factor on the stored weights of the synapses into the compartments; {@code param(tau_m)} to
 * the decay_v of the compartments' own profiles. An effect's value, a function of one
 * concentration (its response function included), becomes a piecewise-linear table y(c); for
 * additions in a unit U chosen so that |y| &lt;= 2^20, with every target a scale
 * {@code round(k U 2^F)}, k its register units per SI unit ({@link PopulationLowering#currentScale}
 * per ampere for a bias, {@link PopulationLowering#voltageScale} / 2^6 per volt for a threshold
 * mantissa). What it cannot lower becomes a {@link LoweringFacts.Modulation} the design rules
 * report. Its errors, measured by running the program's arithmetic against the float value over
 * the table's range, go into the quantization table.
 */
public final class ModulationLowering {
    /** Entries of a table for a non-affine value. */
    static final int TABLE_ENTRIES = 257;
    /** Largest |y|: 20 bits, so that {@code scale y} fits 52 bits. */
    static final double Y_MAX = 1 << 20;
    /** The kind of {@link LoweringFacts.Modulation} fact of a learning effect this lowering leaves alone. */
    public static final String LEARNING_EFFECT = "learning effect";
    /** Effect kinds that act on learning, not on neuron parameters. */
    static final java.util.Set<String> LEARNING = java.util.Set.of("learning_rate", "plasticity_sign",
            "eligibility_gate", "weight_scale");
    /** Concentrations at which the error is measured. */
    private static final int ERROR_SAMPLES = 400;

    /** A lowered modulator; its source is a population (-1: none), on chip or on the host. */
    public record LoweredModulator(String name, int baseline, int keep, int release, int delay, int sourcePopulation,
            boolean hostSource) {
        public LoweredModulator {
            requireNonNull(name, "name is null");
        }
    }

    /**
     * A lowered effect before placement: one target per (population, neuron, position); the
     * emitter turns them into compartments (bias) or threshold profiles (vth).
     */
    public record LoweredEffect(String name, int modulator, Loihi1ModulationRegister register, Loihi1ModulationOp op,
            int fracBits, Loihi1ModulationLut lut, int[] population, int[] neuron, int[] position, int[] scale) {
        public LoweredEffect {
            requireNonNull(name, "name is null");
            requireNonNull(register, "register is null");
            requireNonNull(op, "op is null");
            requireNonNull(lut, "lut is null");
        }

        public int count() {
            return population.length;
        }
    }

    /**
     * A threshold group: the neurons whose threshold the same effects move by the same scales, so
     * that they can share one threshold profile.
     *
     * @param effects indices into {@link Result#effects()}
     * @param scales the scale of each of {@code effects}
     */
    public record ThresholdGroup(int[] effects, int[] scales) {
    }

    /**
     * What the lowering produced.
     *
     * @param thresholdGroup per population, per neuron: index into {@code groups} + 1, 0 when unmodulated
     *     (null for populations without a modulated threshold)
     */
    public record Result(List<LoweredModulator> modulators, List<LoweredEffect> effects, List<ThresholdGroup> groups,
            int[][] thresholdGroup, List<LoweringFacts.Modulation> unlowered, List<QuantizationRow> rows,
            List<Loihi1ModulatorProbe> probes, List<LoweringFacts.Probe> probeFacts, Map<Long, int[]> decayGroups) {
        public Result {
            decayGroups = Map.copyOf(decayGroups);
            modulators = List.copyOf(modulators);
            effects = List.copyOf(effects);
            groups = List.copyOf(groups);
            unlowered = List.copyOf(unlowered);
            rows = List.copyOf(rows);
            probes = List.copyOf(probes);
            probeFacts = List.copyOf(probeFacts);
        }

        /** Nothing to run. */
        public static Result none(int populations) {
            return new Result(List.of(), List.of(), List.of(), new int[populations][], List.of(), List.of(), List.of(),
                    List.of(), Map.of());
        }

        /** The threshold group of neuron {@code neuron} of population {@code population} (0: none). */
        public int thresholdGroup(int population, int neuron) {
            int[] g = thresholdGroup[population];
            return g == null ? 0 : g[neuron];
        }

        public boolean isEmpty() {
            return modulators.isEmpty();
        }

        /**
         * The decay group of position {@code position} of neuron {@code neuron} of population
         * {@code population}: 1.. when a pathway moves its compartment profile's decay (such
         * compartments get profiles of their own group), 0 otherwise.
         */
        public int decayGroup(int population, int position, int neuron) {
            int[] g = decayGroups.get(decayKey(population, position));
            return g == null ? 0 : g[neuron];
        }
    }

    private final Network net;
    private final List<PopulationLowering> pops;
    private final double dt;
    private final List<LoweringFacts.Modulation> unlowered = new ArrayList<>();
    private final List<QuantizationRow> rows = new ArrayList<>();
    private final List<LoweredEffect> effects = new ArrayList<>();
    private final Map<Long, int[]> decayGroups = new HashMap<>();
    private int decayGroupCount;

    private ModulationLowering(Network net, List<PopulationLowering> pops) {
        this.net = net;
        this.pops = pops;
        this.dt = net.simulation().dt();
    }

    /** Lowers the modulators and pathways of {@code net}, whose populations are lowered as {@code pops}. */
    public static Result lower(Network net, List<PopulationLowering> pops) {
        requireNonNull(net, "net is null");
        requireNonNull(pops, "pops is null");
        if (net.modulators().isEmpty()) {
            return Result.none(net.populations().size());
        }
        return new ModulationLowering(net, pops).run();
    }

    private Result run() {
        List<LoweredModulator> modulators = new ArrayList<>();
        boolean[] usable = new boolean[net.modulators().size()];
        for (int m = 0; m < net.modulators().size(); m++) {
            Modulator mod = net.modulators().get(m);
            LoweredModulator lowered = modulator(mod);
            usable[m] = lowered != null;
            modulators.add(lowered != null ? lowered : new LoweredModulator(mod.name(),
                    Loihi1ModulationArithmetic.toFixed(mod.baseline()), Loihi1ModulationArithmetic.KEEP_UNITY, 0, 0, -1,
                    false));
        }
        for (PathwayBinding p : net.pathways()) {
            for (EffectBinding e : p.effects()) {
                effect(p, e, usable[p.modulator()]);
            }
        }
        List<ThresholdGroup> groups = new ArrayList<>();
        int[][] thresholdGroup = thresholdGroups(groups);
        List<Loihi1ModulatorProbe> probes = new ArrayList<>();
        List<LoweringFacts.Probe> probeFacts = new ArrayList<>();
        for (Probe probe : net.probes()) {
            if (!"modulator".equals(probe.kind())) {
                continue;
            }
            int m = probe.variable().map(net::modulatorIndex).orElse(-1);
            if (m < 0 || !usable[m]) {
                probeFacts.add(new LoweringFacts.Probe(probe.name(), probe.kind(), false, "its modulator is not lowered",
                        probe.span()));
                continue;
            }
            NeuronRange r = probe.target();
            probes.add(new Loihi1ModulatorProbe(probe.name(), m, probe.everySteps(), r.population(), r.localStart(),
                    r.size()));
        }
        return new Result(modulators, effects, groups, thresholdGroup, unlowered, rows, probes, probeFacts, decayGroups);
    }

    private LoweredModulator modulator(Modulator mod) {
        if (mod.source() instanceof ModulatorSource.External x) {
            unlowered.add(new LoweringFacts.Modulation("modulator", mod.name(), mod.span(), "its source is the external "
                    + "channel \"" + x.channel() + "\", whose values are only known at run time and which the "
                    + "management program cannot read from config format version 1",
                    "drive `" + mod.name() + "` from a population's spikes (`source POP;`), or target spinnaker1"));
            return null;
        }
        double steps = Math.rint(mod.delay() / dt);
        if (steps > Loihi1ModulationArithmetic.MAX_DELAY) {
            unlowered.add(new LoweringFacts.Modulation("modulator", mod.name(), mod.span(), "its delay of " + (long) steps
                    + " steps exceeds the management program's ring of " + Loihi1ModulationArithmetic.MAX_DELAY
                    + " steps", "shorten the delay to at most " + Loihi1ModulationArithmetic.MAX_DELAY * dt * 1e3
                    + " ms"));
            return null;
        }
        int source = ((ModulatorSource.FromPopulation) mod.source()).population();
        int baseline = Loihi1ModulationArithmetic.toFixed(mod.baseline());
        int keep = Loihi1ModulationArithmetic.keepOf(dt, mod.decay());
        int release = Loihi1ModulationArithmetic.toFixed(mod.releasePerSpike());
        double tauEff = keep >= Loihi1ModulationArithmetic.KEEP_UNITY || keep <= 0 ? mod.decay()
                : -dt / StrictMath.log(keep / (double) Loihi1ModulationArithmetic.KEEP_UNITY);
        rows.add(row(QuantizationRow.ObjectKind.MODULATOR, mod.name(), "decay", "ms", 1,
                relative(tauEff, mod.decay()), mod.span(), "retained fraction " + keep + " / 2^16 per step"));
        rows.add(row(QuantizationRow.ObjectKind.MODULATOR, mod.name(), "release", "", 1,
                relative(Loihi1ModulationArithmetic.fromFixed(release), mod.releasePerSpike()), mod.span(),
                "fixed point, 16 fraction bits"));
        return new LoweredModulator(mod.name(), baseline, keep, release, (int) steps, source,
                pops.get(source).isSource());
    }

    private static double relative(double q, double x) {
        return x == 0 ? Math.abs(q) : Math.abs(q - x) / Math.abs(x);
    }

    private static QuantizationRow row(QuantizationRow.ObjectKind kind, String name, String parameter, String unit,
            long values, double max, io.neuromap.compiler.source.SourceSpan span, String note) {
        return new QuantizationRow(kind, name, parameter, unit, values, max, max, OptionalDouble.empty(), span, note);
    }

    /**
     * The neurons a neuron effect acts on, if the management program can tabulate it: as a function
     * of its own pathway's modulator, written into compartment registers. Otherwise records the
     * cause (each with its own fix) and returns null.
     */
    private PathwayTargetBinding.Neurons tabulatedOnNeurons(PathwayBinding p, EffectBinding e, String label) {
        if (!dependsOnlyOn(e.value(), p.modulator())) {
            unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "its value reads another modulator; "
                    + "the management program tabulates an effect as a function of its own pathway's modulator",
                    "split the effect into one pathway per modulator"));
            return null;
        }
        if (!(p.target() instanceof PathwayTargetBinding.Neurons)) {
            unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "`" + e.kind()
                    + "` acts on neurons, not on a projection's synapses",
                    "target the projection's post-synaptic neurons (`pop` or `celltype T`) instead"));
            return null;
        }
        return (PathwayTargetBinding.Neurons) p.target();
    }

    private void effect(PathwayBinding p, EffectBinding e, boolean modulatorUsable) {
        String label = "pathway " + p.name() + ": " + e;
        String kind = e.kind();
        boolean excitability = kind.equals("excitability");
        boolean threshold = kind.equals("threshold");
        boolean decay = (kind.equals("param") || kind.equals("tau")) && e.subject().isPresent()
                && e.subject().get().endsWith("tau_m");
        boolean gain = kind.equals("gain");
        if (LEARNING.contains(kind)) {
            // The learning engine's lowering owns these (reward traces, rule scales); until it claims
            // one, the effect is reported under its own kind so that it can be told apart.
            unlowered.add(new LoweringFacts.Modulation(LEARNING_EFFECT, label, e.span(), "learning effects act through "
                    + "the learning engine's reward traces, which this lowering does not program",
                    "remove the learning effect to map the network without modulated learning, or target spinnaker1"));
            return;
        }
        if (!excitability && !threshold && !decay && !gain) {
            unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "the management program rewrites only "
                    + "membrane time constants (tau_m, as the decay_v of the compartment's profile); other parameters "
                    + "are folded into several registers (bias, scales) it does not recompute",
                    "remove the effect, or target spinnaker1"));
            return;
        }
        if (!modulatorUsable) {
            unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "its modulator `"
                    + net.modulators().get(p.modulator()).name() + "` is not lowered", ""));
            return;
        }
        if (decay) {
            decayEffect(p, e, label);
            return;
        }
        if (gain) {
            gainEffect(p, e, label);
            return;
        }
        if (e.op() != EffectBinding.Op.ADD && e.op() != EffectBinding.Op.SUBTRACT) {
            unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "`" + e.op().symbol() + "` on "
                    + kind + " would replace or scale the unmodulated " + kind + " the chip register also holds; "
                    + "only `+=` and `-=` are lowered", "write the effect as `" + kind + " += ...`"));
            return;
        }
        PathwayTargetBinding.Neurons neurons = tabulatedOnNeurons(p, e, label);
        if (neurons == null) {
            return;
        }
        List<int[]> targets = new ArrayList<>();
        List<Double> perUnit = new ArrayList<>();
        for (NeuronRange r : neurons.ranges()) {
            PopulationLowering pop = pops.get(r.population());
            if (pop.isSource() || !pop.isSupported()) {
                unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "its target `" + pop.name()
                        + "` has no lowered compartments", ""));
                return;
            }
            int position = pop.shape().positionOf(r.compartment());
            if (threshold) {
                position = pop.shape().somaPosition();
            }
            for (int i = r.localStart(); i < r.localEnd(); i++) {
                targets.add(new int[] {r.population(), i, position});
                perUnit.add(threshold ? pop.voltageScale(i) / (1 << Loihi1Limits.VTH_EXP)
                        : pop.currentScale(position, i));
            }
        }
        double sign = e.op() == EffectBinding.Op.SUBTRACT ? -1 : 1;
        Modulator mod = net.modulators().get(p.modulator());
        double[] range = range(mod, e.response());
        Table table = table(e, p.modulator(), range[0], range[1]);
        int n = targets.size();
        double maxFactor = 0;
        for (double k : perUnit) {
            maxFactor = Math.max(maxFactor, Math.abs(k * table.unit));
        }
        int frac = maxFactor == 0 ? 0 : (int) Math.max(0, Math.min(Loihi1ModulationArithmetic.MAX_FRAC_BITS,
                Math.floor(Math.log((Integer.MAX_VALUE - 1) / maxFactor) / Math.log(2))));
        int[] population = new int[n];
        int[] neuron = new int[n];
        int[] position = new int[n];
        int[] scale = new int[n];
        for (int t = 0; t < n; t++) {
            int[] target = targets.get(t);
            population[t] = target[0];
            neuron[t] = target[1];
            position[t] = target[2];
            scale[t] = (int) Math.round(sign * perUnit.get(t) * table.unit * StrictMath.scalb(1.0, frac));
        }
        Loihi1ModulationRegister register = threshold ? Loihi1ModulationRegister.VTH : Loihi1ModulationRegister.BIAS;
        LoweredEffect lowered = new LoweredEffect(p.name() + ": " + kind + " " + e.op().symbol(), p.modulator(), register,
                Loihi1ModulationOp.ADD, frac, table.lut, population, neuron, position, scale);
        effects.add(lowered);
        rows.add(errorRow(p, e, lowered, perUnit, sign, range));
    }

    /**
     * {@code gain *= g}: the factor on the compartment's synaptic current, realized by rewriting
     * the stored weights of every synapse into the compartment (and its auxiliary current
     * compartment) with the factor g (a {@code weight} effect; the table holds g with F fraction
     * bits). The chip scales spikes delivered after the write, the reference the current already
     * held as well, so a change of g reaches the membrane about one synaptic time constant later;
     * the lowering leaves weight headroom for the largest factor ({@link #maxGain}).
     */
    private void gainEffect(PathwayBinding p, EffectBinding e, String label) {
        if (e.op() != EffectBinding.Op.MULTIPLY) {
            unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "only `*=` on gain is lowered (a factor "
                    + "on the weights of the synapses into the compartment)", "write it as `gain *= ...`"));
            return;
        }
        PathwayTargetBinding.Neurons neurons = tabulatedOnNeurons(p, e, label);
        if (neurons == null) {
            return;
        }
        List<int[]> targets = new ArrayList<>();
        for (NeuronRange r : neurons.ranges()) {
            PopulationLowering pop = pops.get(r.population());
            if (pop.isSource() || !pop.isSupported()) {
                unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "its target `" + pop.name()
                        + "` has no lowered compartments", ""));
                return;
            }
            boolean dendrite = "dendrite".equals(r.compartment());
            for (io.neuromap.compiler.ir.Projection proj : net.projections()) {
                boolean into = proj.post() == r.population() && "dendrite".equals(proj.postCompartment()) == dendrite;
                if (into && proj.plasticity().isPresent()) {
                    unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "the plastic projection `"
                            + proj.name() + "` ends on these compartments, and the learning engine owns its weights, "
                            + "which the gain would rewrite", "apply the gain to a compartment without plastic "
                            + "synapses, or remove it"));
                    return;
                }
            }
            for (int i = r.localStart(); i < r.localEnd(); i++) {
                for (int q = 0; q < pop.shape().size(); q++) {
                    CompartmentRole role = pop.shape().role(q);
                    boolean carries = dendrite ? role == CompartmentRole.DENDRITE || role == CompartmentRole.DENDRITE_AUX
                            : role == CompartmentRole.SOMA || role == CompartmentRole.SOMA_AUX;
                    if (carries) {
                        targets.add(new int[] {r.population(), i, q});
                    }
                }
            }
        }
        Modulator mod = net.modulators().get(p.modulator());
        double[] range = range(mod, e.response());
        Table table = table(e, p.modulator(), range[0], range[1]);
        double max = 0;
        for (int v : table.lut.values()) {
            max = Math.max(max, Math.abs(v * table.unit));
        }
        int frac = max == 0 ? Loihi1ModulationRegister.WEIGHT_FACTOR_BITS
                : (int) Math.max(0, Math.min(Loihi1ModulationRegister.WEIGHT_FACTOR_BITS,
                        Math.floor(Math.log((Integer.MAX_VALUE - 1) / max) / Math.log(2))));
        // The factor itself in F fraction bits, sampled where the table's entries lie.
        int[] values = new int[table.lut.values().length];
        double[] at = baselines();
        for (int k = 0; k < values.length; k++) {
            at[p.modulator()] = Loihi1ModulationArithmetic.fromFixed(table.lut.origin() + ((long) k << table.lut.shift()));
            double g = e.evaluate(at, p.modulator());
            values[k] = Double.isFinite(g) ? (int) Math.round(g * StrictMath.scalb(1.0, frac)) : 0;
        }
        Loihi1ModulationLut lut = new Loihi1ModulationLut(table.lut.origin(), table.lut.shift(), values);
        int n = targets.size();
        int[][] cols = new int[3][n];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < 3; k++) {
                cols[k][t] = targets.get(t)[k];
            }
        }
        effects.add(new LoweredEffect(p.name() + ": gain *=", p.modulator(), Loihi1ModulationRegister.WEIGHT,
                Loihi1ModulationOp.MULTIPLY, frac, lut, cols[0], cols[1], cols[2], new int[n]));
        double[] c = baselines();
        double maxError = 0;
        double sumError = 0;
        double maxValue = 0;
        for (int s = 0; s <= ERROR_SAMPLES; s++) {
            int fixed = Loihi1ModulationArithmetic.toFixed(range[0] + (range[1] - range[0]) * s / ERROR_SAMPLES);
            c[p.modulator()] = Loihi1ModulationArithmetic.fromFixed(fixed);
            double exact = e.evaluate(c, p.modulator());
            long factor = Loihi1ModulationArithmetic.round((1L << Loihi1ModulationRegister.WEIGHT_FACTOR_BITS)
                    * Loihi1ModulationArithmetic.lookup(lut, fixed), frac);
            double chip = factor / StrictMath.scalb(1.0, Loihi1ModulationRegister.WEIGHT_FACTOR_BITS);
            maxError = Math.max(maxError, Math.abs(chip - exact));
            sumError += Math.abs(chip - exact);
            maxValue = Math.max(maxValue, Math.abs(exact));
        }
        double scale = maxValue > 0 ? maxValue : 1;
        rows.add(new QuantizationRow(QuantizationRow.ObjectKind.PATHWAY, p.name(), "gain", "", n, maxError / scale,
                sumError / (ERROR_SAMPLES + 1) / scale, OptionalDouble.empty(), e.span(),
                "factor on the stored weights of the synapses into the compartment (each then rounded to its format), "
                        + "table of " + values.length + " entries over [" + fmt(range[0]) + ", " + fmt(range[1])
                        + "]; acts on spikes delivered after each step's write"));
    }

    /**
     * The largest {@code gain} factor a pathway may apply to population {@code population} (1
     * when none), over the concentrations its table covers: the weights into the population keep
     * that much headroom in their mantissas.
     */
    public static double maxGain(Network net, int population) {
        return maxGain(net, population, null);
    }

    /**
     * The largest {@code gain} factor a pathway may apply to compartment {@code compartment}
     * ({@code "soma"} or {@code "dendrite"}; null: any) of population {@code population} (1 when
     * none), over the concentrations {@link #range} covers: the weights of a projection into it
     * keep that much headroom in their 8-bit mantissas ({@link WeightLowering}), so that the
     * program's {@code rnd(w0 g)} does not clip at the mantissa's 255.
     */
    public static double maxGain(Network net, int population, String compartment) {
        double max = 1;
        for (PathwayBinding p : net.pathways()) {
            if (!(p.target() instanceof PathwayTargetBinding.Neurons neurons)) {
                continue;
            }
            boolean hits = false;
            for (NeuronRange r : neurons.ranges()) {
                hits |= r.population() == population && (compartment == null
                        || "dendrite".equals(r.compartment()) == "dendrite".equals(compartment));
            }
            if (!hits) {
                continue;
            }
            for (EffectBinding e : p.effects()) {
                if (!e.kind().equals("gain") || e.op() != EffectBinding.Op.MULTIPLY) {
                    continue;
                }
                Modulator mod = net.modulators().get(p.modulator());
                double lo = Math.min(0, mod.baseline());
                double hi = Math.max(Math.max(1, 2 * mod.baseline()), mod.baseline() + 20 * Math.abs(mod.releasePerSpike()));
                double[] c = new double[net.modulators().size()];
                for (int m = 0; m < c.length; m++) {
                    c[m] = net.modulators().get(m).baseline();
                }
                for (int s = 0; s <= 256; s++) {
                    c[p.modulator()] = lo + (hi - lo) * s / 256;
                    double g = e.evaluate(c, p.modulator());
                    if (Double.isFinite(g)) {
                        max = Math.max(max, Math.abs(g));
                    }
                }
            }
        }
        return max;
    }

    /** The key of (population, position) in {@link Result#decayGroups()}. */
    static long decayKey(int population, int position) {
        return ((long) population << 8) | position;
    }

    /**
     * {@code param(tau_m) *= f} (or {@code tau(tau_m)}): the membrane time constant of the
     * compartment, realized as its profile's {@code decay_v}. The effective time constant is
     * {@code C / (g_L + g_c)} ({@code g_c} = 0 for lif), so with r = g_c / (g_L + g_c) scaling
     * tau_m by f gives {@code tau' = tau_eff / ((1 - r) / f + r)}; one table of decay values per
     * distinct unmodulated decay (its neurons share a profile), with the mean r of its neurons.
     * The bias and the input scales keep their unmodulated values: a current I adds
     * {@code I R decay_v / 4096} per step and R decay_v / 4096 is about dt / C whatever tau is, so
     * only the leak toward v_rest (when v_rest differs from v_reset) and the coupling are off
     * while f differs from 1.
     */
    private void decayEffect(PathwayBinding p, EffectBinding e, String label) {
        String subject = e.subject().orElseThrow();
        if (e.op() != EffectBinding.Op.MULTIPLY) {
            unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "only `*=` on a time constant is "
                    + "lowered (a factor on tau_m, realized as the profile's decay_v)", "write it as `" + e.kind() + "("
                    + subject + ") *= ...`"));
            return;
        }
        PathwayTargetBinding.Neurons neurons = tabulatedOnNeurons(p, e, label);
        if (neurons == null) {
            return;
        }
        Map<Integer, List<int[]>> byDecay = new java.util.TreeMap<>();
        Map<Integer, double[]> ratio = new HashMap<>();
        List<double[]> neuronParams = new ArrayList<>();
        for (NeuronRange r : neurons.ranges()) {
            PopulationLowering pop = pops.get(r.population());
            io.neuromap.compiler.ir.Population ir = net.populations().get(r.population());
            if (pop.isSource() || !pop.isSupported()) {
                unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "its target `" + pop.name()
                        + "` has no lowered compartments", ""));
                return;
            }
            boolean twoComp = ir.model().isMultiCompartment();
            String compartment = subject.startsWith("dendrite.") ? "dendrite"
                    : subject.startsWith("soma.") ? "soma" : r.compartment();
            String prefix = twoComp ? compartment + "." : "";
            var cm = ir.parameter(prefix + "cm");
            var tau = ir.parameter(prefix + "tau_m");
            var gc = twoComp ? ir.parameter("g_c") : java.util.Optional.<io.neuromap.compiler.ir.ParameterValues>empty();
            if (cm.isEmpty() || tau.isEmpty() || (twoComp && gc.isEmpty())) {
                unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "`" + pop.name() + "` has no "
                        + prefix + "tau_m", ""));
                return;
            }
            int position = pop.shape().positionOf(compartment);
            if (decayGroups.containsKey(decayKey(r.population(), position))) {
                unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "another effect already moves "
                        + "this time constant of `" + pop.name() + "`; one decay effect per compartment is lowered",
                        "combine the effects into one"));
                return;
            }
            for (int i = r.localStart(); i < r.localEnd(); i++) {
                double c = cm.get().get(i);
                double gL = c / tau.get().get(i);
                double g = twoComp ? gc.get().get(i) : 0;
                int d0 = pop.decayV(position, i);
                byDecay.computeIfAbsent(d0, k -> new ArrayList<>()).add(new int[] {r.population(), i, position,
                    neuronParams.size()});
                neuronParams.add(new double[] {c, gL, g});
                double[] acc = ratio.computeIfAbsent(d0, k -> new double[2]);
                acc[0] += g / (gL + g);
                acc[1]++;
            }
        }
        if (decayGroupCount + byDecay.size() > 127) {
            unlowered.add(new LoweringFacts.Modulation("effect", label, e.span(), "its targets have "
                    + byDecay.size() + " distinct time constants, more profile groups than the lowering tracks (127)",
                    "bin the time constants more coarsely (--max-bin-error) or modulate fewer neurons"));
            return;
        }
        Modulator mod = net.modulators().get(p.modulator());
        double[] range = range(mod, e.response());
        int origin = Loihi1ModulationArithmetic.toFixed(range[0]);
        double span = (range[1] - range[0]) * (1 << Loihi1ModulationArithmetic.CONCENTRATION_FRAC_BITS);
        int shift = (int) Math.max(0, Math.min(Loihi1ModulationArithmetic.MAX_LUT_SHIFT,
                Math.ceil(Math.log(span / (TABLE_ENTRIES - 1)) / Math.log(2))));
        int entries = (int) Math.max(2, Math.min(TABLE_ENTRIES, Math.ceil(span / (1L << shift)) + 1));
        double[] c = baselines();
        double[] factor = new double[entries];
        for (int k = 0; k < entries; k++) {
            c[p.modulator()] = Loihi1ModulationArithmetic.fromFixed(origin + ((long) k << shift));
            factor[k] = e.evaluate(c, p.modulator());
        }
        double maxError = 0;
        double sumError = 0;
        long count = 0;
        int n = 0;
        for (Map.Entry<Integer, List<int[]>> group : byDecay.entrySet()) {
            int d0 = group.getKey();
            double[] acc = ratio.get(d0);
            double r = acc[0] / acc[1];
            double tau0 = realizedTau(d0);
            int[] values = new int[entries];
            for (int k = 0; k < entries; k++) {
                double tau = factor[k] > 0 ? tau0 / ((1 - r) / factor[k] + r) : 0;
                values[k] = tau > 0 ? Loihi1Discretization.decayVFromTau(tau, dt) : Loihi1Limits.DECAY_MAX;
            }
            List<int[]> targets = group.getValue();
            decayGroupCount++;
            int[] population = new int[targets.size()];
            int[] neuron = new int[targets.size()];
            int[] position = new int[targets.size()];
            int[] scale = new int[targets.size()];
            Loihi1ModulationLut lut = new Loihi1ModulationLut(origin, shift, values);
            for (int t = 0; t < targets.size(); t++) {
                int[] target = targets.get(t);
                population[t] = target[0];
                neuron[t] = target[1];
                position[t] = target[2];
                scale[t] = 1;
                int[] groupOf = decayGroups.computeIfAbsent(decayKey(target[0], target[2]),
                        k -> new int[pops.get(target[0]).size()]);
                groupOf[target[1]] = decayGroupCount;
                double[] q = neuronParams.get(target[3]);
                for (int k = 0; k < entries; k += 4) {
                    if (!(factor[k] > 0)) {
                        continue;
                    }
                    double exact = q[0] / (q[1] / factor[k] + q[2]);
                    double chip = realizedTau(values[k]);
                    double err = Math.abs(chip - exact) / exact;
                    maxError = Math.max(maxError, err);
                    sumError += err;
                    count++;
                }
            }
            n += targets.size();
            effects.add(new LoweredEffect(p.name() + ": " + e.kind() + "(" + subject + ") *=", p.modulator(),
                    Loihi1ModulationRegister.DECAY_V, Loihi1ModulationOp.SET, 0, lut, population, neuron, position, scale));
            LoweredEffect rest = restDrive(p, e, subject, d0, values, origin, shift, population, neuron, position);
            if (rest != null) {
                effects.add(rest);
            }
        }
        rows.add(new QuantizationRow(QuantizationRow.ObjectKind.PATHWAY, p.name(), e.kind() + "(" + subject + ")", "ms",
                n, maxError, sumError / Math.max(1, count), OptionalDouble.empty(), e.span(),
                "decay_v of the compartments' own profiles, " + byDecay.size() + " table(s) of " + entries
                        + " entries over [" + fmt(range[0]) + ", " + fmt(range[1]) + "]; the soma's "
                        + "bias follows its leak toward v_rest; input scales keep their unmodulated values"));
    }

    /**
     * The soma's bias holds the leak toward v_rest as {@code voltageScale (E - v_reset) decay_v / 4096}
     * (E the resting potential, for two_comp the soma's effective one): when the program changes
     * decay_v from d0 to d, that part must change by {@code voltageScale (E - v_reset) (d - d0) / 4096},
     * an addition to the bias with the table {@code d - d0}. Null for a dendrite, whose voltage is
     * measured from its own resting potential (no such part), or when every E equals v_reset.
     */
    private LoweredEffect restDrive(PathwayBinding p, EffectBinding e, String subject, int d0, int[] decays, int origin,
            int shift, int[] population, int[] neuron, int[] position) {
        int n = population.length;
        double[] perUnit = new double[n];
        double max = 0;
        for (int t = 0; t < n; t++) {
            PopulationLowering pop = pops.get(population[t]);
            if (position[t] != pop.shape().somaPosition()) {
                return null;
            }
            io.neuromap.compiler.ir.Population ir = net.populations().get(population[t]);
            int i = neuron[t];
            double rest;
            if (ir.model().isMultiCompartment()) {
                rest = DendriteCoupling.somaRest(ir.parameter("soma.cm").orElseThrow().get(i),
                        ir.parameter("soma.tau_m").orElseThrow().get(i), ir.parameter("soma.v_rest").orElseThrow().get(i),
                        ir.parameter("g_c").orElseThrow().get(i), ir.parameter("dendrite.v_rest").orElseThrow().get(i));
            } else {
                rest = ir.parameter("v_rest").orElseThrow().get(i);
            }
            perUnit[t] = pop.voltageScale(i) * (rest - pop.voltageOffset(i)) / Loihi1Limits.DECAY_UNITY;
            max = Math.max(max, Math.abs(perUnit[t]));
        }
        if (max == 0) {
            return null;
        }
        int frac = (int) Math.max(0, Math.min(Loihi1ModulationArithmetic.MAX_FRAC_BITS,
                Math.floor(Math.log((Integer.MAX_VALUE - 1) / max) / Math.log(2))));
        int[] scale = new int[n];
        for (int t = 0; t < n; t++) {
            scale[t] = (int) Math.round(perUnit[t] * StrictMath.scalb(1.0, frac));
        }
        int[] delta = new int[decays.length];
        for (int k = 0; k < decays.length; k++) {
            delta[k] = decays[k] - d0;
        }
        return new LoweredEffect(p.name() + ": " + e.kind() + "(" + subject + ") *= (rest drive)", p.modulator(),
                Loihi1ModulationRegister.BIAS, Loihi1ModulationOp.ADD, frac, new Loihi1ModulationLut(origin, shift, delta),
                population.clone(), neuron.clone(), position.clone(), scale);
    }

    /** The time constant a voltage decay realizes: {@code -dt / ln(1 - d / 4096)}. */
    private double realizedTau(int decay) {
        double keep = 1 - (decay + Loihi1Limits.DECAY_V_OFFSET) / (double) Loihi1Limits.DECAY_UNITY;
        return keep <= 0 ? dt / StrictMath.log(Loihi1Limits.DECAY_UNITY) : -dt / StrictMath.log(keep);
    }

    /** The concentration range the table covers: from min(0, baseline) to where the value has settled. */
    private double[] range(Modulator mod, ResponseFunction response) {
        double lo = Math.min(0, mod.baseline());
        double hi = Math.max(Math.max(1, 2 * mod.baseline()), mod.baseline() + 20 * Math.abs(mod.releasePerSpike()));
        if (response.kind() == ResponseFunction.Kind.SIGMOID && response.a() != 0) {
            hi = Math.max(hi, response.b() + 12 / Math.abs(response.a()));
        } else if (response.kind() == ResponseFunction.Kind.HILL && response.a() > 0) {
            hi = Math.max(hi, Math.abs(response.b()) * StrictMath.pow(1000, 1 / response.a()));
        }
        return new double[] {lo, hi};
    }

    /** A response table with its unit (SI per y unit). */
    private record Table(Loihi1ModulationLut lut, double unit) {
    }

    private Table table(EffectBinding e, int m, double lo, double hi) {
        double[] c = baselines();
        boolean affine = e.response().kind() == ResponseFunction.Kind.LINEAR && e.value().affine().isPresent();
        int origin = Loihi1ModulationArithmetic.toFixed(lo);
        int shift;
        int entries;
        if (affine) {
            shift = Loihi1ModulationArithmetic.CONCENTRATION_FRAC_BITS;
            entries = 2;
        } else {
            double span = (hi - lo) * (1 << Loihi1ModulationArithmetic.CONCENTRATION_FRAC_BITS);
            shift = (int) Math.max(0, Math.min(Loihi1ModulationArithmetic.MAX_LUT_SHIFT,
                    Math.ceil(Math.log(span / (TABLE_ENTRIES - 1)) / Math.log(2))));
            entries = (int) Math.min(TABLE_ENTRIES, Math.ceil(span / (1L << shift)) + 1);
            entries = Math.max(entries, 2);
        }
        double[] values = new double[entries];
        double max = 0;
        for (int k = 0; k < entries; k++) {
            c[m] = Loihi1ModulationArithmetic.fromFixed(origin + ((long) k << shift));
            values[k] = e.evaluate(c, m);
            max = Math.max(max, Math.abs(values[k]));
        }
        double unit = max > 0 && Double.isFinite(max) ? max / Y_MAX : 1;
        int[] y = new int[entries];
        for (int k = 0; k < entries; k++) {
            y[k] = Double.isFinite(values[k]) ? (int) Math.round(values[k] / unit) : 0;
        }
        return new Table(new Loihi1ModulationLut(origin, shift, y), unit);
    }

    private double[] baselines() {
        double[] c = new double[net.modulators().size()];
        for (int m = 0; m < c.length; m++) {
            c[m] = net.modulators().get(m).baseline();
        }
        return c;
    }

    /**
     * The error of the program's integers against the float effect over the table's range, in
     * the effect's unit, relative to the largest |value|: the table and scale rounding plus the
     * re-encoding of the bias (its exponent) or the threshold mantissa's unit.
     */
    private QuantizationRow errorRow(PathwayBinding p, EffectBinding e, LoweredEffect lowered, List<Double> perUnit,
            double sign, double[] range) {
        double[] c = baselines();
        int m = p.modulator();
        double maxValue = 0;
        double maxError = 0;
        double sumError = 0;
        long count = 0;
        int n = lowered.count();
        int stride = Math.max(1, n / 64);
        for (int s = 0; s <= ERROR_SAMPLES; s++) {
            double conc = range[0] + (range[1] - range[0]) * s / ERROR_SAMPLES;
            int fixed = Loihi1ModulationArithmetic.toFixed(conc);
            c[m] = Loihi1ModulationArithmetic.fromFixed(fixed);
            double exact = sign * e.evaluate(c, m);
            maxValue = Math.max(maxValue, Math.abs(exact));
            long y = Loihi1ModulationArithmetic.lookup(lowered.lut(), fixed);
            for (int t = 0; t < n; t += stride) {
                double k = perUnit.get(t);
                long delta = Loihi1ModulationArithmetic.round(lowered.scale()[t] * y, lowered.fracBits());
                double chip;
                if (lowered.register() == Loihi1ModulationRegister.BIAS) {
                    PopulationLowering pop = pops.get(lowered.population()[t]);
                    long base = pop.bias(lowered.position()[t], lowered.neuron()[t]);
                    chip = (Loihi1ModulationArithmetic.encodeBias(base + delta) - base) / k;
                } else {
                    chip = delta / k;
                }
                double err = Math.abs(chip - exact);
                maxError = Math.max(maxError, err);
                sumError += err;
                count++;
            }
        }
        double scale = maxValue > 0 ? maxValue : 1;
        boolean bias = lowered.register() == Loihi1ModulationRegister.BIAS;
        return new QuantizationRow(QuantizationRow.ObjectKind.PATHWAY, p.name(), e.kind(), bias ? "nA" : "mV", n,
                maxError / scale, sumError / Math.max(1, count) / scale, OptionalDouble.empty(), e.span(),
                (bias ? "added to the bias (mantissa and exponent re-encoded each step)"
                        : "added to the threshold mantissa of the neurons' own profile")
                        + ", table of " + lowered.lut().values().length + " entries over [" + fmt(range[0]) + ", "
                        + fmt(range[1]) + "]");
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.3g", x);
    }

    /** Per population and neuron, the group of threshold effects and scales that neuron's profile carries. */
    private int[][] thresholdGroups(List<ThresholdGroup> groups) {
        int populations = net.populations().size();
        List<List<Long>>[] signature = null;
        for (int e = 0; e < effects.size(); e++) {
            LoweredEffect effect = effects.get(e);
            if (effect.register() != Loihi1ModulationRegister.VTH) {
                continue;
            }
            if (signature == null) {
                @SuppressWarnings("unchecked")
                List<List<Long>>[] created = new List[populations];
                signature = created;
            }
            for (int t = 0; t < effect.count(); t++) {
                int pop = effect.population()[t];
                if (signature[pop] == null) {
                    List<List<Long>> perNeuron = new ArrayList<>();
                    for (int i = 0; i < pops.get(pop).size(); i++) {
                        perNeuron.add(null);
                    }
                    signature[pop] = perNeuron;
                }
                List<Long> sig = signature[pop].get(effect.neuron()[t]);
                if (sig == null) {
                    sig = new ArrayList<>();
                    signature[pop].set(effect.neuron()[t], sig);
                }
                sig.add(((long) e << 32) | (effect.scale()[t] & 0xFFFFFFFFL));
            }
        }
        int[][] out = new int[populations][];
        if (signature == null) {
            return out;
        }
        Map<List<Long>, Integer> index = new HashMap<>();
        for (int p = 0; p < populations; p++) {
            if (signature[p] == null) {
                continue;
            }
            out[p] = new int[pops.get(p).size()];
            for (int i = 0; i < out[p].length; i++) {
                List<Long> sig = signature[p].get(i);
                if (sig == null) {
                    continue;
                }
                Integer g = index.get(sig);
                if (g == null) {
                    int[] eff = new int[sig.size()];
                    int[] sc = new int[sig.size()];
                    for (int k = 0; k < sig.size(); k++) {
                        eff[k] = (int) (sig.get(k) >>> 32);
                        sc[k] = (int) (long) sig.get(k);
                    }
                    groups.add(new ThresholdGroup(eff, sc));
                    g = groups.size();
                    index.put(sig, g);
                }
                out[p][i] = g;
            }
        }
        return out;
    }

    /** True when {@code value} reads no modulator other than {@code modulator}. */
    static boolean dependsOnlyOn(IrExpr value, int modulator) {
        if (value instanceof IrExpr.Concentration c) {
            return c.modulator() == modulator;
        }
        if (value instanceof IrExpr.Negate n) {
            return dependsOnlyOn(n.operand(), modulator);
        }
        if (value instanceof IrExpr.Binary b) {
            return dependsOnlyOn(b.left(), modulator) && dependsOnlyOn(b.right(), modulator);
        }
        if (value instanceof IrExpr.Call call) {
            for (IrExpr a : call.arguments()) {
                if (!dependsOnlyOn(a, modulator)) {
                    return false;
                }
            }
        }
        return true;
    }
}
