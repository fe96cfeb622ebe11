package io.neuromap.backends.loihi1.cost;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.mapping.Loihi1ResourceModel;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.mapping.MeshLayout;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.SpikeRates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The expected activity of a mapped network per time step, core by core: what
 * {@link Loihi1CostModel} turns into energy and time. Rates come from the IR where it states them
 * (a Poisson source's {@code rate}, a spike-times source's count over the run, as
 * {@link SpikeRates} reads them) and from an assumed default for every other neuron, which the
 * caller chooses and the report names.
 *
 * @param cores one entry per core of the partition, in core order
 * @param chips chips the placement uses
 * @param tiles tiles (routers) holding at least one used core
 * @param hostMessages spike messages per step the host injects (spike sources that run off-core)
 * @param defaultRateHz the rate assumed for neurons whose rate the IR does not state
 * @param dt the time step (s)
 */
public record Loihi1Activity(List<Loihi1CoreActivity> cores, int chips, int tiles, double hostMessages,
        double defaultRateHz, double dt) {
    public Loihi1Activity {
        cores = List.copyOf(requireNonNull(cores, "cores is null"));
        if (chips < 0 || tiles < 0 || !(hostMessages >= 0) || !(defaultRateHz >= 0) || !(dt > 0)
                || Double.isInfinite(hostMessages) || Double.isInfinite(defaultRateHz) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bad activity: %d chips, %d tiles, host %s, default rate %s Hz, dt %s s", chips, tiles,
                    hostMessages, defaultRateHz, dt));
        }
    }

    /**
     * The activity of {@code network} mapped by {@code partition} and {@code placement}, with
     * neurons whose rate the IR does not state firing at {@code defaultRateHz}. One pass over
     * the synapses, primitive arrays only.
     */
    public static Loihi1Activity of(Network network, Partition partition, Placement placement, double defaultRateHz) {
        requireNonNull(network, "network is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(placement, "placement is null");
        int coreCount = partition.coreCount();
        double dt = network.simulation().dt();
        long[] rates = SpikeRates.weights(network, defaultRateHz);
        double perStep = dt / SpikeRates.SCALE;
        double[] synops = new double[coreCount];
        double[] plastic = new double[coreCount];
        double[] spikes = new double[coreCount];
        double[] out = new double[coreCount];
        double[] in = new double[coreCount];
        double[] hopsX = new double[coreCount];
        double[] hopsY = new double[coreCount];
        double host = 0;
        MeshLayout layout = placement.layout();
        int[] x = new int[coreCount];
        int[] y = new int[coreCount];
        for (int c = 0; c < coreCount; c++) {
            x[c] = layout.x(placement.slotOf(c));
            y[c] = layout.y(placement.slotOf(c));
        }
        List<List<Integer>> from = new ArrayList<>();
        for (int p = 0; p < network.populations().size(); p++) {
            from.add(new ArrayList<>());
        }
        for (int j = 0; j < network.projections().size(); j++) {
            from.get(network.projections().get(j).pre()).add(j);
        }
        int[] stamp = new int[coreCount];
        Arrays.fill(stamp, -1);
        int[] hit = new int[Math.max(1, coreCount)];
        for (int pop = 0; pop < network.populations().size(); pop++) {
            Population population = network.populations().get(pop);
            List<Integer> projections = from.get(pop);
            int[] projectionIndex = projections.stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < population.size(); i++) {
                int s = population.offset() + i;
                double p = rates[s] * perStep;
                int home = partition.coreOf(s);
                if (home >= 0) {
                    spikes[home] += p;
                }
                if (p == 0) {
                    continue;
                }
                int hits = 0;
                for (int j : projectionIndex) {
                    Projection projection = network.projections().get(j);
                    SynapseMatrix m = projection.synapses();
                    if (i >= m.rows()) {
                        continue;
                    }
                    int[] targets = m.targetArray();
                    int postOffset = network.populations().get(projection.post()).offset();
                    boolean learns = projection.isPlastic();
                    for (int k = m.rowStart(i), end = m.rowEnd(i); k < end; k++) {
                        int c = partition.coreOf(postOffset + targets[k]);
                        if (c < 0) {
                            continue;
                        }
                        synops[c] += p;
                        if (learns) {
                            plastic[c] += p;
                        }
                        if (stamp[c] != s) {
                            stamp[c] = s;
                            hit[hits++] = c;
                        }
                    }
                }
                for (int h = 0; h < hits; h++) {
                    int c = hit[h];
                    in[c] += p;
                    if (home < 0) {
                        host += p;
                    } else {
                        out[home] += p;
                        hopsX[home] += p * Math.abs(x[home] - x[c]);
                        hopsY[home] += p * Math.abs(y[home] - y[c]);
                    }
                }
            }
        }
        List<Loihi1CoreActivity> cores = new ArrayList<>(coreCount);
        for (int c = 0; c < coreCount; c++) {
            long compartments = partition.usage(c)[Loihi1ResourceModel.COMPARTMENTS];
            cores.add(new Loihi1CoreActivity(compartments, synops[c], plastic[c], spikes[c], out[c], in[c], hopsX[c],
                    hopsY[c]));
        }
        return new Loihi1Activity(cores, placement.chipsUsed(), tiles(x, y), host, defaultRateHz, dt);
    }

    private static int tiles(int[] x, int[] y) {
        long[] keys = new long[x.length];
        for (int c = 0; c < x.length; c++) {
            keys[c] = ((long) x[c] << 32) | (y[c] & 0xffffffffL);
        }
        Arrays.sort(keys);
        int distinct = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Σ over cores of a per-core count. */
    public double total(java.util.function.ToDoubleFunction<Loihi1CoreActivity> count) {
        double sum = 0;
        for (Loihi1CoreActivity c : cores) {
            sum += count.applyAsDouble(c);
        }
        return sum;
    }
}
