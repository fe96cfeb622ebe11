package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/**
 * What the lowering measured about a network that the Loihi 1 design rules judge: raw numbers,
 * never verdicts. The lowering clamps every value it must put into a register so that mapping
 * and emission can go on (and the report stays complete); whether the unclamped value breaks a
 * limit is each rule's question ({@code io.neuromap.backends.loihi1.rules}), so a limit lives in
 * one place and every fact keeps the DSL span that caused it.
 */
public record LoweringFacts(List<Model> models, List<Decay> decays, List<Refractory> refractories,
        List<Threshold> thresholds, List<Bias> biases, List<Init> inits, List<Coupling> couplings,
        List<Weights> weights, List<Plasticity> plasticity, List<Delay> delays, List<Modulation> modulation,
        List<Stimulus> stimuli, List<Probe> probes, List<Target> targets) {

    public LoweringFacts {
        models = List.copyOf(requireNonNull(models, "models is null"));
        decays = List.copyOf(requireNonNull(decays, "decays is null"));
        refractories = List.copyOf(requireNonNull(refractories, "refractories is null"));
        thresholds = List.copyOf(requireNonNull(thresholds, "thresholds is null"));
        biases = List.copyOf(requireNonNull(biases, "biases is null"));
        inits = List.copyOf(requireNonNull(inits, "inits is null"));
        couplings = List.copyOf(requireNonNull(couplings, "couplings is null"));
        weights = List.copyOf(requireNonNull(weights, "weights is null"));
        plasticity = List.copyOf(requireNonNull(plasticity, "plasticity is null"));
        delays = List.copyOf(requireNonNull(delays, "delays is null"));
        modulation = List.copyOf(requireNonNull(modulation, "modulation is null"));
        stimuli = List.copyOf(requireNonNull(stimuli, "stimuli is null"));
        probes = List.copyOf(requireNonNull(probes, "probes is null"));
        targets = List.copyOf(requireNonNull(targets, "targets is null"));
    }

    /** No facts: a config read from disk, which has no DSL behind it. */
    public static LoweringFacts none() {
        return new LoweringFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A population's neuron model, and whether the lowering knows how to build it from compartments. */
    public record Model(String population, String model, boolean lowered, SourceSpan span) {
        public Model {
            requireNonNull(population, "population is null");
            requireNonNull(model, "model is null");
            requireNonNull(span, "span is null");
        }
    }

    /**
     * The longest time constant of one decay of a population, and the decay fraction
     * {@code 1 - exp(-dt / tau)} it gives (nengo-loihi needs it above 0.5 / 4096).
     *
     * @param parameter the model parameter ({@code tau_syn_E}, {@code soma.tau_m}, ...)
     * @param current true for a synaptic-current decay (u), false for a membrane decay (v)
     * @param maxTau the longest time constant (s)
     * @param minFraction its decay fraction per step
     */
    public record Decay(String population, String parameter, boolean current, double maxTau, double minFraction,
            double dt, SourceSpan span) {
        public Decay {
            requireNonNull(population, "population is null");
            requireNonNull(parameter, "parameter is null");
            requireNonNull(span, "span is null");
        }
    }

    /** The longest refractory period of a population and the refractory delay it needs, unclamped. */
    public record Refractory(String population, String parameter, double maxTau, int maxDelay, double dt,
            SourceSpan span) {
        public Refractory {
            requireNonNull(population, "population is null");
            requireNonNull(parameter, "parameter is null");
            requireNonNull(span, "span is null");
        }
    }

    /**
     * The smallest distance from reset to threshold in a population, {@code v_thresh - v_reset} (V):
     * Loihi resets to 0 and spikes above a positive threshold, so it must be positive.
     */
    public record Threshold(String population, double minGap, SourceSpan span) {
        public Threshold {
            requireNonNull(population, "population is null");
            requireNonNull(span, "span is null");
        }
    }

    /**
     * The largest per-step bias of a population relative to its threshold distance (the
     * constant drive of {@code i_offset} and of the leak towards {@code v_rest}, in units of
     * {@code v_thresh - v_reset} per step). At the smallest threshold mantissa (1, i.e. 2^6 state
     * units) the bias needs {@code 2^6 * maxRatio} state units; more than 4095 x 2^7 cannot be set.
     */
    public record Bias(String population, double maxRatio, SourceSpan span) {
        public Bias {
            requireNonNull(population, "population is null");
            requireNonNull(span, "span is null");
        }
    }

    /**
     * The initial voltages of a population the chip cannot hold: how many neurons have a
     * {@code v_init} (soma or dendrite) outside the cores' [vmin, vmax] at their voltage scale, and
     * the largest distance beyond it (V) and as a fraction of the threshold distance. Every other
     * {@code v_init} is written to the config's {@code initial_state}.
     */
    public record Init(String population, int clamped, double maxExcess, double maxFraction, SourceSpan span) {
        public Init {
            requireNonNull(population, "population is null");
            requireNonNull(span, "span is null");
        }
    }

    /**
     * The soma-to-dendrite current of a {@code two_comp} population, which the lowering holds at
     * the soma's operating point V* ({@link DendriteCoupling}).
     *
     * @param maxShare the share of the dendrite's leak that is the coupling, {@code g_c / (g_L,dendrite + g_c)}
     *     (largest over neurons)
     * @param minOperatingPoint the lowest V* (V)
     * @param maxOperatingPoint the highest V* (V)
     * @param maxSomaError the largest {@link DendriteCoupling#somaErrorBound} (V)
     * @param atBaseline modulators acting on the population's drive that V* takes at their
     *     baseline (fed by neurons on the chip), as {@code name (baseline b)}
     */
    public record Coupling(String population, double maxShare, double minOperatingPoint, double maxOperatingPoint,
            double maxSomaError, List<String> atBaseline, SourceSpan span) {
        public Coupling {
            requireNonNull(population, "population is null");
            atBaseline = List.copyOf(requireNonNull(atBaseline, "atBaseline is null"));
            requireNonNull(span, "span is null");
        }
    }

    /**
     * A projection's weights on the chip's scale: the weight exponent its largest weight needs
     * (unclamped) and how many synapses round to a zero mantissa.
     *
     * @param maxChipWeight the largest weight in state units per spike
     * @param neededExp the weight exponent that fits it in an 8-bit mantissa, unclamped
     * @param vanished synapses whose mantissa rounds to 0
     */
    public record Weights(String projection, double maxChipWeight, int neededExp, long vanished, long synapses,
            SourceSpan span) {
        public Weights {
            requireNonNull(projection, "projection is null");
            requireNonNull(span, "span is null");
        }
    }

    /**
     * A plastic projection, its rule, and how the learning lowering
     * ({@code io.neuromap.backends.loihi1.learning}) fared with it.
     *
     * @param unsupported why the projection cannot learn on the chip; empty when it was lowered
     * @param tEpoch the learning epoch its rule was fitted for (0: any epoch serves)
     * @param outOfRange what of its rule no scale, constant or impulse can hold; empty when all fit
     * @param pathways the pathways whose effects its rules carry entirely
     * @param modulators the modulators it carries entirely as reward traces
     * @param pairingRange for da_stdp gated by a modulator: how many weight ranges (w_max - w_min) one
     *     full pairing (A_plus) moves a weight over its eligibility's life (tau_c) at the modulator's
     *     expected level (rule LOIHI1-LEARN-007); 0 otherwise
     */
    public record Plasticity(String projection, String rule, SourceSpan span, String unsupported, int tEpoch,
            String outOfRange, List<String> pathways, List<String> modulators, double pairingRange) {
        public Plasticity {
            requireNonNull(projection, "projection is null");
            requireNonNull(rule, "rule is null");
            requireNonNull(span, "span is null");
            requireNonNull(unsupported, "unsupported is null");
            requireNonNull(outOfRange, "outOfRange is null");
            pathways = List.copyOf(requireNonNull(pathways, "pathways is null"));
            modulators = List.copyOf(requireNonNull(modulators, "modulators is null"));
        }

        /** A fact without a measured pairing range (stdp, or a rule no modulator gates). */
        public Plasticity(String projection, String rule, SourceSpan span, String unsupported, int tEpoch,
                String outOfRange, List<String> pathways, List<String> modulators) {
            this(projection, rule, span, unsupported, tEpoch, outOfRange, pathways, modulators, 0);
        }

        /** A plastic projection the lowering did not look at (no learning lowering behind it). */
        public Plasticity(String projection, String rule, SourceSpan span) {
            this(projection, rule, span, "", 0, "", List.of(), List.of());
        }

        /** Whether the projection learns on the chip. */
        public boolean lowered() {
            return unsupported.isEmpty();
        }
    }

    /** A projection's longest delay in steps (the language's delay D; the chip stores D - 1). */
    public record Delay(String projection, int maxSteps, double dt, SourceSpan span) {
        public Delay {
            requireNonNull(projection, "projection is null");
            requireNonNull(span, "span is null");
        }
    }

    /**
     * A modulator, pathway or effect the lowering could not put on the chip ({@code kind} is
     * {@code modulator}, {@code pathway} or {@code effect}), with why ({@code reason}, empty when
     * none is known) and what to do ({@code help}, empty for the rule's default).
     */
    public record Modulation(String kind, String name, SourceSpan span, String reason, String help) {
        public Modulation {
            requireNonNull(kind, "kind is null");
            requireNonNull(name, "name is null");
            requireNonNull(span, "span is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(help, "help is null");
        }

        public Modulation(String kind, String name, SourceSpan span) {
            this(kind, name, span, "", "");
        }
    }

    /**
     * A stimulus the lowering could not turn into input spikes, a bias or a current injection
     * ({@code lowered} false), or a current injection with its largest per-step value in state
     * units ({@code maxValue}).
     */
    public record Stimulus(String name, String kind, boolean lowered, String reason, double maxValue, SourceSpan span) {
        public Stimulus {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(span, "span is null");
        }
    }

    /** A probe and whether the chip can record it ({@code reason} says why not). */
    public record Probe(String name, String kind, boolean lowered, String reason, SourceSpan span) {
        public Probe {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(span, "span is null");
        }
    }

    /**
     * Where a projection's synapses end: on neurons that run on a core, or on a population the
     * host injects (a spike source), which has no compartments to receive them.
     *
     * @param population the post population
     * @param onCore whether its neurons run on a core
     * @param synapses the projection's synapses
     */
    public record Target(String projection, String population, boolean onCore, long synapses, SourceSpan span) {
        public Target {
            requireNonNull(projection, "projection is null");
            requireNonNull(population, "population is null");
            requireNonNull(span, "span is null");
        }
    }
}
