package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;

/**
 * The {@code place} pass: cores → (chip, core) slots on the target's mesh, minimising traffic ×
 * hops. A network that needs more chips than the system has is placed anyway and carries the
 * violation.
 */
public final class PlacePass implements Pass<PartitionedNetwork, MappedNetwork> {
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
        return "put cores on chips and the mesh, minimising spike traffic times hops";
    }

    @Override
    public IrKind<PartitionedNetwork> requires() {
        return MappingIr.PARTITIONED;
    }

    @Override
    public IrKind<MappedNetwork> provides() {
        return MappingIr.MAPPED;
    }

    @Override
    public MappedNetwork run(PartitionedNetwork input, PassContext context) {
        Placement placement = Placer.place(input.network(), input.partition(), options);
        context.statistics().add("chips", placement.chipsUsed());
        context.statistics().add("inter-chip traffic (mHz)", placement.interChipTraffic());
        context.statistics().add("violations", placement.violations().size());
        return new MappedNetwork(input.network(), input.partition(), placement);
    }
}
