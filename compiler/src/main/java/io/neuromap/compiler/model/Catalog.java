package io.neuromap.compiler.model;

import static io.neuromap.compiler.model.ArgSpec.optional;
import static io.neuromap.compiler.model.ArgSpec.required;
import static io.neuromap.compiler.model.ArgSpec.word;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the language names but does not declare: connectors, distributions, plasticity
 * rules, stimulus sources, probe kinds, pathway effects, response functions, and the settings of
 * modulator, simulate and target blocks. One place, so the analyser, the elaborator and the docs
 * agree.
 */
public final class Catalog {
    private static final List<String> BOOL = List.of("true", "false");

    private static final Map<String, List<Signature>> CONNECTORS = table(
            sig("all_to_all", "every pre neuron to every post neuron",
                    word("allow_self", "true", BOOL, "keep i->i when pre and post are the same population")),
            sig("one_to_one", "pre i to post i; sizes must match"),
            sig("fixed_prob", "each pair independently with probability p (geometric skipping)",
                    required("p", ArgKind.PROBABILITY, "connection probability"),
                    word("allow_self", "true", BOOL, "keep i->i when pre and post are the same population")),
            sig("fixed_indegree", "each post neuron receives exactly k synapses from distinct pre neurons",
                    required("k", ArgKind.COUNT, "synapses per post neuron"),
                    word("allow_self", "true", BOOL, "keep i->i when pre and post are the same population")),
            sig("fixed_outdegree", "each pre neuron makes exactly k synapses onto distinct post neurons",
                    required("k", ArgKind.COUNT, "synapses per pre neuron"),
                    word("allow_self", "true", BOOL, "keep i->i when pre and post are the same population")),
            sig("from_list", "explicit synapses from a CSV file: pre,post[,weight[,delay]] with optional header",
                    required("file", ArgKind.STRING, "path relative to the .nmap file")));

    private static final Map<String, List<Signature>> DISTRIBUTIONS = table(
            sig("uniform", "uniform on [low, high)",
                    required("low", ArgKind.LIKE_TARGET, "lower bound"),
                    required("high", ArgKind.LIKE_TARGET, "upper bound")),
            sig("normal", "Gaussian with mean mu and standard deviation sigma",
                    required("mu", ArgKind.LIKE_TARGET, "mean"),
                    required("sigma", ArgKind.LIKE_TARGET, "standard deviation")),
            sig("normal", "Gaussian given by mean and sd",
                    required("mean", ArgKind.LIKE_TARGET, "mean"),
                    required("sd", ArgKind.LIKE_TARGET, "standard deviation")),
            sig("lognormal", "exp(N(mu, sigma)) times scale (PyNN's log-space form)",
                    required("mu", ArgKind.DIMENSIONLESS, "mean of the logarithm"),
                    required("sigma", ArgKind.DIMENSIONLESS, "sd of the logarithm"),
                    optional("scale", ArgKind.LIKE_TARGET, 1.0, "unit the exponential is multiplied by")),
            sig("lognormal", "log-normal with the given mean and sd of the value itself",
                    required("mean", ArgKind.LIKE_TARGET, "mean"),
                    required("sd", ArgKind.LIKE_TARGET, "standard deviation")),
            sig("gamma", "gamma with shape k and scale theta",
                    required("k", ArgKind.DIMENSIONLESS, "shape"),
                    required("theta", ArgKind.LIKE_TARGET, "scale")),
            sig("gamma", "gamma with shape k and the given mean (theta = mean / k)",
                    required("k", ArgKind.DIMENSIONLESS, "shape"),
                    required("mean", ArgKind.LIKE_TARGET, "mean")),
            sig("exponential", "exponential with mean (scale) beta",
                    required("beta", ArgKind.LIKE_TARGET, "mean")),
            sig("choice", "one of the values, with optional probabilities p",
                    required("values", ArgKind.LIST_LIKE_TARGET, "the values"),
                    new ArgSpec("p", ArgKind.LIST_DIMENSIONLESS, Optional.of(List.of()), List.of(),
                            "probabilities, summing to 1 (default: equal)")));

