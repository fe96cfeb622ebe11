package io.neuromap.backends.loihi1.config;

import static io.neuromap.backends.loihi1.config.Loihi1ConfigDescriptor.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.Loihi1System;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Encodes a {@link Loihi1Config} as the {@code config.json} tree (writing its sidecars) and
 * decodes the tree back (reading and checking its sidecars). Every key and table layout comes from
 * {@link Loihi1ConfigDescriptor} and the table descriptors. Decoding assumes the tree has passed
 * the schema, but stays defensive: a problem is reported, never thrown.
 */
final class Loihi1ConfigJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CUSTOM_SYSTEM = "custom";

    private Loihi1ConfigJson() {
    }

    // ------------------------------------------------------------------------------------------
    // Encoding

    static ObjectNode encode(Loihi1Config config, Path dir) throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put(K_FORMAT, FORMAT);
        root.put(K_VERSION, VERSION);
        root.put(K_TARGET, TARGET);
        ObjectNode system = root.putObject(K_SYSTEM);
        system.put(K_NAME, config.system().name());
        system.put(K_CHIPS, config.system().chips());
        root.put(K_ARITHMETIC, config.arithmetic().jsonName());
        root.put(K_DT, config.dt());
        root.put(K_STEPS, config.steps());
        root.put(K_SEED, config.seed());
        ArrayNode chips = root.putArray(K_CHIPS);
        for (Loihi1ChipConfig chip : config.chips()) {
            ObjectNode chipNode = chips.addObject();
            chipNode.put(K_ID, chip.id());
            ArrayNode cores = chipNode.putArray(K_CORES);
            for (Loihi1CoreConfig core : chip.cores()) {
                cores.add(encodeCore(chip.id(), core, dir));
            }
        }
        ObjectNode stimuli = root.putObject(K_STIMULI);
        stimuli.set(K_SPIKES, Loihi1Tables.write(Loihi1SpikeStimulusDescriptor.LAYOUT,
                Loihi1SpikeStimulusDescriptor.source(config.spikes()), dir, stimulusSidecar(K_SPIKES)));
        ObjectNode current = stimuli.putObject(K_CURRENT);
        current.put(K_SCALE, config.current().scale().jsonName());
        current.set(K_TABLE, Loihi1Tables.write(Loihi1CurrentStimulusDescriptor.LAYOUT,
                Loihi1CurrentStimulusDescriptor.source(config.current()), dir, stimulusSidecar(K_CURRENT)));
        ArrayNode probes = root.putArray(K_PROBES);
        for (Loihi1Probe probe : config.probes()) {
            ObjectNode node = probes.addObject();
            node.put(K_NAME, probe.name());
            node.put(K_VARIABLE, probe.variable().jsonName());
            node.put(K_EVERY, probe.every());
            node.set(K_TARGETS, Loihi1Tables.write(Loihi1ProbeTargetDescriptor.LAYOUT,
                    Loihi1ProbeTargetDescriptor.source(probe), dir, probeSidecar(probe.name())));
        }
        Loihi1ModulationJson.encode(config.modulation(), root);
        ObjectNode origin = root.putObject(K_ORIGIN);
        ArrayNode populations = origin.putArray(K_POPULATIONS);
        for (Loihi1Population population : config.origin().populations()) {
            ObjectNode node = populations.addObject();
            node.put(K_NAME, population.name());
            node.put(K_SIZE, population.size());
        }
        ArrayNode names = origin.putArray(K_COMPARTMENT_NAMES);
        config.origin().compartmentNames().forEach(names::add);
        origin.set(K_TABLE, Loihi1Tables.write(Loihi1OriginTableDescriptor.LAYOUT,
                Loihi1OriginTableDescriptor.source(config.origin()), dir, originSidecar()));
        ObjectNode learning = Loihi1LearningJson.encode(config.learning(), config.seed());
        if (learning != null) {
            root.set(Loihi1LearningDescriptor.K_LEARNING, learning);
        }
        return root;
    }

    private static ObjectNode encodeCore(int chipId, Loihi1CoreConfig core, Path dir) throws IOException {
        ObjectNode node = NODES.objectNode();
        node.put(K_ID, core.id());
        node.put(K_COMPARTMENTS, core.compartmentCount());
        node.put(K_INPUT_AXONS, core.inputAxonCount());
        Loihi1CoreSingletons s = core.singletons();
        ObjectNode singletons = node.putObject(K_SINGLETONS);
        singletons.put(K_VMIN_EXP, s.vminExp());
        singletons.put(K_VMAX_EXP, s.vmaxExp());
        singletons.put(K_DS_OFFSET, s.dsOffset());
        singletons.put(K_DM_OFFSET, s.dmOffset());
        singletons.put(K_DELAY_BITS, s.delayBits());
        ArrayNode profiles = node.putArray(K_COMPARTMENT_PROFILES);
        for (Loihi1CompartmentProfile p : core.compartmentProfiles()) {
            ObjectNode profile = profiles.addObject();
            profile.put(K_DECAY_U, p.decayU());
            profile.put(K_DECAY_V, p.decayV());
            profile.put(K_REFRACT_DELAY, p.refractDelay());
            profile.put(K_THRESH_OP, p.threshOp().jsonName());
            profile.put(K_JOIN_OP, p.joinOp().jsonName());
            profile.put(K_STACK_IN, p.stackIn().jsonName());
            profile.put(K_STACK_OUT, p.stackOut().jsonName());
            ArrayNode sources = profile.putArray(K_BAP_SOURCES);
            for (Loihi1BapSource source : Loihi1BapSource.values()) {
                if (p.bapSources().contains(source)) {
                    sources.add(source.jsonName());
                }
            }
            ArrayNode actions = profile.putArray(K_BAP_ACTIONS);
            for (Loihi1BapAction action : Loihi1BapAction.values()) {
                if (p.bapActions().contains(action)) {
                    actions.add(action.jsonName());
                }
            }
        }
        ArrayNode thresholds = node.putArray(K_THRESHOLD_PROFILES);
        for (Loihi1ThresholdProfile t : core.thresholdProfiles()) {
            thresholds.addObject().put(K_VTH_MANT, t.vthMant());
        }
        node.set(K_COMPARTMENT_TABLE, Loihi1Tables.write(Loihi1CompartmentTableDescriptor.LAYOUT,
                Loihi1CompartmentTableDescriptor.source(core.compartments()), dir,
                coreSidecar(chipId, core.id(), Loihi1CompartmentTableDescriptor.LAYOUT.name())));
        node.set(K_TREE_EDGES, Loihi1Tables.write(Loihi1TreeEdgeTableDescriptor.LAYOUT,
                Loihi1TreeEdgeTableDescriptor.source(core.treeEdges()), dir,
                coreSidecar(chipId, core.id(), Loihi1TreeEdgeTableDescriptor.LAYOUT.name())));
        ArrayNode formats = node.putArray(K_SYNAPSE_FORMATS);
        for (Loihi1SynapseFormatEntry entry : core.synapseFormats()) {
            Loihi1SynapseFormat f = entry.format();
            ObjectNode format = formats.addObject();
            format.put(K_ID, entry.id());
            format.put(K_NUM_WEIGHT_BITS, f.realWeightBits());
            format.put(K_SIGN_MODE, signName(entry.signMode()));
            format.put(K_WEIGHT_EXP, f.weightExp());
            format.put(K_NUM_DELAY_BITS, f.delayBits());
            format.put(K_NUM_TAG_BITS, f.tagBits());
            format.put(K_COMPRESSION, f.compression() == Loihi1Limits.COMPRESSION_DENSE ? COMPRESSION_DENSE
                    : COMPRESSION_SPARSE);
            format.put(K_NUM_INDEX_BITS, f.realIndexBits());
            format.put(K_SYNAPSES_PER_CHUNK, f.synapsesPerChunkField() + 1);
        }
        node.set(K_SYNAPSES, Loihi1Tables.write(Loihi1SynapseTableDescriptor.LAYOUT,
                Loihi1SynapseTableDescriptor.source(core.synapses()), dir,
                coreSidecar(chipId, core.id(), Loihi1SynapseTableDescriptor.LAYOUT.name())));
        node.set(K_OUTPUT_AXONS, Loihi1Tables.write(Loihi1OutputAxonTableDescriptor.LAYOUT,
                Loihi1OutputAxonTableDescriptor.source(core.outputAxons()), dir,
                coreSidecar(chipId, core.id(), Loihi1OutputAxonTableDescriptor.LAYOUT.name())));
        if (core.initialState().count() > 0) {
            // Optional: omitted when every compartment starts at reset, so such configs stay byte-identical.
            node.set(K_INITIAL_STATE, Loihi1Tables.write(Loihi1InitialStateTableDescriptor.LAYOUT,
                    Loihi1InitialStateTableDescriptor.source(core.initialState()), dir,
                    coreSidecar(chipId, core.id(), Loihi1InitialStateTableDescriptor.LAYOUT.name())));
        }
        return node;
    }

    /** The spelling of a sign mode in {@code config.json}. */
    static String signName(Loihi1SignMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------
    // Decoding

    /** What phase 1 learns about a core before its tables are read. */
    private static final class CoreHead {
        JsonNode node;
        String at;
        int id;
        int compartments;
        int inputAxons;
        Loihi1CoreSingletons singletons;
        List<Loihi1CompartmentProfile> profiles;
        List<Loihi1ThresholdProfile> thresholds;
        List<Loihi1SynapseFormatEntry> formats;
    }

    /**
     * Decodes a schema-valid tree, streaming and checking its sidecars.
     *
     * @return the config, or null if there were problems (all of them in {@code problems})
     */
    static Loihi1Config decode(JsonNode root, Path dir, Loihi1ConfigProblems problems) {
        Loihi1System system = system(root.path(K_SYSTEM), problems);
        Loihi1Arithmetic arithmetic = enumField(root, K_ARITHMETIC, "/" + K_ARITHMETIC, Loihi1Arithmetic::fromJson,
                Loihi1Arithmetic.NENGO_LOIHI, problems);
        double dt = root.path(K_DT).asDouble();
        int steps = root.path(K_STEPS).asInt();
        JsonNode seedNode = root.path(K_SEED);
        if (!seedNode.canConvertToLong()) {
            problems.add("/" + K_SEED, "seed " + seedNode + " does not fit a 64-bit integer");
        }
        long seed = seedNode.asLong();

        // Phase 1: scalars of every core, so tables can check routing targets on any core.
        Loihi1CoreIndex index = new Loihi1CoreIndex();
        List<List<CoreHead>> heads = new ArrayList<>();
        List<Integer> chipIds = new ArrayList<>();
        JsonNode chips = root.path(K_CHIPS);
        for (int i = 0; i < chips.size(); i++) {
            JsonNode chip = chips.get(i);
            chipIds.add(chip.path(K_ID).asInt());
            List<CoreHead> cores = new ArrayList<>();
            JsonNode coreNodes = chip.path(K_CORES);
            for (int j = 0; j < coreNodes.size(); j++) {
                CoreHead head = head(coreNodes.get(j), corePointer(i, j), problems);
                index.add(chipIds.get(i), head.id, head.compartments, head.inputAxons);
                cores.add(head);
            }
            heads.add(cores);
        }

        // Phase 2: every table, checked while it streams.
        List<Loihi1ChipConfig> chipConfigs = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            List<Loihi1CoreConfig> cores = new ArrayList<>();
            for (CoreHead head : heads.get(i)) {
                Loihi1CoreConfig core = core(head, chipIds.get(i), index, dir, problems);
                if (core != null) {
                    cores.add(core);
                }
            }
            chipConfigs.add(new Loihi1ChipConfig(chipIds.get(i), cores));
        }
        JsonNode stimuli = root.path(K_STIMULI);
        Loihi1SpikeStimuli spikes = stimuli.has(K_SPIKES)
                ? Loihi1Tables.read(stimuli.get(K_SPIKES), spikesPointer(), Loihi1SpikeStimulusDescriptor.LAYOUT, -1,
                        Loihi1SpikeStimulusDescriptor.check(index), Loihi1SpikeStimulusDescriptor::sink, dir, problems)
                : Loihi1SpikeStimuli.none();
        Loihi1CurrentStimuli current = Loihi1CurrentStimuli.none();
        if (stimuli.has(K_CURRENT)) {
            JsonNode node = stimuli.get(K_CURRENT);
            Loihi1CurrentScale scale = enumField(node, K_SCALE, "/" + K_STIMULI + "/" + K_CURRENT + "/" + K_SCALE,
                    Loihi1CurrentScale::fromJson, Loihi1CurrentScale.NENGO_FULL, problems);
            current = Loihi1Tables.read(node.get(K_TABLE), currentPointer(), Loihi1CurrentStimulusDescriptor.LAYOUT,
                    -1, Loihi1CurrentStimulusDescriptor.check(index, scale),
                    rows -> Loihi1CurrentStimulusDescriptor.sink(rows, scale), dir, problems);
        }
        List<Loihi1Probe> probes = probes(root.path(K_PROBES), index, dir, problems);
        Loihi1Origin origin = origin(root.path(K_ORIGIN), index, dir, problems);
        Loihi1Modulation modulation = Loihi1ModulationJson.decode(root, problems);
        Loihi1Learning learning = Loihi1LearningJson.decode(root.get(Loihi1LearningDescriptor.K_LEARNING), seed, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Loihi1Config(system, arithmetic, dt, steps, seed, chipConfigs, spikes, current, probes, origin,
                learning, modulation);
    }

    private static Loihi1System system(JsonNode node, Loihi1ConfigProblems problems) {
        String name = node.path(K_NAME).asText(CUSTOM_SYSTEM);
        int chips = node.path(K_CHIPS).asInt(1);
        Optional<Loihi1System> named = Loihi1System.byName(name);
        if (named.isPresent()) {
            if (named.get().chips() != chips) {
                problems.add("/" + K_SYSTEM + "/" + K_CHIPS, "system '" + name + "' has " + named.get().chips()
                        + " chips, not " + chips);
            }
            return named.get();
        }
        if (!name.equals(CUSTOM_SYSTEM)) {
            StringBuilder known = new StringBuilder();
            for (Loihi1System s : Loihi1System.named()) {
                known.append(s.name()).append(" (").append(s.chips()).append(" chips), ");
            }
            problems.add("/" + K_SYSTEM + "/" + K_NAME, "unknown system '" + name + "'; known: " + known + "or '"
                    + CUSTOM_SYSTEM + "' with any chip count");
        }
        if (!Loihi1System.isValidChipCount(chips)) {
            problems.add("/" + K_SYSTEM + "/" + K_CHIPS, Loihi1RowChecks.range("chips", chips, 1,
                    Loihi1Limits.MAX_CHIPS));
            return Loihi1System.SINGLE_CHIP;
        }
        return new Loihi1System(CUSTOM_SYSTEM, chips, "--chips " + chips);
    }

    private static CoreHead head(JsonNode node, String at, Loihi1ConfigProblems problems) {
        CoreHead head = new CoreHead();
        head.node = node;
        head.at = at;
        head.id = node.path(K_ID).asInt();
        head.compartments = node.path(K_COMPARTMENTS).asInt();
        head.inputAxons = node.path(K_INPUT_AXONS).asInt();
        JsonNode s = node.path(K_SINGLETONS);
        head.singletons = new Loihi1CoreSingletons(s.path(K_VMIN_EXP).asInt(), s.path(K_VMAX_EXP).asInt(),
                s.path(K_DS_OFFSET).asInt(), s.path(K_DM_OFFSET).asInt(), s.path(K_DELAY_BITS).asInt());
        head.profiles = new ArrayList<>();
        JsonNode profiles = node.path(K_COMPARTMENT_PROFILES);
        for (int i = 0; i < profiles.size(); i++) {
            head.profiles.add(profile(profiles.get(i), at + "/" + K_COMPARTMENT_PROFILES + "/" + i, problems));
        }
        head.thresholds = new ArrayList<>();
        for (JsonNode t : node.path(K_THRESHOLD_PROFILES)) {
            head.thresholds.add(new Loihi1ThresholdProfile(t.path(K_VTH_MANT).asInt()));
        }
        head.formats = new ArrayList<>();
        JsonNode formats = node.path(K_SYNAPSE_FORMATS);
        for (int i = 0; i < formats.size(); i++) {
            Loihi1SynapseFormatEntry entry = format(formats.get(i), at + "/" + K_SYNAPSE_FORMATS + "/" + i, problems);
            if (entry != null) {
                head.formats.add(entry);
            }
        }
        return head;
    }

    private static Loihi1CompartmentProfile profile(JsonNode node, String at, Loihi1ConfigProblems problems) {
        Set<Loihi1BapSource> sources = EnumSet.noneOf(Loihi1BapSource.class);
        JsonNode sourceNodes = node.path(K_BAP_SOURCES);
        for (int i = 0; i < sourceNodes.size(); i++) {
            Loihi1BapSource.fromJson(sourceNodes.get(i).asText()).ifPresentOrElse(sources::add,
                    () -> problems.add(at + "/" + K_BAP_SOURCES, "unknown bAP source " + sourceNodes));
        }
        Set<Loihi1BapAction> actions = EnumSet.noneOf(Loihi1BapAction.class);
        JsonNode actionNodes = node.path(K_BAP_ACTIONS);
        for (int i = 0; i < actionNodes.size(); i++) {
            Loihi1BapAction.fromJson(actionNodes.get(i).asText()).ifPresentOrElse(actions::add,
                    () -> problems.add(at + "/" + K_BAP_ACTIONS, "unknown bAP action " + actionNodes));
        }
        return new Loihi1CompartmentProfile(node.path(K_DECAY_U).asInt(), node.path(K_DECAY_V).asInt(),
                node.path(K_REFRACT_DELAY).asInt(),
                enumField(node, K_THRESH_OP, at + "/" + K_THRESH_OP, Loihi1ThresholdOp::fromJson,
                        Loihi1ThresholdOp.SPIKE_AND_RESET, problems),
                enumField(node, K_JOIN_OP, at + "/" + K_JOIN_OP, Loihi1JoinOp::fromJson, Loihi1JoinOp.SKIP, problems),
                enumField(node, K_STACK_IN, at + "/" + K_STACK_IN, Loihi1StackIn::fromJson, Loihi1StackIn.SKIP,
                        problems),
                enumField(node, K_STACK_OUT, at + "/" + K_STACK_OUT, Loihi1StackOut::fromJson, Loihi1StackOut.SKIP,
                        problems),
                sources, actions);
    }

    private static Loihi1SynapseFormatEntry format(JsonNode node, String at, Loihi1ConfigProblems problems) {
        int weightBits = node.path(K_NUM_WEIGHT_BITS).asInt();
        int weightCode = Loihi1SynapseFormatEntry.weightBitsCode(weightBits);
        if (weightCode < 0) {
            problems.add(at + "/" + K_NUM_WEIGHT_BITS, "num_weight_bits " + weightBits + " is not a Loihi 1 weight "
                    + "width (" + Loihi1SynapseFormatEntry.weightBitChoices() + ")");
            return null;
        }
        String signText = node.path(K_SIGN_MODE).asText();
        Loihi1SignMode sign = null;
        for (Loihi1SignMode mode : Loihi1SignMode.values()) {
            if (mode != Loihi1SignMode.NULL && signName(mode).equals(signText)) {
                sign = mode;
            }
        }
        if (sign == null) {
            problems.add(at + "/" + K_SIGN_MODE, "sign_mode '" + signText + "' is not mixed, excitatory or inhibitory");
            return null;
        }
        int indexBits = node.path(K_NUM_INDEX_BITS).asInt(Loihi1Limits.indexBitsOfCode(
                Loihi1Limits.INDEX_BITS_CODE_MAX));
        int indexCode = Loihi1SynapseFormatEntry.indexBitsCode(indexBits);
        if (indexCode < 0) {
            problems.add(at + "/" + K_NUM_INDEX_BITS, "num_index_bits " + indexBits + " is not a Loihi 1 index width ("
                    + Loihi1SynapseFormatEntry.indexBitChoices() + ")");
            return null;
        }
        String compression = node.path(K_COMPRESSION).asText(COMPRESSION_SPARSE);
        int chunk = node.path(K_SYNAPSES_PER_CHUNK).asInt(Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX + 1);
        try {
            return new Loihi1SynapseFormatEntry(node.path(K_ID).asInt(), new Loihi1SynapseFormat(weightCode,
                    node.path(K_NUM_DELAY_BITS).asInt(0), node.path(K_NUM_TAG_BITS).asInt(0), indexCode,
                    compression.equals(COMPRESSION_DENSE) ? Loihi1Limits.COMPRESSION_DENSE
                            : Loihi1Limits.COMPRESSION_SPARSE,
                    chunk - 1, sign.code(), node.path(K_WEIGHT_EXP).asInt()));
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
            return null;
        }
    }

    private static Loihi1CoreConfig core(CoreHead head, int chipId, Loihi1CoreIndex index, Path dir,
            Loihi1ConfigProblems problems) {
        JsonNode node = head.node;
        String at = head.at;
        Loihi1Compartments compartments = Loihi1Tables.read(node.get(K_COMPARTMENT_TABLE),
                at + "/" + K_COMPARTMENT_TABLE, Loihi1CompartmentTableDescriptor.LAYOUT, head.compartments,
                Loihi1CompartmentTableDescriptor.check(head.profiles.size(), head.thresholds.size()),
                Loihi1CompartmentTableDescriptor::sink, dir, problems);
        Loihi1TreeEdges edges = node.has(K_TREE_EDGES)
                ? Loihi1Tables.read(node.get(K_TREE_EDGES), at + "/" + K_TREE_EDGES,
                        Loihi1TreeEdgeTableDescriptor.LAYOUT, -1,
                        Loihi1TreeEdgeTableDescriptor.check(head.compartments), Loihi1TreeEdgeTableDescriptor::sink,
                        dir, problems)
                : Loihi1TreeEdges.none();
        Loihi1Synapses synapses = node.has(K_SYNAPSES)
                ? Loihi1Tables.read(node.get(K_SYNAPSES), at + "/" + K_SYNAPSES, Loihi1SynapseTableDescriptor.LAYOUT,
                        -1, Loihi1SynapseTableDescriptor.check(head.inputAxons, head.compartments, head.formats,
                                maxDelay(head.singletons), head.singletons.delayBits()),
                        rows -> Loihi1SynapseTableDescriptor.sink(rows, Math.max(head.inputAxons, 0)), dir, problems)
                : Loihi1Synapses.empty(Math.max(head.inputAxons, 0));
        Loihi1OutputAxons outputs = node.has(K_OUTPUT_AXONS)
                ? Loihi1Tables.read(node.get(K_OUTPUT_AXONS), at + "/" + K_OUTPUT_AXONS,
                        Loihi1OutputAxonTableDescriptor.LAYOUT, -1,
                        Loihi1OutputAxonTableDescriptor.check(head.compartments, index),
                        Loihi1OutputAxonTableDescriptor::sink, dir, problems)
                : Loihi1OutputAxons.none();
        Loihi1InitialState initial = node.has(K_INITIAL_STATE)
                ? Loihi1Tables.read(node.get(K_INITIAL_STATE), at + "/" + K_INITIAL_STATE,
                        Loihi1InitialStateTableDescriptor.LAYOUT, -1,
                        Loihi1InitialStateTableDescriptor.check(head.compartments, head.singletons),
                        Loihi1InitialStateTableDescriptor::sink, dir, problems)
                : Loihi1InitialState.none();
        if (compartments == null || edges == null || synapses == null || outputs == null || initial == null) {
            return null;
        }
        return new Loihi1CoreConfig(head.id, head.singletons, head.profiles, head.thresholds, compartments, edges,
                head.formats, synapses, outputs, initial);
    }

    private static int maxDelay(Loihi1CoreSingletons singletons) {
        int bits = singletons.delayBits();
        return bits < Loihi1Limits.DELAY_BITS_MIN || bits > Loihi1Limits.DELAY_BITS_MAX ? -1
                : singletons.maxDelayField();
    }

    private static List<Loihi1Probe> probes(JsonNode nodes, Loihi1CoreIndex index, Path dir,
            Loihi1ConfigProblems problems) {
        List<Loihi1Probe> probes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String at = probePointer(i);
            Loihi1ProbeVariable variable = enumField(node, K_VARIABLE, at + "/" + K_VARIABLE,
                    Loihi1ProbeVariable::fromJson, Loihi1ProbeVariable.SPIKES, problems);
            int[][] targets = Loihi1Tables.read(node.get(K_TARGETS), at + "/" + K_TARGETS,
                    Loihi1ProbeTargetDescriptor.LAYOUT, -1, Loihi1ProbeTargetDescriptor.check(index),
                    Loihi1ProbeTargetDescriptor::sink, dir, problems);
            if (targets != null) {
                probes.add(new Loihi1Probe(node.path(K_NAME).asText(), variable, node.path(K_EVERY).asInt(1),
                        targets[Loihi1ProbeTargetDescriptor.CHIP], targets[Loihi1ProbeTargetDescriptor.CORE],
                        targets[Loihi1ProbeTargetDescriptor.COMPARTMENT]));
            }
        }
        return probes;
    }

    private static Loihi1Origin origin(JsonNode node, Loihi1CoreIndex index, Path dir, Loihi1ConfigProblems problems) {
        List<Loihi1Population> populations = new ArrayList<>();
        for (JsonNode p : node.path(K_POPULATIONS)) {
            populations.add(new Loihi1Population(p.path(K_NAME).asText(), p.path(K_SIZE).asInt()));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : node.path(K_COMPARTMENT_NAMES)) {
            names.add(name.asText());
        }
        return Loihi1Tables.read(node.get(K_TABLE), originPointer(), Loihi1OriginTableDescriptor.LAYOUT, -1,
                Loihi1OriginTableDescriptor.check(index, populations, names.size()),
                rows -> Loihi1OriginTableDescriptor.sink(rows, populations, names), dir, problems);
    }

    private static <E> E enumField(JsonNode node, String key, String at, Function<String, Optional<E>> parse, E dflt,
            Loihi1ConfigProblems problems) {
        if (!node.has(key)) {
            return dflt;
        }
        String text = node.get(key).asText();
        Optional<E> value = parse.apply(text);
        if (value.isEmpty()) {
            problems.add(at, "unknown value '" + text + "'");
            return dflt;
        }
        return value.get();
    }
}
