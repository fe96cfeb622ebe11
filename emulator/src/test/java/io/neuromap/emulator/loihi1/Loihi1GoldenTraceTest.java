package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ConfigWriter;
import io.neuromap.backends.loihi1.Loihi1GoldenCorpus;
import io.neuromap.backends.loihi1.Loihi1GoldenCorpus.GoldenFile;
import io.neuromap.backends.loihi1.config.Loihi1GoldenConfigs;
import io.neuromap.backends.loihi1.config.Loihi1GoldenConfigs.Case;
import io.neuromap.backends.loihi1.config.Loihi1GoldenConfigs.Expectation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden corpus, replayed through the real {@code emulate} path: every golden file of a kind
 * the emulator knows (decided from its layout) becomes a config, which is written to disk with the
 * config writer, loaded and rule-checked by {@link Loihi1Emulation#load}, run for the file's step
 * count, and every traced value (current, voltage, spikes, synaptic input) compared with the
 * reference's at every step. The corpus runs on every fixed-point execution path: one thread and
 * several threads (STYLE item 17). {@code -Dneuromap.golden.dir=DIR} adds files.
 *
 * <p>nengo-loihi's traces were recorded with {@code strict=True}, so those cases run strict too:
 * an overflow the reference did not have fails the test.
 */
class Loihi1GoldenTraceTest {

    /** Thread counts every golden case runs with. */
    private static final int[] THREADS = {1, 3};

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyGoldenTraceIsReproducedValueForValue() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenFile file : Loihi1GoldenCorpus.all()) {
            if (Loihi1GoldenConfigs.kindOf(file.root()).isEmpty()) {
                continue;
            }
            for (int threads : THREADS) {
                tests.add(DynamicTest.dynamicTest(file.label() + " on " + threads + " thread(s)",
                        () -> replay(file, threads)));
            }
        }
        return tests.stream();
    }

    @Test
    void theBundledCorpusHoldsEveryKnownKind() {
        Set<Loihi1GoldenConfigs.Kind> kinds = EnumSet.noneOf(Loihi1GoldenConfigs.Kind.class);
        int files = 0;
        for (GoldenFile file : Loihi1GoldenCorpus.bundled()) {
            if (Loihi1GoldenConfigs.kindOf(file.root()).isPresent()) {
                kinds.add(Loihi1GoldenConfigs.kindOf(file.root()).get());
                files++;
            }
        }
        assertEquals(EnumSet.allOf(Loihi1GoldenConfigs.Kind.class), kinds);
        assertEquals(4, files, "lava_lif_impulse, lava_lif_random200, lava_dense_lif_mixed, nengo_loihi_lif_input");
    }

    private void replay(GoldenFile file, int threads) throws Exception {
        Case golden = Loihi1GoldenConfigs.convert(file.label(), file.root());
        Path dir = tmp.resolve(file.label().replace(".json", "") + "-" + threads);
        Loihi1ConfigWriter.write(golden.config(), dir);
        Loihi1Emulation emulation = Loihi1Emulation.load(dir);
        assertEquals(List.of(), emulation.violations());
        boolean strict = golden.config().arithmetic() == Loihi1Arithmetic.NENGO_LOIHI;
        Loihi1RunResult result = emulation.run(golden.steps(), new Loihi1RunOptions(threads, strict));
        assertEquals(golden.steps(), result.steps());
        assertTrue(!golden.expectations().isEmpty(), file.label() + " traces nothing");
        compare(file.label(), golden, result);
    }

    /** Fails at the first differing value: earliest step, then quantity, then index. */
    static void compare(String label, Case golden, Loihi1RunResult result) {
        for (int k = 0; k < golden.steps(); k++) {
            for (Expectation expected : golden.expectations()) {
                Loihi1ProbeTrace trace = result.trace(expected.probe());
                int[] row = expected.values()[k];
                for (int i = 0; i < row.length; i++) {
                    int actual = trace.value(k, expected.columnOffset() + i);
                    if (actual != row[i]) {
                        fail(label + ": " + expected.group() + ", " + expected.quantity() + " (probe "
                                + expected.probe() + "), step " + k + ", index " + i + ": expected " + row[i]
                                + ", got " + actual);
                    }
                }
            }
        }
    }
}
