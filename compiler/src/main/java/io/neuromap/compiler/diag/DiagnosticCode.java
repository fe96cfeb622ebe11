package io.neuromap.compiler.diag;

/**
 * The stable codes of language diagnostics. A code never changes meaning once released, so users
 * can search for it and tests can assert it. Ranges: E00xx syntax, E01xx names, E02xx units and
 * types, E03xx parameter domains, E04xx neuromodulation, E05xx files and imports, E06xx
 * elaboration; W0xxx warnings. {@code docs/language.md} lists them all.
 */
public enum DiagnosticCode {
    // ---- syntax
    SYNTAX("NM-E0001", Severity.ERROR, "syntax error"),
    UNTERMINATED_STRING("NM-E0002", Severity.ERROR, "unterminated string"),
    UNTERMINATED_COMMENT("NM-E0003", Severity.ERROR, "unterminated block comment"),
    INVALID_CHARACTER("NM-E0004", Severity.ERROR, "invalid character"),
    WRONG_OPERATOR("NM-E0005", Severity.ERROR, "operator not in the language"),
    NESTED_TOO_DEEPLY("NM-E0006", Severity.ERROR, "nested too deeply"),
    INVALID_NUMBER("NM-E0007", Severity.ERROR, "invalid number"),
    INVALID_ESCAPE("NM-E0008", Severity.ERROR, "invalid escape sequence in a string"),

    // ---- names
    UNKNOWN_NAME("NM-E0101", Severity.ERROR, "unknown name"),
    DUPLICATE_NAME("NM-E0102", Severity.ERROR, "duplicate declaration"),
    UNKNOWN_MODEL("NM-E0103", Severity.ERROR, "unknown neuron model or cell type"),
    UNKNOWN_POPULATION("NM-E0104", Severity.ERROR, "unknown population"),
    UNKNOWN_PARAMETER("NM-E0105", Severity.ERROR, "unknown parameter"),
    UNKNOWN_CONNECTOR("NM-E0106", Severity.ERROR, "unknown connector"),
    UNKNOWN_DISTRIBUTION("NM-E0107", Severity.ERROR, "unknown distribution"),
    BAD_ARGUMENTS("NM-E0108", Severity.ERROR, "wrong arguments"),
    UNKNOWN_COMPARTMENT("NM-E0109", Severity.ERROR, "unknown compartment"),
    UNKNOWN_PLASTICITY("NM-E0110", Severity.ERROR, "unknown plasticity rule"),
    UNKNOWN_SETTING("NM-E0111", Severity.ERROR, "unknown setting"),
    UNKNOWN_KIND("NM-E0112", Severity.ERROR, "unknown stimulus or probe kind"),
    UNKNOWN_TARGET("NM-E0113", Severity.ERROR, "unknown target"),
    UNKNOWN_FUNCTION("NM-E0114", Severity.ERROR, "unknown function"),
    NO_NETWORK("NM-E0115", Severity.ERROR, "no network to elaborate"),
    UNKNOWN_PROJECTION("NM-E0116", Severity.ERROR, "unknown projection"),
    MISSING_SETTING("NM-E0117", Severity.ERROR, "missing required setting"),

    // ---- units and types
    UNKNOWN_UNIT("NM-E0201", Severity.ERROR, "unknown unit"),
    UNIT_MISMATCH("NM-E0202", Severity.ERROR, "unit mismatch"),
    INCOMPATIBLE_UNITS("NM-E0203", Severity.ERROR, "incompatible units"),
    DIMENSIONLESS_REQUIRED("NM-E0204", Severity.ERROR, "dimensionless value required"),
    TYPE_MISMATCH("NM-E0205", Severity.ERROR, "type mismatch"),

    // ---- parameter domains
    OUT_OF_DOMAIN("NM-E0301", Severity.ERROR, "value outside the parameter's domain"),
    DISTRIBUTION_LEAVES_DOMAIN("NM-E0302", Severity.ERROR, "distribution can leave the parameter's domain"),
    BAD_PROBABILITY("NM-E0303", Severity.ERROR, "probability outside [0, 1]"),
    NEGATIVE_DELAY("NM-E0304", Severity.ERROR, "negative delay"),
    BAD_DISTRIBUTION("NM-E0305", Severity.ERROR, "invalid distribution parameters"),
    BAD_SIZE("NM-E0306", Severity.ERROR, "invalid population size"),
    BAD_MIX("NM-E0307", Severity.ERROR, "invalid mix"),
    CONNECTOR_INFEASIBLE("NM-E0308", Severity.ERROR, "connector cannot be realised"),
    NOT_FINITE("NM-E0309", Severity.ERROR, "value is not finite"),
    DYNAMIC_IN_CONSTANT("NM-E0310", Severity.ERROR, "per-neuron value where a constant is required"),

    // ---- neuromodulation
    UNKNOWN_MODULATOR("NM-E0401", Severity.ERROR, "unknown modulator"),
    UNKNOWN_RECEPTOR("NM-E0402", Severity.ERROR, "unknown receptor"),
    RECEPTOR_NOT_EXPRESSED("NM-E0403", Severity.ERROR, "target does not express the receptor"),
    RECEPTOR_BINDS_OTHER("NM-E0404", Severity.ERROR, "receptor binds another modulator"),
    BAD_EFFECT("NM-E0405", Severity.ERROR, "effect not applicable"),
    BAD_MODULATOR("NM-E0406", Severity.ERROR, "invalid modulator"),

    // ---- files and imports
    FILE_NOT_FOUND("NM-E0501", Severity.ERROR, "file not found"),
    IMPORT_CYCLE("NM-E0502", Severity.ERROR, "import cycle"),
    BAD_DATA_FILE("NM-E0503", Severity.ERROR, "invalid data file"),
    UNREADABLE_FILE("NM-E0504", Severity.ERROR, "file cannot be read"),

    // ---- elaboration
    REDRAW_EXHAUSTED("NM-E0601", Severity.ERROR, "clip redraw did not converge"),
    TOO_LARGE("NM-E0602", Severity.ERROR, "network too large"),

    // ---- warnings
    UNUSED_MODULATOR("NM-W0001", Severity.WARNING, "modulator is not used by any pathway"),
    UNUSED_DECLARATION("NM-W0002", Severity.WARNING, "declared but never used"),
    NO_PLASTIC_PROJECTION("NM-W0003", Severity.WARNING, "learning effect without a plastic projection"),
    UNIT_SPELLING("NM-W0004", Severity.WARNING, "non-ASCII unit spelling"),
    CLIP_WIDENS("NM-W0005", Severity.WARNING, "clip bounds outside the parameter's domain"),
    EMPTY_PROJECTION("NM-W0006", Severity.WARNING, "projection has no synapses"),
    SHADOWED_NAME("NM-W0007", Severity.WARNING, "name shadows another");

    private final String id;
    private final Severity severity;
    private final String title;

    DiagnosticCode(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    /** The printed code, e.g. {@code NM-E0202}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** A few words naming the problem class, used in documentation tables. */
    public String title() {
        return title;
    }
}
