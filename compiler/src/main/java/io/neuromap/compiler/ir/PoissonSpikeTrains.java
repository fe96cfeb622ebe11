package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Deterministic Poisson spike trains, keyed by {@code (seed, object path, neuron, step)}: whether
 * neuron n fires in step s is decided by element s of the stream {@code key(seed, path, n)} alone.
 * Trains are not materialised in the IR; the config writer, the float reference and the emulator
 * read them from here, so all of them see the same input spikes, and a train can be read from any
 * step without replaying earlier ones.
 *
 * <p>In each step a neuron fires with probability {@code 1 - exp(-rate * dt)}, the chance that a
 * Poisson process of that rate fires at least once in the step (at most one spike per step).
 */
public final class PoissonSpikeTrains {
    private final long seed;
    private final String path;
    private final long pathHash;
    private final double dt;

    public PoissonSpikeTrains(long seed, String path, double dt) {
        this.seed = seed;
        this.path = requireNonNull(path, "path is null");
        this.pathHash = KeyedRandom.pathHash(path);
        if (!(dt > 0)) {
            throw new IllegalArgumentException("dt must be positive, found " + dt);
        }
        this.dt = dt;
    }

    /** The trains of a {@code poisson} population; neurons are population-local. */
    public static PoissonSpikeTrains forPopulation(Network network, Population population) {
        return new PoissonSpikeTrains(population.seed(), network.name() + "/" + population.name(), network.simulation().dt());
    }

    /** The trains of a Poisson stimulus; neuron k is the stimulus' k-th target neuron. */
    public static PoissonSpikeTrains forStimulus(Network network, Stimulus stimulus) {
        return new PoissonSpikeTrains(stimulus.seed(), stimulus.randomPath(), network.simulation().dt());
    }

    /** The probability of a spike in one step of length {@code dt} at {@code rate} Hz. */
    public static double stepProbability(double rate, double dt) {
        return rate <= 0 ? 0 : -StrictMath.expm1(-rate * dt);
    }

    /** The first step at or after time {@code t} (steps start at 0, step s covers [s dt, (s+1) dt)). */
    public static long stepAtOrAfter(double t, double dt) {
        if (Double.isInfinite(t)) {
            return t > 0 ? Long.MAX_VALUE : 0;
        }
        double s = Math.ceil(t / dt - 1e-9);
        return s <= 0 ? 0 : s >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) s;
    }

    /** Whether {@code neuron} fires in {@code step}, given the per-step probability. */
    public boolean fires(int neuron, long step, double probability) {
        long key = KeyedRandom.key(seed, pathHash, neuron);
        return KeyedRandom.toUnitDouble(KeyedRandom.at(key, step)) < probability;
    }

    /** The steps in {@code [fromStep, toStep)} in which {@code neuron} fires at {@code rate} Hz, ascending. */
    public long[] spikeSteps(int neuron, double rate, long fromStep, long toStep) {
        double p = stepProbability(rate, dt);
        long key = KeyedRandom.key(seed, pathHash, neuron);
        long[] out = new long[16];
        int n = 0;
        for (long s = Math.max(0, fromStep); s < toStep; s++) {
            if (KeyedRandom.toUnitDouble(KeyedRandom.at(key, s)) < p) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = s;
            }
        }
        return Arrays.copyOf(out, n);
    }

    public long seed() {
        return seed;
    }

    public String path() {
        return path;
    }

    public double dt() {
        return dt;
    }

    @Override
    public String toString() {
        return "PoissonSpikeTrains[" + path + ", seed " + seed + ", dt " + dt + "]";
    }
}
