package io.neuromap.backends.loihi1.learning;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.backends.report.QuantizationRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The plastic projections of a network lowered to the learning engine: a plan per lowered
 * projection (null for the others), the reward trace of each modulator that feeds one, the
 * facts the design rules judge, and the quantization rows of what was approximated.
 *
 * @param plans per projection of the lowered network, its plan or null
 * @param rewardTraces per modulator, the r1 trace its spikes drive, or null
 */
public record LearningLowering(List<LearningPlan> plans, List<Loihi1Learning.Trace> rewardTraces,
        List<LoweringFacts.Plasticity> facts, List<QuantizationRow> rows) {
    public LearningLowering {
        plans = Collections.unmodifiableList(new ArrayList<>(requireNonNull(plans, "plans is null")));
        rewardTraces = Collections.unmodifiableList(new ArrayList<>(requireNonNull(rewardTraces, "rewardTraces is null")));
        facts = List.copyOf(requireNonNull(facts, "facts is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    /** Nothing learns. */
    public static LearningLowering none(int projections, int modulators) {
        return new LearningLowering(Collections.nCopies(projections, null), Collections.nCopies(modulators, null),
                List.of(), List.of());
    }

    /** Whether any projection learns on the chip. */
    public boolean any() {
        for (LearningPlan p : plans) {
            if (p != null) {
                return true;
            }
        }
        return false;
    }
}
