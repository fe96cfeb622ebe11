package io.neuromap.emulator.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.TestNmap;
import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.reference.ReferenceOptions;
import io.neuromap.emulator.reference.ReferenceSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runs behind the divergence floor: which a network gets, and that each changes what it says. */
class DivergenceFloorTest {
    private static final String PLASTIC = """
            network N {
              population src[20] : poisson { rate = 40 Hz; }
              population out[10] : lif { tau_m = 20 ms; v_thresh = -50 mV; v_reset = -65 mV; v_rest = -65 mV; v_init = -65 mV; }
              project ff : src -> out with all_to_all
                  plasticity stdp(tau_plus = 20 ms, tau_minus = 20 ms, A_plus = 0.01, A_minus = 0.012, w_min = 0 nA, w_max = 2 nA)
                  { weight = 1 nA; delay = 1 ms; receptor = exc; }
              probe w : weights of out every 100 ms;
            }
            simulate N { dt = 1 ms; duration = 1 s; seed = 3; }
            """;

    @Test
    void aNetworkThatLearnsGetsTheLearningRuleRunsAfterTheSpikeDelays() {
        Network plastic = TestNmap.elaborate(PLASTIC);
        List<FloorRun> runs = DivergenceFloor.runs(plastic, ReferenceOptions.defaults());
        assertEquals(List.of(DivergenceFloor.PERTURBATION,
                DivergenceFloor.PERTURBATION + ", every A_minus 0.39% larger",
                DivergenceFloor.PERTURBATION + ", every A_minus 0.39% smaller",
                DivergenceFloor.PERTURBATION + ", every A_minus 1.56% larger",
                DivergenceFloor.PERTURBATION + ", every A_minus 1.56% smaller"),
                runs.stream().map(FloorRun::perturbation).toList());

        Network fixed = TestNmap.elaborate(PLASTIC.replace(
                "plasticity stdp(tau_plus = 20 ms, tau_minus = 20 ms, A_plus = 0.01, A_minus = 0.012, w_min = 0 nA, w_max = 2 nA)",
                "").replace("probe w : weights of out every 100 ms;", "probe spikes of out;"));
        assertEquals(List.of(DivergenceFloor.PERTURBATION),
                DivergenceFloor.runs(fixed, ReferenceOptions.defaults()).stream().map(FloorRun::perturbation).toList(),
                "spike delays only: nothing learns");
    }

    @Test
    void eachLearningRunMovesTheLearnedWeightsTheWayItSays() {
        Network plastic = TestNmap.elaborate(PLASTIC);
        List<FloorRun> runs = DivergenceFloor.runs(plastic, ReferenceOptions.defaults());
        double late = meanWeight(runs.get(0).recording().get());
        double lessDepression = meanWeight(runs.get(2).recording().get());
        double moreDepression = meanWeight(runs.get(1).recording().get());
        assertNotEquals(late, moreDepression);
        assertTrue(moreDepression < late && late < lessDepression,
                moreDepression + " < " + late + " < " + lessDepression);
        assertTrue(meanWeight(runs.get(3).recording().get()) < moreDepression, "1.56 % moves them further than 0.39 %");
    }

    @Test
    void theDepressionFactorMustBePositive() {
        ReferenceSimulator s = ReferenceSimulator.create(TestNmap.elaborate(PLASTIC));
        assertThrows(IllegalArgumentException.class, () -> s.scaleDepression(0));
        assertThrows(IllegalArgumentException.class, () -> s.scaleDepression(Double.POSITIVE_INFINITY));
    }

    private static double meanWeight(Recording r) {
        ProbeRecorder w = r.probe("w").orElseThrow();
        int last = w.sampleCount() - 1;
        double sum = 0;
        for (int c = 0; c < w.columnCount(); c++) {
            sum += w.value(last, c);
        }
        return sum / w.columnCount();
    }
}
