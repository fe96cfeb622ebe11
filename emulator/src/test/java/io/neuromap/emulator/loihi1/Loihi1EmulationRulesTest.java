package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.config.Loihi1ConfigWriter;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.backends.loihi1.rules.CompartmentsWithinCoreLimit;
import io.neuromap.backends.loihi1.rules.Loihi1Rules;
import io.neuromap.backends.loihi1.rules.MappedNet;
import io.neuromap.backends.loihi1.rules.SynapticMemoryWithinCoreLimit;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emulate} re-checks a config with the compiler's own per-core design rules
 * ({@link Loihi1Rules#coreRules()}): for each rule a well-formed config can still break, a config
 * that breaks it (asserting the rule id, the numbers and where it is blamed) and one that just
 * keeps it; a violating config loads, lists its violations, and is refused by {@code run}; a
 * malformed config never loads.
 */
class Loihi1EmulationRulesTest {

    @TempDir
    Path tmp;

    /** {@code n} compartments on one core with the given delay bits. */
    private static Loihi1Config compartments(int n, int delayBits) {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        config.core(0, 0).singletons(new Loihi1CoreSingletons(0, 7, 1, 0, delayBits))
                .compartments(n, Loihi1CompartmentProfile.lif(0, 0, 1), 100, 0, 0);
        return config.build();
    }

    private static List<String> ids(List<Violation> violations) {
        return violations.stream().map(Violation::ruleId).toList();
    }

    @Test
    void compartmentsBeyondTheAccumulatorsAllowedByDelayBitsViolateCx001() throws Exception {
        Loihi1Emulation emulation = Loihi1Emulation.of(compartments(513, 4));
        assertEquals(1, emulation.violations().size());
        Violation v = emulation.violations().get(0);
        assertEquals(CompartmentsWithinCoreLimit.ID, v.ruleId());
        assertEquals("LOIHI1-CX-001", v.ruleId());
        assertEquals(Severity.ERROR, v.severity());
        assertEquals("config.json", v.span().file());
        assertEquals("compartments", v.resource());
        assertEquals(513, v.actual());
        assertEquals(512, v.limit());
        assertEquals("`all` needs 513 compartments on chip 0 core 0, but a core with delay_bits 4 holds 512",
                v.message());
        assertTrue(v.fix().startsWith("shorten the delays into `all`"), v.fix());
        assertEquals("config.json: error[LOIHI1-CX-001]: `all` needs 513 compartments on chip 0 core 0, but a core "
                + "with delay_bits 4 holds 512\n  = compartments: demand 513 compartments, capacity 512 compartments\n"
                + "  help: " + v.fix(), Loihi1EmulationException.render(v));

        Loihi1EmulationException refused = assertThrows(Loihi1EmulationException.class,
                () -> emulation.run(1, Loihi1RunOptions.defaults()));
        assertEquals(emulation.violations(), refused.violations());
        assertTrue(refused.getMessage().startsWith("the config violates 1 rule of the target; not emulated\n"
                + "config.json: error[LOIHI1-CX-001]"), refused.getMessage());
    }

    @Test
    void compartmentsThatFitTheAccumulatorsPassCx001() throws Exception {
        assertEquals(List.of(), Loihi1Emulation.of(compartments(512, 4)).violations());
        assertEquals(List.of(), Loihi1Emulation.of(compartments(128, 6)).violations());
        assertEquals(List.of(), Loihi1Emulation.of(compartments(Loihi1Limits.COMPARTMENTS_PER_CORE, 3)).violations());
    }

    /**
     * 8-bit sparse weights with 12 index bits cost 20 bits each; a full chunk of 64 costs
     * 64 · 20 + 10 = 1290, rounded up to 1344 bits. 1024 targets per axon are 16 chunks = 21,504
     * bits per axon, so 48 axons (1,032,192 bits) fit the 1,048,576 bits of a core and 49 do not.
     */
    private static Loihi1Config synapses(int axons, int delayBits) {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0).singletons(new Loihi1CoreSingletons(0, 7, 1, 0, delayBits));
        core.compartments(1024, Loihi1CompartmentProfile.lif(0, 0, 1), 100, 0, 0);
        core.format(1, 8, Loihi1SignMode.EXCITATORY, 0, 0);
        for (int a = 0; a < axons; a++) {
            for (int cx = 0; cx < 1024; cx++) {
                core.synapse(a, 1, cx, 1, 0);
            }
        }
        return config.build();
    }

    @Test
    void synapseListsBeyondTheSynapticMemoryViolateSynmem001() throws Exception {
        Loihi1Emulation emulation = Loihi1Emulation.of(synapses(49, 3));
        assertEquals(1, emulation.violations().size());
        Violation v = emulation.violations().get(0);
        assertEquals(SynapticMemoryWithinCoreLimit.ID, v.ruleId());
        assertEquals("LOIHI1-SYNMEM-001", v.ruleId());
        assertEquals("synaptic memory", v.resource());
        assertEquals("bits", v.unit());
        assertEquals(49L * 21_504, v.actual());
        assertEquals(1_048_576, v.limit());
        assertEquals("`all` needs 1053696 bits of synaptic memory on chip 0 core 0, but a core has 1048576",
                v.message());
    }

    @Test
    void synapseListsWithinTheSynapticMemoryPassSynmem001() throws Exception {
        assertEquals(List.of(), Loihi1Emulation.of(synapses(48, 3)).violations());
    }

    /** A synapse format's memory is counted per axon: two formats on one axon are two chunk lists. */
    @Test
    void eachFormatOfAnAxonIsItsOwnChunkList() {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0);
        core.compartments(2, Loihi1CompartmentProfile.lif(0, 0, 1), 100, 0, 0);
        core.format(1, 8, Loihi1SignMode.EXCITATORY, 0, 0).format(2, 8, Loihi1SignMode.INHIBITORY, 0, 0)
                .synapse(0, 1, 0, 1, 0).synapse(0, 2, 1, -1, 0).synapse(1, 1, 0, 1, 0).synapse(1, 1, 1, 1, 0);
        // Axon 0: two chunks of one synapse (20 + 10 -> 64 bits each); axon 1: one chunk of two (50 -> 64).
        assertEquals(3 * 64, MappedNet.ofConfig(config.build(), "config.json").cores().get(0).synapseBits());
    }

    /** A config read from disk gets the same violations, blamed on its file; a run is refused, not attempted. */
    @Test
    void aViolatingConfigLoadsFromDiskAndIsRefused() throws Exception {
        Loihi1ConfigWriter.write(compartments(600, 4), tmp.resolve("cfg"));
        Loihi1Emulation emulation = Loihi1Emulation.load(tmp.resolve("cfg"));
        assertEquals(List.of(CompartmentsWithinCoreLimit.ID), ids(emulation.violations()));
        assertEquals(tmp.resolve("cfg").resolve("config.json").toString(), emulation.violations().get(0).span().file());
        assertEquals(ids(emulation.violations()),
                ids(Loihi1Emulation.load(tmp.resolve("cfg").resolve("config.json")).violations()));
        assertThrows(Loihi1EmulationException.class, () -> emulation.run(Loihi1RunOptions.defaults()));
    }

    /** Every rule runs: a core breaking two rules reports both, in rule order. */
    @Test
    void allRulesRunAndReportEveryViolation() throws Exception {
        assertEquals(List.of(CompartmentsWithinCoreLimit.ID, SynapticMemoryWithinCoreLimit.ID),
                ids(Loihi1Emulation.of(synapses(49, 4)).violations()));
    }

    /** The rules are the compiler's per-core rules, run as the compiler runs them on the same config. */
    @Test
    void theViolationsAreThoseOfTheCompilersPerCoreRules() throws Exception {
        Loihi1Config config = synapses(49, 4);
        assertEquals(Loihi1Rules.check(Loihi1Rules.coreRules(), MappedNet.ofConfig(config, "config.json"),
                Loihi1Limits.of(config.system())), Loihi1Emulation.of(config).violations());
    }

    /** A malformed config is a config error, never a rule violation or a run. */
    @Test
    void aMalformedConfigDoesNotLoad() {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        config.core(0, 0).compartment(Loihi1CompartmentProfile.lif(5000, 0, 1), 100, 0, 0);
        Loihi1ConfigException e = assertThrows(Loihi1ConfigException.class, () -> Loihi1Emulation.of(config.build()));
        assertTrue(e.getMessage().contains("/chips/0/cores/0/compartment_profiles/0/decay_u"), e.getMessage());
    }
}
