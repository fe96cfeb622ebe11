package io.neuromap.emulator.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.RunSummary;
import io.neuromap.emulator.record.SpikeRecorder;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Population metrics on recordings small enough to compute by hand. */
class ValidationTest {
    private static final double DT = 1e-3;
    private static final int STEPS = 1000;

    /** Spikes as {step, neuron} pairs, in step order. */
    private static SpikeRecorder spikes(int[][] pairs) {
        SpikeRecorder r = new SpikeRecorder();
        for (int[] p : pairs) {
            r.record(p[0], p[1]);
        }
        return r;
    }

    private static RunSummary summary(String engine, List<RunSummary.PopulationSummary> pops) {
        return new RunSummary(engine, STEPS, DT, pops, 0, Map.of(), OptionalDouble.empty());
    }

    @Test
    void ratesVanRossumAndVoltagePerPopulation() {
        // Population a (neurons 0, 1): identical spikes. Population b (neuron 2): one spike moved by 5
        // steps plus one extra in the emulation. Population src (neuron 3): a source, reference only.
        SpikeRecorder ref = spikes(new int[][] {{10, 0}, {10, 3}, {20, 1}, {100, 2}});
        SpikeRecorder emu = spikes(new int[][] {{10, 0}, {20, 1}, {105, 2}, {500, 2}});
        List<RunSummary.PopulationSummary> refPops = List.of(new RunSummary.PopulationSummary("a", "lif", 0, 2, 2),
                new RunSummary.PopulationSummary("b", "lif", 2, 1, 1),
                new RunSummary.PopulationSummary("src", "poisson", 3, 1, 1));
        List<RunSummary.PopulationSummary> emuPops = List.of(new RunSummary.PopulationSummary("a", "chip", 0, 2, 2),
                new RunSummary.PopulationSummary("b", "chip", 2, 1, 2));
        // Voltage of neuron 2: the reference samples steps 0, 2, 4 (every 2); the emulation every step.
        ProbeRecorder refV = new ProbeRecorder("v", "state", "v", "V", new int[] {2}, 2, NpyDtype.FLOAT64);
        ProbeRecorder emuV = new ProbeRecorder("v", "state", "v", "V", new int[] {2}, 1, NpyDtype.FLOAT64);
        for (int s = 0; s < 5; s++) {
            if (refV.due(s)) {
                refV.begin(s);
                refV.put(-0.065);
            }
            emuV.begin(s);
            emuV.put(-0.065 + (s % 2 == 0 ? 0.002 * s : 1));
        }
        Recording reference = new Recording(ref, List.of(refV), summary("float-reference", refPops));
        Recording emulated = new Recording(emu, List.of(emuV), summary("loihi1", emuPops));

        ValidationResult r = Validation.compare(reference, emulated, ValidationTolerances.DEFAULTS);
        assertEquals(2, r.populations().size(), "sources are inputs, not compared");
        PopulationComparison a = r.populations().get(0);
        assertEquals(1.0, a.referenceRate(), 1e-12);
        assertEquals(0, a.rateError(), 1e-12);
        assertEquals(0, a.vanRossum(), 1e-12);
        assertTrue(a.voltageRmse().isEmpty());
        assertTrue(a.within(ValidationTolerances.DEFAULTS));

        PopulationComparison b = r.populations().get(1);
        assertEquals(1, b.referenceSpikes());
        assertEquals(2, b.emulatedSpikes());
        assertEquals(1.0, b.referenceRate(), 1e-12);
        assertEquals(2.0, b.emulatedRate(), 1e-12);
        assertEquals(1.0, b.rateError(), 1e-12, "|2 - 1| / max(1, 1 Hz)");
        // D^2 = 1/2 (1 + S(e,e) - 2 S(r,e)), S(e,e) = 2 + 2e^(-395/10), S(r,e) = e^(-0.5) + e^(-40); per spike: / 1.5
        double d2 = 0.5 * (1 + 2 + 2 * Math.exp(-39.5) - 2 * (Math.exp(-0.5) + Math.exp(-40)));
        assertEquals(d2 / 1.5, b.vanRossum(), 1e-12);
        // Samples at steps 0, 2, 4: differences 0, 4 mV, 8 mV.
        assertEquals(Math.sqrt((0 + 16e-6 + 64e-6) / 3), b.voltageRmse().getAsDouble(), 1e-12);
        assertEquals(3, b.voltageSamples());
        assertFalse(b.within(ValidationTolerances.DEFAULTS), "rate error 100 %");
        assertFalse(r.passed());
        assertEquals(List.of(b), r.failures());
        ValidationTolerances loose = new ValidationTolerances(1.0, 1.0, 0.010, OptionalDouble.of(0.005),
                OptionalDouble.empty());
        assertFalse(Validation.compare(reference, emulated, loose).passed(), "voltage RMSE 5.2 mV > 5 mV");
        ValidationTolerances looser = new ValidationTolerances(1.0, 1.0, 0.010, OptionalDouble.of(0.006),
                OptionalDouble.empty());
        assertTrue(Validation.compare(reference, emulated, looser).passed());
    }

