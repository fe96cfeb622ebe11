package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.SourceSet;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.pass.PipelineResult;
import java.util.List;
import java.util.Optional;

/**
 * What {@code compile --target loihi1} produced: the language diagnostics (errors there stop the
 * pipeline before lowering), and, when the network elaborated, everything the reports need: the
 * lowering (scales, quantization and binning tables), the partition (utilization, lower bounds,
 * traffic), the placement (chips, inter-chip traffic), the config and every violation.
 *
 * @param diagnostics the language diagnostics
 * @param sources the files read, for rendering diagnostics
 * @param pipeline the pass records (times, statistics)
 * @param checked the mapped network and its violations, when the front end succeeded
 */
public record Loihi1CompileResult(Diagnostics diagnostics, SourceSet sources, PipelineResult pipeline,
        Optional<Loihi1Checked> checked) {
    public Loihi1CompileResult {
        requireNonNull(diagnostics, "diagnostics is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(checked, "checked is null");
    }

    /** True when the network compiled and fits: a config may be written. */
    public boolean feasible() {
        return checked.isPresent() && checked.get().feasible();
    }

    /** Every design-rule violation (empty when the front end failed). */
    public List<Violation> violations() {
        return checked.map(Loihi1Checked::violations).orElse(List.of());
    }

    /** The config to write, present only when feasible. */
    public Optional<Loihi1Config> config() {
        return checked.flatMap(Loihi1Checked::config);
    }
}
