package io.neuromap.cli;

import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.config.Loihi1ConfigProblem;
import io.neuromap.emulator.loihi1.Loihi1RuleViolation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints what is wrong with a chip config: one {@code error:} line per problem, located by file
 * (as the user named the config), JSON pointer, sidecar row or byte offset, then a summary line.
 */
final class ConfigErrors {
    private ConfigErrors() {
    }

    /** The problems of a config that could not be read. */
    static void print(Loihi1ConfigException e, Path config, PrintWriter err) {
        // CONFIG names the directory or its config.json; problems name files inside the directory.
        boolean named = !Files.isDirectory(config) && config.getFileName() != null
                && config.getFileName().toString().endsWith(".json");
        Path dir = !named ? config : config.getParent() == null ? Path.of("") : config.getParent();
        List<Loihi1ConfigProblem> problems = e.problems();
        int listed = Math.min(problems.size(), Loihi1ConfigException.MAX_LISTED);
        for (int i = 0; i < listed; i++) {
            Loihi1ConfigProblem p = problems.get(i);
            String file = located(dir, p.file());
            err.println("error: " + (p.pointer().isEmpty() ? file + ": " + p.detail()
                    : file + ": " + p.pointer() + ": " + p.detail()));
        }
        if (problems.size() > listed) {
            err.println("... and " + (problems.size() - listed) + " more problems");
        }
        err.println(config + ": not a valid Loihi 1 config (" + Text.count(problems.size(), "problem") + "); nothing was run");
    }

    /** The rule violations of a config that loaded but does not fit the chip. */
    static void print(List<Loihi1RuleViolation> violations, Path config, PrintWriter err) {
        for (Loihi1RuleViolation v : violations) {
            err.println(v.render());
        }
        err.println(config + ": the config violates " + Text.count(violations.size(), "rule") + " of the chip; nothing was run");
    }

    /** A problem's file as the user would find it: relative names resolved against the config directory. */
    private static String located(Path dir, String file) {
        Path p = Path.of(file);
        if (p.isAbsolute() || dir.toString().isEmpty()) {
            return file;
        }
        return dir.resolve(p).toString();
    }
}
