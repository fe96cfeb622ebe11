package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1System;
import java.util.List;

/**
 * A Loihi 1 chip configuration: the contract between the compiler, which writes it, and the
 * emulator, which runs it, and which also accepts configs written by hand. It holds everything
 * the chip would be programmed with (per core: singletons, profile tables, compartments, trees,
 * synapse formats, synapse lists, output axon routing), plus what a run needs beyond the chip
 * (the arithmetic profile, dt, step count, seed, stimuli, probes) and the origin table that maps
 * compartments back to the network.
 *
 * <p>A value of this type is not necessarily valid: {@link Loihi1ConfigValidator} says whether it
 * is, and {@link Loihi1ConfigReader} returns only validated configs. The on-disk layout is in
 * {@link Loihi1ConfigDescriptor} and {@code docs/config-loihi1.md}.
 *
 * @param system the system mapped onto (its chip count bounds the chip ids)
 * @param arithmetic whose arithmetic the emulator reproduces
 * @param dt the step length in seconds (for rates and plots; the chip has no notion of time)
 * @param steps the number of steps {@code emulate} runs when not told otherwise
 * @param seed the seed the stimuli were drawn with (recorded for reproducibility)
 * @param chips the used chips, each with a distinct id
 * @param spikes spike stimuli into input axons
 * @param current current stimuli into compartments
 * @param probes what to record
 * @param origin where each compartment comes from
 * @param learning the learning engine's program ({@link Loihi1Learning#none()} when nothing learns)
 * @param modulation the management program between steps (neuromodulation), empty when none
 */
public record Loihi1Config(Loihi1System system, Loihi1Arithmetic arithmetic, double dt, int steps, long seed,
        List<Loihi1ChipConfig> chips, Loihi1SpikeStimuli spikes, Loihi1CurrentStimuli current,
        List<Loihi1Probe> probes, Loihi1Origin origin, Loihi1Learning learning, Loihi1Modulation modulation) {

    /** A config without a management program. */
    public Loihi1Config(Loihi1System system, Loihi1Arithmetic arithmetic, double dt, int steps, long seed,
            List<Loihi1ChipConfig> chips, Loihi1SpikeStimuli spikes, Loihi1CurrentStimuli current,
            List<Loihi1Probe> probes, Loihi1Origin origin, Loihi1Learning learning) {
        this(system, arithmetic, dt, steps, seed, chips, spikes, current, probes, origin, learning,
                Loihi1Modulation.none());
    }

    /** A config in which nothing learns. */
    public Loihi1Config(Loihi1System system, Loihi1Arithmetic arithmetic, double dt, int steps, long seed,
            List<Loihi1ChipConfig> chips, Loihi1SpikeStimuli spikes, Loihi1CurrentStimuli current,
            List<Loihi1Probe> probes, Loihi1Origin origin, Loihi1Modulation modulation) {
        this(system, arithmetic, dt, steps, seed, chips, spikes, current, probes, origin, Loihi1Learning.none(),
                modulation);
    }

    /** This config with {@code modulation} as its management program. */
    public Loihi1Config withModulation(Loihi1Modulation modulation) {
        return new Loihi1Config(system, arithmetic, dt, steps, seed, chips, spikes, current, probes, origin, learning,
                modulation);
    }

    public Loihi1Config {
        requireNonNull(system, "system is null");
        requireNonNull(arithmetic, "arithmetic is null");
        chips = List.copyOf(requireNonNull(chips, "chips is null"));
        requireNonNull(spikes, "spikes is null");
        requireNonNull(current, "current is null");
        probes = List.copyOf(requireNonNull(probes, "probes is null"));
        requireNonNull(origin, "origin is null");
        requireNonNull(learning, "learning is null");
        requireNonNull(modulation, "modulation is null");
    }

    /** A config in which nothing learns (no {@code learning} section). */
    public Loihi1Config(Loihi1System system, Loihi1Arithmetic arithmetic, double dt, int steps, long seed,
            List<Loihi1ChipConfig> chips, Loihi1SpikeStimuli spikes, Loihi1CurrentStimuli current,
            List<Loihi1Probe> probes, Loihi1Origin origin) {
        this(system, arithmetic, dt, steps, seed, chips, spikes, current, probes, origin, Loihi1Learning.none(),
                Loihi1Modulation.none());
    }

    /** This config with {@code learning} as its learning section. */
    public Loihi1Config withLearning(Loihi1Learning learning) {
        return new Loihi1Config(system, arithmetic, dt, steps, seed, chips, spikes, current, probes, origin, learning,
                modulation);
    }

    /** The format name written as {@code "format"}. */
    public String format() {
        return Loihi1ConfigDescriptor.FORMAT;
    }

    /** The format version written as {@code "version"}. */
    public int version() {
        return Loihi1ConfigDescriptor.VERSION;
    }

    /** The chip with id {@code chipId}, or null. */
    public Loihi1ChipConfig chip(int chipId) {
        for (Loihi1ChipConfig chip : chips) {
            if (chip.id() == chipId) {
                return chip;
            }
        }
        return null;
    }

    /** The core {@code coreId} of chip {@code chipId}, or null. */
    public Loihi1CoreConfig core(int chipId, int coreId) {
        Loihi1ChipConfig chip = chip(chipId);
        return chip == null ? null : chip.core(coreId);
    }
}
