package io.neuromap.compiler.model;

import static io.neuromap.compiler.model.ParameterSpec.scalar;
import static io.neuromap.compiler.units.Dimension.CAPACITANCE;
import static io.neuromap.compiler.units.Dimension.CONDUCTANCE;
import static io.neuromap.compiler.units.Dimension.CURRENT;
import static io.neuromap.compiler.units.Dimension.FREQUENCY;
import static io.neuromap.compiler.units.Dimension.NONE;
import static io.neuromap.compiler.units.Dimension.TIME;
import static io.neuromap.compiler.units.Dimension.VOLTAGE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in models. Parameter names and defaults follow PyNN's standard cells
 * ({@code IF_curr_exp}, {@code Izhikevich}, {@code EIF_cond_exp_isfa_ista} in its current-based
 * form, {@code SpikeSourcePoisson}, {@code SpikeSourceArray}) so that PyNN users can port models;
 * the Izhikevich parameters are in the paper's units (a, b, d dimensionless per ms; c in mV).
 */
public final class ModelLibrary {
    private static final Map<String, NeuronModel> MODELS = new LinkedHashMap<>();

    static {
        register(new NeuronModel("lif",
                "Current-based leaky integrate-and-fire with exponential excitatory and inhibitory synaptic currents (PyNN IF_curr_exp).",
                false, List.of("soma"), lifParameters(""), List.of("v", "i_syn_e", "i_syn_i")));
        register(new NeuronModel("izhikevich",
                "Izhikevich (2003) quadratic model with recovery variable u and exponential synaptic currents.",
                false, List.of("soma"), List.of(
                        scalar("a", NONE, 0.02, Domain.POSITIVE, "recovery time scale, per ms"),
                        scalar("b", NONE, 0.2, Domain.ANY, "sensitivity of u to v, per ms"),
                        scalar("c", VOLTAGE, -65e-3, Domain.ANY, "after-spike reset of v"),
                        scalar("d", NONE, 8, Domain.ANY, "after-spike increment of u, in mV"),
                        scalar("v_thresh", VOLTAGE, 30e-3, Domain.ANY, "spike cut-off"),
                        scalar("v_init", VOLTAGE, -70e-3, Domain.ANY, "initial membrane potential"),
                        scalar("u_init", NONE, -14, Domain.ANY, "initial recovery variable, in mV"),
                        scalar("tau_syn_E", TIME, 5e-3, Domain.POSITIVE, "excitatory synaptic time constant"),
                        scalar("tau_syn_I", TIME, 5e-3, Domain.POSITIVE, "inhibitory synaptic time constant"),
                        scalar("i_offset", CURRENT, 0, Domain.ANY, "constant input current")),
                List.of("v", "u", "i_syn_e", "i_syn_i")));
        register(new NeuronModel("adex",
                "Adaptive exponential integrate-and-fire (Brette & Gerstner 2005), current-based synapses.",
                false, List.of("soma"), List.of(
                        scalar("cm", CAPACITANCE, 0.281e-9, Domain.POSITIVE, "membrane capacitance"),
                        scalar("tau_m", TIME, 9.3667e-3, Domain.POSITIVE, "membrane time constant"),
                        scalar("v_rest", VOLTAGE, -70.6e-3, Domain.ANY, "resting potential"),
                        scalar("v_reset", VOLTAGE, -70.6e-3, Domain.ANY, "reset potential"),
                        scalar("v_thresh", VOLTAGE, -50.4e-3, Domain.ANY, "exponential threshold V_T"),
                        scalar("delta_T", VOLTAGE, 2e-3, Domain.POSITIVE, "slope factor"),
                        scalar("v_spike", VOLTAGE, -40e-3, Domain.ANY, "spike detection threshold"),
                        scalar("tau_w", TIME, 144e-3, Domain.POSITIVE, "adaptation time constant"),
                        scalar("a", CONDUCTANCE, 4e-9, Domain.ANY, "subthreshold adaptation"),
                        scalar("b", CURRENT, 0.0805e-9, Domain.ANY, "spike-triggered adaptation"),
                        scalar("tau_refrac", TIME, 0.1e-3, Domain.NON_NEGATIVE, "refractory period"),
                        scalar("tau_syn_E", TIME, 5e-3, Domain.POSITIVE, "excitatory synaptic time constant"),
                        scalar("tau_syn_I", TIME, 5e-3, Domain.POSITIVE, "inhibitory synaptic time constant"),
                        scalar("i_offset", CURRENT, 0, Domain.ANY, "constant input current"),
                        scalar("v_init", VOLTAGE, -70.6e-3, Domain.ANY, "initial membrane potential")),
                List.of("v", "w", "i_syn_e", "i_syn_i")));
        List<ParameterSpec> twoComp = new ArrayList<>(lifParameters("soma."));
        twoComp.add(scalar("dendrite.cm", CAPACITANCE, 0.5e-9, Domain.POSITIVE, "dendrite capacitance"));
        twoComp.add(scalar("dendrite.tau_m", TIME, 30e-3, Domain.POSITIVE, "dendrite leak time constant"));
        twoComp.add(scalar("dendrite.v_rest", VOLTAGE, -65e-3, Domain.ANY, "dendrite resting potential"));
        twoComp.add(scalar("dendrite.tau_syn_E", TIME, 5e-3, Domain.POSITIVE, "dendritic excitatory synaptic time constant"));
        twoComp.add(scalar("dendrite.tau_syn_I", TIME, 5e-3, Domain.POSITIVE, "dendritic inhibitory synaptic time constant"));
        twoComp.add(scalar("dendrite.i_offset", CURRENT, 0, Domain.ANY, "constant dendritic input current"));
        twoComp.add(scalar("dendrite.v_init", VOLTAGE, -65e-3, Domain.ANY, "initial dendrite potential"));
        twoComp.add(scalar("g_c", CONDUCTANCE, 10e-9, Domain.NON_NEGATIVE, "soma-dendrite coupling conductance"));
        register(new NeuronModel("two_comp",
                "Two-compartment LIF: a spiking soma and a passive dendrite joined by a coupling conductance g_c.",
                false, List.of("soma", "dendrite"), twoComp,
                List.of("soma.v", "dendrite.v", "soma.i_syn_e", "soma.i_syn_i", "dendrite.i_syn_e", "dendrite.i_syn_i")));
        register(new NeuronModel("poisson",
                "Poisson spike source (PyNN SpikeSourcePoisson).",
                true, List.of("soma"), List.of(
                        scalar("rate", FREQUENCY, 1, Domain.NON_NEGATIVE, "mean firing rate"),
                        scalar("start", TIME, 0, Domain.NON_NEGATIVE, "time of the first possible spike"),
                        scalar("duration", TIME, Double.POSITIVE_INFINITY, Domain.NON_NEGATIVE, "how long it fires")),
                List.of()));
        register(new NeuronModel("spike_times",
                "Spike source firing at given times (PyNN SpikeSourceArray); every neuron fires at the same times unless sampled.",
                true, List.of("soma"), List.of(
                        new ParameterSpec("times", TIME, true, Optional.of(0.0), Domain.NON_NEGATIVE, "spike times")),
                List.of()));
    }

