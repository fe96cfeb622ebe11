package io.neuromap.cli;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.emit.Loihi1Routing;
import io.neuromap.backends.loihi1.learning.LearningPlan;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.ProjectionLowering;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code validate}'s informational weight comparison: for every plastic projection that learns on
 * the chip and that a weight probe records on both sides, the mean over its synapses of
 * {@code |w_emu - w_ref|}, relative to its {@code w_max}, at the last sample. The emulator's
 * columns are matched to the reference's synapse by the order the router lays synapses out in
 * (per core and plastic format: the projection's synapses onto that core, in IR order), and its
 * mantissas are converted to amperes with each post neuron's weight scale. When the divergence
 * floor was run, the note also gives the largest same mean between the float reference and the
 * floor's runs over the same synapses: how far the network's own learning carries changes smaller
 * than the chip's, the scale against which the emulator's difference reads (distal_reward_lif
 * over 60 s: 23.6 % against up to 34.3 %). It never decides whether validation passes: weights
 * on the chip round stochastically, and a da_stdp network's learned weights can hang on
 * differences far below any chip's resolution (docs/cli.md), so only spikes are judged.
 */
final class WeightComparison {
    private WeightComparison() {
    }

    static List<String> notes(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing, Loihi1Config config,
            Recording emu, Recording ref, List<Recording> floorRuns) {
        List<String> out = new ArrayList<>();
        Network net = lowering.network();
        for (Loihi1Learning.WeightProbe probe : config.learning().weightProbes()) {
            Optional<ProbeRecorder> e = emu.probe(probe.name());
            Optional<ProbeRecorder> r = ref.probe(probe.name());
            if (e.isEmpty() || r.isEmpty() || e.get().sampleCount() == 0 || r.get().sampleCount() == 0) {
                continue;
            }
            // The latest pair of samples of the same moment: the emulator samples after step k, the
            // reference's sample of step k + 1 holds the same weights (or of step k).
            int se = e.get().sampleCount() - 1;
            int sr = -1;
            for (; se >= 0 && sr < 0; se--) {
                for (int s = r.get().sampleCount() - 1; s >= 0; s--) {
                    int d = r.get().sampleStep(s) - e.get().sampleStep(se);
                    if (d == 0 || d == 1) {
                        sr = s;
                        break;
                    }
                }
            }
            se++;
            if (sr < 0) {
                continue;
            }
            int stepEmu = e.get().sampleStep(se);
            // Reference column of each global synapse id.
            java.util.Map<Integer, Integer> refColumn = new java.util.HashMap<>();
            for (int c = 0; c < r.get().columnCount(); c++) {
                refColumn.put(r.get().column(c), c);
            }
            long[] base = new long[net.projections().size()];
            for (int j = 1; j < base.length; j++) {
                base[j] = base[j - 1] + net.projections().get(j - 1).synapseCount();
            }
            int projections = net.projections().size();
            double[] sum = new double[projections];
            long[] count = new long[projections];
            // Per floor run: its probe, its sample at the reference's, and its sums per projection.
            List<ProbeRecorder> floorProbes = new ArrayList<>();
            int[] floorSamples = new int[floorRuns.size()];
            for (Recording run : floorRuns) {
                Optional<ProbeRecorder> fp = run.probe(probe.name());
                int sample = fp.isEmpty() ? -1 : sampleAt(fp.get(), r.get().sampleStep(sr));
                if (sample >= 0) {
                    floorSamples[floorProbes.size()] = sample;
                    floorProbes.add(fp.get());
                }
            }
            double[][] floorSum = new double[floorProbes.size()][projections];
            int column = 0;
            for (Loihi1Learning.SynapseSet set : probe.sets()) {
                int core = -1;
                int projection = -1;
                for (int c = 0; c < routing.cores() && projection < 0; c++) {
                    if (routing.chip()[c] != set.chip() || routing.coreOnChip()[c] != set.core()
                            || routing.projectionFormat()[c] == null) {
                        continue;
                    }
                    for (int j = 0; j < projections; j++) {
                        if (routing.projectionFormat()[c][j] == set.format()) {
                            core = c;
                            projection = j;
                        }
                    }
                }
                if (projection < 0) {
                    return out;
                }
                Projection p = net.projections().get(projection);
                ProjectionLowering pl = lowering.projections().get(projection);
                int postOffset = net.populations().get(p.post()).offset();
                for (int k = 0; k < p.synapseCount(); k++) {
                    int t = p.synapses().target(k);
                    if (partition.coreOf(postOffset + t) != core) {
                        continue;
                    }
                    Integer rc = refColumn.get((int) (base[projection] + k));
                    double wEmu = e.get().value(se, column++) / pl.mantissaPerAmpere(t);
                    if (rc != null) {
                        sum[projection] += Math.abs(wEmu - r.get().value(sr, rc));
                        for (int f = 0; f < floorProbes.size(); f++) {
                            floorSum[f][projection] += Math.abs(floorProbes.get(f).value(floorSamples[f], rc)
                                    - r.get().value(sr, rc));
                        }
                        count[projection]++;
                    }
                }
            }
            for (int j = 0; j < projections; j++) {
                LearningPlan plan = lowering.learning().plans().get(j);
                if (count[j] == 0 || plan == null) {
                    continue;
                }
                double wMax = net.projections().get(j).plasticity().orElseThrow().number("w_max").orElse(0);
                if (!(wMax > 0)) {
                    continue;
                }
                double largest = 0;
                for (double[] sums : floorSum) {
                    largest = Math.max(largest, sums[j]);
                }
                String floor = floorSum.length == 0 ? "" : String.format(Locale.ROOT,
                        "; the reference's own under the divergence floor's %s: up to %.1f%%",
                        floorSum.length == 1 ? "run" : floorSum.length + " runs", 100 * largest / count[j] / wMax);
                out.add(String.format(Locale.ROOT, "weights of `%s` (probe %s), emulator after step %d, reference at "
                        + "step %d: mean |w_emu - w_ref| = %.1f%% of w_max over %d synapses%s (informational)",
                        net.projections().get(j).name(), probe.name(), stepEmu, r.get().sampleStep(sr),
                        100 * sum[j] / count[j] / wMax, count[j], floor));
            }
        }
        return out;
    }

    /**
     * The sample of {@code probe} taken at {@code step}, or -1. The perturbed reference samples
     * the same steps as the reference (same probes, same run length), and its columns are the same
     * synapses in the same order.
     */
    static int sampleAt(ProbeRecorder probe, int step) {
        for (int s = probe.sampleCount() - 1; s >= 0; s--) {
            if (probe.sampleStep(s) == step) {
                return s;
            }
        }
        return -1;
    }
}
