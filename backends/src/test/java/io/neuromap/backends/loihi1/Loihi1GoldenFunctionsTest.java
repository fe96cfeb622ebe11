package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuromap.backends.loihi1.Loihi1GoldenCorpus.GoldenFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Replays every case of every pure helper function recorded in the Loihi 1 golden files
 * ({@code discretize_functions}: nengo-loihi and Lava functions run upstream) through this
 * package's functions, value for value, and checks Lava Dense's effective weights from the dense
 * trace files. The cases are read from the files, never transcribed: the test runs over however
 * many cases each file holds, including the extra directory {@code -Dneuromap.golden.dir=DIR}.
 *
 * <p>A function name the test has no checker for fails, so a new kind of case cannot pass
 * silently.
 */
final class Loihi1GoldenFunctionsTest {

    /** Checkers by upstream function name (the part of a {@code cases} key before any options). */
    private static final Map<String, BiConsumer<JsonNode, Map<String, String>>> CHECKERS = checkers();

    @TestFactory
    List<DynamicTest> everyRecordedCaseIsReproduced() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenFile file : Loihi1GoldenCorpus.all()) {
            JsonNode cases = file.root().get("cases");
            if (cases != null && cases.isObject()) {
                for (Map.Entry<String, JsonNode> function : cases.properties()) {
                    tests.add(DynamicTest.dynamicTest(file.label() + ": " + function.getKey(),
                            () -> checkFunction(function.getKey(), function.getValue())));
                }
            }
            JsonNode dense = file.root().get("dense");
            if (dense != null && dense.has("weights_effective")) {
                tests.add(DynamicTest.dynamicTest(file.label() + ": Dense effective weights",
                        () -> checkDenseWeights(dense)));
            }
        }
        return tests;
    }

    @Test
    void bundledCorpusExercisesEveryChecker() {
        Set<String> recorded = new TreeSet<>();
        int denseFiles = 0;
        for (GoldenFile file : Loihi1GoldenCorpus.bundled()) {
            JsonNode cases = file.root().get("cases");
            if (cases != null) {
                cases.fieldNames().forEachRemaining(key -> {
                    recorded.add(functionName(key));
                    assertTrue(cases.get(key).size() > 0, key + " has no cases");
                });
            }
            if (file.root().has("dense")) {
                denseFiles++;
            }
        }
        assertEquals(new TreeSet<>(CHECKERS.keySet()), recorded);
        assertTrue(denseFiles > 0, "no Lava Dense golden file bundled");
    }

    private static void checkFunction(String key, JsonNode cases) {
        BiConsumer<JsonNode, Map<String, String>> checker = CHECKERS.get(functionName(key));
        if (checker == null) {
            fail("no checker for golden function '" + key + "'");
        }
        Map<String, String> options = options(key);
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode row = cases.get(i);
            int index = i;
            checks.add(() -> {
                try {
                    checker.accept(row, options);
                } catch (AssertionError e) {
                    throw new AssertionError("case " + index + " " + row + ": " + e.getMessage(), e);
                }
            });
        }
        assertTrue(checks.size() > 0, key + " has no cases");
        assertAll(key, checks);
    }

    private static Map<String, BiConsumer<JsonNode, Map<String, String>>> checkers() {
        Map<String, BiConsumer<JsonNode, Map<String, String>>> m = new LinkedHashMap<>();
        m.put("nengo_loihi.builder.discretize.overflow_signed", Loihi1GoldenFunctionsTest::overflowSigned);
        m.put("nengo_loihi.builder.discretize.decay_int", Loihi1GoldenFunctionsTest::decayInt);
        m.put("nengo_loihi.builder.discretize.bias_to_manexp", Loihi1GoldenFunctionsTest::biasToManExp);
        m.put("nengo_loihi.builder.discretize.vth_to_manexp", Loihi1GoldenFunctionsTest::vthToManExp);
        m.put("nengo_loihi.builder.discretize.tracing_mag_int_frac", Loihi1GoldenFunctionsTest::tracingMagIntFrac);
        m.put("nengo_loihi.builder.discretize.discretize_weights", Loihi1GoldenFunctionsTest::discretizeWeights);
        m.put("nengo_loihi.block.SynapseConfig.bits_per_axon", Loihi1GoldenFunctionsTest::bitsPerAxon);
        m.put("lava.utils.weightutils.optimize_weight_bits", Loihi1GoldenFunctionsTest::optimizeWeightBits);
        m.put("lava.utils.weightutils.truncate_weights", Loihi1GoldenFunctionsTest::truncateWeights);
        m.put("lava.utils.weightutils.clip_weights", Loihi1GoldenFunctionsTest::clipWeights);
        return m;
    }

    // ------------------------------------------------------------------------------------------
    // nengo-loihi

    private static void overflowSigned(JsonNode row, Map<String, String> options) {
        long x = row.get("x").asLong();
        int bits = row.get("bits").asInt();
        assertEquals(row.get("y").asLong(), Loihi1FixedPoint.wrapSigned(x, bits), "y");
        assertEquals(row.get("overflowed").asBoolean(), Loihi1FixedPoint.overflowsSigned(x, bits), "overflowed");
    }

    private static void decayInt(JsonNode row, Map<String, String> options) {
        int bits = Integer.parseInt(options.getOrDefault("bits", String.valueOf(Loihi1Limits.DECAY_BITS)));
        long x = row.get("x").asLong();
        long decay = row.get("decay").asLong();
        int offset = row.has("offset") ? row.get("offset").asInt() : 0;
        assertEquals(row.get("y").asLong(), Loihi1FixedPoint.decayInt(x, decay, offset, bits), "y");
        if (bits == Loihi1Limits.DECAY_BITS) {
            assertEquals(row.get("y").asLong(),
                    Loihi1FixedPoint.truncDecay(x, Loihi1Limits.DECAY_UNITY - offset - decay), "trunc_decay");
        }
    }

    private static void biasToManExp(JsonNode row, Map<String, String> options) {
        double bias = row.get("bias").asDouble();
        int exp = Loihi1Discretization.biasExponent(bias);
        assertEquals(row.get("exp").asInt(), exp, "exp");
        assertEquals(row.get("man").asLong(), Loihi1Discretization.biasMantissa(bias, exp), "man");
    }

    private static void vthToManExp(JsonNode row, Map<String, String> options) {
        assertEquals(row.get("exp").asInt(), Loihi1Limits.VTH_EXP, "exp");
        assertEquals(row.get("man").asLong(), Loihi1Discretization.thresholdMantissa(row.get("vth").asDouble()), "man");
    }

    private static void tracingMagIntFrac(JsonNode row, Map<String, String> options) {
        double mag = row.get("mag").asDouble();
        assertEquals(row.get("int").asLong(), Loihi1Discretization.traceMagnitudeInteger(mag), "int");
        assertEquals(row.get("frac").asLong(), Loihi1Discretization.traceMagnitudeFraction(mag), "frac");
    }

    private static void discretizeWeights(JsonNode row, Map<String, String> options) {
        boolean lossy = Boolean.parseBoolean(options.getOrDefault("lossy_shift", "True").toLowerCase(java.util.Locale.ROOT));
        int code = row.get("weight_bits_code").asInt();
        boolean mixed = row.get("fanout_type").asInt() == Loihi1Limits.FANOUT_TYPE_MIXED;
        int weightExp = row.get("weight_exp").asInt();
        int shiftBits = Loihi1Discretization.shiftBits(code, mixed);
        if (row.has("shift_bits")) {
            assertEquals(row.get("shift_bits").asInt(), shiftBits, "shift_bits");
        }
        double[] in = doubles(row.get("w_in"));
        int[] out = new int[in.length];
        Loihi1Discretization.discretizeWeights(in, shiftBits, weightExp, lossy, out);
        assertArrayEquals(ints(row.get("w_out")), out, "w_out");
        for (int w : out) {
            long mantissa = Loihi1Discretization.chipWeightMantissa(w, weightExp);
            assertTrue(mantissa >= Loihi1Limits.WEIGHT_MANTISSA_MIN && mantissa <= Loihi1Limits.WEIGHT_MANTISSA_MAX,
                    "chip weight " + mantissa + " out of range");
        }
    }

    private static void bitsPerAxon(JsonNode row, Map<String, String> options) {
        int bitsPerSynapse = Loihi1SynapseFormat.bitsPerSynapse(row.get("weight_bits_code").asInt(),
                row.get("delay_bits").asInt(), row.get("tag_bits").asInt(), row.get("idx_bits_code").asInt(),
                row.get("compression").asInt());
        long bits = Loihi1SynapseFormat.bitsPerAxon(bitsPerSynapse, row.get("n_synapses").asInt(),
                row.get("n_weights").asLong());
        assertEquals(row.get("bits").asLong(), bits, "bits");
    }

    // ------------------------------------------------------------------------------------------
    // Lava

    private static void optimizeWeightBits(JsonNode row, Map<String, String> options) {
        int[] weights = ints(row.get("weights"));
        Loihi1SignMode mode = Loihi1SignMode.valueOf(row.get("sign_mode").asText());
        boolean loihi2 = row.get("loihi2").asBoolean();
        if (row.has("error")) {
            Loihi1QuantizationException e = assertThrows(Loihi1QuantizationException.class,
                    () -> Loihi1LavaWeights.optimizeWeightBits(weights, mode, loihi2));
            assertEquals(row.get("error").asText(), "ValueError: " + e.upstreamMessage(), "error");
            assertFalse(e.getMessage().isBlank());
            return;
        }
        Loihi1OptimizedWeights result;
        try {
            result = Loihi1LavaWeights.optimizeWeightBits(weights, mode, loihi2);
        } catch (Loihi1QuantizationException e) {
            throw new AssertionError("unexpected failure: " + e.getMessage(), e);
        }
        assertEquals(row.get("num_weight_bits").asInt(), result.numWeightBits(), "num_weight_bits");
        assertEquals(row.get("weight_exp").asInt(), result.weightExp(), "weight_exp");
        assertArrayEquals(ints(row.get("opt_weights")), result.weights(), "opt_weights");
    }

    private static void truncateWeights(JsonNode row, Map<String, String> options) {
        int[] weights = ints(row.get("weights"));
        Loihi1SignMode mode = Loihi1SignMode.valueOf(row.get("sign_mode").asText());
        int maxBits = row.has("max_num_weight_bits") ? row.get("max_num_weight_bits").asInt()
                : Loihi1LavaWeights.DEFAULT_MAX_NUM_WEIGHT_BITS;
        int[] out = new int[weights.length];
        Loihi1LavaWeights.truncateWeights(weights, mode, row.get("num_weight_bits").asInt(), maxBits, out);
        assertArrayEquals(ints(row.get("truncated")), out, "truncated");
    }

    private static void clipWeights(JsonNode row, Map<String, String> options) {
        int[] weights = ints(row.get("weights"));
        Loihi1SignMode mode = Loihi1SignMode.valueOf(row.get("sign_mode").asText());
        boolean learning = row.has("learning_simulation") && row.get("learning_simulation").asBoolean();
        int[] out = new int[weights.length];
        Loihi1LavaWeights.clipWeights(weights, mode, row.get("num_bits").asInt(), learning, out);
        assertArrayEquals(ints(row.get("clipped")), out, "clipped");
    }

    private static void checkDenseWeights(JsonNode dense) {
        int[] weights = ints(dense.get("weights"));
        int[] expected = ints(dense.get("weights_effective"));
        Loihi1SignMode mode = Loihi1SignMode.valueOf(dense.get("sign_mode").asText());
        if (mode == Loihi1SignMode.NULL) {
            mode = Loihi1LavaWeights.determineSignMode(weights);
        }
        int bits = dense.get("num_weight_bits").asInt();
        int[] actual = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            actual[i] = Loihi1LavaWeights.denseWeight(weights[i], mode, bits);
        }
        assertArrayEquals(expected, actual, "weights_effective");
    }

    // ------------------------------------------------------------------------------------------

    /** {@code "a.b.f (x=1, y=True)"} -> {@code "a.b.f"}. */
    private static String functionName(String key) {
        int paren = key.indexOf('(');
        return (paren < 0 ? key : key.substring(0, paren)).trim();
    }

    /** {@code "a.b.f (x=1, y=True)"} -> {@code {x=1, y=True}}. */
    private static Map<String, String> options(String key) {
        Map<String, String> options = new LinkedHashMap<>();
        int open = key.indexOf('(');
        int close = key.lastIndexOf(')');
        if (open < 0 || close < open) {
            return options;
        }
        for (String part : key.substring(open + 1, close).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                options.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return options;
    }

    /** A number array of any nesting, flattened row-major. */
    private static int[] ints(JsonNode node) {
        List<Long> values = new ArrayList<>();
        flatten(node, values);
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            long v = values.get(i);
            if (v != (int) v) {
                throw new AssertionError("value " + v + " does not fit an int");
            }
            out[i] = (int) v;
        }
        return out;
    }

    private static void flatten(JsonNode node, List<Long> out) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                flatten(child, out);
            }
        } else {
            out.add(node.asLong());
        }
    }

    private static double[] doubles(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }
}
