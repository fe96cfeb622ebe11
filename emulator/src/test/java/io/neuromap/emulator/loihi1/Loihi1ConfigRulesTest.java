package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1Resource;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.config.Loihi1ConfigWriter;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.compiler.diag.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The design rules {@code emulate} re-checks: for each, a config that violates it (asserting the
 * rule id, location and numbers) and one that just fits; a violating config loads, lists its
 * violations, and is refused by {@code run}; a malformed config never loads.
 */
class Loihi1ConfigRulesTest {

    @TempDir
    Path tmp;

    /** {@code n} compartments on one core with the given delay bits. */
    private static Loihi1Config compartments(int n, int delayBits) {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        config.core(0, 0).singletons(new Loihi1CoreSingletons(0, 7, 1, 0, delayBits))
                .compartments(n, Loihi1CompartmentProfile.lif(0, 0, 1), 100, 0, 0);
        return config.build();
    }

    @Test
    void compartmentsBeyondTheAccumulatorsAllowedByDelayBitsViolateCmpt001() throws Exception {
        Loihi1Emulation emulation = Loihi1Emulation.of(compartments(513, 4));
        assertEquals(1, emulation.violations().size());
        Loihi1RuleViolation v = emulation.violations().get(0);
        assertEquals("LOIHI1-CMPT-001", v.ruleId());
        assertEquals(Severity.ERROR, v.severity());
        assertEquals("/chips/0/cores/0/compartments", v.pointer());
        assertEquals("chip 0, core 0", v.subject());
        assertEquals(Loihi1Resource.COMPARTMENTS, v.resource());
        assertEquals(513, v.actual());
        assertEquals(512, v.limit());
        assertEquals("lower delay_bits to 3: the longest synaptic delay field into this core is 0, and delay_bits 3 "
                + "leaves room for 1024 compartments", v.fix());
        assertEquals("error[LOIHI1-CMPT-001]: config.json: /chips/0/cores/0/compartments: chip 0, core 0: 513 "
                + "compartments, but with delay_bits 4 each takes 16 of the 8192 dendritic accumulators, which leaves "
                + "room for 512\n  help: lower delay_bits to 3: the longest synaptic delay field into this core is 0, "
                + "and delay_bits 3 leaves room for 1024 compartments", v.render());

        Loihi1EmulationException refused = assertThrows(Loihi1EmulationException.class,
                () -> emulation.run(1, Loihi1RunOptions.defaults()));
        assertEquals(emulation.violations(), refused.violations());
        assertTrue(refused.getMessage().startsWith("the config violates 1 rule of the target; not emulated\n"
                + "error[LOIHI1-CMPT-001]"), refused.getMessage());
    }

    @Test
    void compartmentsThatFitTheAccumulatorsPassCmpt001() throws Exception {
        assertEquals(List.of(), Loihi1Emulation.of(compartments(512, 4)).violations());
        assertEquals(List.of(), Loihi1Emulation.of(compartments(128, 6)).violations());
        assertEquals(List.of(), Loihi1Emulation.of(compartments(Loihi1Limits.COMPARTMENTS_PER_CORE, 3)).violations());
    }

    @Test
    void cmpt001SuggestsSplittingWhenTheDelaysNeedTheBits() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0).singletons(new Loihi1CoreSingletons(0, 7, 1, 0, 5));
        core.compartments(300, Loihi1CompartmentProfile.lif(0, 0, 1), 100, 0, 0);
        core.format(1, 8, Loihi1SignMode.EXCITATORY, 0, 5).synapse(0, 1, 0, 1, 20);
        Loihi1RuleViolation v = Loihi1Emulation.of(config.build()).violations().get(0);
        assertEquals(Loihi1CompartmentsFitAccumulators.ID, v.ruleId());
        assertEquals(256, v.limit());
        assertEquals("move 44 compartments to another core (at most 256 per core with delays up to 30 steps), or "
                + "shorten the delays into this core", v.fix());
    }

    /**
     * 8-bit sparse weights with 12 index bits cost 20 bits each; a full chunk of 64 costs
     * 64 · 20 + 10 = 1290, rounded up to 1344 bits. 1024 targets per axon are 16 chunks = 21,504
     * bits per axon, so 48 axons (1,032,192 bits) fit the 1,048,576 bits of a core and 49 do not.
     */
    private static Loihi1Config synapses(int axons) {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0);
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
    void synapseListsBeyondTheSynapticMemoryViolateSynm001() throws Exception {
        Loihi1Emulation emulation = Loihi1Emulation.of(synapses(49));
        assertEquals(1, emulation.violations().size());
        Loihi1RuleViolation v = emulation.violations().get(0);
        assertEquals("LOIHI1-SYNM-001", v.ruleId());
        assertEquals("/chips/0/cores/0/synapses", v.pointer());
        assertEquals(Loihi1Resource.SYNAPSE_BITS, v.resource());
        assertEquals(49L * 21_504, v.actual());
        assertEquals(1_048_576, v.limit());
        assertEquals("total synapse bits (1053696) exceeded max (1048576): 50176 synapses on 49 input axons",
                v.message());
        assertEquals("split this core's compartments over at least 2 cores, or store the weights in fewer bits "
                + "(num_weight_bits) or densely", v.fix());
    }

    @Test
    void synapseListsWithinTheSynapticMemoryPassSynm001() throws Exception {
        assertEquals(List.of(), Loihi1Emulation.of(synapses(48)).violations());
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
        assertEquals(3 * 64, Loihi1SynapticMemoryFitsCore.bits(config.build().chips().get(0).cores().get(0)));
    }

    /** A config read from disk gets the same violations; a run is refused, not attempted. */
    @Test
    void aViolatingConfigLoadsFromDiskAndIsRefused() throws Exception {
        Loihi1ConfigWriter.write(compartments(600, 4), tmp.resolve("cfg"));
        Loihi1Emulation emulation = Loihi1Emulation.load(tmp.resolve("cfg"));
        assertEquals(List.of(Loihi1CompartmentsFitAccumulators.ID),
                emulation.violations().stream().map(Loihi1RuleViolation::ruleId).toList());
        assertThrows(Loihi1EmulationException.class, () -> emulation.run(Loihi1RunOptions.defaults()));
    }

    /** Every rule runs: a core breaking both rules reports both. */
    @Test
    void allRulesRunAndReportEveryViolation() throws Exception {
        Loihi1Config both = synapses(49);
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0).singletons(new Loihi1CoreSingletons(0, 7, 1, 0, 4));
        core.compartments(1024, Loihi1CompartmentProfile.lif(0, 0, 1), 100, 0, 0);
        core.format(1, 8, Loihi1SignMode.EXCITATORY, 0, 0);
        for (int a = 0; a < 49; a++) {
            for (int cx = 0; cx < 1024; cx++) {
                core.synapse(a, 1, cx, 1, 0);
            }
        }
        assertFalse(Loihi1Emulation.of(both).violations().isEmpty());
        assertEquals(List.of(Loihi1CompartmentsFitAccumulators.ID, Loihi1SynapticMemoryFitsCore.ID),
                Loihi1Emulation.of(config.build()).violations().stream().map(Loihi1RuleViolation::ruleId).toList());
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
