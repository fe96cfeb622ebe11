package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.model.ArgSpec;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds the arguments of a call to one form of a catalog signature. Positional arguments bind in
 * the order of the first form ({@code gamma(3, mean = 20 ms)}: the 3 is {@code k}); the names
 * then select the first form that has every name and whose required arguments are all given
 * ({@code gamma(k, mean)}). Analysis checks the same rules; elaboration binds again rather than
 * trusting a side table, and reports a located error if the call still does not fit.
 */
final class ArgumentBinder {
    private ArgumentBinder() {
    }

    /** The form chosen and the argument for each of its names (absent optional arguments are missing). */
    record Bound(Signature form, Map<String, Argument> arguments) {
        Optional<Argument> argument(String name) {
            return Optional.ofNullable(arguments.get(name));
        }
    }

    /**
     * @param what the thing called, for messages ("distribution `gamma`")
     * @return the binding, or a diagnostic explaining why none fits
     */
    static BindResult bind(List<Signature> forms, List<Argument> args, SourceSpan callSpan, String what) {
        if (forms.isEmpty()) {
            return BindResult.failure(new Diagnostic(DiagnosticCode.BAD_ARGUMENTS, callSpan, what + " is not known here"));
        }
        Signature first = forms.get(0);
        Map<String, Argument> byName = new LinkedHashMap<>();
        int positional = 0;
        for (Argument a : args) {
            String name;
            if (a.name().isPresent()) {
                name = a.name().get().name();
            } else {
                if (positional >= first.arguments().size()) {
                    return BindResult.failure(new Diagnostic(DiagnosticCode.BAD_ARGUMENTS, a.span(), what + " takes at most "
                            + first.arguments().size() + " positional argument" + (first.arguments().size() == 1 ? "" : "s"),
                            usage(forms)));
                }
                name = first.arguments().get(positional++).name();
            }
            if (byName.put(name, a) != null) {
                return BindResult.failure(new Diagnostic(DiagnosticCode.BAD_ARGUMENTS, a.span(), what
                        + " is given argument `" + name + "` twice", usage(forms)));
            }
        }
        for (Signature form : forms) {
            boolean fits = true;
            for (String name : byName.keySet()) {
                fits &= form.argument(name).isPresent();
            }
            for (ArgSpec spec : form.arguments()) {
                fits &= !spec.required() || byName.containsKey(spec.name());
            }
            if (fits) {
                return BindResult.success(new Bound(form, byName));
            }
        }
        return BindResult.failure(new Diagnostic(DiagnosticCode.BAD_ARGUMENTS, callSpan, what + " cannot take arguments ("
                + String.join(", ", byName.keySet()) + ")", usage(forms)));
    }

    private static String usage(List<Signature> forms) {
        List<String> usages = new ArrayList<>();
        for (Signature s : forms) {
            usages.add(s.usage());
        }
        return "write " + usages.stream().collect(Collectors.joining(" or "));
    }

    /** A binding or the reason there is none. */
    record BindResult(Optional<Bound> bound, Optional<Diagnostic> error) {
        static BindResult success(Bound b) {
            return new BindResult(Optional.of(b), Optional.empty());
        }

        static BindResult failure(Diagnostic d) {
            return new BindResult(Optional.empty(), Optional.of(d));
        }
    }
}
