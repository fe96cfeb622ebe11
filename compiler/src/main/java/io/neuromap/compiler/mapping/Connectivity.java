package io.neuromap.compiler.mapping;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;

/**
 * The network's synapses indexed the way the partitioner walks them: by post neuron. The IR is
 * source-major (CSR per projection); a core is filled post neuron by post neuron, so this builds
 * the transpose once: for every network-global post neuron, the rows (one per projection and
 * source) of its incoming synapses, one {@code int} per synapse. Rows number every (projection,
 * pre neuron) pair of the network; a row knows its source neuron and projection.
 *
 * <p>Memory: 4 bytes per synapse plus 12 bytes per row and 8 per neuron. Built in two
 * sequential passes over the IR's target arrays; no object per synapse.
 */
final class Connectivity {
    /** Largest synapse count one {@code int[]} can index. */
    static final long MAX_SYNAPSES = Integer.MAX_VALUE - 8;

    final int neurons;
    final int populations;
    /** First row of each projection, plus the total at the end. */
    final int[] rowBase;
    /** Network-global source neuron of each row. */
    final int[] rowSource;
    /** Projection of each row. */
    final int[] rowProjection;
    /** Incoming synapses of global neuron n are {@code inRow[inStart[n] .. inStart[n+1])}. */
    final int[] inStart;
    /** The row of each incoming synapse, grouped by post neuron, in projection then pre order. */
    final int[] inRow;
    /** Per population, the projections whose pre population it is. */
    final int[][] projectionsFrom;
    /** Population of each global neuron. */
    final int[] populationOf;
    /** Global offset of each projection's post population. */
    final int[] postOffset;

    private Connectivity(Network network) {
        long total = network.synapseCount();
        if (total > MAX_SYNAPSES) {
            throw new IllegalArgumentException("the partitioner indexes at most " + MAX_SYNAPSES
                    + " synapses; the network has " + total);
        }
        neurons = network.neuronCount();
        populations = network.populations().size();
        int projections = network.projections().size();
        populationOf = new int[neurons];
        for (int p = 0; p < populations; p++) {
            Population pop = network.populations().get(p);
            java.util.Arrays.fill(populationOf, pop.offset(), pop.offset() + pop.size(), p);
        }
        rowBase = new int[projections + 1];
        postOffset = new int[projections];
        int[] fromCount = new int[populations];
        for (int j = 0; j < projections; j++) {
            Projection proj = network.projections().get(j);
            long next = (long) rowBase[j] + proj.synapses().rows();
            if (next > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the partitioner indexes at most " + (Integer.MAX_VALUE - 8)
                        + " (projection, pre neuron) rows");
            }
            rowBase[j + 1] = (int) next;
            postOffset[j] = network.populations().get(proj.post()).offset();
            fromCount[proj.pre()]++;
        }
        projectionsFrom = new int[populations][];
        for (int p = 0; p < populations; p++) {
            projectionsFrom[p] = new int[fromCount[p]];
            fromCount[p] = 0;
        }
        int rows = rowBase[projections];
        rowSource = new int[rows];
        rowProjection = new int[rows];
        inStart = new int[neurons + 1];
        for (int j = 0; j < projections; j++) {
            Projection proj = network.projections().get(j);
            projectionsFrom[proj.pre()][fromCount[proj.pre()]++] = j;
            int preOffset = network.populations().get(proj.pre()).offset();
            for (int i = 0; i < proj.synapses().rows(); i++) {
                rowSource[rowBase[j] + i] = preOffset + i;
                rowProjection[rowBase[j] + i] = j;
            }
            int[] targets = proj.synapses().targetArray();
            int base = postOffset[j] + 1;
            for (int t : targets) {
                inStart[base + t]++;
            }
        }
        for (int n = 0; n < neurons; n++) {
            inStart[n + 1] += inStart[n];
        }
        inRow = new int[(int) total];
        int[] next = java.util.Arrays.copyOf(inStart, neurons);
        for (int j = 0; j < projections; j++) {
            SynapseMatrix m = network.projections().get(j).synapses();
            int[] rowStart = m.rowStartArray();
            int[] targets = m.targetArray();
            int off = postOffset[j];
            int base = rowBase[j];
            for (int i = 0; i < m.rows(); i++) {
                int row = base + i;
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                    inRow[next[off + targets[k]]++] = row;
                }
            }
        }
    }

    static Connectivity of(Network network) {
        return new Connectivity(network);
    }

    int rows() {
        return rowSource.length;
    }

    long synapses() {
        return inRow.length;
    }
}
