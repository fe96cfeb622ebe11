package io.neuromap.compiler.mapping;

import io.neuromap.compiler.frontend.SimulationSettings;
import io.neuromap.compiler.ir.CellType;
import io.neuromap.compiler.ir.DelaySteps;
import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseReceptor;
import io.neuromap.compiler.ir.SynapseWeights;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Test support: builds network IR directly (no front end), so mapping tests control every
 * synapse. Populations get the model's defaults unless a parameter is given per neuron.
 */
final class NetworkBuilder {
    private final List<Population> populations = new ArrayList<>();
    private final List<Projection> projections = new ArrayList<>();
    private int offset;

    static SourceSpan span(String what) {
        return SourceSpan.synthetic("test:" + what);
    }

    /** A LIF population; {@code perNeuron} overrides parameters with one value per neuron. */
    int lif(String name, int size, Map<String, double[]> perNeuron) {
        return population(name, size, ModelLibrary.lookup("lif").orElseThrow(), perNeuron);
    }

    int lif(String name, int size) {
        return lif(name, size, Map.of());
    }

    /** A Poisson source population firing at {@code rate} Hz. */
    int poisson(String name, int size, double rate) {
        double[] r = new double[size];
        java.util.Arrays.fill(r, rate);
        return population(name, size, ModelLibrary.lookup("poisson").orElseThrow(), Map.of("rate", r));
    }

    int population(String name, int size, NeuronModel model, Map<String, double[]> perNeuron) {
        Map<String, ParameterValues> params = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            if (spec.list()) {
                continue;
            }
            double[] given = perNeuron.get(spec.name());
            params.put(spec.name(), given != null ? ParameterValues.of(given.clone())
                    : ParameterValues.constant(size, spec.defaultSi().orElse(0.0)));
        }
        SourceSpan s = span(name);
        populations.add(new Population(name, s, size, offset, model, params, Map.of(), Map.of(),
                List.of(new CellType(model.name(), List.of(), s)), new int[] {0, size}, 0));
        offset += size;
        return populations.size() - 1;
    }

    /** A projection with the given targets per pre neuron and one delay (steps) for all synapses. */
    int projection(String name, int pre, int post, int[][] targets, int delay) {
        int rows = populations.get(pre).size();
        int[] rowStart = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            rowStart[i + 1] = rowStart[i] + targets[i].length;
        }
        int[] flat = new int[rowStart[rows]];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(targets[i], 0, flat, rowStart[i], targets[i].length);
        }
        return add(name, pre, post, rowStart, flat, DelaySteps.constant(flat.length, delay));
    }

    /** A projection with per-synapse delays ({@code delays[i][k]} for target {@code targets[i][k]}). */
    int projection(String name, int pre, int post, int[][] targets, int[][] delays) {
        int rows = populations.get(pre).size();
        int[] rowStart = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            rowStart[i + 1] = rowStart[i] + targets[i].length;
        }
        int[] flat = new int[rowStart[rows]];
        byte[] d = new byte[rowStart[rows]];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(targets[i], 0, flat, rowStart[i], targets[i].length);
            for (int k = 0; k < targets[i].length; k++) {
                d[rowStart[i] + k] = (byte) delays[i][k];
            }
        }
        return add(name, pre, post, rowStart, flat, DelaySteps.ofBytes(d));
    }

    /** Each pair connected with probability {@code p}; delays uniform in 1..maxDelay. */
    int random(String name, int pre, int post, double p, int maxDelay, Random rnd) {
        int rows = populations.get(pre).size();
        int cols = populations.get(post).size();
        int[][] targets = new int[rows][];
        int[][] delays = new int[rows][];
        for (int i = 0; i < rows; i++) {
            List<Integer> t = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                if (rnd.nextDouble() < p) {
                    t.add(j);
                }
            }
            targets[i] = t.stream().mapToInt(Integer::intValue).toArray();
            delays[i] = new int[targets[i].length];
            for (int k = 0; k < delays[i].length; k++) {
                delays[i][k] = 1 + rnd.nextInt(maxDelay);
            }
        }
        return projection(name, pre, post, targets, delays);
    }

    private int add(String name, int pre, int post, int[] rowStart, int[] targets, DelaySteps delays) {
        SourceSpan s = span(name);
        SynapseMatrix m = new SynapseMatrix(rowStart, targets, SynapseWeights.constant(targets.length, 1e-9f), delays);
        projections.add(new Projection(name, s, pre, post, IndexRange.of(populations.get(pre).size()),
                IndexRange.of(populations.get(post).size()), "soma", SynapseReceptor.EXC, false,
                new EvaluatedCall("from_list", Map.of(), Map.of(), s), Optional.empty(), m, 0));
        return projections.size() - 1;
    }

    Network build() {
        SourceSpan s = span("net");
        return new Network("Test", s, new SimulationSettings(1e-3, 1.0, 0, s), populations, projections, List.of(),
                List.of(), List.of(), List.of(), List.of());
    }
}
