package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.ModulatorDecl;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.eval.Interval;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.eval.TypeScope;
import io.neuromap.compiler.eval.Typed;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the checks of one network share: the sink, the constants and cell types it sees, and the
 * populations, projections and modulators resolved so far (each check adds what it resolved, and
 * later checks look it up).
 */
final class NetworkContext {
    private final Diagnostics diagnostics;
    private final Hints hints;
    private final NetworkDecl network;
    private final Constants constants;
    private final Map<String, CelltypeInfo> celltypes;
    private final SimulationSettings simulation;
    private final Map<String, PopulationInfo> populations = new LinkedHashMap<>();
    private final Map<String, ProjectionInfo> projections = new LinkedHashMap<>();
    private final Map<String, ModulatorInfo> modulators = new LinkedHashMap<>();
    private final Set<String> usedModulators = new HashSet<>();

    /**
     * A declared modulator.
     *
     * @param external true if its source is an external channel (its concentration can then take any value)
     */
    record ModulatorInfo(ModulatorDecl decl, boolean external) {
    }

    NetworkContext(Diagnostics diagnostics, Hints hints, NetworkDecl network, Constants constants,
            Map<String, CelltypeInfo> celltypes, SimulationSettings simulation) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.hints = requireNonNull(hints, "hints is null");
        this.network = requireNonNull(network, "network is null");
        this.constants = requireNonNull(constants, "constants is null");
        this.celltypes = requireNonNull(celltypes, "celltypes is null");
        this.simulation = requireNonNull(simulation, "simulation is null");
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Hints hints() {
        return hints;
    }

    NetworkDecl network() {
        return network;
    }

    Constants constants() {
        return constants;
    }

    Map<String, CelltypeInfo> celltypes() {
        return celltypes;
    }

    SimulationSettings simulation() {
        return simulation;
    }

    Map<String, PopulationInfo> populations() {
        return populations;
    }

    Map<String, ProjectionInfo> projections() {
        return projections;
    }

    Map<String, ModulatorInfo> modulators() {
        return modulators;
    }

    void useModulator(String name) {
        usedModulators.add(name);
    }

    boolean isModulatorUsed(String name) {
        return usedModulators.contains(name);
    }

    /**
     * Constants, plus {@code names} known to be per-neuron (or per-synapse) values: an expression
     * that must be constant and uses one of them gets NM-E0310 rather than "unknown name".
     */
    TypeScope constantScope(Collection<String> perNeuronNames) {
        Set<String> dynamic = new HashSet<>(perNeuronNames);
        return new TypeScope() {
            @Override
            public Optional<Typed> lookup(QualifiedName name) {
                if (dynamic.contains(name.text())) {
                    return Optional.of(new Typed(Optional.empty(), Interval.ALL, Optional.of(new Expr.Name(name, name.span()))));
                }
                return constants.lookup(name);
            }

            @Override
            public Scope values() {
                return constants.values();
            }

            @Override
            public Collection<String> visibleNames() {
                return constants.names();
            }
        };
    }

    /** Every population name, for suggestions. */
    Collection<String> populationNames() {
        return populations.keySet();
    }

    /** The declared modulators by name, in declaration order. */
    Map<String, ModulatorDecl> modulatorDecls() {
        Map<String, ModulatorDecl> out = new LinkedHashMap<>();
        modulators.forEach((k, v) -> out.put(k, v.decl()));
        return out;
    }
}
