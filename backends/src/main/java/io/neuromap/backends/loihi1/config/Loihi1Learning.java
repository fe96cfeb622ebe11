package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The learning engine's program (the config's optional {@code learning} section): the
 * sum-of-products rules (stdp profiles with their microcode and trace settings), and per core the
 * learning epoch, which synapse formats learn with which rule, which compartments select another
 * rule (the chip's per-compartment stdp profile offset), which input axons feed the core's reward
 * traces, and the weight probes. A config without learning carries {@link #none()}, and its
 * synapses keep their weights, exactly as before the section existed.
 *
 * <p>The arithmetic is Lava's bit-approximate learning model ({@code specs/loihi1.md} §3.3), the
 * one public executable description of the engine; reward traces follow
 * {@code specs/loihi1-compartments-reward.md} §2.1 (the x-trace engine fed by a reward axon).
 * Layout on disk: {@link Loihi1LearningDescriptor}.
 *
 * @param seed the seed of the stochastic rounding (traces and weights), so runs are reproducible
 * @param rules the rules, indexed from 0 (the chip's stdp profiles)
 * @param cores the learning cores, each (chip, core) at most once
 * @param weightProbes recordings of plastic weights
 */
public record Loihi1Learning(long seed, List<Rule> rules, List<Core> cores, List<WeightProbe> weightProbes) {

    public Loihi1Learning {
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        cores = List.copyOf(requireNonNull(cores, "cores is null"));
        weightProbes = List.copyOf(requireNonNull(weightProbes, "weightProbes is null"));
    }

    /** No learning: every weight stays as stored. */
    public static Loihi1Learning none() {
        return new Loihi1Learning(0, List.of(), List.of(), List.of());
    }

    /** Whether any core learns. */
    public boolean isEmpty() {
        return cores.isEmpty();
    }

    /** The learning settings of (chip, core), or null. */
    public Core core(int chip, int core) {
        for (Core c : cores) {
            if (c.chip() == chip && c.core() == core) {
                return c;
            }
        }
        return null;
    }

    /** What a product's dependency and factors read. */
    public enum Variable {
        /** Presynaptic spike in the epoch (dependency) or its trace's 1-bit value. */
        X0("x0", 1),
        /** Postsynaptic spike in the epoch. */
        Y0("y0", 1),
        /** Epoch-decimated constant 1 ({@code uk}: true every 2^k epochs). */
        U("u", 1),
        /** Presynaptic trace (7 bits). */
        X1("x1", 7),
        /** Postsynaptic trace (7 bits). */
        Y1("y1", 7),
        /** Reward trace of the synapse's reward channel (7 bits). */
        R1("r1", 7),
        /** The synapse's weight (9 bits, signed). */
        W("w", 9),
        /** The synapse's tag (eligibility; 9 bits, signed). */
        T("t", 9),
        /** The sign of the weight plus the constant, {@code sgn(w + C)}: -1, 0 or 1 (Lava's {@code sgn}). */
        SGN_W("sgn_w", 1);

        private final String json;
        private final int bits;

        Variable(String json, int bits) {
            this.json = json;
            this.bits = bits;
        }

        /** The name in the config and in rule strings. */
        public String json() {
            return json;
        }

        /** The factor width the product's right shift counts (specs/loihi1.md §3.3: w_f). */
        public int bits() {
            return bits;
        }

        /** Whether it can be a product's dependency. */
        public boolean isDependency() {
            return this == X0 || this == Y0 || this == U;
        }

        /** The variable named {@code name} ({@code x0}, ..., {@code t}; {@code u} without its k). */
        public static Optional<Variable> fromJson(String name) {
            for (Variable v : values()) {
                if (v.json.equals(name)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    /** Which synaptic variable a sum of products updates. */
    public enum Target {
        /** The weight: {@code dw}. */
        WEIGHT,
        /** The tag: {@code dt}. */
        TAG;

        public String json() {
            return this == WEIGHT ? "dw" : "dt";
        }
    }

    /**
     * One factor {@code (variable + constant)} of a product, clipped to the variable's width
     * ({@code sgn(w + constant)} for {@link Variable#SGN_W}).
     *
     * @param constant a signed 8-bit constant
     */
    public record Factor(Variable variable, int constant) {
        public Factor {
            requireNonNull(variable, "variable is null");
        }

        @Override
        public String toString() {
            if (variable == Variable.SGN_W) {
                return "sgn(w" + (constant == 0 ? "" : (constant > 0 ? " + " : " - ") + Math.abs(constant)) + ")";
            }
            return constant == 0 ? variable.json() : "(" + variable.json() + (constant > 0 ? " + " : " - ")
                    + Math.abs(constant) + ")";
        }
    }

    /**
     * One product {@code mantissa * 2^exponent * dependency * factors}.
     *
     * @param dependency x0, y0 or u
     * @param decimation k of {@code uk} (true every 2^k epochs); 0 for x0 and y0
     * @param mantissa the scale's signed mantissa
     * @param exponent the scale's exponent
     */
    public record Product(Variable dependency, int decimation, int mantissa, int exponent, List<Factor> factors) {
        public Product {
            requireNonNull(dependency, "dependency is null");
            factors = List.copyOf(requireNonNull(factors, "factors is null"));
        }

        /** Sum of the factors' widths, which sets the product's right shift. */
        public int factorBits() {
            return factorBits(factors);
        }

        /** Sum of the widths of {@code factors}: the right shift of a product of them. */
        public static int factorBits(List<Factor> factors) {
            int sum = 0;
            for (Factor f : factors) {
                sum += f.variable().bits();
            }
            return sum;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(mantissa).append("*2^").append(exponent).append(" * ")
                    .append(dependency == Variable.U ? "u" + decimation : dependency.json());
            for (Factor f : factors) {
                b.append(" * ").append(f);
            }
            return b.toString();
        }
    }

    /**
     * A first-order trace: {@code x <- x * exp(-1 / tau)} each step, plus {@code impulse} per
     * spike, 7 bits, stochastically rounded.
     *
     * @param impulse 0..127, in steps of 1/256 (the chip's 7-bit integer and 8-bit fraction)
     * @param tau time constant in steps; 0 keeps the trace at 0
     */
    public record Trace(double impulse, int tau) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "impulse %s, tau %d", impulse, tau);
        }
    }

    /**
     * A rule (stdp profile): its weight and tag updates and its trace settings.
     *
     * @param name a label (the projection it was lowered from, for messages and reports)
     * @param dw the weight update's products (may be empty)
     * @param dt the tag update's products (may be empty)
     * @param x1 the presynaptic trace
     * @param y1 the postsynaptic trace
     * @param r1 the reward trace, or null when no product reads r1
     */
    public record Rule(String name, List<Product> dw, List<Product> dt, Trace x1, Trace y1, Trace r1) {
        public Rule {
            requireNonNull(name, "name is null");
            dw = List.copyOf(requireNonNull(dw, "dw is null"));
            dt = List.copyOf(requireNonNull(dt, "dt is null"));
            requireNonNull(x1, "x1 is null");
            requireNonNull(y1, "y1 is null");
        }

        /** The products of {@code target}. */
        public List<Product> products(Target target) {
            return target == Target.WEIGHT ? dw : dt;
        }

        /** Whether a product reads the reward trace. */
        public boolean readsReward() {
            for (Target target : Target.values()) {
                for (Product p : products(target)) {
                    for (Factor f : p.factors()) {
                        if (f.variable() == Variable.R1) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /**
     * A synapse format that learns: its synapses update with rule {@code rule} (plus the post
     * compartment's offset), reading reward channel {@code reward} (-1: none).
     */
    public record FormatRule(int format, int rule, int reward) {
    }

    /**
     * One learning core.
     *
     * @param tEpoch learning epoch in steps, 1..63 (one per core)
     * @param formats the learning formats of the core
     * @param rewardAxons per reward channel k (0..3), the input axon whose spikes feed its trace
     * @param offsetCompartments compartments whose rule is shifted (sorted, distinct)
     * @param offsets their rule offsets (the chip's per-compartment stdp profile), parallel
     */
    public record Core(int chip, int core, int tEpoch, List<FormatRule> formats, int[] rewardAxons,
            int[] offsetCompartments, int[] offsets) {
        public Core {
            formats = List.copyOf(requireNonNull(formats, "formats is null"));
            requireNonNull(rewardAxons, "rewardAxons is null");
            requireNonNull(offsetCompartments, "offsetCompartments is null");
            requireNonNull(offsets, "offsets is null");
            if (offsets.length != offsetCompartments.length) {
                throw new IllegalArgumentException("offsets has " + offsets.length + " values, offsetCompartments has "
                        + offsetCompartments.length);
            }
        }

        /** The learning entry of format {@code format}, or null when it does not learn. */
        public FormatRule format(int format) {
            for (FormatRule f : formats) {
                if (f.format() == format) {
                    return f;
                }
            }
            return null;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Core)) {
                return false;
            }
            Core that = (Core) o;
            return chip == that.chip && core == that.core && tEpoch == that.tEpoch && formats.equals(that.formats)
                    && Arrays.equals(rewardAxons, that.rewardAxons)
                    && Arrays.equals(offsetCompartments, that.offsetCompartments) && Arrays.equals(offsets, that.offsets);
        }

        @Override
        public int hashCode() {
            int h = 31 * chip + core;
            h = 31 * h + tEpoch;
            h = 31 * h + formats.hashCode();
            h = 31 * h + Arrays.hashCode(rewardAxons);
            h = 31 * h + Arrays.hashCode(offsetCompartments);
            return 31 * h + Arrays.hashCode(offsets);
        }

        @Override
        public String toString() {
            return "Core[chip " + chip + ", core " + core + ", t_epoch " + tEpoch + ", " + formats.size()
                    + " formats, reward axons " + Arrays.toString(rewardAxons) + ", " + offsets.length + " offsets]";
        }
    }

    /** The synapses of format {@code format} on (chip, core), in synapse order, in a weight probe. */
    public record SynapseSet(int chip, int core, int format) {
    }

    /**
     * A weight probe: the weights (stored mantissas) of the listed synapse sets after every
     * {@code every}-th step, as probes of compartments are sampled; columns follow the sets in
     * order, each set's synapses in the core's synapse order.
     */
    public record WeightProbe(String name, int every, List<SynapseSet> sets) {
        public WeightProbe {
            requireNonNull(name, "name is null");
            sets = List.copyOf(requireNonNull(sets, "sets is null"));
        }
    }
}
