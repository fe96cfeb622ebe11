package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Analysis never throws: mutates the diagnostic fixtures token by token (mostly in ways that keep
 * them parseable, so that the analyser, not the parser, sees odd programs) and checks that every
 * run ends with located diagnostics or a program, never an exception.
 */
class AnalyzerRobustnessTest {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_µ][A-Za-z_0-9µ]*|\\d+(\\.\\d*)?([eE][+-]?\\d+)?|\"[^\"\\n]*\"|\\S");
    private static final String[] NUMBERS = {"0", "1", "-1", "0.5", "3", "1e308", "1e-320", "1e999", "2147483648", "9e18", "2.5",
        "100000", "1e-9"};
    private static final String[] WORDS = {"lif", "izhikevich", "adex", "two_comp", "poisson", "spike_times", "ms", "mV", "nA", "Hz",
        "s", "uS", "pF", "tau_m", "v_rest", "v_reset", "v_thresh", "soma", "dendrite", "soma.v", "weight", "delay", "seed", "rate",
        "times", "normal", "gamma", "uniform", "lognormal", "exponential", "choice", "fixed_prob", "one_to_one", "all_to_all",
        "fixed_indegree", "fixed_outdegree", "from_list", "stdp", "da_stdp", "gain", "threshold", "excitability", "tau", "param",
        "learning_rate", "plasticity_sign", "global", "spike", "DA", "NA", "D1", "D1R", "exp", "log", "sqrt", "min", "k", "mean",
        "sd", "theta", "mu", "sigma", "p", "values", "exc", "inh", "r", "x", "state", "spikes", "weights", "modulator", "true"};

    @Test
    void mutatedFixturesNeverThrow() throws Exception {
        Path root = Path.of(getClass().getResource("/diagnostics/analysis").toURI());
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".nmap")).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertFalse(texts.isEmpty());
        SplittableRandom random = new SplittableRandom(Long.getLong("fuzz.seed", 20240601L));
        int analysed = 0;
        for (int i = 0; i < Integer.getInteger("fuzz.iterations", 3000); i++) {
            String text = texts.get(random.nextInt(texts.size()));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                text = mutate(text, random);
            }
            AnalysisHarness.Run run;
            try {
                run = AnalysisHarness.analyze("fuzz.nmap", text, root);
            } catch (RuntimeException | StackOverflowError ex) {
                throw new AssertionError("analysis threw on:\n" + text, ex);
            }
            if (run.program().isEmpty() && !run.diagnostics().hasErrors()) {
                fail("no program and no error for:\n" + text);
            }
            for (Diagnostic d : run.diagnostics().all()) {
                assertTrue(d.span().line() >= 1 && !d.message().isBlank(), d.toString());
            }
            if (!run.sources().programs().isEmpty()) {
                analysed++;
            }
        }
        assertTrue(analysed > 1000, "too few mutants reached analysis: " + analysed);
    }

    private static String mutate(String text, SplittableRandom random) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (!text.startsWith("//", m.start())) {
                tokens.add(new int[] {m.start(), m.end()});
            }
        }
        if (tokens.isEmpty()) {
            return text;
        }
        int[] t = tokens.get(random.nextInt(tokens.size()));
        String token = text.substring(t[0], t[1]);
        String replacement;
        int kind = random.nextInt(10);
        if (Character.isDigit(token.charAt(0)) && kind < 6) {
            replacement = NUMBERS[random.nextInt(NUMBERS.length)];
        } else if (Character.isLetter(token.charAt(0)) && kind < 7) {
            replacement = WORDS[random.nextInt(WORDS.length)];
        } else if (kind < 8) {
            int[] other = tokens.get(random.nextInt(tokens.size()));
            replacement = text.substring(other[0], other[1]);
        } else if (kind < 9) {
            replacement = "";
        } else {
            replacement = token + " " + token;
        }
        return text.substring(0, t[0]) + replacement + text.substring(t[1]);
    }
}
