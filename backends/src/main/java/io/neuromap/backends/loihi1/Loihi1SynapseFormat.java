package io.neuromap.backends.loihi1;

/**
 * One entry of a core's synapse-format table (nengo-loihi's {@code SynapseConfig}, NxCore's
 * {@code SynapseFmt}): how each weight of the axons that use it is stored. It fixes the synaptic
 * memory an axon costs, which is the binding per-core constraint in practice (Davies18 p. 89), so
 * the partitioner's resource model and the config writer both read it from here.
 *
 * <p>Field ranges are nengo-loihi's {@code validate_synapse_cfg}; the constructor checks them so
 * that no invalid format reaches the cost model or a config.
 *
 * @param weightBitsCode weight-bits code 1..7; real bits {@code [0,1,2,3,4,5,6,8][code]}
 * @param delayBits per-synapse delay field width, 0..7 bits
 * @param tagBits per-synapse tag field width, 0..3 bits
 * @param indexBitsCode index-bits code 0..7; real bits {@code [0,6,7,8,9,10,11,12][code]}
 * @param compression {@link Loihi1Limits#COMPRESSION_SPARSE} (0) or
 *     {@link Loihi1Limits#COMPRESSION_DENSE} (3)
 * @param synapsesPerChunkField the {@code n_synapses} field, 0..63; a chunk holds one more weight
 * @param fanoutType 1..3; 1 is mixed sign
 * @param weightExp weight exponent, -7..7
 * @see "loihi1.md §1.2, §1.3; nengo-loihi block.py SynapseConfig, builder/validate.py validate_synapse_cfg"
 */
