package io.neuromap.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code from_list("file.csv")}: parsing, units, endpoint-relative indices, and located errors in the CSV. */
class FromListTest {

    private static Elaborate.Run run(String csv, String connectorLine) throws IOException {
        Path dir = Elaborate.tempDir();
        Files.writeString(dir.resolve("syn.csv"), csv);
        return Elaborate.run(dir, "network N {\n  population a[10] : lif;\n  population b[3] : lif;\n  " + connectorLine
                + "\n}\n");
    }

    @Test
    void readsRowsWithUnitsCommentsAndOptionalColumns() throws IOException {
        Projection p = run("""
                # a hand-made list
                pre,post,weight[pA],delay[ms]
                0,1,500,2
                2,0,250      # no delay: the default of one step
                0,0,100,1.0

                1,2
                """, "project p : a -> b with from_list(\"syn.csv\") { weight = 1 nA; }").network().projection("p").orElseThrow();
        SynapseMatrix m = p.synapses();
        assertEquals(4, m.count());
        assertEquals(2, m.rowLength(0));
        assertEquals(1, m.target(0), "rows keep the file's order");
        assertEquals(0, m.target(1));
        assertEquals(500e-12f, m.weight(0));
        assertEquals(100e-12f, m.weight(1));
        assertEquals(2, m.target(2));
        assertEquals(1e-9f, m.weight(2), "a row without a weight takes the body's");
        assertEquals(250e-12f, m.weight(3));
        assertEquals(2, m.delaySteps(0));
        assertEquals(1, m.delaySteps(1));
        assertEquals(1, m.delaySteps(3), "a row without a delay takes one step");
        assertEquals("from_list(file = syn.csv)", p.connector().toString());
    }

    @Test
    void withoutHeaderWeightsAreNanoampsAndDelaysMilliseconds() throws IOException {
        SynapseMatrix m = run("3,2,0.5,4\n", "project p : a -> b with from_list(\"syn.csv\");").network().projection("p")
                .orElseThrow().synapses();
        assertEquals(0.5e-9f, m.weight(0));
        assertEquals(4, m.delaySteps(0));
    }

    @Test
    void indicesAreRelativeToTheEndpoints() throws IOException {
        Projection p = run("0,1,1\n4,0,1\n", "project p : a[5:10] -> b[1:3] with from_list(\"syn.csv\");").network()
                .projection("p").orElseThrow();
        assertEquals(1, p.synapses().rowLength(5));
        assertEquals(2, p.synapses().target(p.synapses().rowStart(5)));
        assertEquals(1, p.synapses().target(p.synapses().rowStart(9)));
    }

    @Test
    void aMissingFileIsReportedAtItsName() throws IOException {
        Diagnostic d = run("", "project p : a -> b with from_list(\"nope.csv\") { weight = 1 nA; }")
                .errorAt("NM-E0501", "net.nmap", 4, 37);
        assertTrue(d.message().contains("nope.csv"), d.message());
    }

    @Test
    void anIndexOutsideTheEndpointIsReportedInTheCsv() throws IOException {
        Diagnostic d = run("pre,post\n0,1\n0,9\n", "project p : a -> b with from_list(\"syn.csv\") { weight = 1 nA; }")
                .errorAt("NM-E0503", "syn.csv", 3, 3);
        assertTrue(d.message().contains("post index 9"), d.message());
    }

    @Test
    void badValuesAndShapesAreReportedWhereTheyAre() throws IOException {
        run("0,1,abc\n", "project p : a -> b with from_list(\"syn.csv\");").errorAt("NM-E0503", "syn.csv", 1, 5);
        run("0,1\n0,1,2,3,4\n", "project p : a -> b with from_list(\"syn.csv\") { weight = 1 nA; }")
                .errorAt("NM-E0503", "syn.csv", 2, 1);
        run("pre,post,weight[xx]\n0,1,2\n", "project p : a -> b with from_list(\"syn.csv\");")
                .errorAt("NM-E0503", "syn.csv", 1, 10);
        run("pre,target\n0,1\n", "project p : a -> b with from_list(\"syn.csv\") { weight = 1 nA; }")
                .errorAt("NM-E0503", "syn.csv", 1, 5);
        run("0,1,1,-2\n", "project p : a -> b with from_list(\"syn.csv\");").errorAt("NM-E0503", "syn.csv", 1, 7);
        run("0,1.5,1\n", "project p : a -> b with from_list(\"syn.csv\");").errorAt("NM-E0503", "syn.csv", 1, 3);
    }

    @Test
    void aDelayBelowOneStepTakesOneStep() throws IOException {
        SynapseMatrix m = run("0,1,1\n0,2,1,0.1\n", "project p : a -> b with from_list(\"syn.csv\");").network()
                .projection("p").orElseThrow().synapses();
        assertEquals(1, m.delaySteps(1));
    }

    @Test
    void everyRowNeedsAWeightFromTheFileOrTheBody() throws IOException {
        run("0,1,1\n0,2\n", "project p : a -> b with from_list(\"syn.csv\");").errorAt("NM-E0117", "syn.csv", 2, 1);
    }

    @Test
    void errorsStopAfterTenWithACount() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            csv.append("0,x\n");
        }
        Elaborate.Run r = run(csv.toString(), "project p : a -> b with from_list(\"syn.csv\") { weight = 1 nA; }");
        assertEquals(11, r.diagnostics().errorCount(), Elaborate.render(r.diagnostics()));
        assertTrue(r.diagnostics().all().get(10).message().contains("15 more problems"));
    }
}
