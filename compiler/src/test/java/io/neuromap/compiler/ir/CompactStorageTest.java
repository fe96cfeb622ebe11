package io.neuromap.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Homogeneous values are stored once and read like arrays; equality does not depend on the representation. */
class CompactStorageTest {

    @Test
    void parameterValuesCompactWhenAllEqual() {
        ParameterValues v = ParameterValues.of(new double[] {2, 2, 2});
        assertTrue(v.isHomogeneous());
        assertEquals(2, v.get(1));
        assertEquals(ParameterValues.constant(3, 2), v);
        assertEquals(ParameterValues.constant(3, 2).hashCode(), v.hashCode());
        ParameterValues h = ParameterValues.of(new double[] {1, 2, 6});
        assertFalse(h.isHomogeneous());
        assertEquals(new Summary(3, 1, 3, 6), h.summary());
        assertThrows(IllegalStateException.class, h::constantValue);
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(3));
    }

    @Test
    void delayStepsReadAlikeInEveryWidth() {
        DelaySteps c = DelaySteps.constant(3, 200);
        DelaySteps b = DelaySteps.ofBytes(new byte[] {(byte) 200, (byte) 200, (byte) 200});
        DelaySteps s = DelaySteps.ofShorts(new short[] {(short) 60000, 1, 2});
        assertEquals(200, b.get(2), "bytes are unsigned");
        assertEquals(60000, s.get(0), "shorts are unsigned");
        assertEquals(c, b);
        assertEquals(c.hashCode(), b.hashCode());
        assertEquals(1, s.min());
        assertEquals(60000, s.max());
        assertEquals(0, c.bytesPerSynapse());
        assertThrows(IllegalArgumentException.class, () -> DelaySteps.constant(1, 0));
    }

    @Test
    void weightsReadAlikeInEveryForm() {
        SynapseWeights c = SynapseWeights.constant(2, 0.5f);
        SynapseWeights a = SynapseWeights.of(new float[] {0.5f, 0.5f});
        assertEquals(c, a);
        assertEquals(c.hashCode(), a.hashCode());
        assertEquals(0.5f, c.get(1));
        assertTrue(c.isHomogeneous());
        assertFalse(a.isHomogeneous());
    }
}
