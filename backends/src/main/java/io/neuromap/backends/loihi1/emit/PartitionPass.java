package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.learning.LearningLowering;
import io.neuromap.backends.loihi1.learning.LearningPlan;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.LowerPass;
import io.neuromap.backends.loihi1.mapping.Loihi1PlasticProjections;
import io.neuromap.backends.loihi1.mapping.Loihi1ResourceModel;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Partitioner;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;

/** The {@code partition} pass: split the lowered network into cores that satisfy every Loihi 1 per-core limit at once. */
public final class PartitionPass implements Pass<Loihi1Lowering, Loihi1Partitioned> {
    private final Loihi1Limits limits;
    private final PartitionOptions options;

    public PartitionPass(Loihi1Limits limits, PartitionOptions options) {
        this.limits = requireNonNull(limits, "limits is null");
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String name() {
        return "partition";
    }

    @Override
    public String description() {
        return "split the lowered network into cores that satisfy every Loihi 1 per-core limit at once";
    }

    @Override
    public IrKind<Loihi1Lowering> requires() {
        return LowerPass.LOWERED;
    }

    @Override
    public IrKind<Loihi1Partitioned> provides() {
        return Loihi1Partitioned.KIND;
    }

    @Override
    public Loihi1Partitioned run(Loihi1Lowering input, PassContext context) {
        Loihi1ResourceModel model = new Loihi1ResourceModel(limits, input.profiles(), input.formats(),
                plasticProjections(input.learning()));
        Partition partition = Partitioner.partition(input.network(), model, options);
        context.statistics().add("cores", partition.coreCount());
        context.statistics().add("lower bound", partition.lowerBounds().cores());
        context.statistics().add("violations", partition.violations().size());
        return new Loihi1Partitioned(input, limits, partition);
    }

    /**
     * The projections the lowering gave a learning rule, with the modulator each reads: a plastic
     * projection it could not lower keeps static synapses (LOIHI1-LEARN-001), so it costs no
     * learning axons or reward channel.
     */
    public static Loihi1PlasticProjections plasticProjections(LearningLowering learning) {
        return new Loihi1PlasticProjections() {
            @Override
            public boolean learns(Network network, int projection) {
                return learning.plans().get(projection) != null;
            }

            @Override
            public int rewardModulator(Network network, int projection) {
                LearningPlan plan = learning.plans().get(projection);
                return plan == null ? -1 : plan.rewardModulator();
            }
        };
    }
}
