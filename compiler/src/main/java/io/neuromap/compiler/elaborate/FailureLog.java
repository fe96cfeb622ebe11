package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.Diagnostics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Per-instance problems (a neuron whose clip never hit, a synapse whose delay rounds to zero)
 * collected while many instances are elaborated, possibly on several threads, and reported once
 * per cause (same code at the same place): the first instance's diagnostic, with how many others
 * share it. Each worker fills its own log and logs are merged in chunk order, so the report does
 * not depend on the thread count.
 */
final class FailureLog {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        long count;
        long first;
        Diagnostic diagnostic;
    }

    void record(long instance, Diagnostic diagnostic) {
        Entry e = entries.computeIfAbsent(key(diagnostic), k -> new Entry());
        if (e.count == 0 || instance < e.first) {
            e.first = instance;
            e.diagnostic = diagnostic;
        }
        e.count++;
    }

    private static String key(Diagnostic d) {
        return d.code().id() + "@" + d.span().file() + ":" + d.span().start() + "-" + d.span().end();
    }

    /** Adds {@code other}'s failures; merging in chunk order keeps the report deterministic. */
    void merge(FailureLog other) {
        if (other == null) {
            return;
        }
        for (Map.Entry<String, Entry> o : other.entries.entrySet()) {
            Entry e = entries.computeIfAbsent(o.getKey(), k -> new Entry());
            Entry x = o.getValue();
            if (e.count == 0 || x.first < e.first) {
                e.first = x.first;
                e.diagnostic = x.diagnostic;
            }
            e.count += x.count;
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Reports one diagnostic per cause, naming the first instance ({@code describe} says e.g.
     * "neuron 17 of `exc`") and the number of others.
     */
    void reportTo(Diagnostics diagnostics, LongFunction<String> describe) {
        for (Entry e : entries.values()) {
            Diagnostic d = e.diagnostic;
            String where = describe.apply(e.first) + (e.count > 1 ? " and " + (e.count - 1) + " more" : "");
            diagnostics.report(new Diagnostic(d.code(), d.span(), d.message() + " (" + where + ")", d.help()));
        }
    }
}
