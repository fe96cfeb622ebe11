package io.neuromap.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.IrVerifier;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import org.junit.jupiter.api.Test;

/** Connector statistics within 4 sigma, exact degrees, distinct partners and self-connections. */
class ConnectorStatisticsTest {

    private static Projection project(String pre, String post, String connector) {
        Network n = Elaborate.network("network N { population a[1000] : lif; population b[800] : lif; project p : "
                + pre + " -> " + post + " with " + connector + " { weight = 1 nA; } }");
        assertTrue(IrVerifier.verify(n).isEmpty());
        return n.projection("p").orElseThrow();
    }

    /** Rows are strictly ascending: sorted and without repeated partners. */
    private static void assertRowsStrictlyAscending(SynapseMatrix m) {
        for (int r = 0; r < m.rows(); r++) {
            for (int k = m.rowStart(r) + 1; k < m.rowEnd(r); k++) {
                assertTrue(m.target(k - 1) < m.target(k), "row " + r + " is not strictly ascending at synapse " + k);
            }
        }
    }

    @Test
    void fixedProbabilityCountIsBinomial() {
        Projection p = project("a", "b", "fixed_prob(0.1)");
        double n = 1000.0 * 800;
        assertEquals(n * 0.1, p.synapseCount(), 4 * Math.sqrt(n * 0.1 * 0.9));
        assertRowsStrictlyAscending(p.synapses());
        int[] in = p.synapses().inDegrees(800);
        long totalIn = 0;
        for (int d : in) {
            totalIn += d;
        }
        assertEquals(p.synapseCount(), totalIn);
        // Every column is hit about equally: the first and last quarters of the columns get similar counts.
        long first = 0;
        long last = 0;
        for (int j = 0; j < 200; j++) {
            first += in[j];
            last += in[600 + j];
        }
        double expected = 1000 * 200 * 0.1;
        assertEquals(expected, first, 4 * Math.sqrt(expected * 0.9));
        assertEquals(expected, last, 4 * Math.sqrt(expected * 0.9));
    }

    @Test
    void fixedProbabilityRowLengthsHaveBinomialVariance() {
        Projection p = project("a", "b", "fixed_prob(0.05)");
        double mean = 0;
        double sq = 0;
        for (int r = 0; r < 1000; r++) {
            mean += p.synapses().rowLength(r);
            sq += (double) p.synapses().rowLength(r) * p.synapses().rowLength(r);
        }
        mean /= 1000;
        double var = sq / 1000 - mean * mean;
        double trueVar = 800 * 0.05 * 0.95;
        assertEquals(800 * 0.05, mean, 4 * Math.sqrt(trueVar / 1000));
        assertEquals(trueVar, var, 0.2 * trueVar);
    }

    @Test
    void fixedProbabilityExtremes() {
        assertEquals(0, project("a", "b", "fixed_prob(0)").synapseCount());
        assertEquals(1000 * 800, project("a", "b", "fixed_prob(1)").synapseCount());
        assertEquals(1000 * 999, project("a", "a", "fixed_prob(1, allow_self = false)").synapseCount());
    }

    @Test
    void allowSelfFalseNeverConnectsANeuronToItself() {
        for (String c : new String[] {"fixed_prob(0.5, allow_self = false)", "all_to_all(allow_self = false)",
                "fixed_outdegree(999, allow_self = false)", "fixed_indegree(999, allow_self = false)"}) {
            SynapseMatrix m = project("a", "a", c).synapses();
            for (int r = 0; r < m.rows(); r++) {
                for (int k = m.rowStart(r); k < m.rowEnd(r); k++) {
                    assertNotEquals(r, m.target(k), c + " connected " + r + " to itself");
                }
            }
        }
        assertEquals(1000 * 999, project("a", "a", "all_to_all(allow_self = false)").synapseCount());
        assertEquals(1000 * 1000, project("a", "a", "all_to_all").synapseCount(), "self-connections are allowed by default");
        assertEquals(1000 * 800, project("a", "b", "all_to_all(allow_self = false)").synapseCount(),
                "allow_self only matters within one population");
    }

    @Test
    void fixedOutdegreeGivesExactlyKDistinctTargets() {
        for (int k : new int[] {1, 30, 700, 800}) {
            Projection p = project("a", "b", "fixed_outdegree(" + k + ")");
            assertEquals(1000L * k, p.synapseCount());
            for (int r = 0; r < 1000; r++) {
                assertEquals(k, p.synapses().rowLength(r));
            }
            assertRowsStrictlyAscending(p.synapses());
            if (k == 30) {
                int[] in = p.synapses().inDegrees(800);
                double expected = 1000 * 30 / 800.0;
                long sum = 0;
                for (int j = 0; j < 400; j++) {
                    sum += in[j];
                }
                assertEquals(expected * 400, sum, 4 * Math.sqrt(expected * 400));
            }
        }
    }

    @Test
    void fixedIndegreeGivesExactlyKDistinctSources() {
        for (int k : new int[] {1, 25, 900, 1000}) {
            Projection p = project("a", "b", "fixed_indegree(" + k + ")");
            assertEquals(800L * k, p.synapseCount());
            int[] in = p.synapses().inDegrees(800);
            for (int j = 0; j < 800; j++) {
                assertEquals(k, in[j], "in-degree of post neuron " + j);
            }
            assertRowsStrictlyAscending(p.synapses());
            assertEquals(k, p.fanIn(800).min());
            assertEquals(k, p.fanIn(800).max());
        }
    }

    @Test
    void oneToOneAndAllToAll() {
        Projection o = project("a[0:800]", "b", "one_to_one");
        assertEquals(800, o.synapseCount());
        for (int r = 0; r < 800; r++) {
            assertEquals(r, o.synapses().target(o.synapses().rowStart(r)));
        }
        assertEquals(0, o.synapses().rowLength(900));
        Projection a = project("a[10:20]", "b[100:105]", "all_to_all");
        assertEquals(50, a.synapseCount());
        assertEquals(100, a.synapses().target(a.synapses().rowStart(10)));
        assertEquals(5.0, a.fanOut().mean());
        assertEquals(10.0, a.fanIn(800).mean());
    }

    @Test
    void infeasibleConnectorsAreReportedAtTheConnector() {
        Elaborate.unanalysed("""
                network N {
                  population a[10] : lif;
                  population b[12] : lif;
                  project a -> b with one_to_one { weight = 1 nA; }
                }
                """).errorAt("NM-E0308", "net.nmap", 4, 23);
        Elaborate.Run run = Elaborate.unanalysed("""
                network N {
                  population a[10] : lif;
                  project a -> a with fixed_outdegree(10, allow_self = false) { weight = 1 nA; }
                }
                """);
        run.errorAt("NM-E0308", "net.nmap", 3, 23);
        assertTrue(run.error("NM-E0308").help().orElseThrow().contains("at most 9"));
        Elaborate.unanalysed("""
                network N {
                  population a[10] : lif;
                  population b[10] : lif;
                  project a -> b with fixed_indegree(11) { weight = 1 nA; }
                }
                """).errorAt("NM-E0308", "net.nmap", 4, 23);
    }

    @Test
    void anEmptyProjectionIsAWarning() {
        Elaborate.Run run = Elaborate.run("""
                network N {
                  population a[10] : lif;
                  project a -> a with fixed_prob(0) { weight = 1 nA; }
                }
                """);
        assertEquals(0, run.network().projections().get(0).synapseCount());
        assertEquals("NM-W0006", run.diagnostics().all().get(0).code().id());
    }
}
