package io.neuromap.backends.loihi1.learning;

import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.emit.Loihi1Routing;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.compiler.ir.ModulatorSource;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.mapping.Partition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Routes modulators' source spikes to reward axons (loihi1-compartments-reward.md §2.5.3): every
 * core holding plastic synapses whose rule reads a modulator's reward trace gets one reward
 * channel per such modulator, fed by an input axon appended after the core's synaptic axons
 * (no synapses; the learning section names it in {@code reward_axons}), and every neuron of the
 * modulator's source population sends its spikes there: an output axon row when the neuron runs
 * on a core, a host route when the host injects it. On the chip the channel is input axon
 * 4096 + k; the config keeps it inside the core's axon range, so routing, stimuli and the
 * validator treat it like any axon, at the cost of one synapse-map entry per channel.
 */
public final class LearningRoutes {
    private LearningRoutes() {
    }

    /** The modulators (ascending) whose reward traces core {@code c}'s plastic synapses read. */
    public static int[] channels(Loihi1Lowering lowering, Loihi1Routing routing, int c) {
        int[] formats = routing.projectionFormat()[c];
        if (formats == null) {
            return new int[0];
        }
        boolean[] used = new boolean[lowering.network().modulators().size()];
        int n = 0;
        for (int j = 0; j < formats.length; j++) {
            LearningPlan plan = lowering.learning().plans().get(j);
            if (formats[j] != 0 && plan != null && plan.rewardModulator() >= 0 && !used[plan.rewardModulator()]) {
                used[plan.rewardModulator()] = true;
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int m = 0; m < used.length; m++) {
            if (used[m]) {
                out[k++] = m;
            }
        }
        return out;
    }

    /** {@code routing} with the reward axons and their routes added; itself when nothing reads a reward trace. */
    public static Loihi1Routing withRewardAxons(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing) {
        if (!lowering.learning().any()) {
            return routing;
        }
        Network net = lowering.network();
        int cores = routing.cores();
        Loihi1Synapses[] synapses = routing.synapses().clone();
        // Per modulator, the (core, axon) pairs its source spikes go to.
        List<List<int[]>> targets = new ArrayList<>();
        for (int m = 0; m < net.modulators().size(); m++) {
            targets.add(new ArrayList<>());
        }
        boolean any = false;
        for (int c = 0; c < cores; c++) {
            int[] channels = channels(lowering, routing, c);
            if (channels.length == 0) {
                continue;
            }
            any = true;
            Loihi1Synapses s = synapses[c];
            int axons = s.inputAxons();
            int[] start = Arrays.copyOf(s.axonStart(), axons + channels.length + 1);
            for (int k = 1; k <= channels.length; k++) {
                start[axons + k] = start[axons];
            }
            synapses[c] = new Loihi1Synapses(axons + channels.length, start, s.format(), s.compartment(), s.weight(),
                    s.delay());
            for (int k = 0; k < channels.length; k++) {
                targets.get(channels[k]).add(new int[] {c, axons + k});
            }
        }
        if (!any) {
            return routing;
        }
        int neurons = net.neuronCount();
        List<List<int[]>> extraOut = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            extraOut.add(new ArrayList<>());
        }
        List<List<int[]>> extraHost = new ArrayList<>();
        for (int g = 0; g < neurons; g++) {
            extraHost.add(null);
        }
        for (int m = 0; m < net.modulators().size(); m++) {
            if (targets.get(m).isEmpty()) {
                continue;
            }
            int pop = ((ModulatorSource.FromPopulation) net.modulators().get(m).source()).population();
            Population p = net.populations().get(pop);
            int soma = lowering.populations().get(pop).isSource() ? 0
                    : lowering.populations().get(pop).shape().somaPosition();
            for (int i = 0; i < p.size(); i++) {
                int g = p.offset() + i;
                int home = partition.coreOf(g);
                for (int[] t : targets.get(m)) {
                    if (home >= 0) {
                        extraOut.get(home).add(new int[] {routing.compartmentBase()[g] + soma, routing.chip()[t[0]],
                                routing.coreOnChip()[t[0]], t[1]});
                    } else {
                        if (extraHost.get(g) == null) {
                            extraHost.set(g, new ArrayList<>());
                        }
                        extraHost.get(g).add(new int[] {routing.chip()[t[0]], routing.coreOnChip()[t[0]], t[1]});
                    }
                }
            }
        }
        Loihi1OutputAxons[] outputs = routing.outputAxons().clone();
        for (int c = 0; c < cores; c++) {
            if (!extraOut.get(c).isEmpty()) {
                outputs[c] = merge(outputs[c], extraOut.get(c));
            }
        }
        int[] hostStart = new int[neurons + 1];
        int total = routing.hostAxon().length;
        for (List<int[]> e : extraHost) {
            total += e == null ? 0 : e.size();
        }
        int[] hostChip = new int[total];
        int[] hostCore = new int[total];
        int[] hostAxon = new int[total];
        int r = 0;
        for (int g = 0; g < neurons; g++) {
            hostStart[g] = r;
            for (int k = routing.hostStart()[g]; k < routing.hostStart()[g + 1]; k++) {
                hostChip[r] = routing.hostChip()[k];
                hostCore[r] = routing.hostCore()[k];
                hostAxon[r] = routing.hostAxon()[k];
                r++;
            }
            if (extraHost.get(g) != null) {
                for (int[] t : extraHost.get(g)) {
                    hostChip[r] = t[0];
                    hostCore[r] = t[1];
                    hostAxon[r] = t[2];
                    r++;
                }
            }
        }
        hostStart[neurons] = r;
        return new Loihi1Routing(routing.chip(), routing.coreOnChip(), routing.compartmentBase(), synapses,
                routing.formats(), outputs, hostStart, hostChip, hostCore, hostAxon, routing.projectionFormat());
    }

    /** The rows of {@code out} plus {@code extra}, ordered by compartment (stable). */
    private static Loihi1OutputAxons merge(Loihi1OutputAxons out, List<int[]> extra) {
        int n = out.count() + extra.size();
        long[] keys = new long[n];
        int[][] rows = new int[n][];
        for (int r = 0; r < out.count(); r++) {
            rows[r] = new int[] {out.compartment()[r], out.chip()[r], out.core()[r], out.axon()[r]};
        }
        for (int k = 0; k < extra.size(); k++) {
            rows[out.count() + k] = extra.get(k);
        }
        for (int r = 0; r < n; r++) {
            keys[r] = ((long) rows[r][0] << 32) | r;
        }
        Arrays.sort(keys);
        int[][] cols = new int[4][n];
        for (int i = 0; i < n; i++) {
            int[] row = rows[(int) keys[i]];
            for (int k = 0; k < 4; k++) {
                cols[k][i] = row[k];
            }
        }
        return new Loihi1OutputAxons(cols[0], cols[1], cols[2], cols[3]);
    }
}
