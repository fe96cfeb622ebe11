package io.neuromap.emulator.loihi1.recording;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1Modulation;
import io.neuromap.backends.loihi1.config.Loihi1ModulatorProbe;
import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which of a config's probes a command-line run records, and how often. Spike probes are dropped:
 * every spike of every compartment goes to {@code spikes.npy} anyway, so recording a spike probe's
 * (sparse) trace as well would only spend time and memory on a copy that is not written
 * ({@link Loihi1Recordings} leaves spike traces out). The other probes keep their targets;
 * {@code --probe-every K} replaces their recording period, modulator probes' included.
 */
public final class Loihi1ProbePlan {

    private Loihi1ProbePlan() {
    }

    /**
     * {@code config} with its spike probes removed and, when {@code every} is present, every
     * other probe recorded every {@code every} steps.
     */
    public static Loihi1Config forRun(Loihi1Config config, OptionalInt every) {
        requireNonNull(config, "config is null");
        requireNonNull(every, "every is null");
        if (every.isPresent() && every.getAsInt() < 1) {
            throw new IllegalArgumentException("probe period must be >= 1 step, got " + every.getAsInt());
        }
        List<Loihi1Probe> kept = new ArrayList<>();
        for (Loihi1Probe p : config.probes()) {
            if (p.variable() == Loihi1ProbeVariable.SPIKES) {
                continue;
            }
            kept.add(every.isPresent() && every.getAsInt() != p.every()
                    ? new Loihi1Probe(p.name(), p.variable(), every.getAsInt(), p.chip(), p.core(), p.compartment())
                    : p);
        }
        Loihi1Modulation modulation = config.modulation();
        if (every.isPresent() && !modulation.probes().isEmpty()) {
            List<Loihi1ModulatorProbe> probes = new ArrayList<>();
            for (Loihi1ModulatorProbe p : modulation.probes()) {
                probes.add(new Loihi1ModulatorProbe(p.name(), p.modulator(), every.getAsInt(), p.population(), p.first(),
                        p.count()));
            }
            modulation = new Loihi1Modulation(modulation.modulators(), modulation.effects(), probes);
        }
        if (kept.equals(config.probes()) && modulation.equals(config.modulation())) {
            return config;
        }
        return new Loihi1Config(config.system(), config.arithmetic(), config.dt(), config.steps(), config.seed(),
                config.chips(), config.spikes(), config.current(), kept, config.origin(), config.learning(), modulation);
    }

    /** Number of spike probes in {@code config} (the ones {@link #forRun} drops). */
    public static int spikeProbes(Loihi1Config config) {
        int n = 0;
        for (Loihi1Probe p : config.probes()) {
            n += p.variable() == Loihi1ProbeVariable.SPIKES ? 1 : 0;
        }
        return n;
    }
}
