package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says whether a {@link Loihi1Config} is well formed: every field within its register's range
 * ({@link Loihi1Limits}), every index within the table it indexes, every routing target, stimulus,
 * probe and origin row naming a compartment or axon that exists, every dendritic tree realised
 * exactly by the profiles' stack operations, and every compartment named once in the origin table.
 * It reports all problems, each at its JSON pointer, so a hand-written config is fixed in one
 * round.
 *
 * <p>It does not decide whether a config fits the chip's capacities that depend on the whole core
 * (synaptic memory, compartments allowed by the longest delay): those are the target's design
 * rules, which {@code emulate} also runs.
 */
public final class Loihi1ConfigValidator {

    private Loihi1ConfigValidator() {
    }

    /**
     * Every problem of {@code config}, attributed to {@link Loihi1ConfigDescriptor#CONFIG_FILE}.
     *
     * @return the problems; empty when the config is valid
     */
    public static List<Loihi1ConfigProblem> validate(Loihi1Config config) {
        Loihi1ConfigProblems problems = new Loihi1ConfigProblems(Loihi1ConfigDescriptor.CONFIG_FILE);
        validate(config, problems, true);
        return problems.list();
    }

    /**
     * @param checkRows whether to run the row checks of every table (false when the reader has
     *     already run them while streaming)
     */
    static void validate(Loihi1Config config, Loihi1ConfigProblems problems, boolean checkRows) {
        requireNonNull(config, "config is null");
        if (!(config.dt() > 0) || Double.isInfinite(config.dt())) {
            problems.add("/" + Loihi1ConfigDescriptor.K_DT, "dt " + config.dt() + " must be a positive number of seconds");
        }
        if (config.steps() < 0) {
            problems.add("/" + Loihi1ConfigDescriptor.K_STEPS, "steps " + config.steps() + " must be >= 0");
        }
        Loihi1CoreIndex index = chips(config, problems);
        List<Loihi1ChipConfig> chips = config.chips();
        for (int i = 0; i < chips.size(); i++) {
            List<Loihi1CoreConfig> cores = chips.get(i).cores();
            for (int j = 0; j < cores.size(); j++) {
                core(cores.get(j), Loihi1ConfigDescriptor.corePointer(i, j), index, problems, checkRows);
            }
        }
        if (checkRows) {
            Loihi1Tables.check(Loihi1ConfigDescriptor.spikesPointer(),
                    Loihi1SpikeStimulusDescriptor.source(config.spikes()),
                    Loihi1SpikeStimulusDescriptor.check(index), problems);
            Loihi1Tables.check(Loihi1ConfigDescriptor.currentPointer(),
                    Loihi1CurrentStimulusDescriptor.source(config.current()),
                    Loihi1CurrentStimulusDescriptor.check(index, config.current().scale()), problems);
        }
        probes(config.probes(), index, problems, checkRows);
        origin(config, index, problems, checkRows);
        Loihi1ModulationValidator.validate(config, index, problems);
        Loihi1LearningChecks.check(config, problems);
        if (problems.isEmpty()) {
            // Needs every core, compartment index and origin row to be valid first.
            coverage(config, problems);
        }
    }

