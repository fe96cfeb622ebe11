package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

/**
 * A value that cannot be put into Loihi 1's number formats, thrown by the discretization and
 * weight utilities where the upstream reference raises an error. It is checked on purpose: the
 * lowering must catch it and turn it into a located violation with a fix, never let it surface as
 * a crash. {@link #reason()} says which rule it is; {@link #upstreamMessage()} is the text the
 * reference implementation gives for the same input, so golden files that record upstream errors
 * can be compared.
 */
public final class Loihi1QuantizationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why quantization failed; one per upstream error. */
    public enum Reason {
        /** Weights outside the sign mode's range (Lava {@code _validate_weights}). */
        WEIGHTS_OUT_OF_RANGE,
        /**
         * Lava {@code optimize_weight_bits(..., loihi2=True)} needed more than 8 weight bits, and
         * upstream crashes with {@code ValueError: negative shift count}.
         */
        NEGATIVE_SHIFT_COUNT,
        /** No weight exponent in 0..-7 keeps threshold and bias in range (nengo-loihi). */
        NO_WEIGHT_EXPONENT,
        /** No bias scale keeps the threshold in range (nengo-loihi). */
        NO_BIAS_SCALING
    }

    private final Reason reason;
    private final String upstreamMessage;

    /**
     * @param reason which rule failed
     * @param message a plain sentence for the user, naming the bad value
     * @param upstreamMessage the reference implementation's message for the same failure
     */
    public Loihi1QuantizationException(Reason reason, String message, String upstreamMessage) {
        super(requireNonNull(message, "message is null"));
        this.reason = requireNonNull(reason, "reason is null");
        this.upstreamMessage = requireNonNull(upstreamMessage, "upstreamMessage is null");
    }

    /** Which rule failed. */
    public Reason reason() {
        return reason;
    }

    /** The reference implementation's message for this failure, e.g. {@code negative shift count}. */
    public String upstreamMessage() {
        return upstreamMessage;
    }
}
