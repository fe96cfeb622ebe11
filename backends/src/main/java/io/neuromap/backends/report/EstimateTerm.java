package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

/**
 * One term of an energy estimate: an event, how often it happens per time step, and the energy
 * it costs per step, so that the user sees which events dominate (synaptic ops, usually).
 *
 * @param event the event ({@code synaptic op})
 * @param perStep expected events per time step, summed over the chip(s)
 * @param energyJoules energy of those events per step, in joules
 * @param source where the per-event figures come from
 */
public record EstimateTerm(String event, double perStep, Band energyJoules, String source) {
    public EstimateTerm {
        requireNonNull(event, "event is null");
        requireNonNull(energyJoules, "energyJoules is null");
        requireNonNull(source, "source is null");
        if (!(perStep >= 0) || Double.isInfinite(perStep)) {
            throw new IllegalArgumentException("perStep must be finite and >= 0, got " + perStep);
        }
    }
}
