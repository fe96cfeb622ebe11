package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one config read, write or validation, all attributed to one config
 * file, so every phase can keep going and report everything it finds (jlox's habit), and the
 * caller decides at the end whether to throw.
 */
final class Loihi1ConfigProblems {

    private final String file;
    private final List<Loihi1ConfigProblem> problems = new ArrayList<>();

    Loihi1ConfigProblems(String file) {
        this.file = requireNonNull(file, "file is null");
    }

    /** The config file problems are attributed to. */
    String file() {
        return file;
    }

    void add(String pointer, String detail) {
        problems.add(new Loihi1ConfigProblem(file, pointer, detail));
    }

    void addAll(List<Loihi1ConfigProblem> more) {
        problems.addAll(more);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    List<Loihi1ConfigProblem> list() {
        return List.copyOf(problems);
    }

    /** Throws a {@link Loihi1ConfigException} with every problem collected, if there is any. */
    void throwIfAny() throws Loihi1ConfigException {
        if (!problems.isEmpty()) {
            throw new Loihi1ConfigException(problems);
        }
    }
}
