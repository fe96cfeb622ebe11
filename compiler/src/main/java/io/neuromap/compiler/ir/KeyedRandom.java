package io.neuromap.compiler.ir;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based random numbers: every draw in neuromap is a pure function of
 * {@code (seed, object path, index, position in the stream)}. A stream is keyed by
 * {@link #key(long, long, long)} and is a SplitMix64 sequence from that key: element {@code n} is
 * {@code mix64(key + (n + 1) * GOLDEN)}, so it can also be read at random ({@link #at(long, long)}),
 * which is how Poisson trains are read per time step.
 *
 * <p>Why not {@code java.util.Random} or {@code SplittableRandom}: a generator shared across
 * objects makes every value depend on everything drawn before it, so adding a neuron to one
 * population would change another's parameters, and parallel elaboration would depend on thread
 * scheduling. Keying by path and index makes each population, projection row and neuron an
 * independent stream: results are identical for any thread count and any edit elsewhere.
 *
 * <p>Transcendental functions in sampling ({@code log}, {@code exp}, {@code pow}) are
 * {@link StrictMath}'s, whose results are specified bit for bit: {@code Math.log} may differ by an
 * ulp between platforms, which would change a geometric skip and so the whole synapse list.
 *
 * <p>An instance is a mutable cursor over one stream ({@link #reset(long)} moves it to another),
 * so hot loops allocate nothing. Not thread-safe: one instance per thread.
 */
public final class KeyedRandom {
    /** The SplitMix64 increment (2^64 / golden ratio, odd). */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    public KeyedRandom() {
    }

    public KeyedRandom(long key) {
        reset(key);
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as in SplitMix64: a bijection with full avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of an object path such as {@code "Net/exc/tau_m"} (FNV-1a over UTF-8, then mixed). */
    public static long pathHash(String path) {
        long h = 0xCBF29CE484222325L;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix64(h);
    }

    /** The key of the stream for {@code index} (a neuron, a row) of the object at {@code pathHash}. */
    public static long key(long seed, long pathHash, long index) {
        long k = mix64(seed * GOLDEN + 0x632BE59BD9B4E019L);
        k = mix64(k ^ pathHash);
        return mix64(k + (index + 1) * 0xD1B54A32D192ED03L);
    }

    /** Element {@code n} (0-based) of the stream with {@code key}, without a cursor. */
    public static long at(long key, long n) {
        return mix64(key + (n + 1) * GOLDEN);
    }

    /** A double in [0, 1) from 64 random bits. */
    public static double toUnitDouble(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** Moves this cursor to the start of the stream with {@code key}. */
    public KeyedRandom reset(long key) {
        state = key;
        hasSpare = false;
        return this;
    }

    public long nextLong() {
        state += GOLDEN;
        return mix64(state);
    }

    /** Uniform in [0, 1), 53 bits. */
    public double nextDouble() {
        return toUnitDouble(nextLong());
    }

    /** Uniform in (0, 1]: safe under {@code log}. */
    public double nextDoubleNonZero() {
        return 1.0 - nextDouble();
    }

    /** Uniform in [0, n), unbiased (Lemire's multiply-and-reject on 32-bit halves); {@code n > 0}. */
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive, found " + n);
        }
        long m = (nextLong() >>> 32) * n;
        long low = m & 0xFFFFFFFFL;
        if (low < n) {
            long threshold = (0x1_0000_0000L - n) % n;
            while (low < threshold) {
                m = (nextLong() >>> 32) * n;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal, by Marsaglia's polar method (the second value of each pair is kept for the next call). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }
}