    private static final Map<String, List<Signature>> PLASTICITY = table(
            sig("stdp", "pair-based STDP with all-to-all spike pairing",
                    optional("tau_plus", ArgKind.TIME, 20e-3, "potentiation window"),
                    optional("tau_minus", ArgKind.TIME, 20e-3, "depression window"),
                    optional("A_plus", ArgKind.DIMENSIONLESS, 0.01, "potentiation amplitude"),
                    optional("A_minus", ArgKind.DIMENSIONLESS, 0.012, "depression amplitude"),
                    optional("w_min", ArgKind.LIKE_TARGET, 0.0, "lower weight bound"),
                    optional("w_max", ArgKind.LIKE_TARGET, 1.0, "upper weight bound, as a multiple of the weight unit"),
                    word("mode", "additive", List.of("additive", "multiplicative"), "weight dependence")),
            sig("da_stdp", "three-factor STDP: STDP feeds an eligibility trace c, dw = c * (modulator - b) (Izhikevich 2007)",
                    optional("tau_plus", ArgKind.TIME, 20e-3, "potentiation window"),
                    optional("tau_minus", ArgKind.TIME, 20e-3, "depression window"),
                    optional("A_plus", ArgKind.DIMENSIONLESS, 1.0, "potentiation amplitude"),
                    optional("A_minus", ArgKind.DIMENSIONLESS, 1.5, "depression amplitude"),
                    optional("tau_c", ArgKind.TIME, 1.0, "eligibility trace time constant"),
                    optional("b", ArgKind.DIMENSIONLESS, 0.0, "modulator baseline subtracted before gating"),
                    optional("w_min", ArgKind.LIKE_TARGET, 0.0, "lower weight bound"),
                    optional("w_max", ArgKind.LIKE_TARGET, 1.0, "upper weight bound")),
            sig("sum_of_products", "a Loihi-style learning rule: dw, dd, dt as sums of products of traces and spikes",
                    required("dw", ArgKind.STRING, "weight update, e.g. \"2^-2*x1*y0 - 2^-2*y1*x0\""),
                    new ArgSpec("dd", ArgKind.STRING, Optional.of(""), List.of(), "delay update"),
                    new ArgSpec("dt", ArgKind.STRING, Optional.of(""), List.of(), "tag update"),
                    optional("x1_tau", ArgKind.TIME, 10e-3, "pre trace time constant"),
                    optional("y1_tau", ArgKind.TIME, 10e-3, "post trace time constant"),
                    optional("t_epoch", ArgKind.COUNT, 1, "learning epoch in steps")));

    private static final Map<String, List<Signature>> STIMULI = table(
            sig("poisson", "independent Poisson spike trains into every target neuron",
                    required("rate", ArgKind.FREQUENCY, "rate per target neuron"),
                    optional("start", ArgKind.TIME, 0.0, "start time"),
                    optional("duration", ArgKind.TIME, Double.POSITIVE_INFINITY, "duration")),
            sig("spike_times", "the same spike times into every target neuron",
                    required("times", ArgKind.LIST_TIME, "spike times")),
            sig("dc", "a constant current into every target neuron",
                    required("amplitude", ArgKind.CURRENT, "current"),
                    optional("start", ArgKind.TIME, 0.0, "start time"),
                    optional("duration", ArgKind.TIME, Double.POSITIVE_INFINITY, "duration")),
            sig("external", "values supplied at run time through a named channel",
                    required("channel", ArgKind.STRING, "channel name")));

    private static final Map<String, List<Signature>> PROBES = table(
            sig("spikes", "spike times"),
            sig("state", "a state variable", required("variable", ArgKind.WORD, "state variable, e.g. v")),
            sig("weights", "synaptic weights of projections ending on the target"),
            sig("modulator", "a modulator's concentration at the target",
                    required("modulator", ArgKind.WORD, "modulator name")));

