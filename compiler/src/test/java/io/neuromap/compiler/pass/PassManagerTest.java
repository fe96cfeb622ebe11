package io.neuromap.compiler.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The pass manager's contract: gates, verifier blame, statistics, instruments, pipeline text. */
class PassManagerTest {
    /** Text that must not contain "#" (its verifier says so). */
    static final IrKind<String> TEXT = IrKind.of("text", String.class,
            s -> s.contains("#") ? List.of("text contains `#` at " + s.indexOf('#')) : List.of(), s -> "text: " + s);
    static final IrKind<Integer> LENGTH = IrKind.of("length", Integer.class,
            n -> n < 0 ? List.of("negative length " + n) : List.of(), n -> "length: " + n);

    /** A pass given by a function, recording that it ran. */
    static final class TestPass<I, O> implements Pass<I, O> {
        private final String name;
        private final IrKind<I> in;
        private final IrKind<O> out;
        private final BiFunction<I, PassContext, O> body;
        final List<String> log;

        TestPass(String name, IrKind<I> in, IrKind<O> out, List<String> log, BiFunction<I, PassContext, O> body) {
            this.name = name;
            this.in = in;
            this.out = out;
            this.log = log;
            this.body = body;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "test pass " + name;
        }

        @Override
        public IrKind<I> requires() {
            return in;
        }

        @Override
        public IrKind<O> provides() {
            return out;
        }

        @Override
        public O run(I input, PassContext context) {
            log.add(name);
            return body.apply(input, context);
        }
    }

    private final List<String> log = new ArrayList<>();

    private TestPass<String, String> upper() {
        return new TestPass<>("upper", TEXT, TEXT, log, (s, c) -> {
            c.statistics().add("chars", s.length());
            c.statistics().increment("calls");
            return s.toUpperCase(java.util.Locale.ROOT);
        });
    }

    private TestPass<String, Integer> length() {
        return new TestPass<>("length", TEXT, LENGTH, log, (s, c) -> s.length());
    }

    private TestPass<String, String> complain() {
        return new TestPass<>("complain", TEXT, TEXT, log, (s, c) -> {
            c.diagnostics().report(DiagnosticCode.SYNTAX, SourceSpan.synthetic("in.txt"), "bad text");
            return s + "!";
        });
    }

    private TestPass<String, String> hash() {
        return new TestPass<>("hash", TEXT, TEXT, log, (s, c) -> s + "#");
    }

    private PassRegistry registry() {
        return PassRegistry.builder().add(upper()).add(length()).add(complain()).add(hash())
                .add(new TestPass<>("lost", TEXT, TEXT, log, (s, c) -> null))
                .add(new TestPass<>("boom", TEXT, TEXT, log, (s, c) -> {
                    throw new IllegalStateException("kaboom");
                }))
                .pipeline("shout", "upper,upper")
                .build();
    }

    private PipelineResult run(String pipeline, Diagnostics diagnostics, PassInstrument... instruments) {
        PassManager.Builder b = PassManager.builder(registry().parse(pipeline));
        for (PassInstrument i : instruments) {
            b.instrument(i);
        }
        return b.build().run("abc", diagnostics);
    }

    @Test
    void runsPassesInOrderAndKeepsEachOutput() {
        PipelineResult result = run("upper, length", new Diagnostics());
        assertTrue(result.completed());
        assertEquals(List.of("upper", "length"), log);
        assertEquals(Optional.of(3), result.output(LENGTH));
        assertEquals(Optional.of("ABC"), result.output(TEXT));
        assertEquals(Optional.of(3), result.finalOutput());
        assertEquals("upper,length", result.pipeline().text());
    }

    @Test
    void errorsCloseTheGateAfterThePassThatReportedThem() {
        Diagnostics diagnostics = new Diagnostics();
        PipelineResult result = run("upper,complain,length", diagnostics);
        assertEquals(List.of("upper", "complain"), log, "length must not run after an error");
        assertFalse(result.completed());
        assertEquals(Optional.of("complain"), result.stoppedAfter());
        assertEquals(1, result.records().get(1).errors());
        assertEquals(Optional.of("ABC!"), result.output(TEXT), "the failing pass's output is still available");
        assertTrue(result.output(LENGTH).isEmpty());
        assertTrue(result.finalOutput().isEmpty());
    }

