package io.neuromap.backends.loihi1.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Encodes and decodes the optional {@code modulation} section of {@code config.json}
 * ({@link Loihi1Modulation}; layout in docs/config-loihi1.md, "Modulation"). Its arrays are short
 * (targets of effects, source compartments, host spike counts) and written inline, so the section
 * is easy to write by hand. Decoding assumes the schema passed and reports, never throws.
 */
final class Loihi1ModulationJson {
    static final String K_MODULATION = "modulation";
    static final String K_MODULATORS = "modulators";
    static final String K_EFFECTS = "effects";
    static final String K_NAME = "name";
    static final String K_BASELINE = "baseline";
    static final String K_KEEP = "keep";
    static final String K_RELEASE = "release";
    static final String K_DELAY = "delay";
    static final String K_SOURCE = "source";
    static final String K_CHIP = "chip";
    static final String K_CORE = "core";
    static final String K_COMPARTMENT = "compartment";
    static final String K_HOST_STEP = "host_step";
    static final String K_HOST_COUNT = "host_count";
    static final String K_MODULATOR = "modulator";
    static final String K_REGISTER = "register";
    static final String K_OP = "op";
    static final String K_FRAC_BITS = "frac_bits";
    static final String K_LUT = "lut";
    static final String K_ORIGIN = "origin";
    static final String K_SHIFT = "shift";
    static final String K_VALUES = "values";
    static final String K_TARGETS = "targets";
    static final String K_INDEX = "index";
    static final String K_SCALE = "scale";
    static final String K_PROBES = "probes";
    static final String K_EVERY = "every";
    static final String K_POPULATION = "population";
    static final String K_FIRST = "first";
    static final String K_COUNT = "count";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Loihi1ModulationJson() {
    }

    /** The JSON pointer of modulator {@code m}. */
    static String modulatorPointer(int m) {
        return "/" + K_MODULATION + "/" + K_MODULATORS + "/" + m;
    }

    /** The JSON pointer of effect {@code e}. */
    static String effectPointer(int e) {
        return "/" + K_MODULATION + "/" + K_EFFECTS + "/" + e;
    }

    /** The JSON pointer of modulator probe {@code p}. */
    static String probePointer(int p) {
        return "/" + K_MODULATION + "/" + K_PROBES + "/" + p;
    }

    /** Adds the section to {@code root} unless the program is empty. */
    static void encode(Loihi1Modulation modulation, ObjectNode root) {
        if (modulation.isEmpty() && modulation.effects().isEmpty() && modulation.probes().isEmpty()) {
            return;
        }
        ObjectNode node = root.putObject(K_MODULATION);
        ArrayNode modulators = node.putArray(K_MODULATORS);
        for (Loihi1Modulator m : modulation.modulators()) {
            ObjectNode o = modulators.addObject();
            o.put(K_NAME, m.name());
            o.put(K_BASELINE, m.baseline());
            o.put(K_KEEP, m.keep());
            o.put(K_RELEASE, m.release());
            o.put(K_DELAY, m.delay());
            ObjectNode source = o.putObject(K_SOURCE);
            ints(source, K_CHIP, m.source().chip());
            ints(source, K_CORE, m.source().core());
            ints(source, K_COMPARTMENT, m.source().compartment());
            ints(source, K_HOST_STEP, m.source().hostStep());
            ints(source, K_HOST_COUNT, m.source().hostCount());
        }
        ArrayNode effects = node.putArray(K_EFFECTS);
        for (Loihi1ModulationEffect e : modulation.effects()) {
            ObjectNode o = effects.addObject();
            o.put(K_NAME, e.name());
            o.put(K_MODULATOR, e.modulator());
            o.put(K_REGISTER, e.register().jsonName());
            o.put(K_OP, e.op().jsonName());
            o.put(K_FRAC_BITS, e.fracBits());
            ObjectNode lut = o.putObject(K_LUT);
            lut.put(K_ORIGIN, e.lut().origin());
            lut.put(K_SHIFT, e.lut().shift());
            ints(lut, K_VALUES, e.lut().values());
            ObjectNode targets = o.putObject(K_TARGETS);
            ints(targets, K_CHIP, e.chip());
            ints(targets, K_CORE, e.core());
            ints(targets, K_INDEX, e.index());
            ints(targets, K_SCALE, e.scale());
        }
        if (!modulation.probes().isEmpty()) {
            ArrayNode probes = node.putArray(K_PROBES);
            for (Loihi1ModulatorProbe p : modulation.probes()) {
                ObjectNode o = probes.addObject();
                o.put(K_NAME, p.name());
                o.put(K_MODULATOR, p.modulator());
                o.put(K_EVERY, p.every());
                o.put(K_POPULATION, p.population());
                o.put(K_FIRST, p.first());
                o.put(K_COUNT, p.count());
            }
        }
    }

