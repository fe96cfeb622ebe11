package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a config, located for the user: the file (normally {@code config.json}),
 * the JSON pointer of the element inside it (empty when the problem concerns the whole file or a
 * position given in the detail), and what is wrong. The detail names a sidecar, row and value when
 * the problem is in one: {@code config.json: /chips/0/cores/3/synapses: sidecar
 * chip0_core3_synapses.npy: row 1042: weight 300 outside [-256, 255]}.
 *
 * @param file the file the pointer refers to
 * @param pointer the JSON pointer inside {@code file}, or empty
 * @param detail what is wrong
 */
public record Loihi1ConfigProblem(String file, String pointer, String detail) {

    public Loihi1ConfigProblem {
        requireNonNull(file, "file is null");
        requireNonNull(pointer, "pointer is null");
        requireNonNull(detail, "detail is null");
    }

    /** The one-line message: {@code file: pointer: detail}. */
    public String message() {
        return pointer.isEmpty() ? file + ": " + detail : file + ": " + pointer + ": " + detail;
    }

    @Override
    public String toString() {
        return message();
    }
}
