package io.neuromap.emulator.loihi1.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NetworkIr;
import io.neuromap.emulator.loihi1.Loihi1Emulation;
import io.neuromap.emulator.loihi1.Loihi1RunOptions;
import io.neuromap.emulator.loihi1.Loihi1RunResult;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.SpikeRecorder;
import io.neuromap.emulator.reference.ReferenceOptions;
import io.neuromap.emulator.reference.ReferenceSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A compiled quick-start network run on the emulator, turned into a recording: the numbering,
 * the probes in chip integers and in volts, and the input spikes the chip and the float
 * reference share.
 */
class Loihi1RecordingsTest {
    private static final int STEPS = 300;

    private static Loihi1CompileResult compiled;
    private static Loihi1Config config;
    private static Loihi1Lowering lowering;
    private static Loihi1RunResult result;
    private static Loihi1NeuronMap neurons;

    @BeforeAll
    static void runTheQuickStart() throws Exception {
        Path sample = Path.of(System.getProperty("neuromap.root"), "samples", "quickstart_lif.nmap");
        compiled = Loihi1Compiler.compile(sample, Loihi1CompileOptions.defaults());
        config = Loihi1ProbePlan.forRun(compiled.config().orElseThrow(), OptionalInt.empty());
        lowering = compiled.checked().orElseThrow().emitted().routed().placed().partitioned().lowering();
        result = Loihi1Emulation.of(config).run(STEPS, Loihi1RunOptions.defaults().withThreads(2));
        neurons = Loihi1NeuronMap.of(config.origin());
    }

    @Test
    void spikeProbesAreDroppedAndPeriodsReplaced() {
        Loihi1Config original = compiled.config().orElseThrow();
        assertEquals(2, Loihi1ProbePlan.spikeProbes(original), "probe spikes of exc, of inh");
        assertEquals(List.of("v"), config.probes().stream().map(p -> p.name()).toList());
        Loihi1Config every5 = Loihi1ProbePlan.forRun(original, OptionalInt.of(5));
        assertEquals(5, every5.probes().get(0).every());
        assertSame(config, Loihi1ProbePlan.forRun(config, OptionalInt.empty()), "nothing to change");
    }

    @Test
    void aLoadedEmulationRecordsThePlansProbesWithoutCheckingAgain() throws Exception {
        Loihi1Config original = compiled.config().orElseThrow();
        Loihi1Emulation loaded = Loihi1Emulation.of(original);
        Loihi1Config every5 = Loihi1ProbePlan.forRun(original, OptionalInt.of(5));
        Loihi1Emulation planned = loaded.recording(every5);
        assertSame(every5, planned.config());
        assertEquals(loaded.violations(), planned.violations());
        assertSame(loaded, loaded.recording(original));
        Loihi1Config longer = new Loihi1Config(original.system(), original.arithmetic(), original.dt(),
                original.steps() + 1, original.seed(), original.chips(), original.spikes(), original.current(),
                every5.probes(), original.origin(), original.learning(), original.modulation());
        assertThrows(IllegalArgumentException.class, () -> loaded.recording(longer), "steps differ");
        Loihi1Probe v = original.probes().get(original.probes().size() - 1);
        Loihi1Probe elsewhere = new Loihi1Probe(v.name(), v.variable(), v.every(), v.chip(), v.core(),
                java.util.Arrays.stream(v.compartment()).map(c -> c + 1).toArray());
        Loihi1Config moved = new Loihi1Config(original.system(), original.arithmetic(), original.dt(), original.steps(),
                original.seed(), original.chips(), original.spikes(), original.current(), List.of(elsewhere),
                original.origin(), original.learning(), original.modulation());
        assertThrows(IllegalArgumentException.class, () -> loaded.recording(moved), "a probe the config lacks");
    }

    @Test
    void spikeProbesRunWithoutThePlanAreLeftOutOfTheRecording() throws Exception {
        Loihi1Config original = compiled.config().orElseThrow();
        Loihi1RunResult all = Loihi1Emulation.of(original).run(STEPS, Loihi1RunOptions.defaults().withThreads(2));
        assertEquals(List.of("spikes_exc", "spikes_inh", "v"), all.traces().stream().map(t -> t.name()).toList());
        assertEquals(result.spikes(), all.spikes());
        // The spike probes hold exactly the spikes of their populations, sparse.
        assertEquals(all.spikes().count(), all.trace("spikes_exc").spikeCount() + all.trace("spikes_inh").spikeCount());
        Recording r = Loihi1Recordings.of(original, Loihi1NeuronMap.of(original.origin()), all);
        assertEquals(List.of("v"), r.probes().stream().map(ProbeRecorder::name).toList(),
                "spikes.npy holds the spike probes' spikes");
        assertEquals(all.spikes().count(), r.spikes().count());
    }

