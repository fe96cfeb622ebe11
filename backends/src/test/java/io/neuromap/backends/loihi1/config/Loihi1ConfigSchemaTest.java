package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuromap.backends.loihi1.Loihi1Limits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped schema states the register ranges for editors and other tools; this test keeps every
 * one of them equal to {@link Loihi1Limits}, and every enum and column list equal to the Java
 * enums and descriptors, so the two can never drift apart.
 */
class Loihi1ConfigSchemaTest {

    private static JsonNode schema;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = Loihi1ConfigSchema.class.getResourceAsStream(Loihi1ConfigSchema.RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
    }

    private static void range(String pointer, long min, long max) {
        JsonNode node = schema.at(pointer);
        assertEquals(min, node.get("minimum").asLong(), pointer + " minimum");
        assertEquals(max, node.get("maximum").asLong(), pointer + " maximum");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static <E extends Enum<E>> List<String> names(E[] values, Function<E, String> name) {
        List<String> out = new ArrayList<>();
        for (E value : values) {
            out.add(name.apply(value));
        }
        return out;
    }

    @Test
    void rangesEqualTheLimits() {
        String core = "/$defs/core/properties/";
        range("/properties/system/properties/chips", 1, Loihi1Limits.MAX_CHIPS);
        range("/$defs/chip/properties/id", 0, Loihi1Limits.MAX_CHIPS - 1);
        range(core + "id", 0, Loihi1Limits.CORES_PER_CHIP - 1);
        range(core + "compartments", 1, Loihi1Limits.COMPARTMENTS_PER_CORE);
        range(core + "input_axons", 0, Loihi1Limits.INPUT_AXONS_PER_CORE);
        assertEquals(Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE, schema.at(core + "compartment_profiles/maxItems").asInt());
        assertEquals(Loihi1Limits.THRESHOLD_PROFILES_PER_CORE, schema.at(core + "threshold_profiles/maxItems").asInt());
        assertEquals(Loihi1Limits.SYNAPSE_FORMATS_PER_CORE, schema.at(core + "synapse_formats/maxItems").asInt());
        String s = "/$defs/singletons/properties/";
        range(s + "vmin_exp", Loihi1Limits.VMIN_EXP_MIN, Loihi1Limits.VMIN_EXP_MAX);
        range(s + "vmax_exp", Loihi1Limits.VMAX_EXP_MIN, Loihi1Limits.VMAX_EXP_MAX);
        range(s + "delay_bits", Loihi1Limits.DELAY_BITS_MIN, Loihi1Limits.DELAY_BITS_MAX);
        String p = "/$defs/compartmentProfile/properties/";
        range(p + "decay_u", 0, Loihi1Limits.DECAY_MAX);
        range(p + "decay_v", 0, Loihi1Limits.DECAY_MAX);
        range(p + "refract_delay", Loihi1Limits.REFRACTORY_DELAY_MIN, Loihi1Limits.REFRACTORY_DELAY_MAX);
        range("/$defs/thresholdProfile/properties/vth_mant", 1, Loihi1Limits.VTH_MANTISSA_MAX);
        String f = "/$defs/synapseFormat/properties/";
        range(f + "id", 1, Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE - 1);
        range(f + "weight_exp", Loihi1Limits.WEIGHT_EXP_MIN, Loihi1Limits.WEIGHT_EXP_MAX);
        range(f + "num_delay_bits", 0, Loihi1Limits.SYNAPSE_DELAY_BITS_MAX);
        range(f + "num_tag_bits", 0, Loihi1Limits.SYNAPSE_TAG_BITS_MAX);
        range(f + "synapses_per_chunk", 1, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX + 1);
        assertEquals("[" + Loihi1SynapseFormatEntry.weightBitChoices().replace(" ", "") + "]",
                schema.at(f + "num_weight_bits/enum").toString());
        assertEquals("[" + Loihi1SynapseFormatEntry.indexBitChoices().replace(" ", "") + "]",
                schema.at(f + "num_index_bits/enum").toString());
    }

    @Test
    void enumsEqualTheJavaEnums() {
        String p = "/$defs/compartmentProfile/properties/";
        assertEquals(names(Loihi1ThresholdOp.values(), Loihi1ThresholdOp::jsonName), texts(schema.at(p + "thresh_op/enum")));
        assertEquals(names(Loihi1JoinOp.values(), Loihi1JoinOp::jsonName), texts(schema.at(p + "join_op/enum")));
        assertEquals(names(Loihi1StackIn.values(), Loihi1StackIn::jsonName), texts(schema.at(p + "stack_in/enum")));
        assertEquals(names(Loihi1StackOut.values(), Loihi1StackOut::jsonName), texts(schema.at(p + "stack_out/enum")));
        assertEquals(names(Loihi1BapSource.values(), Loihi1BapSource::jsonName),
                texts(schema.at(p + "bap_sources/items/enum")));
        assertEquals(names(Loihi1BapAction.values(), Loihi1BapAction::jsonName),
                texts(schema.at(p + "bap_actions/items/enum")));
        assertEquals(names(Loihi1Arithmetic.values(), Loihi1Arithmetic::jsonName),
                texts(schema.at("/properties/arithmetic/enum")));
        assertEquals(names(Loihi1CurrentScale.values(), Loihi1CurrentScale::jsonName),
                texts(schema.at("/properties/stimuli/properties/current/properties/scale/enum")));
        assertEquals(names(Loihi1ProbeVariable.values(), Loihi1ProbeVariable::jsonName),
                texts(schema.at("/$defs/probe/properties/variable/enum")));
        assertEquals(Loihi1ConfigDescriptor.FORMAT, schema.at("/properties/format/const").asText());
        assertEquals(Loihi1ConfigDescriptor.VERSION, schema.at("/properties/version/const").asInt());
        assertEquals("^" + Loihi1ConfigDescriptor.PROBE_NAME_PATTERN + "$",
                schema.at("/$defs/probe/properties/name/pattern").asText());
    }

    @Test
    void tableColumnsEqualTheDescriptors() {
        String core = "/$defs/core/properties/";
        columns(core + "compartment_table", Loihi1CompartmentTableDescriptor.COLUMNS);
        columns(core + "tree_edges", Loihi1TreeEdgeTableDescriptor.COLUMNS);
        columns(core + "synapses", Loihi1SynapseTableDescriptor.COLUMNS);
        columns(core + "output_axons", Loihi1OutputAxonTableDescriptor.COLUMNS);
        columns(core + "initial_state", Loihi1InitialStateTableDescriptor.COLUMNS);
        columns("/properties/stimuli/properties/spikes", Loihi1SpikeStimulusDescriptor.COLUMNS);
        columns("/properties/stimuli/properties/current/properties/table", Loihi1CurrentStimulusDescriptor.COLUMNS);
        columns("/$defs/probe/properties/targets", Loihi1ProbeTargetDescriptor.COLUMNS);
        columns("/properties/origin/properties/table", Loihi1OriginTableDescriptor.COLUMNS);
    }

    private static void columns(String pointer, List<String> expected) {
        assertEquals(expected, texts(schema.at(pointer + "/allOf/1/properties/columns/const")), pointer);
        assertEquals(expected.size(), schema.at(pointer + "/allOf/1/properties/rows/items/maxItems").asInt(), pointer);
    }
}
