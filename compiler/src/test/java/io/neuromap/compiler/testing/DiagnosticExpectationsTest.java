package io.neuromap.compiler.testing;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code .nmap} file under {@code src/test/resources/diagnostics/} through
 * {@link io.neuromap.compiler.Compiler#check} and compares the diagnostics with the
 * {@code // error[...]} expectations written in it ({@link InlineExpectations}). New cases need no
 * code: drop a file in the directory.
 */
class DiagnosticExpectationsTest {
    @TestFactory
    Stream<DynamicTest> everyFileReportsExactlyWhatItExpects() {
        return InlineExpectations.tests(Parsing.testResource("diagnostics"));
    }
}