    @Test
    void nothingRunsWhenErrorsCameBefore() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.report(DiagnosticCode.SYNTAX, SourceSpan.synthetic("x"), "earlier");
        PipelineResult result = run("upper", diagnostics);
        assertTrue(log.isEmpty());
        assertTrue(result.records().isEmpty());
    }

    @Test
    void verifierFailureIsBlamedOnThePassThatProducedTheIr() {
        InternalCompilerError e = assertThrows(InternalCompilerError.class, () -> run("upper,hash,length", new Diagnostics()));
        assertEquals("hash", e.pass());
        assertEquals(InternalCompilerError.Reason.VERIFIER_FAILED, e.reason());
        assertEquals(List.of("text contains `#` at 3"), e.problems());
        assertEquals("upper,hash,length", e.pipeline());
        assertEquals(List.of("upper", "hash"), log);
        assertEquals("internal error (a bug in neuromap): pass `hash` produced IR that fails verification in pipeline"
                + " `upper,hash,length`\n  - text contains `#` at 3", e.getMessage());
        assertEquals("// neuromap reproducer\n// pipeline: upper,hash,length\n// failing pass: hash (produced IR that fails"
                + " verification)\n//   text contains `#` at 3\n// input of `hash`:\ntext: ABC", e.reproducer());
    }

    @Test
    void verificationCanBeTurnedOff() {
        PipelineResult result = PassManager.builder(registry().parse("hash,length")).verifyEach(false).build()
                .run("abc", new Diagnostics());
        assertEquals(Optional.of(4), result.output(LENGTH));
    }

    @Test
    void aPassThatThrowsIsAnInternalErrorBlamedOnIt() {
        InternalCompilerError e = assertThrows(InternalCompilerError.class, () -> run("upper,boom", new Diagnostics()));
        assertEquals("boom", e.pass());
        assertEquals(InternalCompilerError.Reason.THREW, e.reason());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(List.of("java.lang.IllegalStateException: kaboom"), e.problems());
    }

    @Test
    void noOutputWithoutAnErrorIsABug() {
        InternalCompilerError e = assertThrows(InternalCompilerError.class, () -> run("lost", new Diagnostics()));
        assertEquals(InternalCompilerError.Reason.NO_OUTPUT, e.reason());
    }

    @Test
    void statisticsArePerPassRun() {
        PipelineResult result = run("shout", new Diagnostics());
        assertEquals(2, result.records().size());
        assertEquals(3L, result.records().get(0).statistics().get("chars"));
        assertEquals(1L, result.records().get(1).statistics().get("calls"), "a fresh Statistics per run");
        List<String> printed = new ArrayList<>();
        log.clear();
        run("upper,length", new Diagnostics(), new PassStatisticsReport(printed::add));
        assertEquals(List.of("===-- pass statistics --===\nupper\n  chars: 3\n  calls: 1\nlength\n  (no counters)\n"), printed);
    }

    @Test
    void timingReportListsEveryPassAndTheTotal() {
        List<String> printed = new ArrayList<>();
        PipelineResult result = run("upper,length", new Diagnostics(), new PassTimingReport(printed::add));
        String[] lines = printed.get(0).split("\n");
        assertEquals("===-- pass timing (wall clock) --===", lines[0]);
        assertTrue(lines[1].matches(" +\\d+\\.\\d{4} s \\( *\\d+\\.\\d%\\)  upper"), lines[1]);
        assertTrue(lines[2].endsWith("  length"), lines[2]);
        assertTrue(lines[3].matches(" +\\d+\\.\\d{4} s \\(100\\.0%\\)  total"), lines[3]);
        assertTrue(result.totalNanos() >= 0);
    }

    @Test
    void printIrAfterNamedPass() {
        List<String> printed = new ArrayList<>();
        run("upper,length", new Diagnostics(), PrintIrAfter.parse("length", registry(), printed::add));
        assertEquals(List.of("// ----- IR after length (length) -----\nlength: 3\n"), printed);
    }

    @Test
    void printIrAfterAll() {
        List<String> printed = new ArrayList<>();
        run("upper,length", new Diagnostics(), PrintIrAfter.parse("all", registry(), printed::add));
        assertEquals(List.of("// ----- IR after upper (text) -----\ntext: ABC\n",
                "// ----- IR after length (length) -----\nlength: 3\n"), printed);
    }

    @Test
    void printIrAfterFailureOnlyPrintsTheFailingPass() {
        List<String> printed = new ArrayList<>();
        run("upper,complain,length", new Diagnostics(), PrintIrAfter.parse("failure", registry(), printed::add));
        assertEquals(List.of("// ----- IR after failure of complain: 1 error reported (text) -----\ntext: ABC!\n"), printed);

        printed.clear();
        assertThrows(InternalCompilerError.class,
                () -> run("upper,boom", new Diagnostics(), PrintIrAfter.parse("failure", registry(), printed::add)));
        assertEquals(List.of("// ----- IR before failure of boom: threw an exception (text) -----\ntext: ABC\n"), printed);

        printed.clear();
        assertThrows(InternalCompilerError.class,
                () -> run("hash", new Diagnostics(), PrintIrAfter.parse("failure", registry(), printed::add)));
        assertEquals(List.of("// ----- IR after failure of hash: produced IR that fails verification (text) -----\ntext: abc#\n"),
                printed);
    }

    @Test
    void printIrAfterRejectsUnknownPasses() {
        PipelineException e = assertThrows(PipelineException.class, () -> PrintIrAfter.parse("uper", registry(), s -> { }));
        assertEquals("unknown pass `uper` in `uper`; did you mean `upper`? (known: upper, length, complain, hash, lost, boom)",
                e.getMessage());
    }

    @Test
    void unknownPassInPipelineTextIsAClearError() {
        PipelineException e = assertThrows(PipelineException.class, () -> registry().parse("upper,lenght"));
        assertEquals("unknown pass `lenght` in `upper,lenght`; did you mean `length`? (known: upper, length, complain, hash, lost,"
                + " boom, shout)", e.getMessage());
        PipelineException far = assertThrows(PipelineException.class, () -> registry().parse("partition"));
        assertEquals("unknown pass `partition` in `partition` (known: upper, length, complain, hash, lost, boom, shout)",
                far.getMessage());
    }

    @Test
    void malformedPipelineText() {
        assertEquals("empty pass name in pipeline `upper,,length`: remove the extra `,`",
                assertThrows(PipelineException.class, () -> registry().parse("upper,,length")).getMessage());
        assertTrue(assertThrows(PipelineException.class, () -> registry().parse("  ")).getMessage().startsWith("empty pipeline"));
    }

    @Test
    void passesMustChain() {
        PipelineException e = assertThrows(PipelineException.class, () -> registry().parse("length,upper"));
        assertEquals("pass `upper` needs text but `length` before it produces length (in `length,upper`)", e.getMessage());
    }

    @Test
    void namedPipelinesExpand() {
        Pipeline p = registry().parse("shout,length");
        assertEquals(List.of("upper", "upper", "length"), p.passes().stream().map(Pass::name).toList());
        assertEquals("shout,length", p.text());
    }

    @Test
    void inputOfTheWrongKindIsRejected() {
        PassManager pm = PassManager.builder(registry().parse("upper")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pm.run(42, new Diagnostics()));
        assertEquals("pipeline `upper` starts from text (String), not Integer", e.getMessage());
    }

    @Test
    void registryRejectsDuplicateNames() {
        assertThrows(IllegalArgumentException.class, () -> PassRegistry.builder().add(upper()).add(upper()));
        assertThrows(IllegalArgumentException.class, () -> PassRegistry.builder().add(upper()).pipeline("upper", "upper"));
        assertThrows(PipelineException.class, () -> PassRegistry.builder().add(upper()).pipeline("bad", "nope").build());
    }

    @Test
    void optionsReachEveryPass() {
        List<String> seen = new ArrayList<>();
        TestPass<String, String> reader = new TestPass<>("reader", TEXT, TEXT, log, (s, c) -> {
            seen.add(c.passName() + ":" + c.options().get("seed").orElse("-") + ":" + c.options().flag("fast"));
            return s;
        });
        PassManager.builder(Pipeline.of(List.of(reader, reader)))
                .options(PassOptions.of(java.util.Map.of("seed", "7", "fast", ""))).build().run("x", new Diagnostics());
        assertEquals(List.of("reader:7:true", "reader:7:true"), seen);
    }
}
