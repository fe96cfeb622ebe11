package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The synapses of one projection in compressed sparse row form, source-major: the synapses of
 * pre neuron {@code i} (population-local) are {@code rowStart[i] .. rowStart[i+1]-1}, each with a
 * post neuron ({@code target}, population-local), a weight and a delay. Rows are sorted by target
 * for generated connectors; {@code from_list} keeps the file's order within a row. No object per
 * synapse: 4 bytes of target plus, when they vary, 4 bytes of weight and 1 or 2 bytes of delay.
 *
 * <p>Invariants (checked by {@link IrVerifier}): {@code rowStart.length == rows + 1},
 * {@code rowStart[0] == 0}, non-decreasing, {@code rowStart[rows] == targets.length ==
 * weights.count() == delays.count()}, every target in {@code [0, postSize)}, every delay >= 1.
 */
public final class SynapseMatrix {
    private final int[] rowStart;
    private final int[] targets;
    private final SynapseWeights weights;
    private final DelaySteps delays;

    /** Takes ownership of the arrays; {@link IrVerifier} checks them. */
    public SynapseMatrix(int[] rowStart, int[] targets, SynapseWeights weights, DelaySteps delays) {
        this.rowStart = requireNonNull(rowStart, "rowStart is null");
        this.targets = requireNonNull(targets, "targets is null");
        this.weights = requireNonNull(weights, "weights is null");
        this.delays = requireNonNull(delays, "delays is null");
        if (rowStart.length == 0) {
            throw new IllegalArgumentException("rowStart needs rows + 1 entries");
        }
    }

    /** Number of rows: the size of the pre population. */
    public int rows() {
        return rowStart.length - 1;
    }

    /** Number of synapses. */
    public int count() {
        return targets.length;
    }

    public int rowStart(int row) {
        return rowStart[row];
    }

    /** One past the last synapse of {@code row}. */
    public int rowEnd(int row) {
        return rowStart[row + 1];
    }

    public int rowLength(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    /** Post neuron (population-local) of synapse {@code k}. */
    public int target(int k) {
        return targets[k];
    }

    /** Weight of synapse {@code k}, SI. */
    public float weight(int k) {
        return weights.get(k);
    }

    /** Delay of synapse {@code k}, in time steps (>= 1). */
    public int delaySteps(int k) {
        return delays.get(k);
    }

    public SynapseWeights weights() {
        return weights;
    }

    public DelaySteps delays() {
        return delays;
    }

    /** The IR's own row-start array (read-only by contract). */
    public int[] rowStartArray() {
        return rowStart;
    }

    /** The IR's own target array (read-only by contract). */
    public int[] targetArray() {
        return targets;
    }

    /** Out-degree statistics over the given pre rows. */
    public Summary fanOut(IndexRange preRows) {
        Summary.Accumulator acc = new Summary.Accumulator();
        for (int r = preRows.from(); r < preRows.to(); r++) {
            acc.add(rowLength(r));
        }
        return acc.result();
    }

    /** In-degree statistics over the given post neurons; {@code postSize} is the post population's size. */
    public Summary fanIn(int postSize, IndexRange postNeurons) {
        int[] inDegree = inDegrees(postSize);
        Summary.Accumulator acc = new Summary.Accumulator();
        for (int j = postNeurons.from(); j < postNeurons.to(); j++) {
            acc.add(inDegree[j]);
        }
        return acc.result();
    }

    /** The number of synapses onto each post neuron. */
    public int[] inDegrees(int postSize) {
        int[] inDegree = new int[postSize];
        for (int t : targets) {
            inDegree[t]++;
        }
        return inDegree;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SynapseMatrix m && Arrays.equals(m.rowStart, rowStart) && Arrays.equals(m.targets, targets)
                && m.weights.equals(weights) && m.delays.equals(delays);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(rowStart) * 31 + targets.length) * 31 + weights.hashCode();
    }

    @Override
    public String toString() {
        return "SynapseMatrix[" + rows() + " rows, " + count() + " synapses, " + weights + ", " + delays + "]";
    }
}
