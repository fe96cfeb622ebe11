package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A population expanded to neurons: every scalar model parameter for every neuron (SI, compact
 * when homogeneous), list parameters, the cell type of each neuron and the receptors each cell type
 * expresses. Neurons have population-local indices {@code 0..size-1} and network-global indices
 * {@code offset..offset+size-1}; populations are numbered in declaration order and their global
 * ranges are contiguous.
 *
 * <p>Cell types of a {@code mix} occupy contiguous blocks in mix order, so a cell-type subset
 * ({@code cortex.RS}) is one {@link IndexRange}; the per-neuron index is also stored (one byte or
 * short per neuron) for consumers that walk neurons.
 */
public final class Population {
    private final String name;
    private final SourceSpan span;
    private final int size;
    private final int offset;
    private final NeuronModel model;
    private final Map<String, ParameterValues> parameters;
    private final Map<String, SourceSpan> parameterSpans;
    private final Map<String, ListParameterValues> listParameters;
    private final List<CellType> cellTypes;
    private final int[] cellTypeStarts;
    private final byte[] cellTypeBytes;
    private final short[] cellTypeShorts;
    private final long seed;

    /**
     * @param parameters every scalar parameter of {@code model}, in the model's order
     * @param parameterSpans for each parameter, the binding that set it last (the population when defaulted)
     * @param cellTypeStarts the first neuron of each cell type's block, plus {@code size} at the end
     * @param seed the seed this population's own draws used
     */
    public Population(String name, SourceSpan span, int size, int offset, NeuronModel model,
            Map<String, ParameterValues> parameters, Map<String, SourceSpan> parameterSpans,
            Map<String, ListParameterValues> listParameters, List<CellType> cellTypes, int[] cellTypeStarts, long seed) {
        this.name = requireNonNull(name, "name is null");
        this.span = requireNonNull(span, "span is null");
        this.model = requireNonNull(model, "model is null");
        if (size < 0 || offset < 0) {
            throw new IllegalArgumentException("bad size " + size + " or offset " + offset);
        }
        this.size = size;
        this.offset = offset;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
        this.parameterSpans = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameterSpans,
                "parameterSpans is null")));
        this.listParameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(listParameters,
                "listParameters is null")));
        this.cellTypes = List.copyOf(requireNonNull(cellTypes, "cellTypes is null"));
        requireNonNull(cellTypeStarts, "cellTypeStarts is null");
        if (this.cellTypes.isEmpty() || cellTypeStarts.length != this.cellTypes.size() + 1
                || cellTypeStarts[0] != 0 || cellTypeStarts[cellTypeStarts.length - 1] != size) {
            throw new IllegalArgumentException("cell type blocks do not cover population " + name);
        }
        for (int t = 0; t < this.cellTypes.size(); t++) {
            if (cellTypeStarts[t] > cellTypeStarts[t + 1]) {
                throw new IllegalArgumentException("cell type blocks out of order in population " + name);
            }
        }
        this.cellTypeStarts = cellTypeStarts.clone();
        if (this.cellTypes.size() <= 256) {
            cellTypeBytes = new byte[size];
            cellTypeShorts = null;
            for (int t = 0; t < this.cellTypes.size(); t++) {
                java.util.Arrays.fill(cellTypeBytes, cellTypeStarts[t], cellTypeStarts[t + 1], (byte) t);
            }
        } else {
            cellTypeBytes = null;
            cellTypeShorts = new short[size];
            for (int t = 0; t < this.cellTypes.size(); t++) {
                java.util.Arrays.fill(cellTypeShorts, cellTypeStarts[t], cellTypeStarts[t + 1], (short) t);
            }
        }
        this.seed = seed;
    }

    public String name() {
        return name;
    }

    /** The population declaration. */
    public SourceSpan span() {
        return span;
    }

    public int size() {
        return size;
    }

    /** Global index of local neuron 0. */
    public int offset() {
        return offset;
    }

    public NeuronModel model() {
        return model;
    }

    /** True for spike sources (poisson, spike_times), which have no membrane. */
    public boolean isSource() {
        return model.source();
    }

    /** Every scalar parameter by name, in the model's order. */
    public Map<String, ParameterValues> parameters() {
        return parameters;
    }

    public Optional<ParameterValues> parameter(String parameterName) {
        return Optional.ofNullable(parameters.get(parameterName));
    }

    /** The binding that set a parameter (the population's span when the model default applies). */
    public SourceSpan parameterSpan(String parameterName) {
        return parameterSpans.getOrDefault(parameterName, span);
    }

    /** Names of the parameters whose values differ between neurons, in the model's order. */
    public List<String> heterogeneousParameters() {
        List<String> out = new ArrayList<>();
        parameters.forEach((k, v) -> {
            if (!v.isHomogeneous()) {
                out.add(k);
            }
        });
        return out;
    }

    /** List-valued parameters ({@code times} of {@code spike_times}). */
    public Map<String, ListParameterValues> listParameters() {
        return listParameters;
    }

    public List<CellType> cellTypes() {
        return cellTypes;
    }

    /** The index into {@link #cellTypes()} of the cell type called {@code cellTypeName}, or -1. */
    public int cellTypeIndex(String cellTypeName) {
        for (int t = 0; t < cellTypes.size(); t++) {
            if (cellTypes.get(t).name().equals(cellTypeName)) {
                return t;
            }
        }
        return -1;
    }

    /** The cell type of local neuron {@code i}, as an index into {@link #cellTypes()}. */
    public int cellTypeOf(int i) {
        return cellTypeBytes != null ? Byte.toUnsignedInt(cellTypeBytes[i]) : Short.toUnsignedInt(cellTypeShorts[i]);
    }

    /** The block of neurons of cell type {@code t}. */
    public IndexRange cellTypeRange(int t) {
        return new IndexRange(cellTypeStarts[t], cellTypeStarts[t + 1]);
    }

    /** The seed this population's draws were keyed with (the simulation's, or the body's {@code seed = N;}). */
    public long seed() {
        return seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Population p && p.name.equals(name) && p.span.equals(span) && p.size == size
                && p.offset == offset && p.model.equals(model) && p.parameters.equals(parameters)
                && p.listParameters.equals(listParameters) && p.cellTypes.equals(cellTypes)
                && java.util.Arrays.equals(p.cellTypeStarts, cellTypeStarts) && p.seed == seed;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, size, offset, model.name(), parameters);
    }

    @Override
    public String toString() {
        return "Population[" + name + ", " + size + " x " + model.name() + ", offset " + offset + ", cell types "
                + cellTypes.stream().map(CellType::name).toList() + "]";
    }
}
