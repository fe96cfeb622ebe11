package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import java.util.Set;

/**
 * One population lowered to Loihi 1 integers: its compartment tree, and per compartment
 * position and neuron the profile registers (decays, refractory delay), the bias mantissa and
 * exponent; the population's one threshold mantissa; and the scales that map chip integers back
 * to the model's units (what {@code validate} uses to compare probed values with the float
 * reference). Arrays are indexed {@code [position][neuron]} and owned by this object; callers must
 * not change them. Spike sources (run by the host) have no compartments.
 *
 * <p><b>Units.</b> The soma's chip voltage is {@code v_chip = voltageScale[i] (V - v_reset[i])}:
 * each neuron is measured from its own reset, because Loihi resets to 0, and scaled so that its
 * threshold distance {@code v_thresh - v_reset} is exactly {@code vthMant << 6} (nengo-loihi
 * likewise normalizes every LIF threshold to the same value and moves heterogeneity into the
 * per-compartment gains). A current I (A) held in a compartment's u adds
 * {@code currentScale[p][i] I} state units to its parent's (or own) voltage per step.
 */
public final class PopulationLowering {
    private final int population;
    private final String name;
    private final int size;
    private final boolean source;
    private final boolean supported;
    private final TreeShape shape;
    private final int[][] decayU;
    private final int[][] decayV;
    private final int[][] refract;
    private final int[][] biasMant;
    private final int[][] biasExp;
    private final int vthMant;
    private final double[] voltageScale;
    private final double[] reset;
    private final double[][] currentScale;
    private final double[][] weightFactor;
    private final int[][] initialVoltage;

    PopulationLowering(int population, String name, int size, boolean source, boolean supported, TreeShape shape,
            int[][] decayU, int[][] decayV, int[][] refract, int[][] biasMant, int[][] biasExp, int vthMant,
            double[] voltageScale, double[] reset, double[][] currentScale, double[][] weightFactor,
            int[][] initialVoltage) {
        this.population = population;
        this.name = requireNonNull(name, "name is null");
        this.size = size;
        this.source = source;
        this.supported = supported;
        this.shape = shape;
        this.decayU = decayU;
        this.decayV = decayV;
        this.refract = refract;
        this.biasMant = biasMant;
        this.biasExp = biasExp;
        this.vthMant = vthMant;
        this.voltageScale = voltageScale;
        this.reset = reset;
        this.currentScale = currentScale;
        this.weightFactor = weightFactor;
        this.initialVoltage = initialVoltage;
        if (!source) {
            requireNonNull(shape, "shape is null");
            int positions = shape.size();
            for (int[][] a : new int[][][] {decayU, decayV, refract, biasMant, biasExp, initialVoltage}) {
                if (a.length != positions) {
                    throw new IllegalArgumentException("per-position arrays of `" + name + "` must have " + positions
                            + " rows");
                }
                for (int[] row : a) {
                    if (row.length != size) {
                        throw new IllegalArgumentException("per-neuron arrays of `" + name + "` must have " + size
                                + " entries");
                    }
                }
            }
        }
    }

    /**
     * A population whose model has no Loihi 1 lowering: one placeholder compartment per neuron
     * with zero decays, bias and gains, so that mapping and the report still cover it.
     */
    static PopulationLowering unsupported(int population, String name, int size) {
        TreeShape shape = TreeShape.of(false, false, false);
        int[][] one = new int[1][size];
        java.util.Arrays.fill(one[0], Loihi1Limits.REFRACTORY_DELAY_MIN);
        return new PopulationLowering(population, name, size, false, false, shape, new int[1][size], new int[1][size],
                one, new int[1][size], new int[1][size], 1, new double[size], new double[size], new double[1][size],
                new double[1][size], new int[1][size]);
    }

    /** A spike source: no compartments. */
    static PopulationLowering source(int population, String name, int size) {
        return new PopulationLowering(population, name, size, true, true, null, new int[0][], new int[0][],
                new int[0][], new int[0][], new int[0][], 0, new double[0], new double[0], new double[0][],
                new double[0][], new int[0][]);
    }

