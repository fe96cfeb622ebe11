package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Energy and wall time of one time step on the chip, estimated from expected activity and
 * published per-event figures. It is an estimate, and says so: the band spans the sources, the
 * assumptions list what activity was assumed, and the sources name every figure used.
 *
 * @param energyJoules dynamic energy per time step, in joules
 * @param timeSeconds time per time step, in seconds (unthrottled: the chip runs as fast as it can)
 * @param terms the energy per event kind, largest contributors wherever the model puts them
 * @param assumptions the activity and modelling assumptions, one sentence each
 * @param sources the publications and files the figures come from, one line each
 */
public record StepEstimate(Band energyJoules, Band timeSeconds, List<EstimateTerm> terms, List<String> assumptions,
        List<String> sources) {
    public StepEstimate {
        requireNonNull(energyJoules, "energyJoules is null");
        requireNonNull(timeSeconds, "timeSeconds is null");
        terms = List.copyOf(requireNonNull(terms, "terms is null"));
        assumptions = List.copyOf(requireNonNull(assumptions, "assumptions is null"));
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
    }
}
