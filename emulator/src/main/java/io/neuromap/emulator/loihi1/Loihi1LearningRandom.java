package io.neuromap.emulator.loihi1;

/**
 * The random numbers of the learning engine's stochastic rounding, with the draws Lava's
 * bit-approximate model makes ({@code specs/loihi1.md} §3.3): per core and step one integer in
 * [0, 128) for the post-spike trace impulses; per core, epoch and trace kind one float in [0, 1)
 * for the trace decays and one integer in [0, 128) for the impulses; per core and epoch one float
 * in [0, 1) for the rounding of the synaptic variables. Every value is a pure function of its
 * key, so the numbers do not depend on which thread steps which core, or in which order.
 *
 * <p>{@link #counter(long)} is the emulator's default. Tests that replay a logged run (the Lava
 * learning golden) inject the logged numbers through another implementation, passed to the
 * emulator's package-private factory {@code Loihi1Emulator.fromConfig(validated, options, random)}.
 */
interface Loihi1LearningRandom {
    /** The presynaptic trace kind (x1). */
    int X = 0;
    /** The postsynaptic trace kind (y1). */
    int Y = 1;
    /** The reward trace kind (r1). */
    int R = 2;

    /** The random integer in [0, 128) of the post-spike impulses of core (chip, core) in step {@code step}. */
    int postImpulse(int chip, int core, int step);

    /** The random float in [0, 1) of the trace decays of {@code kind} in the epoch ending at {@code step}. */
    double traceDecay(int chip, int core, int step, int kind);

    /** The random integer in [0, 128) of the history impulses of {@code kind} in the epoch ending at {@code step}. */
    int traceImpulse(int chip, int core, int step, int kind);

    /** The random float in [0, 1) that rounds the synaptic variables in the epoch ending at {@code step}. */
    double variableRound(int chip, int core, int step);

    /**
     * The default: SplitMix64 of (seed, chip, core, step, purpose), a counter-based generator
     * (Salmon et al. 2011 "Parallel random numbers: as easy as 1, 2, 3" in spirit; SplitMix64 from
     * Steele et al. 2014), so that a draw needs no state.
     */
    static Loihi1LearningRandom counter(long seed) {
        return new Loihi1LearningRandom() {
            @Override
            public int postImpulse(int chip, int core, int step) {
                return (int) (bits(seed, chip, core, step, 0) >>> 57);
            }

            @Override
            public double traceDecay(int chip, int core, int step, int kind) {
                return unit(bits(seed, chip, core, step, 1 + kind));
            }

            @Override
            public int traceImpulse(int chip, int core, int step, int kind) {
                return (int) (bits(seed, chip, core, step, 4 + kind) >>> 57);
            }

            @Override
            public double variableRound(int chip, int core, int step) {
                return unit(bits(seed, chip, core, step, 7));
            }
        };
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    private static long bits(long seed, int chip, int core, int step, int purpose) {
        long z = mix(seed ^ 0x9E3779B97F4A7C15L);
        z = mix(z ^ (((long) chip << 32) | (core & 0xFFFF_FFFFL)));
        z = mix(z ^ (((long) step << 8) | purpose));
        return z;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
