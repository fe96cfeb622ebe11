package io.neuromap.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.frontend.SimulationSettings;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.source.SourceSpan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verifier finds each broken invariant, located at the IR object's declaration. */
class IrVerifierTest {
    private static final SourceSpan NET = new SourceSpan("net.nmap", 0, 10, 1, 1, 1, 11);
    private static final SourceSpan PROJ = new SourceSpan("net.nmap", 50, 60, 4, 3, 4, 13);
    private static final NeuronModel LIF = ModelLibrary.lookup("lif").orElseThrow();

    private static Population population(String name, int size, int offset) {
        Map<String, ParameterValues> params = new LinkedHashMap<>();
        for (ParameterSpec p : LIF.parameters()) {
            params.put(p.name(), ParameterValues.constant(size, p.defaultSi().orElseThrow()));
        }
        return new Population(name, NET, size, offset, LIF, params, Map.of(), Map.of(),
                List.of(new CellType("lif", List.of(), NET)), new int[] {0, size}, 0);
    }

    private static Network network(List<Population> pops, SynapseMatrix m, IndexRange pre) {
        Projection p = new Projection("p", PROJ, 0, 1, pre, IndexRange.of(3), "soma", SynapseReceptor.EXC, true,
                new EvaluatedCall("all_to_all", Map.of(), Map.of(), PROJ), Optional.empty(), m, 0);
        return new Network("N", NET, new SimulationSettings(1e-3, 1, 0, NET), pops, List.of(p), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    private static List<IrProblem> verify(int[] rowStart, int[] targets, SynapseWeights w, DelaySteps d) {
        return verify(rowStart, targets, w, d, IndexRange.of(3));
    }

    private static List<IrProblem> verify(int[] rowStart, int[] targets, SynapseWeights w, DelaySteps d, IndexRange pre) {
        return IrVerifier.verify(network(List.of(population("a", 3, 0), population("b", 3, 3)),
                new SynapseMatrix(rowStart, targets, w, d), pre));
    }

    private static void assertOneProblem(List<IrProblem> problems, String fragment) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains(fragment), problems.get(0).message());
        assertEquals(PROJ, problems.get(0).span());
    }

    @Test
    void aWellFormedNetworkHasNoProblems() {
        assertEquals(List.of(), verify(new int[] {0, 2, 3, 3}, new int[] {0, 1, 2}, SynapseWeights.constant(3, 1e-9f),
                DelaySteps.constant(3, 1)));
    }

    @Test
    void rowStartMustNotDecrease() {
        assertOneProblem(verify(new int[] {0, 2, 1, 3}, new int[] {0, 1, 2}, SynapseWeights.constant(3, 1),
                DelaySteps.constant(3, 1)), "rowStart decreases at row 1");
    }

    @Test
    void rowStartMustEndAtTheSynapseCount() {
        assertOneProblem(verify(new int[] {0, 1, 2, 2}, new int[] {0, 1, 2}, SynapseWeights.constant(3, 1),
                DelaySteps.constant(3, 1)), "rowStart ends at 2 but there are 3 targets");
    }

    @Test
    void targetsMustBeInsideThePostEndpoint() {
        assertOneProblem(verify(new int[] {0, 2, 3, 3}, new int[] {0, 5, 2}, SynapseWeights.constant(3, 1),
                DelaySteps.constant(3, 1)), "synapse 1 targets neuron 5");
    }

    @Test
    void delaysMustBeAtLeastOneStep() {
        assertOneProblem(verify(new int[] {0, 2, 3, 3}, new int[] {0, 1, 2}, SynapseWeights.constant(3, 1),
                DelaySteps.ofBytes(new byte[] {1, 0, 1})), "delays of 0..1 steps");
    }

    @Test
    void arrayLengthsMustAgree() {
        assertOneProblem(verify(new int[] {0, 2, 3, 3}, new int[] {0, 1, 2}, SynapseWeights.of(new float[] {1, 1}),
                DelaySteps.constant(3, 1)), "3 targets, 2 weights and 3 delays");
    }

    @Test
    void rowsOutsideThePreEndpointAreEmpty() {
        assertOneProblem(verify(new int[] {0, 2, 3, 3}, new int[] {0, 1, 2}, SynapseWeights.constant(3, 1),
                DelaySteps.constant(3, 1), new IndexRange(0, 1)), "row 1 is outside the pre endpoint");
    }

    @Test
    void weightsAreNonNegativeMagnitudes() {
        assertOneProblem(verify(new int[] {0, 2, 3, 3}, new int[] {0, 1, 2}, SynapseWeights.of(new float[] {1, -1, 1}),
                DelaySteps.constant(3, 1)), "IR weights are finite magnitudes");
    }

    @Test
    void populationsAreNumberedContiguously() {
        SynapseMatrix m = new SynapseMatrix(new int[] {0, 0, 0, 0}, new int[0], SynapseWeights.constant(0, 1),
                DelaySteps.constant(0, 1));
        List<IrProblem> problems = IrVerifier.verify(network(List.of(population("a", 3, 0), population("b", 3, 4)), m,
                IndexRange.of(3)));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("starts at global neuron 4, expected 3"));
    }
}
