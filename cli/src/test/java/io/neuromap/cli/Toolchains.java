package io.neuromap.cli;

import io.neuromap.compiler.Compiler;
import java.nio.file.Path;
import java.util.function.BiFunction;

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
