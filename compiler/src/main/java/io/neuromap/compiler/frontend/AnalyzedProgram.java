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
