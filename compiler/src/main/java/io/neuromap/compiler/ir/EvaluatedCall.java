package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A connector or plasticity rule with its arguments bound by name and evaluated: numbers in SI,
 * words and strings as written ({@code mode = additive}, {@code dw = "..."}). Defaults from the
 * catalog are filled in, so a backend reads every argument the rule has.
 */
public record EvaluatedCall(String name, Map<String, Double> numbers, Map<String, String> words, SourceSpan span) {
    public EvaluatedCall {
        requireNonNull(name, "name is null");
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(numbers, "numbers is null")));
        words = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(words, "words is null")));
        requireNonNull(span, "span is null");
    }

    public OptionalDouble number(String argument) {
        Double v = numbers.get(argument);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** {@code fixed_prob(p = 0.1)}, for reports. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append('(');
        String sep = "";
        for (Map.Entry<String, Double> e : numbers.entrySet()) {
            b.append(sep).append(e.getKey()).append(" = ").append(io.neuromap.compiler.units.Units.formatNumber(e.getValue()));
            sep = ", ";
        }
        for (Map.Entry<String, String> e : words.entrySet()) {
            b.append(sep).append(e.getKey()).append(" = ").append(e.getValue());
            sep = ", ";
        }
        return b.append(')').toString();
    }
}
