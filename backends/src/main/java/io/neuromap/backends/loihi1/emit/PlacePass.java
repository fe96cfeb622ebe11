package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.PlacementOptions;
import io.neuromap.compiler.mapping.Placer;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;

/** The {@code place} pass: put every core on a chip and core of the Loihi 1 mesh, minimising traffic x hops. */
public final class PlacePass implements Pass<Loihi1Partitioned, Loihi1Placed> {
    private final PlacementOptions options;

    public PlacePass(PlacementOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return "place";
    }

    @Override
    public String description() {
        return "put every core on a chip and core of the Loihi 1 mesh, minimising traffic x hops";
    }

    @Override
    public IrKind<Loihi1Partitioned> requires() {
        return Loihi1Partitioned.KIND;
    }

    @Override
    public IrKind<Loihi1Placed> provides() {
        return Loihi1Placed.KIND;
    }

    @Override
    public Loihi1Placed run(Loihi1Partitioned input, PassContext context) {
        Placement placement = Placer.place(input.lowering().network(), input.partition(), options);
        context.statistics().add("chips", placement.chipsUsed());
        return new Loihi1Placed(input, placement);
    }
}