    private static final Map<String, List<Signature>> RESPONSES = table(
            sig("linear", "the concentration itself"),
            sig("sigmoid", "1 / (1 + exp(-k (c - half)))",
                    required("k", ArgKind.DIMENSIONLESS, "steepness"),
                    required("half", ArgKind.DIMENSIONLESS, "half-activation concentration")),
            sig("hill", "c^n / (K^n + c^n)",
                    required("n", ArgKind.DIMENSIONLESS, "Hill coefficient"),
                    required("K", ArgKind.DIMENSIONLESS, "half-activation concentration")));

    private static final Map<String, List<Signature>> FUNCTIONS = table(
            sig("sqrt", "square root", required("x", ArgKind.LIKE_TARGET, "")),
            sig("exp", "e^x", required("x", ArgKind.DIMENSIONLESS, "")),
            sig("log", "natural logarithm", required("x", ArgKind.DIMENSIONLESS, "")),
            sig("abs", "absolute value", required("x", ArgKind.LIKE_TARGET, "")),
            sig("min", "smaller of two", required("a", ArgKind.LIKE_TARGET, ""), required("b", ArgKind.LIKE_TARGET, "")),
            sig("max", "larger of two", required("a", ArgKind.LIKE_TARGET, ""), required("b", ArgKind.LIKE_TARGET, "")),
            sig("floor", "round down", required("x", ArgKind.DIMENSIONLESS, "")),
            sig("ceil", "round up", required("x", ArgKind.DIMENSIONLESS, "")),
            sig("round", "round to nearest", required("x", ArgKind.DIMENSIONLESS, "")));

    /** Pathway effect kinds. */
    private static final Map<String, EffectKind> EFFECTS = new LinkedHashMap<>();

    static {
        for (EffectKind kind : List.of(
                new EffectKind("gain", false, false, "scales the synaptic input current of the target"),
                new EffectKind("threshold", false, false, "offsets the firing threshold (in the threshold's unit)"),
                new EffectKind("excitability", false, false, "adds a bias current"),
                new EffectKind("tau", true, false, "scales a time constant: tau(tau_m) *= ..."),
                new EffectKind("param", true, false, "changes any parameter: param(b) *= ..."),
                new EffectKind("learning_rate", false, true, "scales the learning rate of plastic synapses"),
                new EffectKind("plasticity_sign", false, true, "sets the sign of plastic changes (1 or -1)"),
                new EffectKind("eligibility_gate", false, true, "gates the conversion of eligibility into weight change"),
                new EffectKind("weight_scale", false, true, "scales synaptic efficacy"))) {
            EFFECTS.put(kind.name(), kind);
        }
    }

    /**
     * Modulator settings; each has one argument (its value) with the default used when the setting
     * is absent. {@code source} and {@code decay} have none: they are required.
     */
    private static final Map<String, List<Signature>> MODULATOR_SETTINGS = table(
            sig("source", "population whose spikes release the modulator, or external \"channel\""),
            sig("release", "concentration added per source spike (write: release 0.3 per spike)",
                    optional("release", ArgKind.DIMENSIONLESS, 1.0, "concentration per spike, >= 0")),
            sig("decay", "time constant of the return to baseline",
                    required("decay", ArgKind.TIME, "time constant, > 0")),
            sig("baseline", "resting concentration",
                    optional("baseline", ArgKind.DIMENSIONLESS, 0.0, "concentration at rest, >= 0")),
            sig("scope", "global | per_population | per_target_neuron",
                    word("scope", "global", List.of("global", "per_population", "per_target_neuron"),
                            "one concentration for the network, per target population, or per target neuron")),
            sig("delay", "delay from source spike to release",
                    optional("delay", ArgKind.TIME, 0.0, "delay, >= 0")));

