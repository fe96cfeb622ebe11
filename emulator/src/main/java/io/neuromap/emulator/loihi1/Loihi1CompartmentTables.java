package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1BapAction;
import io.neuromap.backends.loihi1.config.Loihi1BapSource;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdOp;
import java.util.List;

/**
 * Every compartment's parameters, resolved once from the profile tables into flat arrays (one per
 * parameter, global compartment index), so the update loop reads a compartment's numbers without
 * following profile pointers: retained decay fractions with the core's offsets folded in,
 * full-scale bias and threshold, refractory delay, and, for cores with dendritic trees, the
 * stack, join, threshold and back-propagation codes.
 *
 * <p>The numeric arrays are registers: a phase between steps (neuromodulation) may rewrite them,
 * and the kernels read them every step. Values must stay in the registers' ranges (retained
 * fractions 0..4096, full-scale bias and threshold as the config encodes them), which the
 * branch-free loops rely on ({@link Loihi1NengoLoihiKernel#decayInt}). The codes (join, stack,
 * threshold op, bAP) are structure: they decide at construction which loop updates a core.
 *
 * @see "specs/loihi1-compartments-reward.md §1.2 (CxProfileCfg, CxCfg), §3.2 (per-core offsets)"
 */
final class Loihi1CompartmentTables {

    /** {@code bap} bit: the compartment's own {@code v > vth} triggers a bAP. */
    static final int BAP_SELF = 1;
    /** {@code bap} bit: child A's spike triggers a bAP. */
    static final int BAP_CHILD_A = 1 << 2;
    /** {@code bap} bit: child B's spike triggers a bAP. */
    static final int BAP_CHILD_B = 1 << 3;
    /** {@code bap} bit: a bAP starts the refractory period. */
    static final int BAP_REFRACTORY = 1 << 4;

    /** Retained current fraction, {@code 4096 - (decay_u + ds_offset)}, per compartment. */
    final int[] decayU;
    /** Retained voltage fraction, {@code 4096 - (decay_v + dm_offset)}, per compartment. */
    final int[] decayV;
    /** Full-scale bias {@code bias_mant << bias_exp}, per compartment. */
    final int[] bias;
    /** Full-scale threshold {@code vth_mant << 6}, per compartment. */
    final int[] threshold;
    /** Refractory delay in steps (1 = none), per compartment. */
    final int[] refractDelay;
    /**
     * Bumped by {@link #registersWritten} whenever a phase between steps changed a decay, threshold
     * or refractory register (bias writes bump {@link #biasVersion} instead): a kernel that derived
     * something from them re-derives it.
     * Written on the stepping thread between steps; the pool's barrier publishes it to the workers.
     */
    private int version;
    /** Bumped by {@link #biasesWritten}: the pair lanes keep copies of the biases. */
    private int biasVersion;
    /** Join op code (NxSDK numbering), per compartment. */
    final byte[] joinOp;
    /** Stack-in code, per compartment. */
    final byte[] stackIn;
    /** Stack-out code, per compartment. */
    final byte[] stackOut;
    /** Threshold op code, per compartment. */
    final byte[] threshOp;
    /** bAP source and action bits ({@link #BAP_SELF}, ...), per compartment. */
    final byte[] bap;
    /** vmin of each core. */
    final int[] vmin;
    /** vmax of each core. */
    final int[] vmax;
    /** Whether a core needs the tree update (any stack, join, threshold op or bAP beyond a plain LIF). */
    final boolean[] tree;

    private Loihi1CompartmentTables(int compartments, int cores) {
        decayU = new int[compartments];
        decayV = new int[compartments];
        bias = new int[compartments];
        threshold = new int[compartments];
        refractDelay = new int[compartments];
        joinOp = new byte[compartments];
        stackIn = new byte[compartments];
        stackOut = new byte[compartments];
        threshOp = new byte[compartments];
        bap = new byte[compartments];
        vmin = new int[cores];
        vmax = new int[cores];
        tree = new boolean[cores];
    }

    /** Resolves the compartments of {@code cores} (in core-index order) into flat arrays. */
    static Loihi1CompartmentTables build(List<Loihi1CoreConfig> cores, int[] offsets) {
        Loihi1CompartmentTables t = new Loihi1CompartmentTables(offsets[cores.size()], cores.size());
        for (int c = 0; c < cores.size(); c++) {
            Loihi1CoreConfig core = cores.get(c);
            t.vmin[c] = (int) core.singletons().vmin();
            t.vmax[c] = (int) core.singletons().vmax();
            int ds = core.singletons().dsOffset();
            int dm = core.singletons().dmOffset();
            List<Loihi1CompartmentProfile> profiles = core.compartmentProfiles();
            int[] cxProfile = core.compartments().cxProfile();
            int[] vthProfile = core.compartments().vthProfile();
            int[] biasMant = core.compartments().biasMant();
            int[] biasExp = core.compartments().biasExp();
            for (int i = 0; i < core.compartmentCount(); i++) {
                int g = offsets[c] + i;
                Loihi1CompartmentProfile p = profiles.get(cxProfile[i]);
                t.decayU[g] = Loihi1Limits.DECAY_UNITY - (p.decayU() + ds);
                t.decayV[g] = Loihi1Limits.DECAY_UNITY - (p.decayV() + dm);
                t.bias[g] = (int) Loihi1FixedPoint.effectiveBias(biasMant[i], biasExp[i]);
                t.threshold[g] = (int) Loihi1FixedPoint.effectiveThreshold(
                        core.thresholdProfiles().get(vthProfile[i]).vthMant());
                t.refractDelay[g] = p.refractDelay();
                t.joinOp[g] = (byte) p.joinOp().code();
                t.stackIn[g] = (byte) p.stackIn().code();
                t.stackOut[g] = (byte) p.stackOut().code();
                t.threshOp[g] = (byte) p.threshOp().code();
                t.bap[g] = (byte) bapBits(p);
                t.tree[c] |= needsTree(p);
            }
        }
        return t;
    }

    private static boolean needsTree(Loihi1CompartmentProfile p) {
        return p.joinOp() != Loihi1JoinOp.SKIP || p.stackIn() != Loihi1StackIn.SKIP
                || p.stackOut() != Loihi1StackOut.SKIP || p.threshOp() != Loihi1ThresholdOp.SPIKE_AND_RESET
                || (!p.bapSources().isEmpty() && !p.bapActions().isEmpty());
    }

    private static int bapBits(Loihi1CompartmentProfile p) {
        int bits = 0;
        for (Loihi1BapSource source : p.bapSources()) {
            bits |= 1 << source.code();
        }
        if (p.bapActions().contains(Loihi1BapAction.REFRACTORY)) {
            bits |= BAP_REFRACTORY;
        }
        return bits;
    }

    /** Records that a phase between steps changed a decay, threshold or refractory register. */
    void registersWritten() {
        version++;
    }

    /** How many times {@link #registersWritten} was called. */
    int version() {
        return version;
    }

    /** Records that a phase between steps changed some compartment's bias. */
    void biasesWritten() {
        biasVersion++;
    }

    /** How many times {@link #biasesWritten} was called. */
    int biasVersion() {
        return biasVersion;
    }
}
