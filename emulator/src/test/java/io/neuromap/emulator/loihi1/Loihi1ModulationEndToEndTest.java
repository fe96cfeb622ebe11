package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.TestNmap;
import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1ModulationRegister;
import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.reference.ReferenceOptions;
import io.neuromap.emulator.reference.ReferenceSimulator;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A network with a modulator driven by neurons on the chip (with a delay) and one driven by a
 * host source, an excitability effect with a sigmoid response and a threshold effect on half of a
 * population, compiled, emulated and compared with the float reference: the modulator probes
 * agree to the program's fixed point, the modulated neurons got threshold profiles of their own,
 * and the spike counts move with the effects as the reference's do.
 */
class Loihi1ModulationEndToEndTest {
    private static final String NMAP = """
            network M {
              celltype C : lif { tau_m = 20 ms; v_rest = -65 mV; v_reset = -65 mV; v_thresh = -50 mV;
                                 receptor R binds DA; receptor S binds NA; }
              population host[20] : poisson { rate = 40 Hz; }
              population drive[10] : lif { tau_m = 20 ms; i_offset = 1 nA; }
              population c[40] : C;
              project host -> c with fixed_prob(0.5) { weight = 1.5 nA; delay = 1 ms; receptor = exc; }
              modulator DA { source drive; release 0.05 per spike; decay 100 ms; baseline 0.1; delay 3 ms;
                             scope per_target_neuron; }
              modulator NA { source host; release 0.02 per spike; decay 50 ms; baseline 0.2; scope global; }
              pathway da : DA -> c[0:20] via R { effect excitability += 0.4 nA * [DA] response sigmoid(6, 0.5); }
              pathway na : NA -> c[20:40] via S { effect threshold -= 4 mV * [NA]; }
              probe da : modulator(DA) of c[0:20];
              probe na : modulator(NA) of c every 2 ms;
            }
            simulate M { dt = 1 ms; duration = 600 ms; seed = 3; }
            """;

    @Test
    void modulatorsAndEffectsMatchTheFloatReference() throws Exception {
        Network network = TestNmap.elaborate(NMAP);
        Loihi1Checked compiled = Loihi1Compiler.compile(network, Loihi1CompileOptions.defaults());
        Loihi1Config config = compiled.config().orElseThrow(() -> new AssertionError(compiled.toString()));
        assertEquals(2, config.modulation().modulators().size());
        assertEquals(Loihi1ModulationRegister.BIAS, config.modulation().effects().get(0).register());
        assertEquals(20, config.modulation().effects().get(0).count(), "one bias target per modulated neuron");
        Set<Integer> modulatedProfiles = new HashSet<>();
        for (Loihi1CoreConfig core : config.chips().get(0).cores()) {
            assertTrue(core.thresholdProfiles().size() <= 8);
        }
        for (int t = 0; t < config.modulation().effects().get(1).count(); t++) {
            modulatedProfiles.add(config.modulation().effects().get(1).index()[t]);
        }
        assertEquals(1, modulatedProfiles.size(), "c[20:40] share one threshold group: " + modulatedProfiles);

        int steps = 600;
        Loihi1RunResult result = Loihi1Emulation.of(config).run(steps, new Loihi1RunOptions(2, true));
        Recording ref = ReferenceSimulator.create(network, ReferenceOptions.defaults().withSteps(steps)).run();
        for (String name : new String[] {"da", "na"}) {
            ProbeRecorder r = ref.probe(name).orElseThrow();
            ProbeRecorder e = result.modulatorProbes().stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow();
            assertEquals(r.sampleCount(), e.sampleCount(), name);
            assertEquals(r.columnCount(), e.columnCount(), name);
            double max = 0;
            double peak = 0;
            for (int s = 0; s < r.sampleCount(); s++) {
                assertEquals(r.sampleStep(s), e.sampleStep(s));
                for (int c = 0; c < r.columnCount(); c++) {
                    assertEquals(r.column(c), e.column(c));
                    max = Math.max(max, Math.abs(r.value(s, c) - e.value(s, c)));
                    peak = Math.max(peak, Math.abs(r.value(s, c)));
                }
            }
            assertTrue(peak > 0.3, name + " moved: peak " + peak);
            assertTrue(max < 2e-3 * peak, name + ": concentration differs by " + max + " (peak " + peak + ")");
        }
        long[] refCounts = counts(ref.spikes().countsPerNeuron(network.neuronCount()), network);
        long[] emuCounts = new long[refCounts.length];
        Loihi1SpikeRaster raster = result.spikes();
        for (int k = 0; k < raster.count(); k++) {
            int row = origin(config, raster.chip()[k], raster.core()[k], raster.compartment()[k]);
            int population = config.origin().population()[row];
            if (population == 2) {
                emuCounts[config.origin().neuron()[row] < 20 ? 0 : 1]++;
            }
        }
        for (int h = 0; h < 2; h++) {
            assertTrue(refCounts[h] > 50, "half " + h + " fires: " + refCounts[h]);
            assertTrue(Math.abs(emuCounts[h] - refCounts[h]) <= 0.1 * refCounts[h],
                    "half " + h + ": emulator " + emuCounts[h] + " spikes, reference " + refCounts[h]);
        }
    }

    private static int origin(Loihi1Config config, int chip, int core, int compartment) {
        for (int r = 0; r < config.origin().count(); r++) {
            if (config.origin().chip()[r] == chip && config.origin().core()[r] == core
                    && config.origin().compartment()[r] == compartment) {
                return r;
            }
        }
        throw new AssertionError("no origin row");
    }

    /** Spikes of c[0:20] and c[20:40] from the reference's per-neuron counts. */
    private static long[] counts(long[] perNeuron, Network network) {
        int offset = network.populations().get(2).offset();
        long[] out = new long[2];
        for (int local = 0; local < 40; local++) {
            out[local < 20 ? 0 : 1] += perNeuron[offset + local];
        }
        return out;
    }
}