    private static Loihi1CoreIndex chips(Loihi1Config config, Loihi1ConfigProblems problems) {
        Loihi1CoreIndex index = new Loihi1CoreIndex();
        Set<Integer> chipIds = new HashSet<>();
        List<Loihi1ChipConfig> chips = config.chips();
        for (int i = 0; i < chips.size(); i++) {
            Loihi1ChipConfig chip = chips.get(i);
            String at = Loihi1ConfigDescriptor.chipPointer(i) + "/" + Loihi1ConfigDescriptor.K_ID;
            if (chip.id() < 0 || chip.id() >= config.system().chips()) {
                problems.add(at, "chip id " + chip.id() + " outside [0, " + (config.system().chips() - 1)
                        + "]: the system '" + config.system().name() + "' has " + config.system().chips() + " chips");
            }
            if (!chipIds.add(chip.id())) {
                problems.add(at, "chip id " + chip.id() + " appears twice");
            }
            for (int j = 0; j < chip.cores().size(); j++) {
                Loihi1CoreConfig core = chip.cores().get(j);
                String coreAt = Loihi1ConfigDescriptor.corePointer(i, j) + "/" + Loihi1ConfigDescriptor.K_ID;
                if (core.id() < 0 || core.id() >= Loihi1Limits.CORES_PER_CHIP) {
                    problems.add(coreAt, Loihi1RowChecks.range("core id", core.id(), 0,
                            Loihi1Limits.CORES_PER_CHIP - 1L) + " (a chip has " + Loihi1Limits.CORES_PER_CHIP
                            + " cores)");
                }
                if (!index.add(chip.id(), core.id(), core.compartmentCount(), core.inputAxonCount())) {
                    problems.add(coreAt, "chip " + chip.id() + ", core " + core.id() + " appears twice");
                }
            }
        }
        return index;
    }

    private static void core(Loihi1CoreConfig core, String at, Loihi1CoreIndex index, Loihi1ConfigProblems problems,
            boolean checkRows) {
        int before = problems.size();
        range(problems, at + "/" + Loihi1ConfigDescriptor.K_COMPARTMENTS, "compartments", core.compartmentCount(), 1,
                Loihi1Limits.COMPARTMENTS_PER_CORE);
        range(problems, at + "/" + Loihi1ConfigDescriptor.K_INPUT_AXONS, "input_axons", core.inputAxonCount(), 0,
                Loihi1Limits.INPUT_AXONS_PER_CORE);
        if (core.outputAxons().count() > Loihi1Limits.OUTPUT_AXONS_PER_CORE) {
            problems.add(at + "/" + Loihi1ConfigDescriptor.K_OUTPUT_AXONS, core.outputAxons().count()
                    + " output axons, but a core has " + Loihi1Limits.OUTPUT_AXONS_PER_CORE);
        }
        singletons(core.singletons(), at + "/" + Loihi1ConfigDescriptor.K_SINGLETONS, problems);
        profiles(core.compartmentProfiles(), at + "/" + Loihi1ConfigDescriptor.K_COMPARTMENT_PROFILES, problems);
        thresholds(core.thresholdProfiles(), at + "/" + Loihi1ConfigDescriptor.K_THRESHOLD_PROFILES, problems);
        formats(core.synapseFormats(), at + "/" + Loihi1ConfigDescriptor.K_SYNAPSE_FORMATS, problems);
        if (checkRows) {
            Loihi1Tables.check(at + "/" + Loihi1ConfigDescriptor.K_COMPARTMENT_TABLE,
                    Loihi1CompartmentTableDescriptor.source(core.compartments()),
                    Loihi1CompartmentTableDescriptor.check(core.compartmentProfiles().size(),
                            core.thresholdProfiles().size()), problems);
            Loihi1Tables.check(at + "/" + Loihi1ConfigDescriptor.K_TREE_EDGES,
                    Loihi1TreeEdgeTableDescriptor.source(core.treeEdges()),
                    Loihi1TreeEdgeTableDescriptor.check(core.compartmentCount()), problems);
            Loihi1Tables.check(at + "/" + Loihi1ConfigDescriptor.K_SYNAPSES,
                    Loihi1SynapseTableDescriptor.source(core.synapses()),
                    Loihi1SynapseTableDescriptor.check(core.inputAxonCount(), core.compartmentCount(),
                            core.synapseFormats(), core.singletons().maxDelayField(), core.singletons().delayBits()),
                    problems);
            Loihi1Tables.check(at + "/" + Loihi1ConfigDescriptor.K_OUTPUT_AXONS,
                    Loihi1OutputAxonTableDescriptor.source(core.outputAxons()),
                    Loihi1OutputAxonTableDescriptor.check(core.compartmentCount(), index), problems);
            Loihi1Tables.check(at + "/" + Loihi1ConfigDescriptor.K_INITIAL_STATE,
                    Loihi1InitialStateTableDescriptor.source(core.initialState()),
                    Loihi1InitialStateTableDescriptor.check(core.compartmentCount(), core.singletons()), problems);
        }
        if (problems.size() == before) {
            Loihi1TreeCheck.check(core, at, problems);
        }
    }

