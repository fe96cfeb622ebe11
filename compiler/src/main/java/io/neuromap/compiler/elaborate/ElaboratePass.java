package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.frontend.AnalyzedProgram;
import io.neuromap.compiler.frontend.FrontEndIr;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NetworkIr;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;
import java.util.Optional;

/**
 * {@code elaborate}: analysed program → network IR ({@link Elaborator}). The pass manager runs
 * the IR verifier on the result. Option {@code threads=N} sets the worker threads (default: all
 * processors); the result is the same for any value. Returns null only after reporting an error.
 */
public final class ElaboratePass implements Pass<AnalyzedProgram, Network> {
    @Override
    public String name() {
        return "elaborate";
    }

    @Override
    public String description() {
        return "expand populations to neurons and connectors to synapses; bind modulators, pathways, stimuli, probes";
    }

    @Override
    public IrKind<AnalyzedProgram> requires() {
        return FrontEndIr.ANALYZED;
    }

    @Override
    public IrKind<Network> provides() {
        return NetworkIr.NETWORK;
    }

    @Override
    public Network run(AnalyzedProgram input, PassContext context) {
        int threads = context.options().get("threads").map(ElaboratePass::threads)
                .orElse(Runtime.getRuntime().availableProcessors());
        Optional<Network> network = Elaborator.elaborate(input, context.diagnostics(), new ElaborationOptions(threads, false));
        if (network.isEmpty()) {
            return null;
        }
        Network n = network.get();
        context.statistics().add("populations", n.populations().size());
        context.statistics().add("neurons", n.neuronCount());
        long heterogeneous = 0;
        for (Population p : n.populations()) {
            heterogeneous += p.heterogeneousParameters().size();
        }
        context.statistics().add("heterogeneous parameters", heterogeneous);
        context.statistics().add("projections", n.projections().size());
        context.statistics().add("synapses", n.synapseCount());
        long perSynapseBytes = 0;
        for (Projection p : n.projections()) {
            perSynapseBytes += (4L + (p.synapses().weights().isHomogeneous() ? 0 : 4)
                    + p.synapses().delays().bytesPerSynapse()) * p.synapseCount();
        }
        context.statistics().add("synapse bytes", perSynapseBytes);
        context.statistics().add("pathways", n.pathways().size());
        return n;
    }

    private static int threads(String value) {
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option threads must be a whole number, found `" + value + "`", e);
        }
    }
}
