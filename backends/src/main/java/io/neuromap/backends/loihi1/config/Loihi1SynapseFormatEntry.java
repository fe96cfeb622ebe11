package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;

/**
 * One entry of a core's synapse-format table ({@code SynapseFmt}; 16 entries, entry 0 illegal):
 * how the synapses that name it store their weights and delays. The fan-out type of
 * {@link Loihi1SynapseFormat} is the sign mode's code (1 mixed, 2 excitatory, 3 inhibitory: the
 * numbering of NxSDK's {@code signMode}, nengo-loihi's {@code fanout_type} and Lava's
 * {@code SignMode}).
 *
 * @param id the table index, 1..15, that synapse rows name
 * @param format the stored format (weight bits, sign, weight exponent, delay/tag/index bits,
 *     compression, chunk size)
 * @see "specs/loihi1.md §1.2, §2.3; specs/loihi1-compartments-reward.md §3.1"
 */
public record Loihi1SynapseFormatEntry(int id, Loihi1SynapseFormat format) {

    public Loihi1SynapseFormatEntry {
        requireNonNull(format, "format is null");
    }

    /** The sign mode the format's fan-out type encodes. */
    public Loihi1SignMode signMode() {
        Loihi1SignMode mode = Loihi1SignMode.ofCode(format.fanoutType());
        if (mode == null || mode == Loihi1SignMode.NULL) {
            throw new IllegalStateException("fanout type " + format.fanoutType() + " names no sign mode");
        }
        return mode;
    }

    /** Real weight bits (1..6 or 8): Lava's {@code num_weight_bits}. */
    public int numWeightBits() {
        return format.realWeightBits();
    }

    /** The largest delay a synapse of this format can store: {@code 2^delayBits - 1}. */
    public int maxDelay() {
        return (1 << format.delayBits()) - 1;
    }

    /** The weight-bits code that stores {@code bits} real bits, or -1 if none does. */
    public static int weightBitsCode(int bits) {
        for (int code = Loihi1Limits.WEIGHT_BITS_CODE_MIN; code <= Loihi1Limits.WEIGHT_BITS_CODE_MAX; code++) {
            if (Loihi1Limits.weightBitsOfCode(code) == bits) {
                return code;
            }
        }
        return -1;
    }

    /** The index-bits code that stores {@code bits} real index bits, or -1 if none does. */
    public static int indexBitsCode(int bits) {
        for (int code = 0; code <= Loihi1Limits.INDEX_BITS_CODE_MAX; code++) {
            if (Loihi1Limits.indexBitsOfCode(code) == bits) {
                return code;
            }
        }
        return -1;
    }

    /** The real bit counts the weight-bits codes store, for messages: {@code 1, 2, 3, 4, 5, 6, 8}. */
    public static String weightBitChoices() {
        StringBuilder text = new StringBuilder();
        for (int code = Loihi1Limits.WEIGHT_BITS_CODE_MIN; code <= Loihi1Limits.WEIGHT_BITS_CODE_MAX; code++) {
            text.append(text.length() == 0 ? "" : ", ").append(Loihi1Limits.weightBitsOfCode(code));
        }
        return text.toString();
    }

    /** The real bit counts the index-bits codes store, for messages: {@code 0, 6, 7, ..., 12}. */
    public static String indexBitChoices() {
        StringBuilder text = new StringBuilder();
        for (int code = 0; code <= Loihi1Limits.INDEX_BITS_CODE_MAX; code++) {
            text.append(text.length() == 0 ? "" : ", ").append(Loihi1Limits.indexBitsOfCode(code));
        }
        return text.toString();
    }
}
