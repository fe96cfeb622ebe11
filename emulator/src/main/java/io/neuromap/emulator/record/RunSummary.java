package io.neuromap.emulator.record;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What a run did, in numbers: its length, per-population spike counts and mean rates, the
 * synaptic events delivered, engine counters (overflows of a chip's arithmetic, for instance) and,
 * when measured, the wall time. {@link #toJson()} is {@code summary.json}. Everything except the
 * timing fields ({@code wall_time_s}, {@code steps_per_s}, {@code synaptic_events_per_s}) is a
 * function of the network and its inputs, so two runs write the same bytes up to those fields.
 *
 * @param engine which simulator ran ({@code float-reference}, {@code loihi1/nengo-loihi}, ...)
 * @param steps time steps run
 * @param dt the time step, s
 * @param synapticEvents synapse activations (one per synapse per presynaptic spike delivered)
 * @param counters named engine counters, written in name order
 * @param wallTimeSeconds the run's wall time, when measured
 */
public record RunSummary(String engine, long steps, double dt, List<PopulationSummary> populations, long synapticEvents,
        Map<String, Long> counters, OptionalDouble wallTimeSeconds) {
    public RunSummary {
        requireNonNull(engine, "engine is null");
        if (steps < 0 || !(dt > 0)) {
            throw new IllegalArgumentException("bad run length: " + steps + " steps of " + dt + " s");
        }
        populations = List.copyOf(requireNonNull(populations, "populations is null"));
        counters = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(counters, "counters is null")));
        requireNonNull(wallTimeSeconds, "wallTimeSeconds is null");
    }

    /**
     * One population's activity.
     *
     * @param offset global index of its neuron 0
     * @param spikes spikes of all its neurons over the run
     */
    public record PopulationSummary(String name, String model, int offset, int size, long spikes) {
        public PopulationSummary {
            requireNonNull(name, "name is null");
            requireNonNull(model, "model is null");
        }

        /** Spikes per neuron per second over a run of {@code seconds}; 0 for an empty population or run. */
        public double meanRate(double seconds) {
            return size == 0 || seconds <= 0 ? 0 : spikes / (size * seconds);
        }
    }

    /** Simulated time, s. */
    public double duration() {
        return steps * dt;
    }

    public long totalSpikes() {
        long n = 0;
        for (PopulationSummary p : populations) {
            n += p.spikes();
        }
        return n;
    }

    /** The summary as pretty-printed JSON, keys in a fixed order. */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"engine\": ").append(quote(engine)).append(",\n");
        b.append("  \"steps\": ").append(steps).append(",\n");
        b.append("  \"dt_s\": ").append(number(dt)).append(",\n");
        b.append("  \"duration_s\": ").append(number(duration())).append(",\n");
        b.append("  \"spikes\": ").append(totalSpikes()).append(",\n");
        b.append("  \"synaptic_events\": ").append(synapticEvents).append(",\n");
        b.append("  \"populations\": [");
        for (int i = 0; i < populations.size(); i++) {
            PopulationSummary p = populations.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("    {\"name\": ").append(quote(p.name())).append(", \"model\": ").append(quote(p.model()))
                    .append(", \"offset\": ").append(p.offset()).append(", \"size\": ").append(p.size())
                    .append(", \"spikes\": ").append(p.spikes()).append(", \"mean_rate_hz\": ")
                    .append(number(p.meanRate(duration()))).append('}');
        }
        b.append(populations.isEmpty() ? "],\n" : "\n  ],\n");
        b.append("  \"counters\": {");
        int i = 0;
        for (Map.Entry<String, Long> e : counters.entrySet()) {
            b.append(i++ == 0 ? "" : ", ").append(quote(e.getKey())).append(": ").append(e.getValue());
        }
        b.append('}');
        if (wallTimeSeconds.isPresent()) {
            double w = wallTimeSeconds.getAsDouble();
            b.append(",\n  \"wall_time_s\": ").append(number(w));
            b.append(",\n  \"steps_per_s\": ").append(number(w > 0 ? steps / w : 0));
            b.append(",\n  \"synaptic_events_per_s\": ").append(number(w > 0 ? synapticEvents / w : 0));
        }
        return b.append("\n}\n").toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        return Double.toString(v);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
