package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A per-instance distribution: {@code gamma(k = 3, mean = 20 ms) clip [5 ms, 80 ms] redraw}.
 * The family name is resolved by the front end.
 */
public record Distribution(Identifier family, List<Argument> arguments, Optional<Clip> clip, SourceSpan span) implements Node {
    public Distribution {
        requireNonNull(family, "family is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(clip, "clip is null");
        requireNonNull(span, "span is null");
    }

    /** {@code clip [lo, hi] redraw|clamp}; {@code mode} is empty when the user wrote neither (redraw applies). */
    public record Clip(Expr low, Expr high, Optional<ClipMode> mode, SourceSpan span) implements Node {
        public Clip {
            requireNonNull(low, "low is null");
            requireNonNull(high, "high is null");
            requireNonNull(mode, "mode is null");
            requireNonNull(span, "span is null");
        }

        /** The mode in force: redraw unless the user wrote clamp. */
        public ClipMode effectiveMode() {
            return mode.orElse(ClipMode.REDRAW);
        }
    }

    /** PyNN's two clip semantics: draw again until inside, or move to the nearest bound. */
    public enum ClipMode {
        REDRAW, CLAMP
    }
}
