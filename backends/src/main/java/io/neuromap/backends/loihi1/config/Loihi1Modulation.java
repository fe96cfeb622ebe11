package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The config's optional {@code modulation} section: a declarative management program for the
 * embedded x86 cores. Loihi 1 keeps no neuromodulator state for neuron parameters; deployments
 * run a SNIP in the management phase between steps that counts spikes and rewrites registers
 * (nengo-loihi's learning SNIP, NxSDK's management SNIPs; specs/loihi1-compartments-reward.md
 * §2.3). This section says what that program does, in integers the emulator reproduces exactly
 * ({@link Loihi1ModulationArithmetic}):
 *
 * <ol>
 *   <li>before step 0, and after every step s once its spikes are known: each modulator's
 *       concentration decays toward its baseline and adds the release of the spikes counted
 *       {@code delay} steps earlier (before step 0 it is the baseline);</li>
 *   <li>then every register an effect targets restarts from its configured value and the effects
 *       act on it in list order; step s + 1 runs with the new registers.</li>
 * </ol>
 *
 * Its {@code probes} record concentrations ({@link Loihi1ModulatorProbe}).
 *
 * <p>An empty program (the default) changes nothing: a config without the section behaves exactly
 * as before the section existed.
 */
public record Loihi1Modulation(List<Loihi1Modulator> modulators, List<Loihi1ModulationEffect> effects,
        List<Loihi1ModulatorProbe> probes) {

    public Loihi1Modulation {
        modulators = List.copyOf(requireNonNull(modulators, "modulators is null"));
        effects = List.copyOf(requireNonNull(effects, "effects is null"));
        probes = List.copyOf(requireNonNull(probes, "probes is null"));
    }

    /** A program without modulator probes. */
    public Loihi1Modulation(List<Loihi1Modulator> modulators, List<Loihi1ModulationEffect> effects) {
        this(modulators, effects, List.of());
    }

    /** No management program. */
    public static Loihi1Modulation none() {
        return new Loihi1Modulation(List.of(), List.of(), List.of());
    }

    /** True when there is no modulator. */
    public boolean isEmpty() {
        return modulators.isEmpty();
    }

    /**
     * Registers the program writes per management (before step 0 and after every step): one per
     * distinct targeted bias, threshold profile or compartment profile, whatever the number of
     * effects on it.
     */
    public long registerWritesPerManagement() {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (Loihi1ModulationEffect e : effects) {
            for (int t = 0; t < e.count(); t++) {
                distinct.add(e.register().target() + " " + e.chip()[t] + " " + e.core()[t] + " " + e.index()[t]
                        + (e.register().target() == Loihi1ModulationRegister.Target.COMPARTMENT_PROFILE
                                ? " " + e.register() : ""));
            }
        }
        return distinct.size();
    }

    /** The index of the modulator named {@code name}, or -1. */
    public int modulatorIndex(String name) {
        for (int m = 0; m < modulators.size(); m++) {
            if (modulators.get(m).name().equals(name)) {
                return m;
            }
        }
        return -1;
    }
}
