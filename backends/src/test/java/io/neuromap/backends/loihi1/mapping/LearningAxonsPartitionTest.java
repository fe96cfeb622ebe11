package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Specs;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.emit.PartitionPass;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.LowerPass;
import io.neuromap.backends.loihi1.rules.InputAxonsWithinCoreLimit;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.backends.loihi1.rules.MappedNet;
import io.neuromap.compiler.mapping.MappingCheck;
import io.neuromap.compiler.mapping.MappingVerifier;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Partitioner;
import io.neuromap.compiler.mapping.Utilization;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What learning costs a core's synapse map, counted by the partitioner as the rule counts it:
 * two entries per learning axon and one reward axon per modulator. Two post neurons each learn
 * from their own 1024 presynaptic neurons under one modulator: together they take 2048 learning
 * axons (4096 entries, the whole map) plus the reward axon, one entry too many, so the
 * partitioner must split them. Without the reward axons it kept them together and the input-axon
 * rule rejected the result.
 */
class LearningAxonsPartitionTest {
    private static final String SPEC = """
            celltype Cell : lif {
              tau_syn_E = 5 ms;
              receptor DAR binds DA;
            }
            network Edge {
              population src[2048] : poisson { rate = 5 Hz; }
              population reward[1] : spike_times { times = [100 ms, 300 ms]; }
              population out[2] : Cell;
              project left : src[0:1024] -> out[0:1] with all_to_all
                  plasticity da_stdp(tau_plus = 20 ms, tau_minus = 20 ms, A_plus = 1.0, A_minus = 1.5,
                                     tau_c = 1 s, w_min = 0 nA, w_max = 4 nA)
                  { weight = 1 nA; receptor = exc; }
              project right : src[1024:2048] -> out[1:2] with all_to_all
                  plasticity da_stdp(tau_plus = 20 ms, tau_minus = 20 ms, A_plus = 1.0, A_minus = 1.5,
                                     tau_c = 1 s, w_min = 0 nA, w_max = 4 nA)
                  { weight = 1 nA; receptor = exc; }
              modulator DA { source reward; release 0.5 per spike; decay 200 ms; baseline 0.01; scope global; }
              pathway reinforce_left : DA -> proj left via DAR { effect learning_rate *= 1; }
              pathway reinforce_right : DA -> proj right via DAR { effect learning_rate *= 1; }
            }
            simulate Edge { dt = 1 ms; duration = 1 s; seed = 1; }
            """;

    @TempDir
    Path dir;

    @Test
    void theRewardAxonSplitsAPairThatFillsTheSynapseMap() {
        Loihi1CompileResult r = Specs.compile(dir, SPEC, Loihi1CompileOptions.defaults());
        assertTrue(r.violations().stream().noneMatch(v -> v.ruleId().equals(InputAxonsWithinCoreLimit.ID)),
                r.violations()::toString);
        Loihi1Config config = r.pipeline().output(Loihi1Checked.KIND).orElseThrow().emitted().config();
        MappedNet net = MappedNet.ofConfig(config, "edge.json");
        assertEquals(2, config.learning().cores().size(), "one learning core per post neuron");
        for (MappedNet.Core c : net.cores()) {
            if (c.learningAxons() > 0) {
                assertEquals(1024, c.learningAxons(), c.toString());
                // 1024 learning axons of 2 entries, and the reward axon.
                assertEquals(2 * 1024 + 1, c.inputAxons(), c.toString());
            }
        }

        // The same network, partitioned as before the reward axons were counted: one core, its
        // map full by the partitioner's count (4096 of 4096) and one over by the config's.
        Loihi1Lowering lowering = r.pipeline().output(LowerPass.LOWERED).orElseThrow();
        Loihi1Limits limits = Loihi1Limits.singleChip();
        Loihi1ResourceModel before = new Loihi1ResourceModel(limits, lowering.profiles(), lowering.formats());
        Partition old = Partitioner.partition(lowering.network(), before, PartitionOptions.defaults());
        int outCore = old.coreOf(lowering.network().populations().get(2).offset());
        assertEquals(outCore, old.coreOf(lowering.network().populations().get(2).offset() + 1));
        Utilization u = old.utilization(outCore);
        assertEquals(Loihi1Limits.INPUT_AXONS_PER_CORE, u.rows().get(Loihi1ResourceModel.INPUT_AXONS).used());

        Loihi1ResourceModel now = new Loihi1ResourceModel(limits, lowering.profiles(), lowering.formats(),
                PartitionPass.plasticProjections(lowering.learning()));
        Partition split = Partitioner.partition(lowering.network(), now, PartitionOptions.defaults());
        int first = lowering.network().populations().get(2).offset();
        assertTrue(split.coreOf(first) != split.coreOf(first + 1), "the two post neurons are split");
        Utilization v = split.utilization(split.coreOf(first));
        assertEquals(2 * 1024, v.rows().get(Loihi1ResourceModel.INPUT_AXONS).used());
        assertEquals(Loihi1Limits.INPUT_AXONS_PER_CORE - 1, v.rows().get(Loihi1ResourceModel.INPUT_AXONS).max(),
                "the reward axon takes one entry of the map");
        assertEquals(1, v.rows().get(Loihi1ResourceModel.REWARD_TRACES).used());
        MappingCheck check = MappingVerifier.verify(lowering.network(), split);
        assertTrue(check.valid(), check::toString);
    }
}
