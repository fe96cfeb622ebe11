package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Specs;
import io.neuromap.backends.loihi1.emit.Loihi1Partitioned;
import io.neuromap.backends.loihi1.rules.InputAxonsWithinCoreLimit;
import io.neuromap.backends.loihi1.rules.RewardChannelsWithinCoreLimit;
import io.neuromap.compiler.mapping.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random plastic networks near the synapse-map and reward-trace limits (2,040 to 2,051 sources, 2 entries each
 * learning onto 2 to 5 neurons under up to 6 modulators): whenever the partitioner leaves no core
 * over its input axons or reward traces, the rules on the emitted config find none either, so
 * the partitioner never hands the rules a mapping they reject for learning's costs.
 */
class LearningLimitsPropertyTest {
    private static final int NETWORKS = 10;
    private static final Set<String> IDS = Set.of(InputAxonsWithinCoreLimit.ID, RewardChannelsWithinCoreLimit.ID);

    @TempDir
    Path dir;

    @Test
    void thePartitionersCountOfLearningAxonsAndRewardAxonsIsTheRules() {
        SplittableRandom random = new SplittableRandom(20261129);
        int split = 0;
        int clean = 0;
        for (int n = 0; n < NETWORKS; n++) {
            String text = network(random, n);
            Loihi1CompileResult r = Specs.compile(dir, text, Loihi1CompileOptions.defaults());
            Loihi1Partitioned partitioned = r.checked().orElseThrow().emitted().routed().placed().partitioned();
            List<Violation> engine = partitioned.partition().violations().stream()
                    .filter(v -> IDS.contains(v.ruleId())).toList();
            List<Violation> rules = r.violations().stream().filter(v -> IDS.contains(v.ruleId())).toList();
            if (engine.isEmpty()) {
                assertEquals(List.of(), rules, text);
                clean++;
            }
            if (partitioned.partition().coreCount() > 1) {
                split++;
            }
        }
        assertEquals(NETWORKS, clean, "every neuron fits a core alone");
        assertTrue(split >= 2 && split < NETWORKS, split + " of " + NETWORKS + " networks needed more than one core");
    }

    /** Sources learning onto a few neurons, each projection gated by one of several modulators. */
    private static String network(SplittableRandom random, int n) {
        int sources = 2040 + random.nextInt(12);
        int posts = 2 + random.nextInt(4);
        int modulators = 1 + random.nextInt(6);
        StringBuilder b = new StringBuilder("celltype Cell : lif {\n  tau_syn_E = 5 ms;\n");
        for (int m = 0; m < modulators; m++) {
            b.append("  receptor R").append(m).append(" binds M").append(m).append(";\n");
        }
        b.append("}\nnetwork L").append(n).append(" {\n");
        b.append("  population src[").append(sources).append("] : poisson { rate = 5 Hz; }\n");
        b.append("  population out[").append(posts).append("] : Cell;\n");
        for (int m = 0; m < modulators; m++) {
            b.append("  population rew").append(m).append("[1] : spike_times { times = [").append(100 + 50 * m)
                    .append(" ms]; }\n");
            b.append("  modulator M").append(m).append(" { source rew").append(m)
                    .append("; release 0.5 per spike; decay 200 ms; baseline 0.01; scope global; }\n");
        }
        // One projection per post neuron, from its own share of the sources (overlapping the
        // previous share by up to 100): each neuron fits a core alone; together they fill the
        // synapse map within a few entries, reward axons included.
        int share = sources / posts;
        for (int j = 0; j < posts; j++) {
            int from = Math.max(0, j * share - random.nextInt(101));
            int to = j == posts - 1 ? sources : (j + 1) * share;
            int post = j;
            int m = random.nextInt(modulators);
            b.append(String.format(Locale.ROOT, "  project p%d : src[%d:%d] -> out[%d:%d] with all_to_all%n", j, from, to,
                    post, post + 1));
            b.append("      plasticity da_stdp(tau_plus = 20 ms, tau_minus = 20 ms, A_plus = 1.0, A_minus = 1.5,")
                    .append(" tau_c = 1 s, w_min = 0 nA, w_max = 4 nA)\n");
            b.append("      { weight = 1 nA; receptor = exc; }\n");
            b.append("  pathway w").append(j).append(" : M").append(m).append(" -> proj p").append(j).append(" via R")
                    .append(m).append(" { effect learning_rate *= 1; }\n");
        }
        b.append("}\nsimulate L").append(n).append(" { dt = 1 ms; duration = 1 s; seed = ").append(n).append("; }\n");
        return b.toString();
    }
}
