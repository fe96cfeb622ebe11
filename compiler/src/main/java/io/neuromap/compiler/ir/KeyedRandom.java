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

    /**
     * Standard normal, by the ziggurat method of Marsaglia and Tsang (2000) in Doornik's ZIGNOR
     * form (2005: 128 layers, layer and abscissa from independent bits). One 64-bit draw gives the
     * value 98.8 % of the time; the wedges and the tail fall back to exact rejection.
     */
    public double nextGaussian() {
        while (true) {
            long bits = nextLong();
            int layer = (int) (bits & 0x7F);
            double u = 2 * toUnitDouble(bits) - 1;
            if (Math.abs(u) < ZIG_RATIO[layer]) {
                return u * ZIG_X[layer];
            }
            if (layer == 0) {
                return normalTail(u < 0);
            }
            double x = u * ZIG_X[layer];
            double f0 = StrictMath.exp(-0.5 * (ZIG_X[layer] * ZIG_X[layer] - x * x));
            double f1 = StrictMath.exp(-0.5 * (ZIG_X[layer + 1] * ZIG_X[layer + 1] - x * x));
            if (f1 + nextDouble() * (f0 - f1) < 1.0) {
                return x;
            }
        }
    }

    /** A draw from the normal tail beyond {@link #ZIG_R} (Marsaglia 1964). */
    private double normalTail(boolean negative) {
        double x;
        double y;
        do {
            x = StrictMath.log(nextDoubleNonZero()) / ZIG_R;
            y = StrictMath.log(nextDoubleNonZero());
        } while (-2 * y < x * x);
        return negative ? x - ZIG_R : ZIG_R - x;
    }

    /**
     * Standard exponential (mean 1), by a 256-layer ziggurat (Marsaglia and Tsang 2000) laid out
     * like {@link #nextGaussian()}; the tail beyond {@link #EXP_R} is the memoryless
     * {@code R - log(U)}. Geometric skipping draws one per synapse, so it avoids a logarithm.
     */
    public double nextExponential() {
        while (true) {
            long bits = nextLong();
            int layer = (int) (bits & 0xFF);
            double u = toUnitDouble(bits);
            if (u < EXP_RATIO[layer]) {
                return u * EXP_X[layer];
            }
            if (layer == 0) {
                return EXP_R - StrictMath.log(nextDoubleNonZero());
            }
            double x = u * EXP_X[layer];
            // f(X[layer]) / f(x) and f(X[layer + 1]) / f(x): accept when a uniform height between them is below 1.
            double f0 = StrictMath.exp(x - EXP_X[layer]);
            double f1 = StrictMath.exp(x - EXP_X[layer + 1]);
            if (f1 + nextDouble() * (f0 - f1) < 1.0) {
                return x;
            }
        }
    }

    private static final int EXP_LAYERS = 256;
    /** Start of the tail and area of each layer, for 256 layers (Marsaglia and Tsang 2000). */
    private static final double EXP_R = 7.69711747013104972;
    private static final double EXP_V = 3.9496598225815571993e-3;
    private static final double[] EXP_X = new double[EXP_LAYERS + 1];
    private static final double[] EXP_RATIO = new double[EXP_LAYERS];

    static {
        double f = StrictMath.exp(-EXP_R);
        EXP_X[0] = EXP_V / f;
        EXP_X[1] = EXP_R;
        EXP_X[EXP_LAYERS] = 0;
        for (int i = 2; i < EXP_LAYERS; i++) {
            EXP_X[i] = -StrictMath.log(EXP_V / EXP_X[i - 1] + f);
            f = StrictMath.exp(-EXP_X[i]);
        }
        for (int i = 0; i < EXP_LAYERS; i++) {
            EXP_RATIO[i] = EXP_X[i + 1] / EXP_X[i];
        }
    }

    private static final int ZIG_LAYERS = 128;
    /** Start of the tail and area of each layer, for 128 layers (Doornik 2005). */
    private static final double ZIG_R = 3.442619855899;
    private static final double ZIG_V = 9.91256303526217e-3;
    private static final double[] ZIG_X = new double[ZIG_LAYERS + 1];
    private static final double[] ZIG_RATIO = new double[ZIG_LAYERS];

    static {
        double f = StrictMath.exp(-0.5 * ZIG_R * ZIG_R);
        ZIG_X[0] = ZIG_V / f;
        ZIG_X[1] = ZIG_R;
        ZIG_X[ZIG_LAYERS] = 0;
        for (int i = 2; i < ZIG_LAYERS; i++) {
            ZIG_X[i] = Math.sqrt(-2 * StrictMath.log(ZIG_V / ZIG_X[i - 1] + f));
            f = StrictMath.exp(-0.5 * ZIG_X[i] * ZIG_X[i]);
        }
        for (int i = 0; i < ZIG_LAYERS; i++) {
            ZIG_RATIO[i] = ZIG_X[i + 1] / ZIG_X[i];
        }
    }
}
