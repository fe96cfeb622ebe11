package io.neuromap.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The partitioner's primitive collections against the JDK's: hash maps against {@link HashMap}
 * with many deletions (backward shift is easy to get wrong), the index sort against a stable sort.
 */
class PrimitiveMapsTest {

    @Test
    void intIntMapAgreesWithHashMap() {
        Random rnd = new Random(1);
        for (int round = 0; round < 20; round++) {
            IntIntMap map = new IntIntMap();
            Map<Integer, Integer> ref = new HashMap<>();
            int keys = 1 + rnd.nextInt(400);
            for (int op = 0; op < 20_000; op++) {
                int k = rnd.nextInt(keys) * (round % 2 == 0 ? 1 : 1024);
                int delta = rnd.nextBoolean() ? 1 : -1;
                int now = ref.getOrDefault(k, 0);
                if (now + delta < 0) {
                    delta = 1;
                }
                int expected = now + delta;
                assertEquals(expected, map.add(k, delta));
                if (expected == 0) {
                    ref.remove(k);
                } else {
                    ref.put(k, expected);
                }
                assertEquals(ref.size(), map.size());
            }
            for (int k = 0; k < keys; k++) {
                int key = k * (round % 2 == 0 ? 1 : 1024);
                assertEquals(ref.getOrDefault(key, 0), map.get(key));
            }
            int counted = 0;
            for (int i = 0; i < map.capacity(); i++) {
                if (map.keyAt(i) >= 0) {
                    assertEquals(ref.get(map.keyAt(i)), map.valueAt(i));
                    counted++;
                }
            }
            assertEquals(ref.size(), counted);
        }
    }

    @Test
    void longLongMapAgreesWithHashMap() {
        Random rnd = new Random(2);
        for (int round = 0; round < 20; round++) {
            LongLongMap map = new LongLongMap();
            Map<Long, Long> ref = new HashMap<>();
            int keys = 1 + rnd.nextInt(300);
            for (int op = 0; op < 20_000; op++) {
                long k = (rnd.nextInt(keys) - keys / 2) * 0x1_0000_0001L;
                long delta = rnd.nextInt(5) - 2;
                long expected = ref.getOrDefault(k, 0L) + delta;
                assertEquals(expected, map.add(k, delta));
                if (expected == 0) {
                    ref.remove(k);
                } else {
                    ref.put(k, expected);
                }
                assertEquals(ref.size(), map.size());
            }
            for (Map.Entry<Long, Long> e : ref.entrySet()) {
                assertEquals(e.getValue(), map.get(e.getKey()));
            }
            long[] sorted = map.sortedKeys();
            assertEquals(ref.size(), sorted.length);
            long max = ref.keySet().stream().mapToLong(Long::longValue).max().orElse(-7);
            assertEquals(max, map.maxKey(-7));
        }
    }

    @Test
    void indexSortIsAStableSortOfARange() {
        Random rnd = new Random(3);
        for (int round = 0; round < 50; round++) {
            int n = rnd.nextInt(300);
            int[] keys = new int[n];
            int[] values = new int[n + 4];
            for (int i = 0; i < n; i++) {
                keys[i] = rnd.nextInt(7);
                values[i + 2] = i;
            }
            values[0] = -1;
            values[n + 3] = -2;
            IndexSort.sort(values, 2, n + 2, (a, b) -> Integer.compare(keys[a], keys[b]));
            Integer[] expected = new Integer[n];
            for (int i = 0; i < n; i++) {
                expected[i] = i;
            }
            java.util.Arrays.sort(expected, (a, b) -> Integer.compare(keys[a], keys[b]));
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], values[i + 2]);
            }
            assertEquals(-1, values[0]);
            assertEquals(-2, values[n + 3]);
        }
    }

    @Test
    void longLongMapRejectsTheEmptyMarker() {
        assertThrows(IllegalArgumentException.class, () -> new LongLongMap().add(Long.MIN_VALUE, 1));
    }
}
