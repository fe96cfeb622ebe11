package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.PoissonSpikeTrains;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Stimulus;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** Spike sources and stimuli: the IR's trains, their rates, timing and delivery. */
class ReferenceInputsTest {
    @Test
    void poissonPopulationsFireTheIrTrainsAtTheirRateWithinFourSigma() {
        Network n = TestNetworks.elaborate("""
                network N { population src[1000] : poisson { rate = 20 Hz; start = 100 ms; duration = 600 ms; } }
                simulate N { dt = 1 ms; duration = 1 s; seed = 11; }
                """);
        Recording r = ReferenceSimulator.create(n).run();
        Population src = n.population("src").orElseThrow();
        PoissonSpikeTrains trains = PoissonSpikeTrains.forPopulation(n, src);
        long total = 0;
        for (int i = 0; i < src.size(); i++) {
            int[] steps = TestNetworks.spikeSteps(r, i);
            long[] expected = trains.spikeSteps(i, 20, 100, 700);
            assertArrayEquals(expected, java.util.Arrays.stream(steps).asLongStream().toArray(), "neuron " + i);
            total += steps.length;
        }
        double p = PoissonSpikeTrains.stepProbability(20, 1e-3);
        double trials = 1000.0 * 600;
        double mean = trials * p;
        double sigma = Math.sqrt(trials * p * (1 - p));
        assertTrue(Math.abs(total - mean) < 4 * sigma, total + " spikes, expected " + mean + " +- 4 x " + sigma);
        assertEquals(total, r.summary().populations().get(0).spikes());
        assertEquals(total / 1000.0, r.summary().populations().get(0).meanRate(1.0), 1e-12);
    }

    @Test
    void poissonStimulusSpikesArriveOneStepLaterWithTheirSignedWeights() {
        Network n = TestNetworks.elaborate("""
                network N {
                  population p[20] : lif { v_thresh = 0 mV; tau_syn_E = 2 ms; tau_syn_I = 2 ms; }
                  stimulus up : poisson(rate = 50 Hz) -> p[0:10] { weight ~ uniform(0.1 nA, 0.2 nA); }
                  stimulus down : poisson(rate = 50 Hz, start = 20 ms) -> p[10:20] { weight = -0.3 nA; }
                  probe ie : state(i_syn_e) of p;
                  probe ii : state(i_syn_i) of p;
                }
                simulate N { dt = 1 ms; duration = 200 ms; seed = 5; }
                """);
        Recording r = ReferenceSimulator.create(n).run();
        ProbeRecorder ie = TestNetworks.probe(r, "ie");
        ProbeRecorder ii = TestNetworks.probe(r, "ii");
        double decay = Math.exp(-1e-3 / 2e-3);
        int delivered = 0;
        for (Stimulus s : n.stimuli()) {
            PoissonSpikeTrains trains = PoissonSpikeTrains.forStimulus(n, s);
            boolean up = s.name().equals("up");
            ProbeRecorder probe = up ? ie : ii;
            for (int k = 0; k < s.target().size(); k++) {
                int column = s.target().localStart() + k;
                double w = s.weight().orElseThrow().get(k);
                double expected = 0;
                long[] steps = trains.spikeSteps(k, 50, up ? 0 : 20, 200);
                int next = 0;
                for (int step = 0; step < 200; step++) {
                    // A stimulus spike of step s is added at the start of step s + 1; probes read the end of a step.
                    while (next < steps.length && steps[next] + 1 == step) {
                        expected += w;
                        next++;
                    }
                    expected *= decay;
                    assertEquals(expected, probe.value(step, column), 1e-20, s.name() + " target " + k + " step " + step);
                }
                delivered += next;
            }
        }
        assertTrue(delivered > 100, "the trains fire: " + delivered);
    }

    @Test
    void spikeTimesFireInTheFirstStepAtOrAfterEachTimeOncePerStep() {
        Recording r = TestNetworks.run("""
                network N { population src[2] : spike_times { times = [0 ms, 2.5 ms, 2.7 ms, 10 ms, 999 ms]; } }
                simulate N { dt = 1 ms; duration = 20 ms; }
                """);
        assertArrayEquals(new int[] {0, 3, 10}, TestNetworks.spikeSteps(r, 0));
        assertArrayEquals(new int[] {0, 3, 10}, TestNetworks.spikeSteps(r, 1));
    }

