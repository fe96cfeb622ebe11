package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.ModulatorDecl;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.eval.Interval;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.eval.TypeScope;
import io.neuromap.compiler.eval.Typed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** One use of a name that is not declared. */
    private record Use(SourceSpan span, String message, String help) {
    }

    private final Map<String, List<Use>> unknownPopulations = new LinkedHashMap<>();
    private final Map<String, List<Use>> unknownModulators = new LinkedHashMap<>();

    /**
     * Records a use of an undeclared population. Uses are reported together by
     * {@link #reportUnknownNames()}: once per name, at the first use, since the missing
     * declaration is one mistake however often the name is used.
     */
    void unknownPopulation(SourceSpan span, String name, String message, String help) {
        unknownPopulations.computeIfAbsent(name, k -> new ArrayList<>()).add(new Use(span, message, help));
    }

    /** Records a use of an undeclared modulator; see {@link #unknownPopulation}. */
    void unknownModulator(SourceSpan span, String name, String message, String help) {
        unknownModulators.computeIfAbsent(name, k -> new ArrayList<>()).add(new Use(span, message, help));
    }

    /** Reports every undeclared population and modulator once, with the places of its other uses. */
    void reportUnknownNames() {
        report(DiagnosticCode.UNKNOWN_POPULATION, unknownPopulations);
        report(DiagnosticCode.UNKNOWN_MODULATOR, unknownModulators);
    }

    private void report(DiagnosticCode code, Map<String, List<Use>> uses) {
        for (List<Use> list : uses.values()) {
            List<Use> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing((Use u) -> u.span().file()).thenComparingInt(u -> u.span().start()));
            Use first = sorted.get(0);
            String also = "";
            if (sorted.size() > 1) {
                List<String> places = new ArrayList<>();
                for (Use u : sorted.subList(1, sorted.size())) {
                    places.add(u.span().file().equals(first.span().file()) ? "line " + u.span().line() : u.span().location());
                }
                also = " (also used on " + String.join(", ", new LinkedHashSet<>(places)) + ")";
            }
            diagnostics.report(code, first.span(), first.message() + also, first.help());
        }
    }

    /** Every population name, for suggestions. */
    Collection<String> populationNames() {
        return populations.keySet();
    }
}
