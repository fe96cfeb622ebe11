package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.reference.ReferenceOptions;
import io.neuromap.emulator.reference.ReferenceSimulator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a compiled da_stdp network on the emulator and the float reference and compares the learned
 * weights of projection {@code ff} (the network's second, on one core with one rule) near the end of
 * the run, as the da_stdp tracking tests need. Every emulated weight must stay within w_max.
 */
final class DaStdpWeightComparison {
    /**
     * Mean |w_emu - w_ref| / w_max, mean (w_emu - w_ref) / w_max (the bias), and how many of the
     * reference's weights moved past the threshold.
     */
    record Result(double meanError, double bias, int moved, int synapses) {
    }

    private DaStdpWeightComparison() {
    }

    static Result run(Network network, Loihi1Config config, int steps, double wMax, double movedFraction)
            throws Exception {
        Loihi1RunResult emu = Loihi1Emulation.of(config).run(steps, new Loihi1RunOptions(1, true));
        Recording ref = ReferenceSimulator.create(network, ReferenceOptions.defaults().withSteps(steps)).run();
        Loihi1WeightTrace we = emu.weights().get(0);
        ProbeRecorder wr = ref.probe("w").orElseThrow();
        Projection p = network.projections().get(1);
        assertEquals("ff", p.name());
        long base = network.projections().get(0).synapseCount();
        Map<Integer, Integer> refColumn = new HashMap<>();
        for (int c = 0; c < wr.columnCount(); c++) {
            refColumn.put(wr.column(c), c);
        }
        int n = p.synapseCount();
        assertEquals(n, we.columns(), "one core, one rule: the probe's columns are ff's synapses in order");
        int last = we.rows() - 2;
        // The emulator samples after step k, the reference's sample of step k + 1 holds the same weights.
        int refRow = -1;
        for (int s = 0; s < wr.sampleCount(); s++) {
            if (wr.sampleStep(s) == we.stepOfRow(last) + 1 || wr.sampleStep(s) == we.stepOfRow(last)) {
                refRow = s;
            }
        }
        assertTrue(refRow >= 0, "matching samples");
        // Mantissa per ampere (the post neurons are alike): the median ratio at the first sample,
        // 50 ms in, when most weights have not moved yet.
        double[] ratio = new double[n];
        for (int k = 0; k < n; k++) {
            ratio[k] = we.values()[0][k] / wr.value(0, refColumn.get((int) (base + k)));
        }
        Arrays.sort(ratio);
        double perAmpere = ratio[n / 2];
        double sum = 0;
        double signed = 0;
        int moved = 0;
        for (int k = 0; k < n; k++) {
            int rc = refColumn.get((int) (base + k));
            double wEmu = we.values()[last][k] / perAmpere;
            double wRef = wr.value(refRow, rc);
            assertTrue(wEmu <= wMax * 1.05, "synapse " + k + " above w_max: " + wEmu);
            sum += Math.abs(wEmu - wRef);
            signed += wEmu - wRef;
            if (Math.abs(wRef - wr.value(0, rc)) > movedFraction * wMax) {
                moved++;
            }
        }
        return new Result(sum / n / wMax, signed / n / wMax, moved, n);
    }
}