    @Test
    void dcStimulusActsFromItsStartForItsDuration() {
        Recording r = TestNetworks.run("""
                network N {
                  population p[1] : lif { v_thresh = 0 mV; }
                  stimulus step : dc(amplitude = 0.5 nA, start = 10 ms, duration = 20 ms) -> p;
                  probe v : state(v) of p;
                }
                simulate N { dt = 1 ms; duration = 60 ms; }
                """);
        ProbeRecorder v = TestNetworks.probe(r, "v");
        double vInf = -65e-3 + 20e6 * 0.5e-9;
        for (int s = 0; s < 60; s++) {
            double expected;
            if (s < 10) {
                expected = -65e-3;
            } else if (s < 30) {
                expected = vInf + (-65e-3 - vInf) * Math.exp(-(s - 9) * 1e-3 / 20e-3);
            } else {
                double at30 = vInf + (-65e-3 - vInf) * Math.exp(-20e-3 / 20e-3);
                expected = -65e-3 + (at30 + 65e-3) * Math.exp(-(s - 29) * 1e-3 / 20e-3);
            }
            assertEquals(expected, v.value(s, 0), 1e-15, "step " + s);
        }
    }

    @Test
    void externalChannelsDriveSourcesModulatorsAndCurrents() {
        Network n = TestNetworks.elaborate("""
                network N {
                  population src[3] : spike_times { times = [1 s]; }
                  population p[1] : lif { v_thresh = 0 mV; }
                  stimulus cue : external("cue") -> src;
                  stimulus inject : external("inject") -> p;
                  modulator R { source external "reward"; decay 10 ms; }
                  probe m : modulator(R) of p;
                  probe v : state(v) of p;
                }
                simulate N { dt = 1 ms; duration = 20 ms; }
                """);
        ExternalInputs inputs = (channel, step, index) -> switch (channel) {
            case "cue" -> step == 4 && index == 1 ? 1 : 0;
            case "reward" -> step == 5 ? 0.5 : 0;
            case "inject" -> step >= 2 ? 1e-9 : 0;
            default -> throw new AssertionError(channel);
        };
        Recording r = ReferenceSimulator.create(n, ReferenceOptions.defaults().withExternal(inputs)).run();
        assertArrayEquals(new int[] {4}, TestNetworks.spikeSteps(r, 1));
        assertEquals(0, TestNetworks.spikeSteps(r, 0).length);
        ProbeRecorder m = TestNetworks.probe(r, "m");
        assertEquals(0, m.value(4, 0), 0);
        assertEquals(0.5, m.value(5, 0), 0);
        assertEquals(0.5 * Math.exp(-1e-3 / 10e-3), m.value(6, 0), 1e-15);
        ProbeRecorder v = TestNetworks.probe(r, "v");
        assertEquals(-65e-3, v.value(1, 0), 0);
        assertEquals(-65e-3 + 20e6 * 1e-9 * (1 - Math.exp(-1e-3 / 20e-3)), v.value(2, 0), 1e-15);
    }

    @Test
    void probedScopeRecordsOnlyTheSpikesOfSpikeProbesButCountsAll() {
        Network n = TestNetworks.elaborate("""
                network N {
                  population a[10] : poisson { rate = 50 Hz; }
                  population b[10] : poisson { rate = 50 Hz; }
                  probe spikes of b[2:4];
                }
                simulate N { dt = 1 ms; duration = 500 ms; }
                """);
        Recording all = ReferenceSimulator.create(n).run();
        Recording some = ReferenceSimulator.create(n, ReferenceOptions.defaults()
                .withSpikes(ReferenceOptions.SpikeScope.PROBED)).run();
        long expected = 0;
        for (int g = 12; g < 14; g++) {
            expected += TestNetworks.spikeSteps(all, g).length;
            assertArrayEquals(TestNetworks.spikeSteps(all, g), TestNetworks.spikeSteps(some, g));
        }
        assertEquals(expected, some.spikes().count());
        assertEquals(all.summary().populations(), some.summary().populations(), "the summary counts every spike");
    }

    @Test
    void unnamedProbesOfOnePopulationGetDistinctNames() {
        Recording r = TestNetworks.run("""
                network N {
                  population p[2] : lif { i_offset = 0.1 nA; }
                  probe state(v) of p;
                  probe state(i_syn_e) of p every 2 ms;
                }
                simulate N { dt = 1 ms; duration = 10 ms; }
                """);
        assertEquals(java.util.List.of("state_p", "state_p_2"), r.probes().stream().map(ProbeRecorder::name).toList());
        assertEquals("i_syn_e", TestNetworks.probe(r, "state_p_2").variable());
        assertEquals(5, TestNetworks.probe(r, "state_p_2").sampleCount());
    }
}