    private static void singletons(Loihi1CoreSingletons s, String at, Loihi1ConfigProblems problems) {
        range(problems, at + "/" + Loihi1ConfigDescriptor.K_VMIN_EXP, "vmin_exp", s.vminExp(),
                Loihi1Limits.VMIN_EXP_MIN, Loihi1Limits.VMIN_EXP_MAX);
        range(problems, at + "/" + Loihi1ConfigDescriptor.K_VMAX_EXP, "vmax_exp", s.vmaxExp(),
                Loihi1Limits.VMAX_EXP_MIN, Loihi1Limits.VMAX_EXP_MAX);
        bit(problems, at + "/" + Loihi1ConfigDescriptor.K_DS_OFFSET, "ds_offset", s.dsOffset());
        bit(problems, at + "/" + Loihi1ConfigDescriptor.K_DM_OFFSET, "dm_offset", s.dmOffset());
        range(problems, at + "/" + Loihi1ConfigDescriptor.K_DELAY_BITS, "delay_bits", s.delayBits(),
                Loihi1Limits.DELAY_BITS_MIN, Loihi1Limits.DELAY_BITS_MAX);
    }

    private static void profiles(List<Loihi1CompartmentProfile> profiles, String at, Loihi1ConfigProblems problems) {
        tableSize(problems, at, "compartment profiles", profiles.size(), Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE);
        for (int i = 0; i < profiles.size(); i++) {
            Loihi1CompartmentProfile p = profiles.get(i);
            String pat = at + "/" + i + "/";
            range(problems, pat + Loihi1ConfigDescriptor.K_DECAY_U, "decay_u", p.decayU(), 0, Loihi1Limits.DECAY_MAX);
            range(problems, pat + Loihi1ConfigDescriptor.K_DECAY_V, "decay_v", p.decayV(), 0, Loihi1Limits.DECAY_MAX);
            range(problems, pat + Loihi1ConfigDescriptor.K_REFRACT_DELAY, "refract_delay", p.refractDelay(),
                    Loihi1Limits.REFRACTORY_DELAY_MIN, Loihi1Limits.REFRACTORY_DELAY_MAX);
        }
    }

    private static void thresholds(List<Loihi1ThresholdProfile> profiles, String at, Loihi1ConfigProblems problems) {
        tableSize(problems, at, "threshold profiles", profiles.size(), Loihi1Limits.THRESHOLD_PROFILES_PER_CORE);
        for (int i = 0; i < profiles.size(); i++) {
            int vth = profiles.get(i).vthMant();
            if (vth <= 0 || vth > Loihi1Limits.VTH_MANTISSA_MAX) {
                problems.add(at + "/" + i + "/" + Loihi1ConfigDescriptor.K_VTH_MANT, "vth_mant " + vth
                        + " outside [1, " + Loihi1Limits.VTH_MANTISSA_MAX + "] (the threshold must be positive)");
            }
        }
    }

