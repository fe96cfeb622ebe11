package io.neuromap.backends.loihi1.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Binning profile tuples into at most k in the quantized domain. */
class ProfileBinnerTest {
    private static final double DT = 1e-3;

    private static int[][] randomSoma(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] v = new int[3][n];
        for (int i = 0; i < n; i++) {
            v[0][i] = io.neuromap.backends.loihi1.Loihi1Discretization.decayUFromTau(r.nextDouble(2e-3, 20e-3), DT);
            v[1][i] = io.neuromap.backends.loihi1.Loihi1Discretization.decayVFromTau(r.nextDouble(5e-3, 50e-3), DT);
            v[2][i] = 1 + r.nextInt(4);
        }
        return v;
    }

    private static ProfileComponent[] soma() {
        return new ProfileComponent[] {Components.currentDecay(DT), Components.voltageDecay(DT), Components.refractory(DT)};
    }

    @Test
    void neverMoreThanKDistinctTuplesAndTheErrorIsMeasured() {
        int[][] v = randomSoma(1000, 1);
        int distinct = ProfileBinner.distinct(v);
        assertTrue(distinct > 100, "distinct " + distinct);
        for (int k : new int[] {1, 8, 32}) {
            ProfileBinner.Result r = ProfileBinner.bin(v, soma(), k);
            assertEquals(distinct, r.distinct());
            assertTrue(r.bins() <= k, r.bins() + " > " + k);
            assertEquals(r.bins(), ProfileBinner.distinct(r.values()));
            double max = 0;
            for (int i = 0; i < 1000; i++) {
                for (int j = 0; j < 3; j++) {
                    max = Math.max(max, soma()[j].relativeError(r.values()[j][i], v[j][i]));
                }
            }
            assertEquals(max, r.maxError(), 1e-12);
        }
        // More bins never make it worse on this data; one bin is the worst.
        assertTrue(ProfileBinner.bin(v, soma(), 32).maxError() < ProfileBinner.bin(v, soma(), 1).maxError());
    }

    @Test
    void fewTuplesAreKeptAsTheyAre() {
        int[][] v = {{10, 10, 20}, {200, 200, 100}, {2, 2, 3}};
        ProfileBinner.Result r = ProfileBinner.bin(v, soma(), 2);
        assertEquals(2, r.distinct());
        assertEquals(0, r.maxError());
        assertArrayEquals(v[0], r.values()[0]);
    }

    @Test
    void deterministic() {
        int[][] v = randomSoma(500, 7);
        ProfileBinner.Result a = ProfileBinner.bin(v, soma(), 16);
        ProfileBinner.Result b = ProfileBinner.bin(v, soma(), 16);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(a.values()[j], b.values()[j]);
        }
    }

    @Test
    void treeShapesLayOutChildrenBeforeTheSoma() {
        TreeShape full = TreeShape.of(true, true, true);
        assertEquals(java.util.List.of(CompartmentRole.SOMA_AUX, CompartmentRole.DENDRITE_AUX, CompartmentRole.DENDRITE,
                CompartmentRole.SOMA), full.roles());
        assertEquals(3, full.parent(0));
        assertEquals(io.neuromap.backends.loihi1.config.Loihi1TreeEdges.PORT_B, full.port(0));
        assertEquals(2, full.parent(1));
        assertEquals(3, full.parent(2));
        assertEquals(io.neuromap.backends.loihi1.config.Loihi1TreeEdges.PORT_A, full.port(2));
        assertEquals(io.neuromap.backends.loihi1.config.Loihi1StackIn.POP_A_AND_B, full.stackIn(3));
        assertEquals(0, full.positionFor("soma", io.neuromap.compiler.ir.SynapseReceptor.INH));
        assertEquals(1, full.positionFor("dendrite", io.neuromap.compiler.ir.SynapseReceptor.INH));
        assertEquals(2, full.positionFor("dendrite", io.neuromap.compiler.ir.SynapseReceptor.EXC));
        assertEquals(3, full.positionFor("soma", io.neuromap.compiler.ir.SynapseReceptor.EXC));
    }
}
