package io.neuromap.cli;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Toolchains for tests: the real compiler with one operation replaced. */
final class Toolchains {
    private Toolchains() {
    }

    /** {@code check} replaced; {@code elaborate} is the real one. */
    static Toolchain check(BiFunction<Path, Toolchain.PassManagerFactory, Compiler.CheckResult> check) {
        return new Toolchain() {
            @Override
            public Compiler.CheckResult check(Path file, PassManagerFactory passes) {
                return check.apply(file, passes);
            }

            @Override
            public Compiler.ElaborateResult elaborate(Path file, PassManagerFactory passes) {
                return Toolchain.COMPILER.elaborate(file, passes);
            }
        };
    }

    /**
     * A miscompiling Loihi 1 compiler: the network (what the float reference runs) is compiled
     * from the file, the chip's config from the file's text after {@code edit}. Stands for an
     * emulator or compiler that gets the network materially wrong, which {@code validate} must
     * catch.
     */
    static Toolchain chipCompiledFrom(UnaryOperator<String> edit) {
        return new Toolchain() {
            @Override
            public Compiler.CheckResult check(Path file, PassManagerFactory passes) {
                return Toolchain.COMPILER.check(file, passes);
            }

            @Override
            public Compiler.ElaborateResult elaborate(Path file, PassManagerFactory passes) {
                return Toolchain.COMPILER.elaborate(file, passes);
            }

            @Override
            public Loihi1CompileResult compileLoihi1(Path file, Loihi1CompileOptions options,
                    Function<Pipeline, PassManager> passes) {
                Loihi1CompileResult right = Loihi1Compiler.compile(file, options, passes);
                try {
                    String text = Files.readString(file);
                    String wrong = edit.apply(text);
                    if (wrong.equals(text)) {
                        throw new IllegalArgumentException("the edit changes nothing in " + file);
                    }
                    Path edited = Files.createTempFile("neuromap-miscompiled", ".nmap");
                    try {
                        Files.writeString(edited, wrong);
                        Loihi1CompileResult chip = Loihi1Compiler.compile(edited, options, passes);
                        return new Loihi1CompileResult(right.diagnostics(), right.sources(), right.pipeline(),
                                chip.checked());
                    } finally {
                        Files.deleteIfExists(edited);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** {@code elaborate} replaced; {@code check} is the real one. */
    static Toolchain elaborate(BiFunction<Path, Toolchain.PassManagerFactory, Compiler.ElaborateResult> elaborate) {
        return new Toolchain() {
            @Override
            public Compiler.CheckResult check(Path file, PassManagerFactory passes) {
                return Toolchain.COMPILER.check(file, passes);
            }

            @Override
            public Compiler.ElaborateResult elaborate(Path file, PassManagerFactory passes) {
                return elaborate.apply(file, passes);
            }
        };
    }
}
