package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1Modulation;
import io.neuromap.backends.loihi1.config.Loihi1ModulationArithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ModulationEffect;
import io.neuromap.backends.loihi1.config.Loihi1ModulationLut;
import io.neuromap.backends.loihi1.config.Loihi1ModulationOp;
import io.neuromap.backends.loihi1.config.Loihi1ModulationRegister;
import io.neuromap.backends.loihi1.config.Loihi1Modulator;
import io.neuromap.backends.loihi1.config.Loihi1ModulatorSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The <b>manage</b> phase: the config's management program ({@link Loihi1Modulation}), run
 * serially between steps as the embedded x86 cores run a SNIP while the neurocores are halted.
 * After step t (its spikes known, before step t + 1) it counts the spikes of every modulator's
 * source compartments and the host's spikes of step t, updates every concentration in the
 * program's integers ({@link Loihi1ModulationArithmetic}), and rewrites the registers the effects
 * target: per-compartment biases and threshold-profile mantissas (written into every compartment
 * that points at the profile), each restarted from its configured value before the effects act
 * in list order. {@link #start} does the same before step 0 with every concentration at its
 * baseline, so step t always runs with the registers of the concentrations after step t - 1, as
 * the float reference applies its effects.
 *
 * <p>Serial and in fixed order, so the result does not depend on the thread count. It allocates
 * nothing per step; a step's cost is the counted compartments plus the effect targets.
 */
final class Loihi1ModulationPhase {

    private final Loihi1State state;
    private final Loihi1CompartmentTables tables;
    private final int[] concentration;
    private final int[] baseline;
    private final int[] keep;
    private final int[] release;
    private final long[][] pending;
    private final int[][] sources;
    private final int[][] hostStep;
    private final int[][] hostCount;
    private final int[] hostCursor;
    private final Loihi1ModulationEffect[] effects;
    /** Per effect, per target: the register slot (bias slot, or vth slot). */
    private final int[][] slot;
    private final int[] biasCompartment;
    private final long[] biasBase;
    private final long[] biasWork;
    private final long[] vthBase;
    private final long[] vthWork;
    private final int[][] vthCompartments;
    private long writes;

    private Loihi1ModulationPhase(Loihi1Config config, Loihi1State state, Loihi1CompartmentTables tables) {
        this.state = state;
        this.tables = tables;
        Loihi1Modulation program = config.modulation();
        int n = program.modulators().size();
        concentration = new int[n];
        baseline = new int[n];
        keep = new int[n];
        release = new int[n];
        pending = new long[n][];
        sources = new int[n][];
        hostStep = new int[n][];
        hostCount = new int[n][];
        hostCursor = new int[n];
        for (int m = 0; m < n; m++) {
            Loihi1Modulator mod = program.modulators().get(m);
            baseline[m] = mod.baseline();
            concentration[m] = mod.baseline();
            keep[m] = mod.keep();
            release[m] = mod.release();
            pending[m] = new long[mod.delay() + 1];
            Loihi1ModulatorSource s = mod.source();
            sources[m] = new int[s.chip().length];
            for (int r = 0; r < sources[m].length; r++) {
                sources[m][r] = global(s.chip()[r], s.core()[r], s.compartment()[r]);
            }
            hostStep[m] = s.hostStep();
            hostCount[m] = s.hostCount();
        }
        effects = program.effects().toArray(new Loihi1ModulationEffect[0]);
        slot = new int[effects.length][];
        Map<Integer, Integer> biasSlots = new HashMap<>();
        Map<Long, Integer> vthSlots = new HashMap<>();
        List<Integer> biasList = new ArrayList<>();
        List<long[]> vthList = new ArrayList<>();
        for (int e = 0; e < effects.length; e++) {
            Loihi1ModulationEffect effect = effects[e];
            slot[e] = new int[effect.count()];
            for (int t = 0; t < effect.count(); t++) {
                if (effect.register() == Loihi1ModulationRegister.BIAS) {
                    int g = global(effect.chip()[t], effect.core()[t], effect.index()[t]);
                    slot[e][t] = biasSlots.computeIfAbsent(g, k -> {
                        biasList.add(k);
                        return biasList.size() - 1;
                    });
                } else {
                    long key = ((long) state.coreIndex(effect.chip()[t], effect.core()[t]) << 32) | effect.index()[t];
                    slot[e][t] = vthSlots.computeIfAbsent(key, k -> {
                        vthList.add(new long[] {k});
                        return vthList.size() - 1;
                    });
                }
            }
        }
        biasCompartment = new int[biasList.size()];
        biasBase = new long[biasList.size()];
        biasWork = new long[biasList.size()];
        for (int b = 0; b < biasCompartment.length; b++) {
            biasCompartment[b] = biasList.get(b);
            biasBase[b] = tables.bias[biasCompartment[b]];
        }
        vthBase = new long[vthList.size()];
        vthWork = new long[vthList.size()];
        vthCompartments = new int[vthList.size()][];
        List<Loihi1CoreConfig> cores = new ArrayList<>();
        for (Loihi1ChipConfig chip : config.chips()) {
            cores.addAll(chip.cores());
        }
        for (int v = 0; v < vthBase.length; v++) {
            long key = vthList.get(v)[0];
            int core = (int) (key >>> 32);
            int profile = (int) key;
            Loihi1CoreConfig c = cores.get(core);
            vthBase[v] = c.thresholdProfiles().get(profile).vthMant();
            int[] vthProfile = c.compartments().vthProfile();
            int count = 0;
            for (int p : vthProfile) {
                count += p == profile ? 1 : 0;
            }
            vthCompartments[v] = new int[count];
            for (int i = 0, k = 0; i < vthProfile.length; i++) {
                if (vthProfile[i] == profile) {
                    vthCompartments[v][k++] = state.offset(core) + i;
                }
            }
        }
    }

    /** The phase of {@code config}'s program, or null when it has none. */
    static Loihi1ModulationPhase of(Loihi1Config config, Loihi1State state, Loihi1CompartmentTables tables) {
        Loihi1Modulation program = config.modulation();
        return program.isEmpty() && program.effects().isEmpty() ? null
                : new Loihi1ModulationPhase(config, state, tables);
    }

    private int global(int chip, int core, int compartment) {
        return state.offset(state.coreIndex(chip, core)) + compartment;
    }

    /** Before step 0: the registers of the baseline concentrations. */
    void start() {
        write();
    }

    /** After step {@code t}: counts its spikes, updates the concentrations, rewrites the registers. */
    void manage(int t) {
        final byte[] spiked = state.spiked;
        for (int m = 0; m < concentration.length; m++) {
            long count = 0;
            for (int g : sources[m]) {
                count += spiked[g];
            }
            int h = hostCursor[m];
            int[] steps = hostStep[m];
            while (h < steps.length && steps[h] < t) {
                h++;
            }
            if (h < steps.length && steps[h] == t) {
                count += hostCount[m][h];
                h++;
            }
            hostCursor[m] = h;
            long[] ring = pending[m];
            int length = ring.length;
            ring[(int) (((long) t + length - 1) % length)] += count;
            int now = t % length;
            long released = ring[now];
            ring[now] = 0;
            concentration[m] = Loihi1ModulationArithmetic.update(concentration[m], baseline[m], keep[m], release[m],
                    released);
        }
        write();
    }

    private void write() {
        System.arraycopy(biasBase, 0, biasWork, 0, biasBase.length);
        System.arraycopy(vthBase, 0, vthWork, 0, vthBase.length);
        for (int e = 0; e < effects.length; e++) {
            Loihi1ModulationEffect effect = effects[e];
            Loihi1ModulationLut lut = effect.lut();
            long y = Loihi1ModulationArithmetic.lookup(lut, concentration[effect.modulator()]);
            Loihi1ModulationOp op = effect.op();
            int bits = effect.fracBits();
            int[] scale = effect.scale();
            int[] slots = slot[e];
            long[] work = effect.register() == Loihi1ModulationRegister.BIAS ? biasWork : vthWork;
            for (int t = 0; t < slots.length; t++) {
                int s = slots[t];
                work[s] = Loihi1ModulationArithmetic.combine(op, work[s], scale[t], y, bits);
            }
        }
        for (int b = 0; b < biasWork.length; b++) {
            tables.bias[biasCompartment[b]] = Loihi1ModulationArithmetic.encodeBias(biasWork[b]);
        }
        for (int v = 0; v < vthWork.length; v++) {
            int threshold = Loihi1ModulationArithmetic.clampVth(vthWork[v]) << Loihi1Limits.VTH_EXP;
            for (int g : vthCompartments[v]) {
                tables.threshold[g] = threshold;
            }
        }
        writes += biasWork.length + vthWork.length;
    }

    /** The concentration of modulator {@code m} after the last management, fixed point. */
    int concentration(int m) {
        return concentration[m];
    }

    /** Register writes so far (one per bias slot and per threshold profile per management). */
    long registerWrites() {
        return writes;
    }
}