    @Test
    void spikesAreNumberedAsTheNetworkNumbersItsNeurons() {
        Recording r = Loihi1Recordings.of(config, neurons, result);
        SpikeRecorder spikes = r.spikes();
        assertEquals(result.spikes().count(), spikes.count());
        long exc = 0;
        for (long k = 0; k < spikes.count(); k++) {
            int n = spikes.neuron(k);
            assertTrue(n >= 100 && n < 600, "exc is 100..499, inh 500..599: " + n);
            exc += n < 500 ? 1 : 0;
            if (k > 0) {
                assertTrue(spikes.step(k) > spikes.step(k - 1)
                        || (spikes.step(k) == spikes.step(k - 1) && n > spikes.neuron(k - 1)));
            }
        }
        assertEquals("exc", r.summary().populations().get(0).name());
        assertEquals(exc, r.summary().populations().get(0).spikes());
        assertEquals("loihi1/nengo-loihi", r.summary().engine());
        assertEquals((long) STEPS * 900, r.summary().counters().get("compartment_updates"));
    }

    @Test
    void voltagesAreChipIntegersOrVoltsWithTheLoweringsScales() {
        ProbeRecorder chip = Loihi1Recordings.of(config, neurons, result).probe("v").orElseThrow();
        ProbeRecorder volts = Loihi1Recordings.inModelUnits(config, neurons, result, lowering).probe("v").orElseThrow();
        assertEquals(NpyDtype.INT32, chip.dtype());
        assertEquals(NpyDtype.FLOAT64, volts.dtype());
        assertEquals("V", volts.unit());
        assertEquals(Loihi1ProbeVariable.VOLTAGE.jsonName(), chip.variable());
        assertEquals(STEPS, volts.sampleCount());
        assertEquals(0, volts.sampleStep(0));
        boolean moved = false;
        for (int s = 0; s < STEPS; s++) {
            for (int c = 0; c < 10; c++) {
                double v = volts.value(s, c);
                // Chip voltage 0 is each neuron's reset, -65 mV; inhibition pulls below it (further
                // since the neurons start at their random v_init and the first volley is larger),
                // and the chip fires at -50 mV and resets.
                assertTrue(v >= -0.090 && v <= -0.0499, "v = " + v);
                moved |= chip.value(s, c) != 0;
                if (chip.value(s, c) == 0) {
                    assertEquals(-0.065, v, 1e-12);
                }
            }
        }
        assertTrue(moved);
    }

    @Test
    void theChipAndTheFloatReferenceSeeTheSameInputSpikes() {
        Network network = compiled.pipeline().output(NetworkIr.NETWORK).orElseThrow();
        Recording reference = ReferenceSimulator.create(network, ReferenceOptions.defaults().withSteps(STEPS)).run();
        assertEquals(List.of(), Loihi1InputCheck.mismatches(lowering, reference, STEPS));
        long input = 0;
        for (long k = 0; k < reference.spikes().count(); k++) {
            input += reference.spikes().neuron(k) < 100 ? 1 : 0;
        }
        assertTrue(input > 300, "100 inputs at 20 Hz for 0.3 s: " + input);

        // Drop one input spike from the reference: the check names the population.
        SpikeRecorder fewer = new SpikeRecorder();
        boolean dropped = false;
        for (long k = 0; k < reference.spikes().count(); k++) {
            if (!dropped && reference.spikes().neuron(k) < 100) {
                dropped = true;
                continue;
            }
            fewer.record(reference.spikes().step(k), reference.spikes().neuron(k));
        }
        List<String> mismatch = Loihi1InputCheck.mismatches(lowering,
                new Recording(fewer, reference.probes(), reference.summary()), STEPS);
        assertEquals(1, mismatch.size());
        assertTrue(mismatch.get(0).startsWith("input (neuron "), mismatch.get(0));
        assertNotEquals(List.of(), mismatch);
    }
}
