package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.Demand;
import io.neuromap.compiler.mapping.GroupCost;
import io.neuromap.compiler.mapping.MappingRule;
import io.neuromap.compiler.mapping.MeshLayout;
import io.neuromap.compiler.mapping.Resource;
import io.neuromap.compiler.mapping.Utilization;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Loihi 1 resource model's table, capacities and per-neuron demand. */
class Loihi1ResourceModelTest {
    private final Loihi1ResourceModel model = Loihi1ResourceModel.of(Loihi1Limits.singleChip());

    @Test
    void everyResourceHasItsLimitARuleAndASource() {
        assertEquals(9, model.resources().size());
        assertEquals(Loihi1Limits.COMPARTMENTS_PER_CORE, model.resources().get(Loihi1ResourceModel.COMPARTMENTS).capacity());
        assertEquals(Loihi1Limits.INPUT_AXONS_PER_CORE, model.resources().get(Loihi1ResourceModel.INPUT_AXONS).capacity());
        assertEquals(Loihi1Limits.OUTPUT_AXONS_PER_CORE, model.resources().get(Loihi1ResourceModel.OUTPUT_AXONS).capacity());
        assertEquals(Loihi1Limits.SYNAPSE_BITS_PER_CORE, model.resources().get(Loihi1ResourceModel.SYNAPSE_BITS).capacity());
        assertEquals(Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE,
                model.resources().get(Loihi1ResourceModel.COMPARTMENT_PROFILES).capacity());
        assertEquals(Loihi1Limits.THRESHOLD_PROFILES_PER_CORE,
                model.resources().get(Loihi1ResourceModel.THRESHOLD_PROFILES).capacity());
        assertEquals(Loihi1Limits.SYNAPSE_FORMATS_PER_CORE, model.resources().get(Loihi1ResourceModel.SYNAPSE_FORMATS).capacity());
        assertEquals(Loihi1Limits.MAX_DELAY_FIELD + 1, model.resources().get(Loihi1ResourceModel.SYNAPTIC_DELAY).capacity());
        assertEquals(Loihi1Limits.REWARD_TRACES_PER_CORE, model.resources().get(Loihi1ResourceModel.REWARD_TRACES).capacity());
        Set<String> rules = new HashSet<>();
        for (Resource r : model.resources()) {
            assertTrue(r.ruleId().matches("LOIHI1-[A-Z]+-\\d{3}"), r.ruleId());
            assertTrue(rules.add(r.ruleId()), "rule ids are distinct");
            assertTrue(r.source().contains("loihi1"), r.source());
            assertTrue(r.fix().contains("%s"), r.fix());
        }
        assertTrue(rules.add(model.ruleId(MappingRule.CHIPS)));
        assertTrue(rules.add(model.ruleId(MappingRule.OFF_CORE_TARGET)));
        Loihi1ResourceModel compat = Loihi1ResourceModel.of(Loihi1Limits.singleChip()
                .withSynapseFormats(Loihi1Limits.SynapseFormatTable.COMPAT_7));
        assertEquals(Loihi1Limits.SYNAPSE_FORMATS_PER_CORE_COMPAT,
                compat.resources().get(Loihi1ResourceModel.SYNAPSE_FORMATS).capacity());
    }

    @Test
    void theLongestDelayIntoACoreCapsItsCompartmentsAsSection16Says() {
        // Language delay D uses delay field D - 1: fields 6 / 14 / 30 / 62 keep 1024 / 512 / 256 / 128.
        int[][] table = {{0, 1024}, {1, 1024}, {7, 1024}, {8, 512}, {15, 512}, {16, 256}, {31, 256}, {32, 128},
                {63, 128}, {64, 128}, {1000, 128}};
        for (int[] row : table) {
            assertEquals(row[1], Loihi1ResourceModel.compartmentCapacity(row[0]), "delay " + row[0]);
            long[] used = new long[model.resources().size()];
            used[Loihi1ResourceModel.SYNAPTIC_DELAY] = row[0];
            Utilization u = model.utilization(used);
            assertEquals(row[1], u.rows().get(Loihi1ResourceModel.COMPARTMENTS).max());
            assertEquals(row[0] <= 63, u.fits(), "delay " + row[0]);
        }
    }