    private static void formats(List<Loihi1SynapseFormatEntry> formats, String at, Loihi1ConfigProblems problems) {
        if (formats.size() > Loihi1Limits.SYNAPSE_FORMATS_PER_CORE) {
            problems.add(at, formats.size() + " synapse formats, but a core has " + Loihi1Limits.SYNAPSE_FORMATS_PER_CORE
                    + " (16 entries, entry 0 illegal)");
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < formats.size(); i++) {
            int id = formats.get(i).id();
            String idAt = at + "/" + i + "/" + Loihi1ConfigDescriptor.K_ID;
            if (id < 1 || id >= Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE) {
                problems.add(idAt, Loihi1RowChecks.range("synapse format id", id, 1,
                        Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE - 1L) + " (entry 0 is illegal)");
            } else if (!ids.add(id)) {
                problems.add(idAt, "synapse format id " + id + " appears twice");
            }
        }
    }

    private static void probes(List<Loihi1Probe> probes, Loihi1CoreIndex index, Loihi1ConfigProblems problems,
            boolean checkRows) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < probes.size(); i++) {
            Loihi1Probe probe = probes.get(i);
            String at = Loihi1ConfigDescriptor.probePointer(i);
            if (!probe.name().matches(Loihi1ConfigDescriptor.PROBE_NAME_PATTERN)) {
                problems.add(at + "/" + Loihi1ConfigDescriptor.K_NAME, "probe name '" + probe.name()
                        + "' may contain only letters, digits, '_', '.' and '-' (it names output files)");
            } else if (!names.add(probe.name())) {
                problems.add(at + "/" + Loihi1ConfigDescriptor.K_NAME, "probe name '" + probe.name() + "' appears twice");
            }
            if (probe.every() < 1) {
                problems.add(at + "/" + Loihi1ConfigDescriptor.K_EVERY, "every " + probe.every() + " must be >= 1");
            }
            if (checkRows) {
                Loihi1Tables.check(at + "/" + Loihi1ConfigDescriptor.K_TARGETS,
                        Loihi1ProbeTargetDescriptor.source(probe), Loihi1ProbeTargetDescriptor.check(index), problems);
            }
        }
    }

    private static void origin(Loihi1Config config, Loihi1CoreIndex index, Loihi1ConfigProblems problems,
            boolean checkRows) {
        Loihi1Origin origin = config.origin();
        String at = "/" + Loihi1ConfigDescriptor.K_ORIGIN;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < origin.populations().size(); i++) {
            Loihi1Population population = origin.populations().get(i);
            String pat = at + "/" + Loihi1ConfigDescriptor.K_POPULATIONS + "/" + i;
            if (population.name().isEmpty() || !seen.add(population.name())) {
                problems.add(pat + "/" + Loihi1ConfigDescriptor.K_NAME, population.name().isEmpty()
                        ? "population name is empty" : "population '" + population.name() + "' appears twice");
            }
            if (population.size() < 0) {
                problems.add(pat + "/" + Loihi1ConfigDescriptor.K_SIZE, "size " + population.size() + " must be >= 0");
            }
        }
        seen.clear();
        for (int i = 0; i < origin.compartmentNames().size(); i++) {
            String name = origin.compartmentNames().get(i);
            if (name.isEmpty() || !seen.add(name)) {
                problems.add(at + "/" + Loihi1ConfigDescriptor.K_COMPARTMENT_NAMES + "/" + i, name.isEmpty()
                        ? "compartment name is empty" : "compartment name '" + name + "' appears twice");
            }
        }
        if (checkRows) {
            Loihi1Tables.check(Loihi1ConfigDescriptor.originPointer(), Loihi1OriginTableDescriptor.source(origin),
                    Loihi1OriginTableDescriptor.check(index, origin.populations(), origin.compartmentNames().size()),
                    problems);
        }
    }

    /** Every compartment of every core exactly once; no (population, neuron, name) twice. */
    private static void coverage(Loihi1Config config, Loihi1ConfigProblems problems) {
        Loihi1Origin origin = config.origin();
        String at = Loihi1ConfigDescriptor.originPointer();
        Map<Long, Integer> offsets = new HashMap<>();
        long total = 0;
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig core : chip.cores()) {
                offsets.put(((long) chip.id() << Integer.SIZE) | core.id(), (int) total);
                total += core.compartmentCount();
            }
        }
        boolean[] covered = new boolean[(int) total];
        int reported = 0;
        for (int r = 0; r < origin.count(); r++) {
            int offset = offsets.get(((long) origin.chip()[r] << Integer.SIZE) | origin.core()[r]);
            int slot = offset + origin.compartment()[r];
            if (covered[slot] && reported++ < Loihi1ConfigDescriptor.MAX_ROW_PROBLEMS_PER_TABLE) {
                problems.add(at, "row " + r + ": chip " + origin.chip()[r] + ", core " + origin.core()[r]
                        + ", compartment " + origin.compartment()[r] + " already has an origin row");
            }
            covered[slot] = true;
        }
        int missing = 0;
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig core : chip.cores()) {
                int offset = offsets.get(((long) chip.id() << Integer.SIZE) | core.id());
                for (int c = 0; c < core.compartmentCount(); c++) {
                    if (!covered[offset + c] && missing++ < Loihi1ConfigDescriptor.MAX_ROW_PROBLEMS_PER_TABLE) {
                        problems.add(at, "chip " + chip.id() + ", core " + core.id() + ", compartment " + c
                                + " has no origin row (every compartment needs one)");
                    }
                }
            }
        }
        if (missing > Loihi1ConfigDescriptor.MAX_ROW_PROBLEMS_PER_TABLE) {
            problems.add(at, "and " + (missing - Loihi1ConfigDescriptor.MAX_ROW_PROBLEMS_PER_TABLE)
                    + " more compartments without an origin row");
        }
        duplicateNeurons(origin, problems);
    }

    private static void duplicateNeurons(Loihi1Origin origin, Loihi1ConfigProblems problems) {
        int names = Math.max(1, origin.compartmentNames().size());
        long[] base = new long[origin.populations().size()];
        long next = 0;
        for (int p = 0; p < base.length; p++) {
            base[p] = next;
            next += origin.populations().get(p).size();
        }
        long[] keys = new long[origin.count()];
        for (int r = 0; r < keys.length; r++) {
            keys[r] = (base[origin.population()[r]] + origin.neuron()[r]) * names + origin.compartmentName()[r];
        }
        Arrays.sort(keys);
        int reported = 0;
        for (int r = 1; r < keys.length; r++) {
            if (keys[r] == keys[r - 1] && (r < 2 || keys[r - 2] != keys[r])
                    && reported++ < Loihi1ConfigDescriptor.MAX_ROW_PROBLEMS_PER_TABLE) {
                long neuronKey = keys[r] / names;
                int population = 0;
                while (population + 1 < base.length && base[population + 1] <= neuronKey) {
                    population++;
                }
                problems.add(Loihi1ConfigDescriptor.originPointer(), "population '"
                        + origin.populations().get(population).name() + "', neuron " + (neuronKey - base[population])
                        + ", compartment '" + nameOf(origin, (int) (keys[r] % names))
                        + "' is the origin of more than one compartment");
            }
        }
    }

    private static String nameOf(Loihi1Origin origin, int index) {
        return origin.compartmentNames().isEmpty() ? "" : origin.compartmentNames().get(index);
    }

    private static void tableSize(Loihi1ConfigProblems problems, String at, String what, int size, int max) {
        if (size < 1 || size > max) {
            problems.add(at, size + " " + what + ", but a core has 1 to " + max);
        }
    }

    private static void range(Loihi1ConfigProblems problems, String at, String name, long value, long min, long max) {
        String problem = Loihi1RowChecks.range(name, value, min, max);
        if (problem != null) {
            problems.add(at, problem);
        }
    }

    private static void bit(Loihi1ConfigProblems problems, String at, String name, int value) {
        if (value != 0 && value != 1) {
            problems.add(at, name + " " + value + " must be 0 or 1 (a 1-bit register)");
        }
    }
}
