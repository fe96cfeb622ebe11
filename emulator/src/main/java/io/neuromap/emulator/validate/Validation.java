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
import java.util.function.Supplier;

/**
 * Compares an emulation with the float reference of the same network, population by population
 * (DESIGN.md, the float reference): mean-rate error, van Rossum distance ({@link VanRossum}) and,
 * where both runs probed the same neurons' membrane voltage in volts, the voltage RMSE.
 *
 * <p>Both recordings must number neurons alike (the network's global numbering: an emulator's
 * recording gets it from the config's origin table) and cover the same steps. A chaotic network
 * is judged against its own divergence floor ({@link DivergenceFloor}) where its spike trains
 * stray beyond the van Rossum tolerance. The populations
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
        return compare(reference, emulated, tolerances, null);
    }

    /**
     * Compares {@code emulated} with {@code reference}; when the floor is on
     * ({@link ValidationTolerances#chaosMargin()}) and some population's van Rossum distance
     * exceeds its tolerance, also runs {@code perturbedReference} (the float reference of the same
     * network under {@link DivergenceFloor}'s perturbation, same steps) and measures every
     * population's divergence floor against it. A network within the tolerances never pays for
     * the second run.
     *
     * @param perturbedReference runs the perturbed reference; null: no floor
     * @throws IllegalArgumentException if the runs do not describe the same network and run
     */
    public static ValidationResult compare(Recording reference, Recording emulated, ValidationTolerances tolerances,
            Supplier<Recording> perturbedReference) {
        requireNonNull(reference, "reference is null");
        requireNonNull(emulated, "emulated is null");
        requireNonNull(tolerances, "tolerances is null");
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
        boolean beyond = false;
        for (int p = 0; p < pops.size(); p++) {
            RunSummary.PopulationSummary pop = pops.get(p);
            int from = pop.offset();
            int to = from + pop.size();
            long nRef = refTrains.count(from, to);
            long nEmu = emuTrains.count(from, to);
            double rRef = rate(nRef, pop.size(), seconds);
            double rEmu = rate(nEmu, pop.size(), seconds);
            double vr = VanRossum.perSpike(refTrains, emuTrains, from, to, tauSteps);
            beyond |= vr > tolerances.vanRossum();
            long samples = (long) voltage[p][1];
            OptionalDouble rmse = samples == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(Math.sqrt(voltage[p][0] / samples));
            out.add(new PopulationComparison(pop.name(), pop.size(), nRef, nEmu, rRef, rEmu,
                    Math.abs(rEmu - rRef) / Math.max(rRef, MIN_RATE_HZ), vr, OptionalDouble.empty(), rmse, samples));
        }
        if (beyond && tolerances.floorEnabled() && perturbedReference != null) {
            Recording perturbed = requireNonNull(perturbedReference.get(), "the perturbed reference is null");
            sameRun(ref, perturbed.summary(), "the perturbed reference");
            SpikeTrains floorTrains = SpikeTrains.of(perturbed.spikes(), neurons, steps);
            for (int p = 0; p < pops.size(); p++) {
                int from = pops.get(p).offset();
                out.set(p, out.get(p).withFloor(VanRossum.perSpike(refTrains, floorTrains, from,
                        from + pops.get(p).size(), tauSteps)));
            }
        }
        return new ValidationResult(steps, dt, tolerances, out);
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
