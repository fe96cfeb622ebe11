package io.neuromap.cli;

import io.neuromap.compiler.Compiler;
import java.nio.file.Path;

/**
 * What the commands ask of the compiler. The commands never call {@link Compiler} directly, so
 * that tests can put a failing compiler behind them and exercise the internal-error path (exit
 * code 3) without a hook that users could reach.
 */
interface Toolchain {
    /** The real compiler. */
    Toolchain COMPILER = new Toolchain() {
        @Override
        public Compiler.CheckResult check(Path file) {
            return Compiler.check(file);
        }
    };

    /** Parse, load imports and analyse {@code file}. */
    Compiler.CheckResult check(Path file);
}
