package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.PopulationLowering;
import io.neuromap.backends.loihi1.lower.ProjectionLowering;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the axon tables (stage 7) from a lowering, a partition and a placement. Two passes over
 * the synapses in source order (network-global source neuron, then its projections, then its
 * row): the first counts each core's synapses and input axons, the second writes them into
 * per-core primitive arrays in their final order, so that a core's synapse list is never sorted
 * and no object is made per synapse. Every synapse of the IR lands in exactly one core's list: the
 * core of its post neuron.
 */
public final class Loihi1Router {
    private Loihi1Router() {
    }

    public static Loihi1Routing route(Loihi1Lowering lowering, Partition partition, Placement placement) {
        requireNonNull(lowering, "lowering is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(placement, "placement is null");
        Network net = lowering.network();
        int cores = partition.coreCount();
        int neurons = net.neuronCount();
        int[] chip = new int[cores];
        int[] coreOnChip = new int[cores];
        for (int c = 0; c < cores; c++) {
            chip[c] = placement.chipOf(c);
            coreOnChip[c] = placement.coreOnChip(c);
        }
        int[] base = new int[neurons];
        Arrays.fill(base, -1);
        for (int c = 0; c < cores; c++) {
            int next = 0;
            for (Slice s : partition.slices(c)) {
                Population pop = net.populations().get(s.population());
                int per = lowering.populations().get(s.population()).compartmentsPerNeuron();
                for (int i = s.from(); i < s.to(); i++) {
                    base[pop.offset() + i] = next;
                    next += per;
                }
            }
        }
        int[] coreOf = new int[neurons];
        for (int n = 0; n < neurons; n++) {
            coreOf[n] = partition.coreOf(n);
        }
        int projections = net.projections().size();
        int[][] from = projectionsFrom(net);

        // Pass 1: synapses and axons per core, and each core's format table.
        long[] synapseCount = new long[cores];
        int[] axonCount = new int[cores];
        int[] lastSource = new int[cores];
        Arrays.fill(lastSource, -1);
        int[][] formatId = new int[cores][];
        List<List<Loihi1SynapseFormat>> formats = new ArrayList<>(cores);
        List<List<Boolean>> learns = new ArrayList<>(cores);
        for (int c = 0; c < cores; c++) {
            formats.add(new ArrayList<>());
            learns.add(new ArrayList<>());
        }
        int hostRoutes = 0;
        for (int p = 0; p < net.populations().size(); p++) {
            Population pop = net.populations().get(p);
            for (int i = 0; i < pop.size(); i++) {
                int s = pop.offset() + i;
                for (int j : from[p]) {
                    ProjectionLowering pl = lowering.projections().get(j);
                    if (pl.position() < 0) {
                        continue;
                    }
                    Projection proj = net.projections().get(j);
                    SynapseMatrix m = proj.synapses();
                    int postOffset = net.populations().get(proj.post()).offset();
                    for (int k = m.rowStart(i), end = m.rowEnd(i); k < end; k++) {
                        int c = coreOf[postOffset + m.target(k)];
                        synapseCount[c]++;
                        if (lastSource[c] != s) {
                            lastSource[c] = s;
                            axonCount[c]++;
                            if (coreOf[s] < 0) {
                                hostRoutes++;
                            }
                        }
                        if (formatId[c] == null) {
                            formatId[c] = new int[projections];
                        }
                        if (formatId[c][j] == 0) {
                            // A learning projection gets a format entry of its own: the entry selects its rule.
                            formatId[c][j] = lowering.learning().plans().get(j) != null
                                    ? addFormat(formats.get(c), pl.format(), learns.get(c))
                                    : idOf(formats.get(c), pl.format(), learns.get(c));
                        }
                    }
                }
            }
        }

        // Pass 2: fill.
        int[][] axonStart = new int[cores][];
        byte[][] fmt = new byte[cores][];
        short[][] cx = new short[cores][];
        short[][] weight = new short[cores][];
        byte[][] delay = new byte[cores][];
        int[] fill = new int[cores];
        int[] axons = new int[cores];
        for (int c = 0; c < cores; c++) {
            if (synapseCount[c] > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("core " + c + " has " + synapseCount[c] + " synapses");
            }
            int count = (int) synapseCount[c];
            axonStart[c] = new int[axonCount[c] + 1];
            fmt[c] = new byte[count];
            cx[c] = new short[count];
            weight[c] = new short[count];
            delay[c] = new byte[count];
        }
        Arrays.fill(lastSource, -1);
        GrowableInts[] outCx = new GrowableInts[cores];
        GrowableInts[] outChip = new GrowableInts[cores];
        GrowableInts[] outCore = new GrowableInts[cores];
        GrowableInts[] outAxon = new GrowableInts[cores];
        for (int c = 0; c < cores; c++) {
            outCx[c] = new GrowableInts(16);
            outChip[c] = new GrowableInts(16);
            outCore[c] = new GrowableInts(16);
            outAxon[c] = new GrowableInts(16);
        }
        int[] hostStart = new int[neurons + 1];
        int[] hostChip = new int[hostRoutes];
        int[] hostCore = new int[hostRoutes];
        int[] hostAxon = new int[hostRoutes];
        int host = 0;
        for (int p = 0; p < net.populations().size(); p++) {
            Population pop = net.populations().get(p);
            PopulationLowering sourceLowering = lowering.populations().get(p);
            int somaPosition = sourceLowering.isSource() ? 0 : sourceLowering.shape().somaPosition();
            for (int i = 0; i < pop.size(); i++) {
                int s = pop.offset() + i;
                hostStart[s] = host;
                int sourceCore = coreOf[s];
                for (int j : from[p]) {
                    ProjectionLowering pl = lowering.projections().get(j);
                    if (pl.position() < 0) {
                        continue;
                    }
                    Projection proj = net.projections().get(j);
                    SynapseMatrix m = proj.synapses();
                    int postOffset = net.populations().get(proj.post()).offset();
                    int position = pl.position();
                    for (int k = m.rowStart(i), end = m.rowEnd(i); k < end; k++) {
                        int post = postOffset + m.target(k);
                        int c = coreOf[post];
                        if (lastSource[c] != s) {
                            lastSource[c] = s;
                            int axon = axons[c]++;
                            axonStart[c][axon] = fill[c];
                            if (sourceCore >= 0) {
                                outCx[sourceCore].add(base[s] + somaPosition);
                                outChip[sourceCore].add(chip[c]);
                                outCore[sourceCore].add(coreOnChip[c]);
                                outAxon[sourceCore].add(axon);
                            } else {
                                hostChip[host] = chip[c];
                                hostCore[host] = coreOnChip[c];
                                hostAxon[host] = axon;
                                host++;
                            }
                        }
                        int at = fill[c]++;
                        fmt[c][at] = (byte) formatId[c][j];
                        cx[c][at] = (short) (base[post] + position);
                        weight[c][at] = (short) pl.mantissa(k);
                        delay[c][at] = (byte) Math.max(0, Math.min(pl.delayField(k), Byte.MAX_VALUE));
                    }
                }
            }
        }
        hostStart[neurons] = host;
        Loihi1Synapses[] synapses = new Loihi1Synapses[cores];
        Loihi1OutputAxons[] outputs = new Loihi1OutputAxons[cores];
        for (int c = 0; c < cores; c++) {
            axonStart[c][axonCount[c]] = fill[c];
            synapses[c] = new Loihi1Synapses(axonCount[c], axonStart[c], fmt[c], cx[c], weight[c], delay[c]);
            outputs[c] = new Loihi1OutputAxons(outCx[c].toArray(), outChip[c].toArray(), outCore[c].toArray(),
                    outAxon[c].toArray());
        }
        return new Loihi1Routing(chip, coreOnChip, base, synapses, formats, outputs, hostStart, hostChip, hostCore,
                hostAxon, formatId);
    }

    /**
     * The format's id in a core's table (1-based; entry 0 is illegal on the chip), adding it if new;
     * a learning projection's entry is never shared.
     */
    private static int idOf(List<Loihi1SynapseFormat> table, Loihi1SynapseFormat format, List<Boolean> learns) {
        for (int at = 0; at < table.size(); at++) {
            if (!learns.get(at) && table.get(at).equals(format)) {
                return at + 1;
            }
        }
        return addFormat(table, format, learns, false);
    }

    /** Adds {@code format} as a new entry of a core's table (even if an equal one exists); its id. */
    private static int addFormat(List<Loihi1SynapseFormat> table, Loihi1SynapseFormat format, List<Boolean> learns) {
        return addFormat(table, format, learns, true);
    }

    private static int addFormat(List<Loihi1SynapseFormat> table, Loihi1SynapseFormat format, List<Boolean> learns,
            boolean learning) {
        table.add(format);
        learns.add(learning);
        return table.size();
    }

    /** Per population, the projections whose pre population it is, in projection order. */
    private static int[][] projectionsFrom(Network net) {
        int populations = net.populations().size();
        int[] count = new int[populations];
        for (Projection p : net.projections()) {
            count[p.pre()]++;
        }
        int[][] from = new int[populations][];
        for (int p = 0; p < populations; p++) {
            from[p] = new int[count[p]];
            count[p] = 0;
        }
        for (int j = 0; j < net.projections().size(); j++) {
            int pre = net.projections().get(j).pre();
            from[pre][count[pre]++] = j;
        }
        return from;
    }
}
