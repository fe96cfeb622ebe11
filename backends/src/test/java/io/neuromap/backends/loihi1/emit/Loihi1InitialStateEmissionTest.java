package io.neuromap.backends.loihi1.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Specs;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1InitialState;
import io.neuromap.backends.loihi1.lower.Loihi1LowerOptions;
import io.neuromap.backends.loihi1.lower.Loihi1Lowerer;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.PopulationLowering;
import io.neuromap.backends.loihi1.rules.InitialVoltageInRange;
import io.neuromap.backends.report.QuantizationRow;
import io.neuromap.compiler.mapping.Violation;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * v_init reaches the chip: each soma's {@code (v_init - v_reset)} at its voltage scale in the
 * core's {@code initial_state}, rounded, with its error in the quantization table; none when every
 * neuron starts at reset; a value beyond [vmin, vmax] clamped with warning LOIHI1-INIT-001.
 */
class Loihi1InitialStateEmissionTest {
    @TempDir
    Path dir;

    private static final String RANDOM = """
            network N {
              population p[40] : lif { v_rest = -65 mV; v_reset = -60 mV; v_thresh = -50 mV;
                                       v_init ~ uniform(-60 mV, -50 mV); }
            }
            simulate N { dt = 1 ms; duration = 5 ms; seed = 3; }
            """;

    private static Loihi1CoreConfig onlyCore(Loihi1CompileResult r) {
        return r.config().orElseThrow().chips().get(0).cores().get(0);
    }

    private static List<String> ruleIds(Loihi1CompileResult r) {
        return r.violations().stream().map(Violation::ruleId).collect(Collectors.toList());
    }

    @Test
    void randomInitialVoltagesAreWrittenInTheVoltageScale() {
        Loihi1CompileResult r = Specs.compile(dir, RANDOM, Loihi1CompileOptions.defaults());
        assertTrue(r.feasible(), r.violations().toString());
        assertTrue(!ruleIds(r).contains(InitialVoltageInRange.ID), ruleIds(r).toString());
        Loihi1CoreConfig core = onlyCore(r);
        Loihi1InitialState state = core.initialState();
        int vth = core.thresholdProfiles().get(0).vthMant() << 6;
        Set<Integer> distinct = new HashSet<>();
        for (int k = 0; k < state.count(); k++) {
            assertEquals(0, state.u()[k]);
            assertTrue(state.v()[k] > 0 && state.v()[k] <= vth, "v " + state.v()[k] + " within (0, " + vth + "]");
            distinct.add(state.v()[k]);
        }
        assertTrue(state.count() >= 39 && distinct.size() >= 39, state.count() + " rows, " + distinct.size()
                + " distinct");

        Loihi1Lowering lowering = Loihi1Lowerer.lower(Specs.elaborate(dir, RANDOM), Loihi1LowerOptions.defaults());
        PopulationLowering pop = lowering.populations().get(0);
        double v0 = -0.060 + pop.initialVoltage(0, 0) / pop.voltageScale(0);
        double asked = lowering.network().populations().get(0).parameter("v_init").orElseThrow().get(0);
        assertEquals(asked, v0, 0.5 / pop.voltageScale(0) + 1e-12);
        QuantizationRow row = lowering.quantization().stream().filter(q -> q.parameter().equals("v_init"))
                .findFirst().orElseThrow();
        assertTrue(row.maxRelativeError() > 0 && row.maxRelativeError() < 1e-4, row.toString());
        assertTrue(row.note().contains("initial_state"), row.note());
    }

    @Test
    void neuronsStartingAtResetWriteNoTable() {
        Loihi1CompileResult r = Specs.compile(dir, """
                network N { population p[10] : lif { v_reset = -60 mV; v_init = -60 mV; } }
                simulate N { dt = 1 ms; duration = 5 ms; seed = 3; }
                """, Loihi1CompileOptions.defaults());
        assertEquals(0, onlyCore(r).initialState().count());
        assertTrue(!ruleIds(r).contains(InitialVoltageInRange.ID));
    }

    @Test
    void aVoltageBeyondTheChipsRangeIsClampedWithAWarning() {
        Loihi1CompileResult r = Specs.compile(dir, """
                network N { population p[3] : lif { v_reset = -60 mV; v_thresh = -50 mV; v_init = -200 mV; } }
                simulate N { dt = 1 ms; duration = 5 ms; seed = 3; }
                """, Loihi1CompileOptions.defaults());
        assertTrue(r.feasible(), r.violations().toString());
        Violation v = r.violations().stream().filter(x -> x.ruleId().equals(InitialVoltageInRange.ID)).findFirst()
                .orElseThrow();
        assertTrue(v.message().contains("`p` has 3 neurons whose v_init lies"), v.message());
        Loihi1InitialState state = onlyCore(r).initialState();
        assertEquals(3, state.count());
        assertEquals(-((1 << 23) - 1), state.v()[0]);
    }
}
