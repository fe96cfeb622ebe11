package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An ordered list of passes whose IR kinds chain: each pass requires what the one before it
 * provides. Checked when built, so a pipeline that cannot run is a {@link PipelineException}
 * before any work is done. Immutable.
 */
public final class Pipeline {
    private final String text;
    private final List<Pass<?, ?>> passes;

    Pipeline(String text, List<Pass<?, ?>> passes) {
        this.text = requireNonNull(text, "text is null");
        this.passes = List.copyOf(passes);
        if (this.passes.isEmpty()) {
            throw new PipelineException("empty pipeline");
        }
        for (int i = 1; i < this.passes.size(); i++) {
            Pass<?, ?> before = this.passes.get(i - 1);
            Pass<?, ?> after = this.passes.get(i);
            if (!before.provides().equals(after.requires())) {
                throw new PipelineException("pass `" + after.name() + "` needs " + after.requires().name() + " but `"
                        + before.name() + "` before it produces " + before.provides().name() + " (in `" + text + "`)");
            }
        }
    }

    /** A pipeline of the given passes, e.g. for tests; its text is their names. */
    public static Pipeline of(List<? extends Pass<?, ?>> passes) {
        return new Pipeline(passes.stream().map(Pass::name).collect(Collectors.joining(",")), List.copyOf(passes));
    }

    public List<Pass<?, ?>> passes() {
        return passes;
    }

    public IrKind<?> input() {
        return passes.get(0).requires();
    }

    public IrKind<?> output() {
        return passes.get(passes.size() - 1).provides();
    }

    /** The pipeline as text, without spaces: {@code load,analyse}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
