package io.neuromap.backends.loihi1.learning;

import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.emit.Loihi1Routing;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.ProjectionLowering;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Probe;
import io.neuromap.compiler.mapping.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Assembles the config's {@code learning} section from the learning lowering, the partition and
 * the routing (after {@link LearningRoutes}): the rules of every plan, one after the other (a
 * plan's variant v is rule {@code base + v}); per core that holds plastic synapses, its epoch
 * (the one its da_stdp rules were fitted for, or {@link LearningLowerer#DEFAULT_EPOCH}; rule
 * LOIHI1-LEARN-005 reports a core whose rules need different ones), each plastic format's rule
 * and reward channel, the reward axons, and the rule offsets of the post compartments of
 * variant v &gt; 0; and the weight probes.
 */
public final class LearningSection {
    private LearningSection() {
    }

    /** The section; {@link Loihi1Learning#none()} when nothing learns. */
    public static Loihi1Learning emit(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing) {
        LearningLowering learning = lowering.learning();
        if (!learning.any()) {
            return Loihi1Learning.none();
        }
        Network net = lowering.network();
        int planCount = learning.plans().size();
        // Per core, the rule offsets of its post compartments; per plan, the rules its formats
        // must reach: a format's rule plus every offset of its core is a rule (the config's
        // check), so a plan with fewer variants than another on a shared core is padded with
        // copies of its first rule that no compartment of its own selects.
        List<TreeMap<Integer, Integer>> offsetsOf = new ArrayList<>();
        int[] reach = new int[planCount];
        for (int c = 0; c < routing.cores(); c++) {
            int[] formats = routing.projectionFormat()[c];
            TreeMap<Integer, Integer> offsets = new TreeMap<>();
            offsetsOf.add(offsets);
            if (formats == null) {
                continue;
            }
            for (int j = 0; j < formats.length; j++) {
                LearningPlan plan = learning.plans().get(j);
                if (formats[j] == 0 || plan == null) {
                    continue;
                }
                ProjectionLowering pl = lowering.projections().get(j);
                Population post = net.populations().get(pl.post());
                for (int i = 0; i < post.size(); i++) {
                    int v = plan.variantOfPost()[i];
                    int g = post.offset() + i;
                    if (v > 0 && partition.coreOf(g) == c) {
                        offsets.putIfAbsent(routing.compartmentBase()[g] + pl.position(), v);
                    }
                }
            }
            int most = offsets.isEmpty() ? 0 : java.util.Collections.max(offsets.values());
            for (int j = 0; j < formats.length; j++) {
                if (formats[j] != 0 && learning.plans().get(j) != null) {
                    reach[j] = Math.max(reach[j], most + 1);
                }
            }
        }
        List<Loihi1Learning.Rule> rules = new ArrayList<>();
        int[] base = new int[planCount];
        for (int j = 0; j < base.length; j++) {
            LearningPlan plan = learning.plans().get(j);
            if (plan != null) {
                base[j] = rules.size();
                rules.addAll(plan.rules());
                for (int v = plan.rules().size(); v < reach[j]; v++) {
                    Loihi1Learning.Rule first = plan.rules().get(0);
                    rules.add(new Loihi1Learning.Rule(first.name() + "#" + v, first.dw(), first.dt(), first.x1(),
                            first.y1(), first.r1()));
                }
            }
        }
        List<Loihi1Learning.Core> cores = new ArrayList<>();
        for (int c = 0; c < routing.cores(); c++) {
            int[] formats = routing.projectionFormat()[c];
            if (formats == null) {
                continue;
            }
            int[] channels = LearningRoutes.channels(lowering, routing, c);
            int firstReward = routing.synapses()[c].inputAxons() - channels.length;
            List<Loihi1Learning.FormatRule> formatRules = new ArrayList<>();
            int epoch = 0;
            TreeMap<Integer, Integer> offsets = offsetsOf.get(c);
            for (int j = 0; j < formats.length; j++) {
                LearningPlan plan = learning.plans().get(j);
                if (formats[j] == 0 || plan == null) {
                    continue;
                }
                int channel = -1;
                for (int k = 0; k < channels.length; k++) {
                    if (channels[k] == plan.rewardModulator()) {
                        channel = k;
                    }
                }
                formatRules.add(new Loihi1Learning.FormatRule(formats[j], base[j], channel));
                epoch = Math.max(epoch, plan.tEpoch());
            }
            if (formatRules.isEmpty()) {
                continue;
            }
            int[] rewardAxons = new int[channels.length];
            for (int k = 0; k < channels.length; k++) {
                rewardAxons[k] = firstReward + k;
            }
            int[] cx = new int[offsets.size()];
            int[] off = new int[offsets.size()];
            int k = 0;
            for (var e : offsets.entrySet()) {
                cx[k] = e.getKey();
                off[k] = e.getValue();
                k++;
            }
            cores.add(new Loihi1Learning.Core(routing.chip()[c], routing.coreOnChip()[c],
                    epoch == 0 ? LearningLowerer.DEFAULT_EPOCH : epoch, formatRules, rewardAxons, cx, off));
        }
        List<Loihi1Learning.WeightProbe> probes = new ArrayList<>();
        for (Probe probe : net.probes()) {
            int pop = probe.target().population();
            if (!"weights".equals(probe.kind()) || !WeightProbes.learnsInto(learning, net, pop)) {
                continue;
            }
            List<Loihi1Learning.SynapseSet> sets = new ArrayList<>();
            for (int c = 0; c < routing.cores(); c++) {
                int[] formats = routing.projectionFormat()[c];
                if (formats == null) {
                    continue;
                }
                for (int j = 0; j < formats.length; j++) {
                    LearningPlan plan = learning.plans().get(j);
                    if (formats[j] != 0 && plan != null && net.projections().get(j).post() == pop) {
                        sets.add(new Loihi1Learning.SynapseSet(routing.chip()[c], routing.coreOnChip()[c], formats[j]));
                    }
                }
            }
            probes.add(new Loihi1Learning.WeightProbe(probe.name(), probe.everySteps(), sets));
        }
        return new Loihi1Learning(net.simulation().seed(), rules, cores, probes);
    }
}