    /** The section of {@code root}, or the empty program when it has none. */
    static Loihi1Modulation decode(JsonNode root, Loihi1ConfigProblems problems) {
        JsonNode node = root.get(K_MODULATION);
        if (node == null) {
            return Loihi1Modulation.none();
        }
        List<Loihi1Modulator> modulators = new ArrayList<>();
        JsonNode mods = node.path(K_MODULATORS);
        for (int i = 0; i < mods.size(); i++) {
            JsonNode m = mods.get(i);
            String at = modulatorPointer(i) + "/" + K_SOURCE;
            JsonNode s = m.path(K_SOURCE);
            int[] chip = ints(s, K_CHIP);
            int[] core = ints(s, K_CORE);
            int[] compartment = ints(s, K_COMPARTMENT);
            int[] hostStep = ints(s, K_HOST_STEP);
            int[] hostCount = ints(s, K_HOST_COUNT);
            if (!sameLength(at, chip.length, problems, K_CORE, core.length, K_COMPARTMENT, compartment.length)
                    || !sameLength(at, hostStep.length, problems, K_HOST_COUNT, hostCount.length)) {
                continue;
            }
            modulators.add(new Loihi1Modulator(m.path(K_NAME).asText(), m.path(K_BASELINE).asInt(),
                    m.path(K_KEEP).asInt(), m.path(K_RELEASE).asInt(), m.path(K_DELAY).asInt(),
                    new Loihi1ModulatorSource(chip, core, compartment, hostStep, hostCount)));
        }
        List<Loihi1ModulationEffect> effects = new ArrayList<>();
        JsonNode effs = node.path(K_EFFECTS);
        for (int i = 0; i < effs.size(); i++) {
            JsonNode e = effs.get(i);
            String at = effectPointer(i);
            Loihi1ModulationRegister register = field(e, K_REGISTER, at, Loihi1ModulationRegister::fromJson, problems);
            Loihi1ModulationOp op = field(e, K_OP, at, Loihi1ModulationOp::fromJson, problems);
            JsonNode t = e.path(K_TARGETS);
            int[] chip = ints(t, K_CHIP);
            int[] core = ints(t, K_CORE);
            int[] index = ints(t, K_INDEX);
            int[] scale = ints(t, K_SCALE);
            if (register == null || op == null || !sameLength(at + "/" + K_TARGETS, chip.length, problems, K_CORE,
                    core.length, K_INDEX, index.length, K_SCALE, scale.length)) {
                continue;
            }
            JsonNode lut = e.path(K_LUT);
            effects.add(new Loihi1ModulationEffect(e.path(K_NAME).asText(), e.path(K_MODULATOR).asInt(), register, op,
                    e.path(K_FRAC_BITS).asInt(), new Loihi1ModulationLut(lut.path(K_ORIGIN).asInt(),
                            lut.path(K_SHIFT).asInt(), ints(lut, K_VALUES)), chip, core, index, scale));
        }
        List<Loihi1ModulatorProbe> probes = new ArrayList<>();
        for (JsonNode p : node.path(K_PROBES)) {
            probes.add(new Loihi1ModulatorProbe(p.path(K_NAME).asText(), p.path(K_MODULATOR).asInt(),
                    p.path(K_EVERY).asInt(1), p.path(K_POPULATION).asInt(), p.path(K_FIRST).asInt(),
                    p.path(K_COUNT).asInt()));
        }
        return new Loihi1Modulation(modulators, effects, probes);
    }

    private static boolean sameLength(String at, int first, Loihi1ConfigProblems problems, Object... others) {
        boolean ok = true;
        for (int k = 0; k < others.length; k += 2) {
            int n = (Integer) others[k + 1];
            if (n != first) {
                problems.add(at + "/" + others[k], "has " + n + " values, but the first array of this object has "
                        + first + ": every array here has one value per row");
                ok = false;
            }
        }
        return ok;
    }

    private static <E> E field(JsonNode node, String key, String at, Function<String, Optional<E>> parse,
            Loihi1ConfigProblems problems) {
        String text = node.path(key).asText();
        Optional<E> value = parse.apply(text);
        if (value.isEmpty()) {
            problems.add(at + "/" + key, "unknown value '" + text + "'");
            return null;
        }
        return value.get();
    }

    private static void ints(ObjectNode node, String key, int[] values) {
        ArrayNode a = node.putArray(key);
        for (int v : values) {
            a.add(v);
        }
    }

    private static int[] ints(JsonNode node, String key) {
        JsonNode a = node.path(key);
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }
}
