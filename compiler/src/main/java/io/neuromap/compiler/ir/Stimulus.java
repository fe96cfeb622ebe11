package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * A stimulus bound to target neurons: {@code stimulus drive : poisson(rate = 5 Hz) -> exc { weight = 2 nA; }}.
 *
 * @param weight one value per target neuron (in target order), SI; required for spike-delivering
 *               sources (poisson, spike_times), optional for dc and external
 * @param randomPath the object path its Poisson trains are keyed by ({@code Network/stimulus:name})
 * @param seed the seed its draws are keyed with
 */
public record Stimulus(String name, SourceSpan span, StimulusSource source, NeuronRange target,
        Optional<ParameterValues> weight, String randomPath, long seed) {
    public Stimulus {
        requireNonNull(name, "name is null");
        requireNonNull(span, "span is null");
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        requireNonNull(weight, "weight is null");
        requireNonNull(randomPath, "randomPath is null");
    }
}
