package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the text, {@code neuromap check} never crashes: it exits 0 or 1, and on 1 it prints at
 * least one located error. 1,000 mutants of the samples (deleted, duplicated and swapped tokens,
 * changed numbers and units, truncation, random characters, swapped identifiers), from a fixed
 * seed so that a failure reproduces; the failure message quotes the mutations and the mutant.
 */
class RobustnessTest {
    private static final long SEED = 0x5EED_2026L;
    private static final int MUTANTS = 1000;
    private static final Pattern LOCATED_ERROR = Pattern.compile("(?m)^\\S+:\\d+:\\d+: error\\[NM-E\\d{4}\\]");

    /** Comments, strings, numbers, identifiers, two-character operators, whitespace, any other character. */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<comment>/\\*.*?(\\*/|\\z)|//[^\\n]*)"
                    + "|(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"?)"
                    + "|(?<number>(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)"
                    + "|(?<id>[A-Za-z_\\u00B5\\u03BC][A-Za-z_0-9\\u00B5\\u03BC]*)"
                    + "|(?<space>\\s+)"
                    + "|(?<op>->|\\+=|-=|\\*=|:=|==)"
                    + "|(?<other>.)",
            Pattern.DOTALL);

    private static final String[] NUMBERS = {"0", "-1", "1e400", "1e-400", "0.0000001", "123456789012", "3.5", "1_000",
        "00", "2147483648", "9223372036854775808", "-0", "1.", ".5", "7e", "0x10"};
    private static final String[] UNITS = {"ms", "s", "us", "\u00B5s", "\u03BCs", "mV", "V", "nA", "pA", "Hz", "kHz", "nF",
        "pF", "nS", "uS", "Mohm", "ohm", "mv", "xyz", "m", "per"};
    private static final String[] KEYWORDS = {"network", "population", "project", "with", "plasticity", "modulator",
        "pathway", "via", "effect", "response", "celltype", "receptor", "binds", "on", "mix", "let", "clip", "redraw",
        "clamp", "stimulus", "probe", "of", "every", "simulate", "target", "import", "const", "proj", "external", "per"};
    private static final String[] INSERTIONS = {"{", "}", "[", "]", "(", ")", ";", ":", ",", ".", "=", "~", "+", "-",
        "*", "/", "^", "%", "\"", "'", "#", "@", "$", "\\", "`", "\u00E9", "\u00B5", "\t", "\n", "0", "a", "_", "/*",
        "//", "\u0000", "\u200B", ":=", "==", "->", "[DA]", "1e9", "\uD83D\uDE00"};

    @TempDir
    Path tmp;

    @Test
    void checkNeverCrashesAndAlwaysLocatesItsErrors() throws IOException {
        List<Path> samples = CliRunner.samples();
        assertTrue(!samples.isEmpty(), "no samples");
        List<String> texts = new ArrayList<>();
        for (Path s : samples) {
            texts.add(Files.readString(s));
        }
        // Mutants are made one after the other from one seed, then checked in parallel: each check is
        // independent, and the mutant list (hence the test) is the same for any thread count.
        Random random = new Random(SEED);
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) {
            int which = random.nextInt(texts.size());
            StringBuilder log = new StringBuilder();
            String text = texts.get(which);
            int rounds = 1 + random.nextInt(3);
            for (int m = 0; m < rounds; m++) {
                text = mutate(text, random, log);
            }
            Path file = tmp.resolve(String.format("mutant-%04d-%s", i, samples.get(which).getFileName()));
            Files.writeString(file, text);
            mutants.add(new Mutant(i, samples.get(which).getFileName().toString(), log.toString(), text, file));
        }
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger rejectedCount = new java.util.concurrent.atomic.AtomicInteger();
        mutants.parallelStream().forEach(m -> {
            CliRunner.Result r = CliRunner.run(Toolchain.COMPILER, "check", m.file().toString());
            boolean ok = r.exitCode() == 0 || (r.exitCode() == 1 && LOCATED_ERROR.matcher(r.err()).find());
            if (!ok) {
                failures.add("mutant " + m.index() + " of " + m.sample() + " (" + m.log() + "): " + r
                        + "\n--- mutant text\n" + m.text());
            }
            if (r.exitCode() == 1) {
                rejectedCount.incrementAndGet();
            }
        });
        failures.sort(java.util.Comparator.naturalOrder());
        int rejected = rejectedCount.get();
        int rejectedFinal = rejected;
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + MUTANTS + " mutants broke check; the first:\n"
                + String.join("\n\n", failures.subList(0, Math.min(3, failures.size()))));
        // A mutator that changes nothing would make this test pass vacuously.
        assertTrue(rejectedFinal > MUTANTS / 2, () -> "only " + rejectedFinal + " of " + MUTANTS + " mutants were rejected");
    }

    @Test
    void pathologicalFilesAreRejectedOrAcceptedWithoutCrashing() throws IOException {
        String deepParens = "network N { population p[" + "(".repeat(5000) + "1" + ")".repeat(5000) + "] : lif; }";
        String longSum = "const c = " + "1 + ".repeat(20000) + "1;\nnetwork N { population p[10] : lif; }";
        String longPower = "const c = " + "2 ^ ".repeat(5000) + "1;\nnetwork N { population p[10] : lif; }";
        String[] texts = {
            "", "\uFEFF", "\u0000\u0001\u0002", "network", "network N {", "}}}}", "/*", "\"", "//",
            "network N { population p[10] : lif; }".repeat(3), deepParens, longSum, longPower,
            "network N { population p[1e400] : lif; }", "network N { population p[-1] : lif; }",
            "x".repeat(100_000)
        };
        for (int i = 0; i < texts.length; i++) {
            Path file = tmp.resolve("pathological-" + i + ".nmap");
            Files.writeString(file, texts[i]);
            CliRunner.Result r = CliRunner.run(Toolchain.COMPILER, "check", file.toString());
            String head = texts[i].length() > 60 ? texts[i].substring(0, 60) + "..." : texts[i];
            assertTrue(r.exitCode() == 0 || r.exitCode() == 1, () -> "input `" + head + "`: " + r);
            if (r.exitCode() == 1) {
                assertTrue(LOCATED_ERROR.matcher(r.err()).find(), () -> "input `" + head + "`: " + r);
            }
        }
        Path binary = tmp.resolve("binary.nmap");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, (byte) 0xC3});
        CliRunner.Result r = CliRunner.runCli(1, "check", binary.toString());
        assertTrue(LOCATED_ERROR.matcher(r.err()).find(), r::toString);
    }

    /** One random mutation; what it did is appended to {@code log}. */
    static String mutate(String text, Random random, StringBuilder log) {
        List<Token> tokens = tokens(text);
        List<Integer> significant = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind.equals("space") || t.kind.equals("comment")) {
                continue;
            }
            significant.add(i);
            if (t.kind.equals("number")) {
                numbers.add(i);
            } else if (t.kind.equals("id")) {
                ids.add(i);
                int prev = significant.size() >= 2 ? significant.get(significant.size() - 2) : -1;
                if (prev >= 0 && tokens.get(prev).kind.equals("number")) {
                    units.add(i);
                }
            }
        }
        if (significant.isEmpty() || text.isEmpty()) {
            log.append("insert `x`; ");
            return text + "x";
        }
        int op = random.nextInt(9);
        switch (op) {
            case 0: {
                int i = pick(significant, random);
                log.append("delete `").append(tokens.get(i).text).append("` at ").append(tokens.get(i).start).append("; ");
                tokens.get(i).text = "";
                break;
            }
            case 1: {
                int i = pick(significant, random);
                log.append("duplicate `").append(tokens.get(i).text).append("` at ").append(tokens.get(i).start).append("; ");
                tokens.get(i).text = tokens.get(i).text + " " + tokens.get(i).text;
                break;
            }
            case 2: {
                int k = random.nextInt(significant.size());
                if (k + 1 >= significant.size()) {
                    k = Math.max(0, k - 1);
                }
                Token a = tokens.get(significant.get(k));
                Token b = tokens.get(significant.get(Math.min(k + 1, significant.size() - 1)));
                log.append("swap `").append(a.text).append("` and `").append(b.text).append("` at ").append(a.start).append("; ");
                String t = a.text;
                a.text = b.text;
                b.text = t;
                break;
            }
            case 3: {
                List<Integer> from = numbers.isEmpty() ? significant : numbers;
                int i = pick(from, random);
                String n = NUMBERS[random.nextInt(NUMBERS.length)];
                log.append("number `").append(tokens.get(i).text).append("` -> `").append(n).append("` at ")
                        .append(tokens.get(i).start).append("; ");
                tokens.get(i).text = n;
                break;
            }
            case 4: {
                List<Integer> from = units.isEmpty() ? ids.isEmpty() ? significant : ids : units;
                int i = pick(from, random);
                String u = UNITS[random.nextInt(UNITS.length)];
                log.append("unit `").append(tokens.get(i).text).append("` -> `").append(u).append("` at ")
                        .append(tokens.get(i).start).append("; ");
                tokens.get(i).text = u;
                break;
            }
            case 5: {
                int at = random.nextInt(text.length());
                log.append("truncate at ").append(at).append("; ");
                return text.substring(0, at);
            }
            case 6: {
                int at = random.nextInt(text.length() + 1);
                String s = INSERTIONS[random.nextInt(INSERTIONS.length)];
                log.append("insert `").append(s.replace("\n", "\\n").replace("\u0000", "\\0")).append("` at ").append(at).append("; ");
                return text.substring(0, at) + s + text.substring(at);
            }
            case 7: {
                List<Integer> from = ids.isEmpty() ? significant : ids;
                int i = pick(from, random);
                String other = tokens.get(pick(from, random)).text;
                log.append("identifier `").append(tokens.get(i).text).append("` -> `").append(other).append("` at ")
                        .append(tokens.get(i).start).append("; ");
                tokens.get(i).text = other;
                break;
            }
            default: {
                List<Integer> from = ids.isEmpty() ? significant : ids;
                int i = pick(from, random);
                String k = KEYWORDS[random.nextInt(KEYWORDS.length)];
                log.append("keyword `").append(tokens.get(i).text).append("` -> `").append(k).append("` at ")
                        .append(tokens.get(i).start).append("; ");
                tokens.get(i).text = k;
                break;
            }
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (Token t : tokens) {
            out.append(t.text);
        }
        return out.toString();
    }

    private static int pick(List<Integer> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String kind = m.group("comment") != null ? "comment" : m.group("string") != null ? "string"
                    : m.group("number") != null ? "number" : m.group("id") != null ? "id"
                    : m.group("space") != null ? "space" : m.group("op") != null ? "op" : "other";
            out.add(new Token(kind, m.group(), m.start()));
        }
        return out;
    }

    /** One mutant: which sample it came from, what was done to it, and where it was written. */
    private record Mutant(int index, String sample, String log, String text, Path file) {
    }

    /** A lexeme of the mutator's own rough tokenizer (not the compiler's, so the two cannot share a blind spot). */
    private static final class Token {
        private final String kind;
        private final int start;
        private String text;

        Token(String kind, String text, int start) {
            this.kind = kind;
            this.text = text;
            this.start = start;
        }
    }
}
