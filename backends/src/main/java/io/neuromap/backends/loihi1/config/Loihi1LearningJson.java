package io.neuromap.backends.loihi1.config;

import static io.neuromap.backends.loihi1.config.Loihi1LearningDescriptor.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the {@code learning} section ({@link Loihi1LearningDescriptor}). The section
 * is small (tens of rules and cores), so it is inline JSON, never a sidecar. Decoding trusts the
 * schema for types and ranges; cross-references are {@link Loihi1LearningChecks}'.
 */
final class Loihi1LearningJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Loihi1LearningJson() {
    }

    /** The section of {@code learning}, or null when nothing learns (so no key is written). */
    static ObjectNode encode(Loihi1Learning learning, long configSeed) {
        if (learning.isEmpty() && learning.rules().isEmpty() && learning.weightProbes().isEmpty()) {
            return null;
        }
        ObjectNode root = NODES.objectNode();
        if (learning.seed() != configSeed) {
            root.put(K_SEED, learning.seed());
        }
        ArrayNode rules = root.putArray(K_RULES);
        for (Loihi1Learning.Rule rule : learning.rules()) {
            ObjectNode node = rules.addObject();
            node.put(K_NAME, rule.name());
            products(node.putArray(K_DW), rule.dw());
            if (!rule.dt().isEmpty()) {
                products(node.putArray(K_DT), rule.dt());
            }
            node.set(K_X1, trace(rule.x1()));
            node.set(K_Y1, trace(rule.y1()));
            if (rule.r1() != null) {
                node.set(K_R1, trace(rule.r1()));
            }
        }
        ArrayNode cores = root.putArray(K_CORES);
        for (Loihi1Learning.Core core : learning.cores()) {
            ObjectNode node = cores.addObject();
            node.put(K_CHIP, core.chip());
            node.put(K_CORE, core.core());
            node.put(K_T_EPOCH, core.tEpoch());
            ArrayNode formats = node.putArray(K_FORMATS);
            for (Loihi1Learning.FormatRule f : core.formats()) {
                ObjectNode fn = formats.addObject();
                fn.put(K_FORMAT, f.format());
                fn.put(K_RULE, f.rule());
                if (f.reward() >= 0) {
                    fn.put(K_REWARD, f.reward());
                }
            }
            if (core.rewardAxons().length > 0) {
                ArrayNode axons = node.putArray(K_REWARD_AXONS);
                for (int a : core.rewardAxons()) {
                    axons.add(a);
                }
            }
            if (core.offsets().length > 0) {
                ArrayNode offsets = node.putArray(K_RULE_OFFSETS);
                for (int i = 0; i < core.offsets().length; i++) {
                    ObjectNode on = offsets.addObject();
                    on.put(K_COMPARTMENT, core.offsetCompartments()[i]);
                    on.put(K_OFFSET, core.offsets()[i]);
                }
            }
        }
        if (!learning.weightProbes().isEmpty()) {
            ArrayNode probes = root.putArray(K_WEIGHT_PROBES);
            for (Loihi1Learning.WeightProbe probe : learning.weightProbes()) {
                ObjectNode node = probes.addObject();
                node.put(K_NAME, probe.name());
                node.put(K_EVERY, probe.every());
                ArrayNode sets = node.putArray(K_SYNAPSES);
                for (Loihi1Learning.SynapseSet r : probe.sets()) {
                    ObjectNode rn = sets.addObject();
                    rn.put(K_CHIP, r.chip());
                    rn.put(K_CORE, r.core());
                    rn.put(K_FORMAT, r.format());
                }
            }
        }
        return root;
    }

    private static void products(ArrayNode out, List<Loihi1Learning.Product> products) {
        for (Loihi1Learning.Product p : products) {
            ObjectNode node = out.addObject();
            node.put(K_DEPENDENCY, p.dependency() == Loihi1Learning.Variable.U ? "u" + p.decimation()
                    : p.dependency().json());
            node.put(K_MANTISSA, p.mantissa());
            node.put(K_EXPONENT, p.exponent());
            ArrayNode factors = node.putArray(K_FACTORS);
            for (Loihi1Learning.Factor f : p.factors()) {
                ObjectNode fn = factors.addObject();
                fn.put(K_VARIABLE, f.variable().json());
                if (f.constant() != 0) {
                    fn.put(K_CONSTANT, f.constant());
                }
            }
        }
    }

    private static ObjectNode trace(Loihi1Learning.Trace trace) {
        ObjectNode node = NODES.objectNode();
        double impulse = trace.impulse();
        if (impulse == Math.rint(impulse)) {
            node.put(K_IMPULSE, (long) impulse);
        } else {
            node.put(K_IMPULSE, impulse);
        }
        node.put(K_TAU, trace.tau());
        return node;
    }

    /** The section at {@code node} (missing: {@link Loihi1Learning#none()}). */
    static Loihi1Learning decode(JsonNode node, long configSeed, Loihi1ConfigProblems problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Loihi1Learning.none();
        }
        long seed = node.has(K_SEED) ? node.get(K_SEED).asLong() : configSeed;
        List<Loihi1Learning.Rule> rules = new ArrayList<>();
        JsonNode ruleNodes = node.path(K_RULES);
        for (int r = 0; r < ruleNodes.size(); r++) {
            JsonNode rn = ruleNodes.get(r);
            String at = rulePointer(r);
            rules.add(new Loihi1Learning.Rule(rn.path(K_NAME).asText(), products(rn.path(K_DW), at + "/" + K_DW, problems),
                    products(rn.path(K_DT), at + "/" + K_DT, problems), trace(rn.path(K_X1)), trace(rn.path(K_Y1)),
                    rn.has(K_R1) ? trace(rn.get(K_R1)) : null));
        }
        List<Loihi1Learning.Core> cores = new ArrayList<>();
        for (JsonNode cn : node.path(K_CORES)) {
            List<Loihi1Learning.FormatRule> formats = new ArrayList<>();
            for (JsonNode fn : cn.path(K_FORMATS)) {
                formats.add(new Loihi1Learning.FormatRule(fn.path(K_FORMAT).asInt(), fn.path(K_RULE).asInt(),
                        fn.has(K_REWARD) ? fn.get(K_REWARD).asInt() : -1));
            }
            JsonNode axonNodes = cn.path(K_REWARD_AXONS);
            int[] axons = new int[axonNodes.size()];
            for (int i = 0; i < axons.length; i++) {
                axons[i] = axonNodes.get(i).asInt();
            }
            JsonNode offsetNodes = cn.path(K_RULE_OFFSETS);
            int[] compartments = new int[offsetNodes.size()];
            int[] offsets = new int[offsetNodes.size()];
            for (int i = 0; i < offsets.length; i++) {
                compartments[i] = offsetNodes.get(i).path(K_COMPARTMENT).asInt();
                offsets[i] = offsetNodes.get(i).path(K_OFFSET).asInt();
            }
            cores.add(new Loihi1Learning.Core(cn.path(K_CHIP).asInt(), cn.path(K_CORE).asInt(),
                    cn.path(K_T_EPOCH).asInt(), formats, axons, compartments, offsets));
        }
        List<Loihi1Learning.WeightProbe> probes = new ArrayList<>();
        for (JsonNode pn : node.path(K_WEIGHT_PROBES)) {
            List<Loihi1Learning.SynapseSet> ranges = new ArrayList<>();
            for (JsonNode rn : pn.path(K_SYNAPSES)) {
                ranges.add(new Loihi1Learning.SynapseSet(rn.path(K_CHIP).asInt(), rn.path(K_CORE).asInt(),
                        rn.path(K_FORMAT).asInt()));
            }
            probes.add(new Loihi1Learning.WeightProbe(pn.path(K_NAME).asText(), pn.path(K_EVERY).asInt(1), ranges));
        }
        return new Loihi1Learning(seed, rules, cores, probes);
    }

    private static List<Loihi1Learning.Product> products(JsonNode nodes, String at, Loihi1ConfigProblems problems) {
        List<Loihi1Learning.Product> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode pn = nodes.get(i);
            String dep = pn.path(K_DEPENDENCY).asText();
            Loihi1Learning.Variable dependency;
            int decimation = 0;
            if (dep.startsWith("u")) {
                dependency = Loihi1Learning.Variable.U;
                decimation = Integer.parseInt(dep.substring(1));
            } else {
                dependency = Loihi1Learning.Variable.fromJson(dep).orElse(Loihi1Learning.Variable.X0);
            }
            List<Loihi1Learning.Factor> factors = new ArrayList<>();
            JsonNode fns = pn.path(K_FACTORS);
            for (int k = 0; k < fns.size(); k++) {
                JsonNode fn = fns.get(k);
                String name = fn.path(K_VARIABLE).asText();
                Loihi1Learning.Variable v = Loihi1Learning.Variable.fromJson(name).orElse(null);
                if (v == null) {
                    problems.add(at + "/" + i + "/" + K_FACTORS + "/" + k + "/" + K_VARIABLE,
                            "unknown factor '" + name + "'");
                    continue;
                }
                factors.add(new Loihi1Learning.Factor(v, fn.path(K_CONSTANT).asInt(0)));
            }
            out.add(new Loihi1Learning.Product(dependency, decimation, pn.path(K_MANTISSA).asInt(),
                    pn.path(K_EXPONENT).asInt(), factors));
        }
        return out;
    }

    private static Loihi1Learning.Trace trace(JsonNode node) {
        return new Loihi1Learning.Trace(node.path(K_IMPULSE).asDouble(), node.path(K_TAU).asInt());
    }
}
