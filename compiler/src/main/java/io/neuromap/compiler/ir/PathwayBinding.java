package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/**
 * A pathway bound to concrete targets: modulator {@code modulator} acts through {@code receptor}
 * on {@code target} with {@code effects}, in declaration order (several pathways on one target
 * compose in the order of {@link Network#pathways()}).
 *
 * @param modulator index into {@link Network#modulators()}
 */
public record PathwayBinding(String name, SourceSpan span, int modulator, String receptor, PathwayTargetBinding target,
        List<EffectBinding> effects) {
    public PathwayBinding {
        requireNonNull(name, "name is null");
        requireNonNull(span, "span is null");
        requireNonNull(receptor, "receptor is null");
        requireNonNull(target, "target is null");
        effects = List.copyOf(requireNonNull(effects, "effects is null"));
    }
}
