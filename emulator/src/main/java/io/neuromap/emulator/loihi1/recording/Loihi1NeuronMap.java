package io.neuromap.emulator.loihi1.recording;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.config.Loihi1Population;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The config's origin table turned into lookups: from a chip compartment (chip, core,
 * compartment) to the neuron it belongs to, numbered globally as the network numbers it
 * (population offsets are the running sum of the origin's population sizes, in its order, so a
 * neuron has the same index in an emulator's {@code spikes.npy} as in the float reference's).
 *
 * <p>A population with no compartment (a spike source the host injects) keeps its place in the
 * numbering but is not {@linkplain #onChip(int) on chip}: nothing on the chip records it.
 */
public final class Loihi1NeuronMap {

    private final List<Loihi1Population> populations;
    private final List<String> compartmentNames;
    private final int[] offsets;
    private final int[] compartmentsPerPopulation;
    /** Per (chip, core) key, the origin row of each compartment (-1: no row). */
    private final Map<Long, int[]> rows;
    private final int[] rowNeuron;
    private final int[] rowPopulation;
    private final int[] rowCompartmentName;

    private Loihi1NeuronMap(Loihi1Origin origin) {
        populations = origin.populations();
        compartmentNames = origin.compartmentNames();
        offsets = new int[populations.size() + 1];
        for (int p = 0; p < populations.size(); p++) {
            offsets[p + 1] = Math.addExact(offsets[p], populations.get(p).size());
        }
        compartmentsPerPopulation = new int[populations.size()];
        int n = origin.count();
        rowNeuron = new int[n];
        rowPopulation = origin.population().clone();
        rowCompartmentName = origin.compartmentName().clone();
        Map<Long, Integer> sizes = new HashMap<>();
        for (int r = 0; r < n; r++) {
            sizes.merge(key(origin.chip()[r], origin.core()[r]), origin.compartment()[r] + 1, Math::max);
        }
        rows = new HashMap<>();
        for (Map.Entry<Long, Integer> e : sizes.entrySet()) {
            int[] table = new int[e.getValue()];
            Arrays.fill(table, -1);
            rows.put(e.getKey(), table);
        }
        for (int r = 0; r < n; r++) {
            int p = origin.population()[r];
            rows.get(key(origin.chip()[r], origin.core()[r]))[origin.compartment()[r]] = r;
            rowNeuron[r] = offsets[p] + origin.neuron()[r];
            compartmentsPerPopulation[p]++;
        }
    }

    /** The lookups of {@code origin} (a validated config's, so every row is in range). */
    public static Loihi1NeuronMap of(Loihi1Origin origin) {
        return new Loihi1NeuronMap(requireNonNull(origin, "origin is null"));
    }

    private static long key(int chip, int core) {
        return ((long) chip << 32) | (core & 0xffffffffL);
    }

    /** The origin row of a compartment, or -1 when the origin does not name it. */
    public int row(int chip, int core, int compartment) {
        int[] table = rows.get(key(chip, core));
        return table == null || compartment < 0 || compartment >= table.length ? -1 : table[compartment];
    }

    /** The global neuron of origin row {@code row}. */
    public int neuronOfRow(int row) {
        return rowNeuron[row];
    }

    /** The population index of origin row {@code row}. */
    public int populationOfRow(int row) {
        return rowPopulation[row];
    }

    /** The compartment name of origin row {@code row} ({@code soma}, {@code aux}, ...). */
    public String compartmentNameOfRow(int row) {
        return compartmentNames.get(rowCompartmentName[row]);
    }

    /** The global neuron a compartment belongs to, or -1 when the origin does not name it. */
    public int neuron(int chip, int core, int compartment) {
        int r = row(chip, core, compartment);
        return r < 0 ? -1 : rowNeuron[r];
    }

    /** Number of populations, on chip or not. */
    public int populationCount() {
        return populations.size();
    }

    /** The population {@code p}. */
    public Loihi1Population population(int p) {
        return populations.get(p);
    }

    /** The global index of neuron 0 of population {@code p}. */
    public int offset(int p) {
        return offsets[p];
    }

    /** Every neuron, on chip or not: the length of the global numbering. */
    public int neuronCount() {
        return offsets[populations.size()];
    }

    /** The population of global neuron {@code neuron}. */
    public int populationOf(int neuron) {
        int p = Arrays.binarySearch(offsets, neuron);
        if (p < 0) {
            return -p - 2;
        }
        // Empty populations share an offset; the neuron belongs to the last population starting there.
        while (p + 1 < populations.size() && offsets[p + 1] == neuron) {
            p++;
        }
        return p;
    }

    /** True when population {@code p} has compartments on the chip. */
    public boolean onChip(int p) {
        return compartmentsPerPopulation[p] > 0;
    }

    /** The compartments of population {@code p} (neurons times compartments per neuron). */
    public int compartments(int p) {
        return compartmentsPerPopulation[p];
    }

    /** The indices of the populations on chip, ascending. */
    public int[] onChipPopulations() {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < populations.size(); p++) {
            if (onChip(p)) {
                out.add(p);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "Loihi1NeuronMap[" + populations.size() + " populations, " + rowNeuron.length + " compartments]";
    }
}
