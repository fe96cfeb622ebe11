package io.neuromap.cli;

/** Small wording helpers shared by the commands' human-readable output. */
final class Text {
    private Text() {
    }

    /** {@code 1 error}, {@code 2 errors}, {@code 0 warnings}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
