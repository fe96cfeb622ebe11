package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NetworkIr;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;

/**
 * The {@code partition} pass: network → cores, for the target whose resource model it was made
 * with (the CLI makes one per {@code --target}). Hardware limits the network breaks are carried
 * in the result for the reports, not raised as diagnostics: an infeasible network still gets its
 * full report.
 */
public final class PartitionPass implements Pass<Network, PartitionedNetwork> {
    private final ResourceModel model;
    private final PartitionOptions options;

    public PartitionPass(ResourceModel model, PartitionOptions options) {
        this.model = requireNonNull(model, "model is null");
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return "partition";
    }

    @Override
    public String description() {
        return "split populations into slices that fit one " + model.target() + " core under every limit at once";
    }

    @Override
    public IrKind<Network> requires() {
        return NetworkIr.NETWORK;
    }

    @Override
    public IrKind<PartitionedNetwork> provides() {
        return MappingIr.PARTITIONED;
    }

    @Override
    public PartitionedNetwork run(Network input, PassContext context) {
        Partition partition = Partitioner.partition(input, model, options);
        context.statistics().add("cores", partition.coreCount());
        context.statistics().add("lower bound (cores)", partition.lowerBounds().cores());
        context.statistics().add("violations", partition.violations().size());
        context.statistics().add("neurons moved by refinement", partition.statistics().refineMoves());
        context.statistics().add("cores split for output fan-out", partition.statistics().repairSplits());
        return new PartitionedNetwork(input, partition);
    }
}
