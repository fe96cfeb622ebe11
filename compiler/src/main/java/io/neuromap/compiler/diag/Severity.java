package io.neuromap.compiler.diag;

/** How bad a diagnostic is: errors stop the pipeline at the next phase gate, warnings do not. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word used in rendered messages ({@code error}, {@code warning}, {@code note}). */
    public String label() {
        return label;
    }
}