    public int population() {
        return population;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    /** True for spike sources, whose spikes the host injects. */
    public boolean isSource() {
        return source;
    }

    /**
     * False when the model has no Loihi 1 lowering (Izhikevich, AdEx): the population still gets
     * placeholder compartments so that mapping and the resource report cover it, but no config is
     * written for a network that has one.
     */
    public boolean isSupported() {
        return supported;
    }

    /** The compartment tree of each neuron; null for spike sources. */
    public TreeShape shape() {
        return shape;
    }

    /** Compartments per neuron (0 for spike sources). */
    public int compartmentsPerNeuron() {
        return source ? 0 : shape.size();
    }

    public int decayU(int position, int neuron) {
        return decayU[position][neuron];
    }

    public int decayV(int position, int neuron) {
        return decayV[position][neuron];
    }

    public int refractDelay(int position, int neuron) {
        return refract[position][neuron];
    }

    public int biasMant(int position, int neuron) {
        return biasMant[position][neuron];
    }

    public int biasExp(int position, int neuron) {
        return biasExp[position][neuron];
    }

    /**
     * The chip voltage compartment {@code position} of neuron {@code neuron} starts at (the
     * {@code initial_state} the emitter writes): its {@code v_init} in the chip's units, rounded
     * and clamped into the core's [vmin, vmax]; 0 is the reset.
     */
    public int initialVoltage(int position, int neuron) {
        return initialVoltage[position][neuron];
    }

    /** The threshold mantissa every neuron of the population shares (its threshold distance, normalized). */
    public int vthMant() {
        return vthMant;
    }

    /** State units per volt of neuron {@code neuron}'s soma voltage. */
    public double voltageScale(int neuron) {
        return voltageScale[neuron];
    }

    /** The model voltage (V) that chip voltage 0 of neuron {@code neuron}'s soma stands for: its {@code v_reset}. */
    public double voltageOffset(int neuron) {
        return reset[neuron];
    }

    /** Model voltage (V) of a probed soma chip voltage. */
    public double modelVoltage(int neuron, long chipVoltage) {
        return reset[neuron] + chipVoltage / voltageScale[neuron];
    }

    /** State units per step per ampere held in the current of position {@code position} of neuron {@code neuron}. */
    public double currentScale(int position, int neuron) {
        return currentScale[position][neuron];
    }

    /** Model current (A) of a probed chip current u. */
    public double modelCurrent(int position, int neuron, long chipCurrent) {
        double s = currentScale[position][neuron];
        return s == 0 ? 0 : chipCurrent / s;
    }

    /**
     * The value (state units) one spike of a synapse of weight 1 A puts into the current of
     * position {@code position} of neuron {@code neuron}: chosen so that the membrane answers
     * the spike, through the chip's integer current decay (nengo-loihi's {@code decay_magnitude}
     * correction), as the exactly integrated model does at every step; the charge it delivers is
     * {@code w tau_syn} to second order in {@code h / tau} (NeuronLowering.gridCharge).
     */
    public double weightFactor(int position, int neuron) {
        return weightFactor[position][neuron];
    }

    /** The weight factors of position {@code position}, one per neuron (owned; read-only). */
    double[] weightFactors(int position) {
        return weightFactor[position];
    }

    /** The current scales of position {@code position}, one per neuron (owned; read-only). */
    double[] currentScales(int position) {
        return currentScale[position];
    }

    /** The compartment profile of position {@code position} of neuron {@code neuron}. */
    public Loihi1CompartmentProfile profile(int position, int neuron) {
        CompartmentRole role = shape.role(position);
        return new Loihi1CompartmentProfile(decayU[position][neuron], decayV[position][neuron],
                refract[position][neuron], role.thresholdOp(), shape.join(position), shape.stackIn(position),
                role.stackOut(), Set.of(), Set.of());
    }

    /**
     * A key equal for two compartments exactly when their profiles are equal: decays, refractory
     * delay and the tree wiring (threshold op, join, stack in and out) packed into one long.
     */
    public long profileKey(int position, int neuron) {
        CompartmentRole role = shape.role(position);
        long key = decayU[position][neuron] & 0xFFFFL;
        key = (key << 16) | (decayV[position][neuron] & 0xFFFFL);
        key = (key << 8) | (refract[position][neuron] & 0xFFL);
        key = (key << 4) | role.thresholdOp().code();
        key = (key << 4) | shape.join(position).code();
        key = (key << 4) | shape.stackIn(position).code();
        key = (key << 4) | role.stackOut().code();
        return key;
    }

    /** The bias (state units) of position {@code position} of neuron {@code neuron}: mant x 2^exp. */
    public long bias(int position, int neuron) {
        return (long) biasMant[position][neuron] << biasExp[position][neuron];
    }

    /** Whether every register is within its field (the lowering clamps; a bug otherwise). */
    boolean registersInRange() {
        if (source) {
            return true;
        }
        if (vthMant < 1 || vthMant > Loihi1Limits.VTH_MANTISSA_MAX) {
            return false;
        }
        for (int p = 0; p < shape.size(); p++) {
            for (int i = 0; i < size; i++) {
                if (decayU[p][i] < 0 || decayU[p][i] > Loihi1Limits.DECAY_MAX || decayV[p][i] < 0
                        || decayV[p][i] > Loihi1Limits.DECAY_MAX
                        || refract[p][i] < Loihi1Limits.REFRACTORY_DELAY_MIN
                        || refract[p][i] > Loihi1Limits.REFRACTORY_DELAY_MAX
                        || Math.abs(biasMant[p][i]) > Loihi1Limits.BIAS_MANTISSA_MAX
                        || biasExp[p][i] < Loihi1Limits.BIAS_EXP_MIN || biasExp[p][i] > Loihi1Limits.BIAS_EXP_MAX) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "PopulationLowering[" + name + ", " + size + (source ? " source" : " x " + shape) + "]";
    }
}