    @Test
    void synapticMemoryIsBitsPerAxonAndItsLowerBoundHoldsForEverySplit() {
        Loihi1SynapseFormat format = Loihi1DefaultSynapseFormats.INSTANCE.format(Networks.net("""
                population a[3] : lif;
                project a -> a with all_to_all { weight = 0.1 nA; delay ~ uniform(1 ms, 5 ms); }
                """), 0);
        assertEquals(3, format.delayBits(), "delays up to 5 steps: field 4 needs 3 bits");
        assertEquals(8 + 10 + 3, format.bitsPerSynapse(), "8-bit weights, 10 index bits for 1024 compartments");
        GroupCost cost = new Loihi1ResourceModel.FormatCost(format);
        Random rnd = new Random(4);
        for (int n = 0; n <= 700; n++) {
            assertEquals(format.bitsPerAxon(n), cost.cost(n));
            assertTrue(cost.lowerBound(n) <= cost.cost(n));
            // Split n into random groups: the bound holds for every split.
            for (int trial = 0; trial < 20 && n > 0; trial++) {
                int left = n;
                long sum = 0;
                while (left > 0) {
                    int g = 1 + rnd.nextInt(left);
                    sum += cost.cost(g);
                    left -= g;
                }
                assertTrue(cost.lowerBound(n) <= sum, "n = " + n);
            }
        }
        // Not subadditive: two lists of 55 fit words better than one of 110 (why lowerBound exists).
        Loihi1SynapseFormat nengo = Loihi1SynapseFormat.nengoDefault(false, 5, 0);
        assertTrue(nengo.bitsPerAxon(110) > 2 * nengo.bitsPerAxon(55));
    }

    @Test
    void demandCountsCompartmentsProfilesAndAxonSlots() {
        Network net = Networks.net("""
                population plain[4] : lif;
                population cuba[3] : lif { tau_syn_E = 5 ms; tau_syn_I = 10 ms; }
                population tree[2] : two_comp;
                population noise[5] : poisson { rate = 10 Hz; }
                project noise -> plain with all_to_all plasticity stdp() { weight = 0.1 nA; }
                project plain -> cuba with all_to_all { weight = 0.1 nA; delay = 9 ms; }
                """);
        Demand d = model.demand(net);
        assertTrue(d.placed(0) && d.placed(1) && d.placed(2));
        assertFalse(d.placed(3), "spike sources run off-core");
        assertEquals(1, d.neuronAmount(Loihi1ResourceModel.COMPARTMENTS, 0));
        assertEquals(2, d.neuronAmount(Loihi1ResourceModel.COMPARTMENTS, 4), "distinct E and I time constants");
        assertEquals(2, d.neuronAmount(Loihi1ResourceModel.COMPARTMENTS, 7), "soma and dendrite");
        assertEquals(2, d.keyCount(Loihi1ResourceModel.COMPARTMENT_PROFILES, 4));
        assertEquals(1, d.keyCount(Loihi1ResourceModel.THRESHOLD_PROFILES, 4));
        assertEquals(Loihi1Limits.LEARNING_AXON_MAP_SLOTS, d.sourceAmount(Loihi1ResourceModel.INPUT_AXONS, 9),
                "a source of a plastic projection takes two synapse-map slots");
        assertEquals(1, d.sourceAmount(Loihi1ResourceModel.INPUT_AXONS, 0));
        assertEquals(9, d.neuronValue(Loihi1ResourceModel.SYNAPTIC_DELAY, 4));
        assertEquals(1, d.neuronValue(Loihi1ResourceModel.SYNAPTIC_DELAY, 0));
        assertEquals(0, d.neuronValue(Loihi1ResourceModel.SYNAPTIC_DELAY, 7), "no synapses in");
        // The soma of a tree and a single compartment with the same decays are different profiles.
        assertTrue(d.key(Loihi1ResourceModel.COMPARTMENT_PROFILES, 0, 0)
                != d.key(Loihi1ResourceModel.COMPARTMENT_PROFILES, 4, 0));
        // Same parameters, same profile.
        assertEquals(d.key(Loihi1ResourceModel.COMPARTMENT_PROFILES, 0, 0),
                d.key(Loihi1ResourceModel.COMPARTMENT_PROFILES, 3, 0));
    }