    @Test
    void slowPopulationsAreJudgedAgainstOneHertz() {
        SpikeRecorder ref = spikes(new int[][] {});
        SpikeRecorder emu = spikes(new int[][] {{3, 0}});
        List<RunSummary.PopulationSummary> pops = List.of(new RunSummary.PopulationSummary("quiet", "lif", 0, 10, 0));
        ValidationResult r = Validation.compare(new Recording(ref, List.of(), summary("ref", pops)),
                new Recording(emu, List.of(), summary("emu", pops)), ValidationTolerances.DEFAULTS);
        PopulationComparison p = r.populations().get(0);
        assertEquals(0.1, p.emulatedRate(), 1e-12);
        assertEquals(0.1, p.rateError(), 1e-12, "0.1 Hz off a silent population is 10 % of 1 Hz");
        assertEquals(1.0, p.vanRossum(), 1e-12, "an unmatched spike is 1 per spike");
    }

    @Test
    void recordingsOfDifferentRunsAreRefused() {
        List<RunSummary.PopulationSummary> pops = List.of(new RunSummary.PopulationSummary("p", "lif", 0, 2, 0));
        List<RunSummary.PopulationSummary> shifted = List.of(new RunSummary.PopulationSummary("p", "lif", 1, 2, 0));
        Recording ref = new Recording(new SpikeRecorder(), List.of(), summary("ref", pops));
        assertThrows(IllegalArgumentException.class, () -> Validation.compare(ref,
                new Recording(new SpikeRecorder(), List.of(), summary("emu", shifted)), ValidationTolerances.DEFAULTS));
        Recording shorter = new Recording(new SpikeRecorder(), List.of(), new RunSummary("emu", STEPS - 1, DT, pops, 0,
                Map.of(), OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> Validation.compare(ref, shorter, ValidationTolerances.DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> new ValidationTolerances(-1, 0.5, 0.01, OptionalDouble.empty(),
                OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ValidationTolerances(0.1, 0.5, 0, OptionalDouble.empty(),
                OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ValidationTolerances(0.1, 0.5, 0.01, OptionalDouble.empty(),
                OptionalDouble.of(-0.1)));
    }

    /** Neurons 0-9 (population a) and 10-19 (b) spike at steps 100, 300, 500, 700, each moved by {@code shift[g]}. */
    private static Recording fourSpikesEach(String engine, int... shift) {
        List<int[]> pairs = new java.util.ArrayList<>();
        for (int k = 0; k < 4; k++) {
            for (int g = 0; g < 20; g++) {
                pairs.add(new int[] {100 + 200 * k + shift[g], g});
            }
        }
        pairs.sort(java.util.Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        return new Recording(spikes(pairs.toArray(new int[0][])), List.of(), summary(engine, List.of(new RunSummary.PopulationSummary("a", "lif", 0, 10, 40),
                new RunSummary.PopulationSummary("b", "lif", 10, 10, 40))));
    }

    private static int[] shifts(int a, int b) {
        int[] s = new int[20];
        java.util.Arrays.fill(s, 0, 10, a);
        java.util.Arrays.fill(s, 10, 20, b);
        return s;
    }

    @Test
    void theFloorRunsOnlyWhenSomePopulationStraysBeyondItsTolerance() {
        Recording ref = fourSpikesEach("ref", shifts(0, 0));
        int[] runs = {0};
        java.util.function.Supplier<Recording> count = () -> {
            runs[0]++;
            return fourSpikesEach("perturbed", shifts(90, 0));
        };
        List<FloorRun> floor = List.of(new FloorRun("late", count));
        ValidationResult close = Validation.compare(ref, fourSpikesEach("emu", shifts(1, 1)), ValidationTolerances.DEFAULTS,
                floor);
        assertTrue(close.passed());
        assertEquals(0, runs[0], "a network within its tolerances never pays for the second run");
        assertFalse(close.floorMeasured());
        assertTrue(close.populations().get(0).divergenceFloor().isEmpty());

        ValidationResult off = Validation.compare(ref, fourSpikesEach("emu", shifts(90, 0)),
                ValidationTolerances.DEFAULTS.withoutFloor(), floor);
        assertEquals(0, runs[0], "the floor is off");
        assertFalse(off.passed());

        ValidationResult far = Validation.compare(ref, fourSpikesEach("emu", shifts(90, 0)), ValidationTolerances.DEFAULTS,
                floor);
        assertEquals(1, runs[0]);
        assertTrue(far.floorMeasured());
        assertEquals(List.of("late"), far.floorRuns());
        // Moved by 90 steps of 1 ms against tau = 10 ms: every spike unmatched, 1 per spike.
        assertEquals(1, far.populations().get(0).divergenceFloor().getAsDouble(), 1e-3);
        assertEquals(0, far.populations().get(1).divergenceFloor().getAsDouble(), 1e-12,
                "measured for every population once it is run");
    }

    @Test
    void aPopulationBeyondItsToleranceIsJudgedAgainstItsFloor() {
        Recording ref = fourSpikesEach("ref", shifts(0, 0));
        // a: the reference moves its own spikes by 90 steps (chaotic, floor ~1) and so does the
        // emulation; b: the reference keeps its spikes (floor 0), the emulation moves them.
        Recording emu = fourSpikesEach("emu", shifts(90, 90));
        ValidationResult r = Validation.compare(ref, emu, ValidationTolerances.DEFAULTS,
                List.of(new FloorRun("late", () -> fourSpikesEach("perturbed", shifts(80, 0)))));
        PopulationComparison a = r.populations().get(0);
        PopulationComparison b = r.populations().get(1);
        assertEquals(1, a.vanRossum(), 1e-3);
        assertTrue(a.vanRossumByFloor(ValidationTolerances.DEFAULTS) && a.within(ValidationTolerances.DEFAULTS));
        assertFalse(b.vanRossumByFloor(ValidationTolerances.DEFAULTS), "a floor under the tolerance excuses nothing");
        assertFalse(b.vanRossumWithin(ValidationTolerances.DEFAULTS));
        assertEquals(List.of(b), r.failures());

        // The margin: a floor of 0.6 lets the emulation reach 0.75 at 0.25, 0.6 at 0.
        PopulationComparison p = new PopulationComparison("p", 10, 40, 40, 1, 1, 0, 0.7, OptionalDouble.of(0.6),
                OptionalDouble.empty(), OptionalDouble.empty(), 0);
        assertTrue(p.within(ValidationTolerances.DEFAULTS));
        ValidationTolerances exact = new ValidationTolerances(0.1, 0.5, 0.01, OptionalDouble.empty(), OptionalDouble.of(0));
        assertFalse(p.within(exact));
        assertTrue(p.withFloorRun(0.7, 0).within(exact));
        assertFalse(p.withFloorRun(0.5, 0).within(exact), "a run that diverges less leaves the floor where it is");
        assertFalse(p.within(ValidationTolerances.DEFAULTS.withoutFloor()));
        assertFalse(new PopulationComparison("p", 10, 40, 40, 1, 1, 0, 0.76, OptionalDouble.of(0.6), OptionalDouble.empty(),
                OptionalDouble.empty(), 0).within(ValidationTolerances.DEFAULTS), "0.76 > 0.6 x 1.25");
    }

    /** Neurons 0-9 (population a) fire {@code a} times, 10-19 (b) {@code b} times, every 60 steps from step 50. */
    private static Recording regular(String engine, int a, int b) {
        List<int[]> pairs = new java.util.ArrayList<>();
        for (int k = 0; k < Math.max(a, b); k++) {
            for (int g = 0; g < 20; g++) {
                if (k < (g < 10 ? a : b)) {
                    pairs.add(new int[] {50 + 60 * k, g});
                }
            }
        }
        return new Recording(spikes(pairs.toArray(new int[0][])), List.of(), summary(engine, List.of(
                new RunSummary.PopulationSummary("a", "lif", 0, 10, 10 * a),
                new RunSummary.PopulationSummary("b", "lif", 10, 10, 10 * b))));
    }

    @Test
    void aBranchingNetworksRatesAreJudgedByTheLargestDifferenceOfTheFloorsRuns() {
        Recording ref = regular("ref", 10, 10);
        Recording emu = regular("emu", 10, 12);
        List<String> made = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<FloorRun> runs = List.of(
                new FloorRun("late", () -> { made.add("late"); return regular("p", 10, 11); }),
                new FloorRun("A_minus larger", () -> { made.add("larger"); return regular("p", 10, 7); }),
                new FloorRun("A_minus smaller", () -> { made.add("smaller"); return regular("p", 10, 10); }));
        ValidationTolerances t = ValidationTolerances.DEFAULTS;

        ValidationResult r = Validation.compare(ref, emu, t, runs);
        PopulationComparison b = r.populations().get(1);
        assertEquals(0.2, b.rateError(), 1e-12);
        assertTrue(b.vanRossum() < t.vanRossum(), "two extra spikes of twelve: the rate fails, not the timing");
        assertEquals(0.3, b.rateFloor().getAsDouble(), 1e-12, "the largest of the runs made");
        assertTrue(b.rateByFloor(t) && r.passed(), "0.2 <= 0.3 x 1.25");
        assertEquals(List.of("late", "A_minus larger"), r.floorRuns());
        assertEquals(List.of("late", "larger"), List.copyOf(made), "a run that cannot change the verdict is not made");
        assertEquals(0, r.populations().get(0).rateFloor().getAsDouble(), 1e-12, "measured for every population");

        // Side by side: the same result, whatever the batches; a run the verdict did not need is discarded.
        for (int parallel = 2; parallel <= 4; parallel++) {
            made.clear();
            ValidationResult side = Validation.compare(ref, emu, t, runs, parallel);
            assertEquals(r, side, "parallel " + parallel);
            assertEquals(parallel == 2 ? 2 : 3, made.size(), "a batch is made whole");
        }
        assertThrows(IllegalArgumentException.class, () -> Validation.compare(ref, emu, t, runs, 0));

        // A floor within the tolerance excuses nothing: the first run alone moves b's rate by 10 %.
        ValidationResult one = Validation.compare(ref, emu, t, runs.subList(0, 1));
        assertEquals(0.1, one.populations().get(1).rateFloor().getAsDouble(), 1e-12);
        assertFalse(one.passed());
        assertFalse(Validation.compare(ref, emu, t.withoutFloor(), runs).passed(), "the floor is off");

        // An emulation beyond every run's difference (40 % > 0.3 x 1.25) fails after all of them.
        made.clear();
        ValidationResult wrong = Validation.compare(ref, regular("emu", 10, 14), t, runs);
        assertFalse(wrong.passed());
        assertEquals(List.of("late", "larger", "smaller"), List.copyOf(made));
        assertEquals(0.3, wrong.populations().get(1).rateFloor().getAsDouble(), 1e-12,
                "a run closer to the reference leaves the floor at the largest");
        assertEquals(List.of(wrong.populations().get(1)), wrong.failures());
    }

    @Test
    void spikeTrainsGroupSpikesByNeuronInStepOrder() {
        SpikeTrains t = SpikeTrains.of(spikes(new int[][] {{1, 2}, {1, 0}, {4, 2}, {9, 7}, {12, 2}}), 3, 10);
        assertEquals(3, t.neurons());
        assertEquals(1, t.count(0));
        assertEquals(0, t.count(1));
        assertEquals(2, t.count(2), "step 12 is past the limit, neuron 7 past the range");
        assertEquals(List.of(1, 4), java.util.Arrays.stream(t.train(2)).boxed().toList());
        assertEquals(3, t.count(0, 3));
    }
}
