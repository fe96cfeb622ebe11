package io.neuromap.backends.loihi1.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.TestNmap;
import io.neuromap.compiler.ir.Network;
import org.junit.jupiter.api.Test;

/**
 * What the lowering takes from modulators it can know at compile time: the operating point V*
 * of a {@code two_comp} soma includes the run's mean of an {@code excitability} effect fed by a
 * host population (before, V* ignored it, and the l5 sample's pyr fired 7 % too little open
 * loop), and a projection into a compartment whose {@code gain} a pathway raises keeps mantissa
 * headroom for the largest factor (before, rnd(w0 g) clipped at 255 and the l5 sample's pyr fired
 * 32 % too little with the gain alone).
 */
class ModulatedDriveTest {
    private static final String NMAP = """
            network N {
              celltype P : two_comp {
                soma.cm = 1 nF; soma.tau_m = 20 ms; soma.v_rest = -70 mV; soma.v_reset = -65 mV;
                soma.v_thresh = -50 mV; dendrite.cm = 0.5 nF; dendrite.tau_m = 30 ms; dendrite.v_rest = -65 mV;
                g_c = 10 nS; receptor R binds ACh on soma; receptor B binds NA on soma;
              }
              population pyr[20] : P;
              population b[20] : lif { }
              population ff[50] : poisson { rate = 10 Hz; }
              population nb[20] : poisson { rate = 5 Hz; }
              population lc[20] : poisson { rate = 2 Hz; }
              project ff -> pyr.soma with fixed_prob(0.2) { weight ~ uniform(0.2 nA, 0.6 nA); receptor = exc; }
              project ff -> b with fixed_prob(0.2) { weight ~ uniform(0.2 nA, 0.6 nA); receptor = exc; }
              modulator ACh { source nb; release 0.2 per spike; decay 500 ms; baseline 0.1; }
              modulator NA { source lc; release 0.2 per spike; decay 300 ms; baseline 0.05; }
              pathway ex : ACh -> pyr.soma via R { effect excitability += 0.1 nA * [ACh]; }
              pathway g : NA -> pyr.soma via B { effect gain *= 1 + 0.8 * [NA] response hill(2, 0.3); }
            }
            simulate N { dt = 1 ms; duration = 10 s; seed = 3; }
            """;

    @Test
    void theOperatingPointIncludesTheRunsMeanExcitabilityAndGain() {
        StimulusLowering.Result with = StimulusLowering.lower(TestNmap.elaborate(NMAP));
        StimulusLowering.Result without = StimulusLowering.lower(TestNmap.elaborate(NMAP
                .replace("  pathway ex", "  // pathway ex").replace("  pathway g ", "  // pathway g ")));
        Network net = with.network();
        int steps = (int) net.simulation().steps();
        double[][] c = MeanDrive.concentrations(net, with.sources(), steps);
        // 20 sources at 5 Hz, 0.2 per spike, 500 ms: the steady state is 0.1 + 10 = 10.1.
        double meanAch = mean(c[0]);
        assertTrue(meanAch > 9 && meanAch < 10.5, "mean [ACh] " + meanAch);
        MeanDrive d = MeanDrive.of(net, with.dc(), with.sources());
        MeanDrive d0 = MeanDrive.of(without.network(), without.dc(), without.sources());
        int pyr = 0;
        double gain = 0;
        for (double x : c[1]) {
            gain += 1 + 0.8 * x * x / (x * x + 0.09);
        }
        gain /= steps;
        for (int i = 0; i < 20; i++) {
            double synaptic = d0.soma(pyr)[i];
            double expected = 0.1e-9 * meanAch + gain * synaptic;
            assertEquals(expected, d.soma(pyr)[i], 0.01 * expected, "neuron " + i);
            assertEquals(d0.dendrite(pyr)[i], d.dendrite(pyr)[i], 1e-18);
        }
    }

    @Test
    void weightsIntoAGainModulatedCompartmentKeepHeadroom() {
        Loihi1Lowering lowering = Loihi1Lowerer.lower(TestNmap.elaborate(NMAP), Loihi1LowerOptions.defaults());
        double g = ModulationLowering.maxGain(lowering.network(), 0, "soma");
        assertTrue(g > 1.7 && g < 1.8, "hill(2, 0.3) saturates at 1.8: " + g);
        assertEquals(1.0, ModulationLowering.maxGain(lowering.network(), 0, "dendrite"), "no gain on the dendrite");
        for (ProjectionLowering p : lowering.projections()) {
            if (!p.name().startsWith("ff")) {
                continue;
            }
            int max = 0;
            for (int k = 0; k < p.synapses().count(); k++) {
                max = Math.max(max, Math.abs(p.mantissa(k)));
            }
            if (p.post() == 0) {
                assertTrue(max * g <= 255.5 + g, "rnd(w0 g) fits 8 bits: " + max + " x " + g);
            } else {
                assertTrue(max > 128, "without a gain the mantissa is used fully: " + max);
            }
        }
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
