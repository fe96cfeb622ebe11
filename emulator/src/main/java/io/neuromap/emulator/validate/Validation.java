package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.RunSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Compares an emulation with the float reference of the same network, population by population
 * (DESIGN.md, the float reference): mean-rate error, van Rossum distance ({@link VanRossum}) and,
 * where both runs probed the same neurons' membrane voltage in volts, the voltage RMSE.
 *
 * <p>Both recordings must number neurons alike (the network's global numbering: an emulator's
 * recording gets it from the config's origin table) and cover the same steps. A chaotic or
 * branching network is judged against its own divergence floor ({@link DivergenceFloor}) where
 * its rates or spike trains stray beyond their tolerances. The populations
 * compared are those of the emulation's summary, i.e. those the chip runs; spike sources the host
 * injects are inputs, identical in both by construction.
 */
public final class Validation {

    private static final double MIN_RATE_HZ = 1.0;

    private Validation() {
    }

    /**
     * Compares {@code emulated} with {@code reference}, without a divergence floor: the van
     * Rossum tolerance is the only limit on spike timing.
     *
     * @throws IllegalArgumentException if the two do not describe the same network and run
     */
    public static ValidationResult compare(Recording reference, Recording emulated, ValidationTolerances tolerances) {
        return compare(reference, emulated, tolerances, List.of());
    }

    /**
     * As {@link #compare(Recording, Recording, ValidationTolerances, List, int)} with the floor's
     * runs made one at a time.
     */
    public static ValidationResult compare(Recording reference, Recording emulated, ValidationTolerances tolerances,
            List<FloorRun> floorRuns) {
        return compare(reference, emulated, tolerances, floorRuns, 1);
    }

    /**
     * Compares {@code emulated} with {@code reference}; when the floor is on
     * ({@link ValidationTolerances#chaosMargin()}) and some population's rate error or van Rossum
     * distance exceeds its tolerance, also makes the floor's runs (the float reference of the same
     * network under {@link DivergenceFloor}'s perturbations, same steps) in order, up to
     * {@code parallelRuns} at a time, raising every population's floors to the largest difference
     * of a run from the reference, until every population's rate and spike timing are within or
     * the runs are used up. The verdict is the one all runs would give (a higher floor never fails
     * a population that passed), so the remaining runs are not needed; a network within the
     * tolerances never pays for any. Runs made side by side change nothing but the wall time: a
     * run the one-at-a-time order would not have needed is discarded, so the result is the same
     * for every {@code parallelRuns}.
     *
     * @param floorRuns the floor's runs, in the order to try them; empty: no floor
     * @param parallelRuns how many floor runs to make at once (the float reference runs on one thread)
     * @throws IllegalArgumentException if the runs do not describe the same network and run
     */
    public static ValidationResult compare(Recording reference, Recording emulated, ValidationTolerances tolerances,
            List<FloorRun> floorRuns, int parallelRuns) {
        if (parallelRuns < 1) {
            throw new IllegalArgumentException("parallelRuns must be >= 1, got " + parallelRuns);
        }
        requireNonNull(reference, "reference is null");
        requireNonNull(emulated, "emulated is null");
        requireNonNull(tolerances, "tolerances is null");
        requireNonNull(floorRuns, "floorRuns is null");
        RunSummary ref = reference.summary();
        RunSummary emu = emulated.summary();
        sameRun(ref, emu, "the emulation");
        long steps = ref.steps();
        double dt = ref.dt();
        Map<String, RunSummary.PopulationSummary> refPops = new HashMap<>();
        for (RunSummary.PopulationSummary p : ref.populations()) {
            refPops.put(p.name(), p);
        }
        List<RunSummary.PopulationSummary> pops = emu.populations();
        int neurons = 0;
        for (RunSummary.PopulationSummary p : pops) {
            RunSummary.PopulationSummary r = refPops.get(p.name());
            if (r == null || r.offset() != p.offset() || r.size() != p.size()) {
                throw new IllegalArgumentException("population " + p.name() + " is numbered differently in the two runs");
            }
            neurons = Math.max(neurons, p.offset() + p.size());
        }
        SpikeTrains refTrains = SpikeTrains.of(reference.spikes(), neurons, steps);
        SpikeTrains emuTrains = SpikeTrains.of(emulated.spikes(), neurons, steps);
        double[][] voltage = voltageErrors(reference, emulated, pops);
        double seconds = steps * dt;
        double tauSteps = tolerances.tau() / dt;
        List<PopulationComparison> out = new ArrayList<>();
        for (int p = 0; p < pops.size(); p++) {
            RunSummary.PopulationSummary pop = pops.get(p);
            int from = pop.offset();
            int to = from + pop.size();
            long nRef = refTrains.count(from, to);
            long nEmu = emuTrains.count(from, to);
            double rRef = rate(nRef, pop.size(), seconds);
            double rEmu = rate(nEmu, pop.size(), seconds);
            double vr = VanRossum.perSpike(refTrains, emuTrains, from, to, tauSteps);
            long samples = (long) voltage[p][1];
            OptionalDouble rmse = samples == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(Math.sqrt(voltage[p][0] / samples));
            out.add(new PopulationComparison(pop.name(), pop.size(), nRef, nEmu, rRef, rEmu, rateError(rEmu, rRef), vr,
                    OptionalDouble.empty(), OptionalDouble.empty(), rmse, samples));
        }
        List<String> made = tolerances.floorEnabled()
                ? raiseFloors(out, pops, refTrains, floorRuns, parallelRuns, ref, tolerances)
                : List.of();
        return new ValidationResult(steps, dt, tolerances, out, made);
    }

    /**
     * Makes the floor's runs while some population in {@code out} is beyond its tolerances,
     * raising every population's floors with each; returns the perturbations of the runs used.
     */
    private static List<String> raiseFloors(List<PopulationComparison> out, List<RunSummary.PopulationSummary> pops,
            SpikeTrains refTrains, List<FloorRun> floorRuns, int parallelRuns, RunSummary ref,
            ValidationTolerances tolerances) {
        double seconds = ref.steps() * ref.dt();
        double tauSteps = tolerances.tau() / ref.dt();
        List<String> made = new ArrayList<>();
        for (int first = 0; first < floorRuns.size() && !allSpikesWithin(out, tolerances); first += parallelRuns) {
            List<FloorRun> batch = floorRuns.subList(first, Math.min(floorRuns.size(), first + parallelRuns));
            List<Recording> recordings = FloorRuns.make(batch);
            for (int b = 0; b < batch.size() && !allSpikesWithin(out, tolerances); b++) {
                Recording perturbed = recordings.get(b);
                sameRun(ref, perturbed.summary(), "the floor's run (" + batch.get(b).perturbation() + ")");
                made.add(batch.get(b).perturbation());
                SpikeTrains floorTrains = SpikeTrains.of(perturbed.spikes(), refTrains.neurons(), ref.steps());
                for (int p = 0; p < pops.size(); p++) {
                    int from = pops.get(p).offset();
                    int to = from + pops.get(p).size();
                    double rFloor = rate(floorTrains.count(from, to), pops.get(p).size(), seconds);
                    PopulationComparison c = out.get(p);
                    out.set(p, c.withFloorRun(VanRossum.perSpike(refTrains, floorTrains, from, to, tauSteps),
                            rateError(rFloor, c.referenceRate())));
                }
            }
        }
        return made;
    }

    private static boolean allSpikesWithin(List<PopulationComparison> comparisons, ValidationTolerances tolerances) {
        for (PopulationComparison c : comparisons) {
            if (!c.spikesWithin(tolerances)) {
                return false;
            }
        }
        return true;
    }

    /** DESIGN.md's rate error: {@code |r - r_ref| / max(r_ref, 1 Hz)}. */
    private static double rateError(double rate, double referenceRate) {
        return Math.abs(rate - referenceRate) / Math.max(referenceRate, MIN_RATE_HZ);
    }

    private static void sameRun(RunSummary ref, RunSummary other, String what) {
        if (ref.steps() != other.steps()) {
            throw new IllegalArgumentException("the reference ran " + ref.steps() + " steps, " + what + " "
                    + other.steps());
        }
        if (Math.abs(ref.dt() - other.dt()) > 1e-12 * ref.dt()) {
            throw new IllegalArgumentException("the reference steps " + ref.dt() + " s, " + what + " " + other.dt()
                    + " s");
        }
    }

    private static double rate(long spikes, int size, double seconds) {
        return size == 0 || seconds <= 0 ? 0 : spikes / (size * seconds);
    }

    /**
     * Per population, {sum of squared voltage differences, samples}, over the probes both runs
     * have under one name in volts, at the steps both sampled.
     */
    private static double[][] voltageErrors(Recording reference, Recording emulated,
            List<RunSummary.PopulationSummary> pops) {
        double[][] acc = new double[pops.size()][2];
        for (ProbeRecorder emu : emulated.probes()) {
            if (!isVolts(emu)) {
                continue;
            }
            ProbeRecorder ref = reference.probe(emu.name()).orElse(null);
            if (ref == null || !isVolts(ref)) {
                continue;
            }
            Map<Integer, Integer> refColumn = new HashMap<>();
            for (int c = 0; c < ref.columnCount(); c++) {
                refColumn.put(ref.column(c), c);
            }
            int[] pairRef = new int[emu.columnCount()];
            int[] pairPop = new int[emu.columnCount()];
            for (int c = 0; c < emu.columnCount(); c++) {
                Integer r = refColumn.get(emu.column(c));
                pairRef[c] = r == null ? -1 : r;
                pairPop[c] = populationOf(pops, emu.column(c));
            }
            int e = 0;
            for (int s = 0; s < ref.sampleCount(); s++) {
                int step = ref.sampleStep(s);
                while (e < emu.sampleCount() && emu.sampleStep(e) < step) {
                    e++;
                }
                if (e >= emu.sampleCount()) {
                    break;
                }
                if (emu.sampleStep(e) != step) {
                    continue;
                }
                for (int c = 0; c < emu.columnCount(); c++) {
                    if (pairRef[c] >= 0 && pairPop[c] >= 0) {
                        double d = emu.value(e, c) - ref.value(s, pairRef[c]);
                        acc[pairPop[c]][0] += d * d;
                        acc[pairPop[c]][1]++;
                    }
                }
            }
        }
        return acc;
    }

    private static boolean isVolts(ProbeRecorder p) {
        return "V".equals(p.unit()) && (p.variable().equals("v") || p.variable().endsWith(".v"));
    }

    private static int populationOf(List<RunSummary.PopulationSummary> pops, int neuron) {
        for (int p = 0; p < pops.size(); p++) {
            RunSummary.PopulationSummary pop = pops.get(p);
            if (neuron >= pop.offset() && neuron < pop.offset() + pop.size()) {
                return p;
            }
        }
        return -1;
    }
}