    private static final Map<String, List<Signature>> SIMULATE_SETTINGS = table(
            sig("dt", "time step", required("dt", ArgKind.TIME, "")),
            sig("duration", "simulated time", required("duration", ArgKind.TIME, "")),
            sig("seed", "seed of all sampling", required("seed", ArgKind.COUNT, "")));

    /** Targets the compiler knows, with the settings their {@code target} blocks accept. */
    private static final Map<String, List<String>> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("loihi1", List.of("chips", "system", "heterogeneity", "arithmetic", "max_bin_error"));
        TARGETS.put("spinnaker1", List.of("boards", "chips", "neurons_per_core", "time_scale_factor"));
    }

    private Catalog() {
    }

    private static Signature sig(String name, String doc, ArgSpec... args) {
        return new Signature(name, doc, List.of(args));
    }

    private static Map<String, List<Signature>> table(Signature... signatures) {
        Map<String, List<Signature>> map = new LinkedHashMap<>();
        for (Signature s : signatures) {
            map.merge(s.name(), List.of(s), (a, b) -> {
                List<Signature> all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return List.copyOf(all);
            });
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The forms of a connector, or empty if unknown. */
    public static List<Signature> connector(String name) {
        return CONNECTORS.getOrDefault(name, List.of());
    }

    public static List<Signature> distribution(String name) {
        return DISTRIBUTIONS.getOrDefault(name, List.of());
    }

    public static List<Signature> plasticity(String name) {
        return PLASTICITY.getOrDefault(name, List.of());
    }

    public static List<Signature> stimulus(String name) {
        return STIMULI.getOrDefault(name, List.of());
    }

    public static List<Signature> probe(String name) {
        return PROBES.getOrDefault(name, List.of());
    }

    public static List<Signature> response(String name) {
        return RESPONSES.getOrDefault(name, List.of());
    }

    public static List<Signature> function(String name) {
        return FUNCTIONS.getOrDefault(name, List.of());
    }

    public static Optional<EffectKind> effect(String name) {
        return Optional.ofNullable(EFFECTS.get(name));
    }

    public static List<Signature> modulatorSetting(String name) {
        return MODULATOR_SETTINGS.getOrDefault(name, List.of());
    }

    public static List<Signature> simulateSetting(String name) {
        return SIMULATE_SETTINGS.getOrDefault(name, List.of());
    }

    /** Settings a target block accepts, or empty if the target is unknown. */
    public static Optional<List<String>> targetSettings(String target) {
        return Optional.ofNullable(TARGETS.get(target));
    }

    public static List<String> connectorNames() { return List.copyOf(CONNECTORS.keySet()); }
    public static List<String> distributionNames() { return List.copyOf(DISTRIBUTIONS.keySet()); }
    public static List<String> plasticityNames() { return List.copyOf(PLASTICITY.keySet()); }
    public static List<String> stimulusNames() { return List.copyOf(STIMULI.keySet()); }
    public static List<String> probeNames() { return List.copyOf(PROBES.keySet()); }
    public static List<String> responseNames() { return List.copyOf(RESPONSES.keySet()); }
    public static List<String> functionNames() { return List.copyOf(FUNCTIONS.keySet()); }
    public static List<String> effectNames() { return List.copyOf(EFFECTS.keySet()); }
    public static List<String> modulatorSettingNames() { return List.copyOf(MODULATOR_SETTINGS.keySet()); }
    public static List<String> simulateSettingNames() { return List.copyOf(SIMULATE_SETTINGS.keySet()); }
    public static List<String> targetNames() { return List.copyOf(TARGETS.keySet()); }

    /**
     * A pathway effect kind.
     *
     * @param hasSubject true for {@code tau(p)} and {@code param(p)}
     * @param learning true for effects on plasticity, which need plastic synapses at the target
     */
    public record EffectKind(String name, boolean hasSubject, boolean learning, String doc) {
    }
}
