package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named counters a pass keeps about one run (files read, synapses made, slices cut), printed by
 * {@code --pass-stats}. Counters appear in the order they were first touched. One instance per
 * pass run; not thread-safe (a pass that counts from several threads sums locally first).
 */
public final class Statistics {
    private final Map<String, Long> counters = new LinkedHashMap<>();

    /** Adds {@code delta} to the counter {@code name} (created at 0). */
    public void add(String name, long delta) {
        requireNonNull(name, "name is null");
        counters.merge(name, delta, Long::sum);
    }

    public void increment(String name) {
        add(name, 1);
    }

    /** The counter's value; 0 if never touched. */
    public long get(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** An immutable copy in first-touched order. */
    public Map<String, Long> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }

    @Override
    public String toString() {
        return "Statistics" + counters;
    }
}
