package io.neuromap.backends.loihi1.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.report.QuantizationRow;

/** Assertions on a lowering's quantization table. */
final class QuantizationRowAssert {
    private QuantizationRowAssert() {
    }

    static QuantizationRow row(Loihi1Lowering l, String object, String parameter) {
        return l.quantization().stream().filter(r -> r.name().equals(object) && r.parameter().equals(parameter))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + object + "." + parameter));
    }

    static void exact(Loihi1Lowering l, String object, String parameter) {
        QuantizationRow r = row(l, object, parameter);
        assertEquals(0, r.maxRelativeError(), r.toString());
        assertTrue(r.note().startsWith("exact"), r.toString());
    }

    static void note(Loihi1Lowering l, String object, String parameter, String prefix) {
        QuantizationRow r = row(l, object, parameter);
        assertTrue(r.note().startsWith(prefix), r.toString());
    }
}