    private ModelLibrary() {
    }

    private static List<ParameterSpec> lifParameters(String prefix) {
        return List.of(
                scalar(prefix + "cm", CAPACITANCE, 1e-9, Domain.POSITIVE, "membrane capacitance"),
                scalar(prefix + "tau_m", TIME, 20e-3, Domain.POSITIVE, "membrane time constant"),
                scalar(prefix + "v_rest", VOLTAGE, -65e-3, Domain.ANY, "resting potential"),
                scalar(prefix + "v_reset", VOLTAGE, -65e-3, Domain.ANY, "reset potential after a spike"),
                scalar(prefix + "v_thresh", VOLTAGE, -50e-3, Domain.ANY, "spike threshold"),
                scalar(prefix + "tau_refrac", TIME, 0.1e-3, Domain.NON_NEGATIVE, "refractory period"),
                scalar(prefix + "tau_syn_E", TIME, 5e-3, Domain.POSITIVE, "excitatory synaptic time constant"),
                scalar(prefix + "tau_syn_I", TIME, 5e-3, Domain.POSITIVE, "inhibitory synaptic time constant"),
                scalar(prefix + "i_offset", CURRENT, 0, Domain.ANY, "constant input current"),
                scalar(prefix + "v_init", VOLTAGE, -65e-3, Domain.ANY, "initial membrane potential"));
    }

    private static void register(NeuronModel model) {
        MODELS.put(model.name(), model);
    }

    public static Optional<NeuronModel> lookup(String name) {
        return Optional.ofNullable(MODELS.get(name));
    }

    public static List<NeuronModel> all() {
        return List.copyOf(MODELS.values());
    }

}