    @Test
    void rewardAxonsTakeInputAxonsAndEachModulatorIsOneRewardTrace() {
        long[] used = new long[model.resources().size()];
        assertEquals(Loihi1Limits.INPUT_AXONS_PER_CORE, model.capacity(Loihi1ResourceModel.INPUT_AXONS, used));
        used[Loihi1ResourceModel.REWARD_TRACES] = 3;
        assertEquals(Loihi1Limits.INPUT_AXONS_PER_CORE - 3, model.capacity(Loihi1ResourceModel.INPUT_AXONS, used));
        Network net = Networks.net("""
                population pre[3] : poisson { rate = 10 Hz; }
                population r0[1] : spike_times { times = [1 ms]; }
                population r1[1] : spike_times { times = [2 ms]; }
                population post[4] : lif;
                project a : pre -> post[0:2] with all_to_all plasticity stdp() { weight = 0.1 nA; }
                project b : pre -> post[1:3] with all_to_all plasticity stdp() { weight = 0.1 nA; }
                project c : pre -> post[3:4] with all_to_all { weight = 0.1 nA; }
                modulator M0 { source r0; release 0.5 per spike; decay 200 ms; baseline 0; scope global; }
                modulator M1 { source r1; release 0.5 per spike; decay 200 ms; baseline 0; scope global; }
                """);
        assertEquals(2, net.modulators().size());
        // a reads modulator 0, b modulator 1; c does not learn.
        Loihi1PlasticProjections plastic = new Loihi1PlasticProjections() {
            @Override
            public boolean learns(Network network, int projection) {
                return projection < 2;
            }

            @Override
            public int rewardModulator(Network network, int projection) {
                return projection;
            }
        };
        Network modulated = net;
        Demand d = new Loihi1ResourceModel(Loihi1Limits.singleChip(), Loihi1DerivedProfiles.INSTANCE,
                Loihi1DefaultSynapseFormats.INSTANCE, plastic).demand(modulated);
        int post = modulated.populations().get(3).offset();
        int[][] expected = {{0}, {0, 1}, {1}, {}};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, d.keyCount(Loihi1ResourceModel.REWARD_TRACES, post + i), "post " + i);
            for (int k = 0; k < expected[i].length; k++) {
                assertEquals(expected[i][k], d.key(Loihi1ResourceModel.REWARD_TRACES, post + i, k));
            }
        }
        assertEquals(Loihi1Limits.LEARNING_AXON_MAP_SLOTS, d.sourceAmount(Loihi1ResourceModel.INPUT_AXONS, 0));
    }

    @Test
    void meshesFollowTheSystems() {
        assertEquals(Loihi1Limits.CORES_PER_CHIP, model.mesh().coresPerChip());
        MeshLayout one = model.mesh().layout(1);
        assertEquals(Loihi1Limits.CORES_PER_CHIP, one.slots());
        assertEquals(0, one.hops(0, Loihi1Limits.CORES_PER_TILE - 1), "cores of one tile share a router");
        assertEquals(1, one.hops(0, Loihi1Limits.CORES_PER_TILE), "the next tile is one hop away");
        assertEquals(Loihi1Limits.TILE_MESH_COLUMNS - 1 + Loihi1Limits.TILE_MESH_ROWS - 1,
                one.hops(0, Loihi1Limits.CORES_PER_CHIP - 1), "corner to corner");
        Loihi1ResourceModel springs = Loihi1ResourceModel.of(Loihi1Limits.of(Loihi1System.POHOIKI_SPRINGS));
        MeshLayout all = springs.mesh().layout(Loihi1Limits.POHOIKI_SPRINGS_CHIPS);
        assertEquals(Loihi1Limits.POHOIKI_SPRINGS_CHIP_COLUMNS * Loihi1Limits.TILE_MESH_COLUMNS, all.width());
        assertEquals(Loihi1Limits.POHOIKI_SPRINGS_CHIP_ROWS * Loihi1Limits.TILE_MESH_ROWS, all.height());
        MeshLayout nahuku = Loihi1ResourceModel.of(Loihi1Limits.of(Loihi1System.NAHUKU)).mesh()
                .layout(Loihi1Limits.NAHUKU_CHIPS);
        assertEquals(8 * Loihi1Limits.TILE_MESH_COLUMNS, nahuku.width(), "4 x 8 chips");
        assertEquals(2, Loihi1ResourceModel.of(Loihi1Limits.of(Loihi1System.KAPOHO_BAY)).mesh().chipsAvailable());
    }
}
