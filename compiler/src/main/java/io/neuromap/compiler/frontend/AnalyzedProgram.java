package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.units.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The output of analysis when it reported no errors: the network to elaborate with everything it
 * refers to resolved. Elaboration may rely on every name, unit, domain and receptor being valid.
 *
 * <p>What {@link Analyzer} has established, and the meanings it fixed, for elaboration:
 * <ul>
 *   <li><b>Bodies</b> are evaluated per neuron (per synapse for projections and stimuli) in
 *       order: first the cell type's body, then the population's. A name in a value is a
 *       constant, a {@code let} variable bound above it in the same body, or a parameter bound
 *       above it (in the same body or, for a population of a cell type or a mix, by the neuron's
 *       cell type). Defaults are not names. {@code let} names hide no parameter.</li>
 *   <li><b>Distribution arguments and clip bounds</b> are constants (no per-neuron names); the
 *       form is chosen as {@link SamplingLaw} documents, and every value a distribution (after
 *       its clip) or a {@code let}-dependent expression can take lies in the parameter's domain,
 *       checked with interval arithmetic. A clip holds at least
 *       {@link SamplingLaw#MIN_CLIP_MASS} of the probability. Lognormal, gamma and
 *       exponential draws must never be exactly 0 (redraw an underflow).</li>
 *   <li>{@code seed = N;} in a population, projection or stimulus body is not a parameter: a
 *       whole number &gt;= 0 that replaces the seed of its draws. Every other binding of a
 *       population or cell type names a parameter of the neurons' model.</li>
 *   <li><b>Sizes</b> are whole, positive and at most {@link Integer#MAX_VALUE}; the cell types of
 *       a mix share one model, its fractions are in (0, 1] and sum to 1 within 1e-9, and its
 *       neurons are split by {@link MixAllocation}. Slices are whole and within their selection.</li>
 *   <li><b>Projections</b> have a unique name (declared, or {@code pre_to_post}); their post
 *       population is not a spike source; a connector's arguments bind to its catalog signature
 *       and can be realised with the endpoints' sizes; {@code from_list} files exist, resolved
 *       by {@link DataFiles}. Its source names neurons, never a compartment. It has a weight
 *       (unless it is a {@code from_list}): a current (every built-in neuron is current-based) or
 *       a plain number read in nA, of one sign across all its synapses (&gt;= 0 with
 *       {@code receptor = exc}). A delay is a time &gt;= 0, rounded to whole steps of at least one
 *       step. {@code poisson} and {@code spike_times} stimuli have a weight too.</li>
 *   <li><b>Modulators</b> have one source (a population or an external channel) and a decay;
 *       settings not written take {@link io.neuromap.compiler.model.Catalog#modulatorSetting}
 *       defaults. Every
 *       receptor binds a declared modulator; a receptor without {@code on} sits on the model's
 *       first compartment.</li>
 *   <li><b>Pathways</b> act through a receptor that every neuron of the target expresses (on the
 *       targeted compartment) and that binds the pathway's modulator. Effect values are
 *       dimensionless for {@code *=}; {@code threshold} offsets are voltages or plain numbers read
 *       in mV, {@code excitability} currents or plain numbers read in nA; {@code tau(p)} and
 *       {@code param(p)} name parameters of the target's model(s); {@code plasticity_sign} is
 *       {@code = 1} or {@code = -1}; a {@code proj} target of a learning effect is plastic.</li>
 *   <li><b>Probes</b>: {@code state(x)} names a state variable of every target neuron (for a
 *       compartment endpoint, an unqualified {@code x} is that compartment's); {@code every} is a
 *       whole number of steps.</li>
 * </ul>
 *
 * @param network the network to elaborate: the one named by the root file's {@code simulate}
 *                block, else the root file's only network
 * @param celltypes every cell type visible to the network (top level of all files, and its own), by name
 * @param constants every constant visible to the network, evaluated, by name
 * @param targets the {@code target} blocks of the root file, in order
 */
public record AnalyzedProgram(SourceSet sources, NetworkDecl network, Map<String, CelltypeDecl> celltypes,
        Map<String, Quantity> constants, SimulationSettings simulation, List<TargetDecl> targets) {
    public AnalyzedProgram {
        requireNonNull(sources, "sources is null");
        requireNonNull(network, "network is null");
        celltypes = Map.copyOf(requireNonNull(celltypes, "celltypes is null"));
        constants = Map.copyOf(requireNonNull(constants, "constants is null"));
        requireNonNull(simulation, "simulation is null");
        targets = List.copyOf(requireNonNull(targets, "targets is null"));
    }
}
