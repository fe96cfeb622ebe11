package io.neuromap.backends.loihi1.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the {@code modulation} section of a config ({@link Loihi1Modulation}): every field within
 * the range the management program's arithmetic defines ({@link Loihi1ModulationArithmetic}),
 * every source compartment, target compartment and threshold profile present in the config, host
 * rows in ascending step order, modulator names unique. Each problem is reported at its JSON
 * pointer with the value and the allowed range.
 */
final class Loihi1ModulationValidator {

    private Loihi1ModulationValidator() {
    }

    static void validate(Loihi1Config config, Loihi1CoreIndex index, Loihi1ConfigProblems problems) {
        Loihi1Modulation modulation = config.modulation();
        Set<String> names = new HashSet<>();
        for (int m = 0; m < modulation.modulators().size(); m++) {
            Loihi1Modulator mod = modulation.modulators().get(m);
            String at = Loihi1ModulationJson.modulatorPointer(m);
            if (!names.add(mod.name())) {
                problems.add(at + "/" + Loihi1ModulationJson.K_NAME, "modulator name '" + mod.name()
                        + "' appears twice; probes name modulators, so names must be unique");
            }
            range(problems, at + "/" + Loihi1ModulationJson.K_KEEP, "keep", mod.keep(), 0,
                    Loihi1ModulationArithmetic.KEEP_UNITY);
            range(problems, at + "/" + Loihi1ModulationJson.K_DELAY, "delay", mod.delay(), 0,
                    Loihi1ModulationArithmetic.MAX_DELAY);
            Loihi1ModulatorSource s = mod.source();
            String src = at + "/" + Loihi1ModulationJson.K_SOURCE;
            for (int r = 0; r < s.chip().length; r++) {
                String problem = index.checkTarget(s.chip()[r], s.core()[r], "compartment", s.compartment()[r], false);
                if (problem != null) {
                    problems.add(src + "/" + Loihi1ModulationJson.K_COMPARTMENT + "/" + r, problem);
                }
            }
            for (int r = 0; r < s.hostStep().length; r++) {
                if (s.hostStep()[r] < 0 || (r > 0 && s.hostStep()[r] <= s.hostStep()[r - 1])) {
                    problems.add(src + "/" + Loihi1ModulationJson.K_HOST_STEP + "/" + r, "host step " + s.hostStep()[r]
                            + " must be >= 0 and after the previous row's: one row per step, ascending");
                }
                if (s.hostCount()[r] < 1) {
                    problems.add(src + "/" + Loihi1ModulationJson.K_HOST_COUNT + "/" + r, "host count "
                            + s.hostCount()[r] + " must be >= 1 (leave out steps without spikes)");
                }
            }
        }
        for (int e = 0; e < modulation.effects().size(); e++) {
            effect(config, modulation.effects().get(e), Loihi1ModulationJson.effectPointer(e), index, problems);
        }
        Set<String> probeNames = new HashSet<>();
        for (Loihi1Probe p : config.probes()) {
            probeNames.add(p.name());
        }
        List<Loihi1Population> populations = config.origin().populations();
        for (int i = 0; i < modulation.probes().size(); i++) {
            Loihi1ModulatorProbe p = modulation.probes().get(i);
            String at = Loihi1ModulationJson.probePointer(i);
            if (!probeNames.add(p.name())) {
                problems.add(at + "/" + Loihi1ModulationJson.K_NAME, "probe name '" + p.name() + "' appears twice; "
                        + "output files are named after probes, so names must be unique");
            }
            if (p.modulator() < 0 || p.modulator() >= modulation.modulators().size()) {
                problems.add(at + "/" + Loihi1ModulationJson.K_MODULATOR, "modulator " + p.modulator()
                        + " does not exist: the section lists " + modulation.modulators().size()
                        + " modulators (indices from 0)");
            }
            range(problems, at + "/" + Loihi1ModulationJson.K_EVERY, "every", p.every(), 1, Integer.MAX_VALUE);
            if (p.population() < 0 || p.population() >= populations.size()) {
                problems.add(at + "/" + Loihi1ModulationJson.K_POPULATION, "population " + p.population()
                        + " outside [0, " + (populations.size() - 1) + "]: the origin table lists "
                        + populations.size() + " populations");
            } else {
                int size = populations.get(p.population()).size();
                if (p.first() < 0 || p.count() < 0 || (long) p.first() + p.count() > size) {
                    problems.add(at + "/" + Loihi1ModulationJson.K_COUNT, "neurons " + p.first() + " .. "
                            + ((long) p.first() + p.count() - 1) + " outside population '"
                            + populations.get(p.population()).name() + "' of " + size + " neurons");
                }
            }
        }
    }

    private static void effect(Loihi1Config config, Loihi1ModulationEffect effect, String at, Loihi1CoreIndex index,
            Loihi1ConfigProblems problems) {
        int modulators = config.modulation().modulators().size();
        if (effect.modulator() < 0 || effect.modulator() >= modulators) {
            problems.add(at + "/" + Loihi1ModulationJson.K_MODULATOR, "modulator " + effect.modulator()
                    + " does not exist: the section lists " + modulators + " modulators (indices from 0)");
        }
        range(problems, at + "/" + Loihi1ModulationJson.K_FRAC_BITS, "frac_bits", effect.fracBits(), 0,
                Loihi1ModulationArithmetic.MAX_FRAC_BITS);
        if (effect.register() == Loihi1ModulationRegister.WEIGHT && effect.op() != Loihi1ModulationOp.MULTIPLY) {
            problems.add(at + "/" + Loihi1ModulationJson.K_OP, "a weight effect scales the stored weights: its op must "
                    + "be 'multiply', found '" + effect.op().jsonName() + "'");
        }
        String lut = at + "/" + Loihi1ModulationJson.K_LUT;
        range(problems, lut + "/" + Loihi1ModulationJson.K_SHIFT, "shift", effect.lut().shift(), 0,
                Loihi1ModulationArithmetic.MAX_LUT_SHIFT);
        range(problems, lut + "/" + Loihi1ModulationJson.K_VALUES, "number of table values",
                effect.lut().values().length, 2, Loihi1ModulationArithmetic.MAX_LUT_VALUES);
        String targets = at + "/" + Loihi1ModulationJson.K_TARGETS + "/" + Loihi1ModulationJson.K_INDEX + "/";
        for (int t = 0; t < effect.count(); t++) {
            int chip = effect.chip()[t];
            int core = effect.core()[t];
            int i = effect.index()[t];
            if (effect.register().perCompartment()) {
                String problem = index.checkTarget(chip, core, "compartment", i, false);
                if (problem != null) {
                    problems.add(targets + t, problem);
                }
                continue;
            }
            Loihi1CoreConfig c = config.core(chip, core);
            boolean vth = effect.register().target() == Loihi1ModulationRegister.Target.THRESHOLD_PROFILE;
            String what = vth ? "threshold profile" : "compartment profile";
            int size = c == null ? 0 : vth ? c.thresholdProfiles().size() : c.compartmentProfiles().size();
            if (c == null) {
                problems.add(targets + t, Loihi1CoreIndex.missing(chip, core));
            } else if (i < 0 || i >= size) {
                problems.add(targets + t, what + " " + i + " outside [0, " + (size - 1) + "]: chip " + chip + ", core "
                        + core + " has " + size + " " + what + "s");
            }
        }
    }

    private static void range(Loihi1ConfigProblems problems, String at, String what, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(at, what + " " + value + " outside [" + min + ", " + max + "]");
        }
    }
}
