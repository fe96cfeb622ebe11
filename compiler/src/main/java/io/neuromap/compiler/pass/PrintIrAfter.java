package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code --print-ir-after=<pass>[,<pass>...]|all|failure}: prints the IR a pass produced, with
 * its IR kind's dump function, under a header naming the pass. {@code failure} prints only after
 * a pass that failed (reported errors, threw, or failed verification): its output if it made
 * one, else the input it failed on.
 */
public final class PrintIrAfter implements PassInstrument {
    private enum Mode { NAMED, ALL, FAILURE }

    private final Mode mode;
    private final Set<String> passes;
    private final Consumer<String> out;

    private PrintIrAfter(Mode mode, Set<String> passes, Consumer<String> out) {
        this.mode = mode;
        this.passes = Set.copyOf(passes);
        this.out = requireNonNull(out, "out is null");
    }

    /**
     * Parses the option's value: {@code all}, {@code failure}, or pass names separated by commas.
     *
     * @throws PipelineException when a name is not a pass of {@code registry}
     */
    public static PrintIrAfter parse(String spec, PassRegistry registry, Consumer<String> out) {
        requireNonNull(spec, "spec is null");
        String s = spec.trim();
        if (s.equals("all")) {
            return new PrintIrAfter(Mode.ALL, Set.of(), out);
        }
        if (s.equals("failure")) {
            return new PrintIrAfter(Mode.FAILURE, Set.of(), out);
        }
        List<String> names = registry.passNamesIn(s);
        return new PrintIrAfter(Mode.NAMED, Set.copyOf(names), out);
    }

    @Override
    public void afterPass(Pass<?, ?> pass, Object output, PassRecord record) {
        if (mode == Mode.ALL || (mode == Mode.NAMED && passes.contains(pass.name()))) {
            print("IR after " + pass.name() + " (" + pass.provides().name() + ")", pass.provides(), output);
        }
    }

    @Override
    public void afterFailure(Pass<?, ?> pass, Object input, Object output, String why) {
        if (mode != Mode.FAILURE) {
            return;
        }
        if (output != null) {
            print("IR after failure of " + pass.name() + ": " + why + " (" + pass.provides().name() + ")", pass.provides(), output);
        } else {
            print("IR before failure of " + pass.name() + ": " + why + " (" + pass.requires().name() + ")", pass.requires(), input);
        }
    }

    private void print(String header, IrKind<?> kind, Object ir) {
        String dump = kind.dumpObject(ir);
        out.accept("// ----- " + header + " -----\n" + dump + (dump.endsWith("\n") ? "" : "\n"));
    }
}
