package io.neuromap.emulator.record;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Everything one run recorded, in memory: the spikes, every probe, and the summary. This is what
 * {@link RecordingWriter} writes, what {@code validate} compares between the float reference and
 * an emulator, and what the raster plot draws.
 */
public record Recording(SpikeRecorder spikes, List<ProbeRecorder> probes, RunSummary summary) {
    public Recording {
        requireNonNull(spikes, "spikes is null");
        probes = List.copyOf(requireNonNull(probes, "probes is null"));
        requireNonNull(summary, "summary is null");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ProbeRecorder p : probes) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two probes are named " + p.name());
            }
        }
    }

    /** The probe called {@code name}. */
    public Optional<ProbeRecorder> probe(String name) {
        for (ProbeRecorder p : probes) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