public record Loihi1SynapseFormat(int weightBitsCode, int delayBits, int tagBits, int indexBitsCode, int compression,
        int synapsesPerChunkField, int fanoutType, int weightExp) {

    public Loihi1SynapseFormat {
        requireRange("weightBitsCode", weightBitsCode, Loihi1Limits.WEIGHT_BITS_CODE_MIN,
                Loihi1Limits.WEIGHT_BITS_CODE_MAX);
        requireRange("delayBits", delayBits, 0, Loihi1Limits.SYNAPSE_DELAY_BITS_MAX);
        requireRange("tagBits", tagBits, 0, Loihi1Limits.SYNAPSE_TAG_BITS_MAX);
        requireRange("indexBitsCode", indexBitsCode, 0, Loihi1Limits.INDEX_BITS_CODE_MAX);
        if (compression != Loihi1Limits.COMPRESSION_SPARSE && compression != Loihi1Limits.COMPRESSION_DENSE) {
            throw new IllegalArgumentException("compression must be " + Loihi1Limits.COMPRESSION_SPARSE
                    + " (sparse) or " + Loihi1Limits.COMPRESSION_DENSE + " (dense), got " + compression);
        }
        requireRange("synapsesPerChunkField", synapsesPerChunkField, 0, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX);
        requireRange("fanoutType", fanoutType, Loihi1Limits.FANOUT_TYPE_MIN, Loihi1Limits.FANOUT_TYPE_MAX);
        requireRange("weightExp", weightExp, Loihi1Limits.WEIGHT_EXP_MIN, Loihi1Limits.WEIGHT_EXP_MAX);
    }

    /**
     * nengo-loihi's format for {@code Synapse.set_weights} (dense) and population weights
     * (sparse): 8-bit mixed-sign weights, 64 weights per chunk, no delay or tag bits.
     */
    public static Loihi1SynapseFormat nengoDefault(boolean dense, int indexBitsCode, int weightExp) {
        return new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX, 0, 0, indexBitsCode,
                dense ? Loihi1Limits.COMPRESSION_DENSE : Loihi1Limits.COMPRESSION_SPARSE,
                Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, Loihi1Limits.FANOUT_TYPE_MIXED, weightExp);
    }

    /** Whether weights carry a sign bit (fanout type 1). */
    public boolean isMixed() {
        return fanoutType == Loihi1Limits.FANOUT_TYPE_MIXED;
    }

    /** Real weight bits stored per synapse. */
    public int realWeightBits() {
        return Loihi1Limits.weightBitsOfCode(weightBitsCode);
    }

    /** Real index bits stored per sparse synapse. */
    public int realIndexBits() {
        return Loihi1Limits.indexBitsOfCode(indexBitsCode);
    }

    /** Bits a weight loses to the format: {@code 8 - realWeightBits + (mixed ? 1 : 0)}. */
    public int shiftBits() {
        return Loihi1Discretization.shiftBits(weightBitsCode, isMixed());
    }

    /** Memory bits one stored synapse takes (see {@link #bitsPerSynapse(int, int, int, int, int)}). */
    public int bitsPerSynapse() {
        return bitsPerSynapse(weightBitsCode, delayBits, tagBits, indexBitsCode, compression);
    }

    /** Synaptic memory an axon with {@code nWeights} synapses takes in this format (bits). */
    public long bitsPerAxon(long nWeights) {
        return bitsPerAxon(bitsPerSynapse(), synapsesPerChunkField, nWeights);
    }

    /**
     * Memory bits one stored synapse takes:
     * {@code WEIGHT_BITS_MAP[weightBitsCode] + delayBits + tagBits
     * + (compression == 0 ? INDEX_BITS_MAP[indexBitsCode] : 0)}. A mixed sign costs no memory: it
     * takes one of the weight bits.
     *
     * @see "loihi1.md §1.2; nengo-loihi SynapseConfig.bits_per_axon"
     */
    public static int bitsPerSynapse(int weightBitsCode, int delayBits, int tagBits, int indexBitsCode,
            int compression) {
        int bits = Loihi1Limits.weightBitsOfCode(weightBitsCode) + delayBits + tagBits;
        if (compression == Loihi1Limits.COMPRESSION_SPARSE) {
            bits += Loihi1Limits.indexBitsOfCode(indexBitsCode);
        } else if (compression != Loihi1Limits.COMPRESSION_DENSE) {
            throw new IllegalArgumentException("compression " + compression + " has no cost model");
        }
        return bits;
    }

    /**
     * The synaptic-memory cost model: an axon's {@code nWeights} synapses are stored in chunks of
     * {@code c = synapsesPerChunkField + 1}; a chunk of {@code k} synapses costs
     * {@code k * bitsPerSynapse + 4 + 6} bits (format index and count), rounded up to a multiple
     * of 64. In closed form, with {@code q = nWeights / c}, {@code k = nWeights % c}:
     * {@code q * roundUp64(c * b + 10) + (k > 0 ? roundUp64(k * b + 10) : 0)}. Constant time and
     * allocation-free: the partitioner calls it per axon.
     *
     * @param bitsPerSynapse from {@link #bitsPerSynapse(int, int, int, int, int)}
     * @param synapsesPerChunkField the format's {@code n_synapses}, 0..63
     * @param nWeights synapses of the axon, {@code >= 0}
     * @see "loihi1.md §1.2 (examples: 8-bit dense mixed, 1024 targets -> 9216 bits)"
     */
    public static long bitsPerAxon(int bitsPerSynapse, int synapsesPerChunkField, long nWeights) {
        if (nWeights < 0) {
            throw new IllegalArgumentException("nWeights must be >= 0, got " + nWeights);
        }
        long chunk = synapsesPerChunkField + 1L;
        long fullChunks = nWeights / chunk;
        long rest = nWeights % chunk;
        long bits = fullChunks * chunkBits(chunk, bitsPerSynapse);
        if (rest > 0) {
            bits += chunkBits(rest, bitsPerSynapse);
        }
        return bits;
    }

    private static long chunkBits(long synapses, int bitsPerSynapse) {
        long raw = synapses * bitsPerSynapse + Loihi1Limits.SYNAPSE_CHUNK_FORMAT_BITS
                + Loihi1Limits.SYNAPSE_CHUNK_COUNT_BITS;
        long word = Loihi1Limits.SYNAPSE_WORD_BITS;
        return (raw + word - 1) / word * word;
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
        }
    }
}
