package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NetworkIr;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;

/**
 * The {@code lower} pass: network IR to Loihi 1 numbers ({@link Loihi1Lowerer}). What it cannot
 * lower becomes a fact for the design rules, not a diagnostic, so the pipeline goes on to
 * partition and place and the report shows everything at once.
 */
public final class LowerPass implements Pass<Network, Loihi1Lowering> {
    /** The lowered network, verified for registers in range and arrays that cover the network. */
    public static final IrKind<Loihi1Lowering> LOWERED = IrKind.of("loihi1-lowered", Loihi1Lowering.class,
            Loihi1Lowering::verify, LoweringPrinter::print);

    private final Loihi1LowerOptions options;

    public LowerPass(Loihi1LowerOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return "lower";
    }

    @Override
    public String description() {
        return "lower the network to Loihi 1 integers (decays, thresholds, biases, weights, delays, trees)";
    }

    @Override
    public IrKind<Network> requires() {
        return NetworkIr.NETWORK;
    }

    @Override
    public IrKind<Loihi1Lowering> provides() {
        return LOWERED;
    }

    @Override
    public Loihi1Lowering run(Network input, PassContext context) {
        Loihi1Lowering out = Loihi1Lowerer.lower(input, options);
        int compartments = 0;
        for (PopulationLowering p : out.populations()) {
            compartments += p.size() * p.compartmentsPerNeuron();
        }
        context.statistics().add("populations", out.populations().size());
        context.statistics().add("compartments", compartments);
        context.statistics().add("projections", out.projections().size());
        context.statistics().add("binned roles", out.binning().stream().filter(b -> b.bins() < b.distinct()).count());
        return out;
    }
}
