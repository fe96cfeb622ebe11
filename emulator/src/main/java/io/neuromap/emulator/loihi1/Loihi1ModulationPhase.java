package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1LavaWeights;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
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
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
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
 * target: per-compartment biases, threshold-profile mantissas and compartment-profile decays
 * (written into every compartment that points at the profile) and the stored weights of the
 * synapses into a compartment, each restarted from its configured value before the effects act
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
    /** Per effect, per target: the register slot. */
    private final int[][] slot;
    /** Per slot: the register, its configured value, its value during a management, the compartments it reaches. */
    private final Loihi1ModulationRegister[] register;
    private final long[] base;
    private final long[] work;
    private final int[][] compartments;
    /** Per decay slot: the core's ds or dm offset. */
    private final int[] offset;
    /** Per weight slot: the synapses into the compartment, their configured stored weights, the core, the factor last written. */
    private final int[][] synapses;
    private final int[][] storedWeights;
    private final int[] coreOf;
    private final long[] written;
    /** Per weight slot: the core's synapse formats by id. */
    private final Loihi1SynapseFormatEntry[][] formats;
    private final boolean lava;
    private final Loihi1Dendrites dendrites;
    private final List<Loihi1CoreConfig> cores;
    private long writes;

    private Loihi1ModulationPhase(Loihi1Config config, Loihi1State state, Loihi1CompartmentTables tables,
            Loihi1Dendrites dendrites) {
        this.state = state;
        this.tables = tables;
        this.dendrites = dendrites;
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
        cores = new ArrayList<>();
        for (Loihi1ChipConfig chip : config.chips()) {
            cores.addAll(chip.cores());
        }
        Map<Long, Integer> slots = new HashMap<>();
        List<long[]> keys = new ArrayList<>();
        for (int e = 0; e < effects.length; e++) {
            Loihi1ModulationEffect effect = effects[e];
            slot[e] = new int[effect.count()];
            long kind = effect.register().ordinal();
            for (int t = 0; t < effect.count(); t++) {
                int core = state.coreIndex(effect.chip()[t], effect.core()[t]);
                long key = (kind << 60) | ((long) core << 30) | effect.index()[t];
                slot[e][t] = slots.computeIfAbsent(key, k -> {
                    keys.add(new long[] {k});
                    return keys.size() - 1;
                });
            }
        }
        int slotCount = keys.size();
        register = new Loihi1ModulationRegister[slotCount];
        base = new long[slotCount];
        work = new long[slotCount];
        compartments = new int[slotCount][];
        offset = new int[slotCount];
        synapses = new int[slotCount][];
        storedWeights = new int[slotCount][];
        coreOf = new int[slotCount];
        written = new long[slotCount];
        formats = new Loihi1SynapseFormatEntry[slotCount][];
        lava = config.arithmetic() == Loihi1Arithmetic.LAVA;
        Loihi1ModulationRegister[] registers = Loihi1ModulationRegister.values();
        for (int k = 0; k < slotCount; k++) {
            long key = keys.get(k)[0];
            register[k] = registers[(int) (key >>> 60)];
            int core = (int) ((key >>> 30) & 0x3FFFFFFF);
            int index = (int) (key & 0x3FFFFFFF);
            Loihi1CoreConfig c = cores.get(core);
            switch (register[k]) {
                case BIAS -> {
                    compartments[k] = new int[] {state.offset(core) + index};
                    base[k] = tables.bias[state.offset(core) + index];
                }
                case VTH -> {
                    compartments[k] = using(state.offset(core), c.compartments().vthProfile(), index);
                    base[k] = c.thresholdProfiles().get(index).vthMant();
                }
                case DECAY_U -> {
                    compartments[k] = using(state.offset(core), c.compartments().cxProfile(), index);
                    base[k] = c.compartmentProfiles().get(index).decayU();
                    offset[k] = c.singletons().dsOffset();
                }
                case WEIGHT -> {
                    compartments[k] = new int[] {state.offset(core) + index};
                    base[k] = 1L << Loihi1ModulationRegister.WEIGHT_FACTOR_BITS;
                    short[] target = c.synapses().compartment();
                    int count = 0;
                    for (short t : target) {
                        count += t == index ? 1 : 0;
                    }
                    int[] list = new int[count];
                    int[] stored = new int[count];
                    for (int s = 0, j = 0; s < target.length; s++) {
                        if (target[s] == index) {
                            list[j] = s;
                            stored[j++] = c.synapses().weight()[s];
                        }
                    }
                    synapses[k] = list;
                    storedWeights[k] = stored;
                    coreOf[k] = core;
                    written[k] = base[k];
                    formats[k] = formats(c);
                }
                case DECAY_V -> {
                    compartments[k] = using(state.offset(core), c.compartments().cxProfile(), index);
                    base[k] = c.compartmentProfiles().get(index).decayV();
                    offset[k] = c.singletons().dmOffset();
                }
                default -> throw new IllegalStateException("register " + register[k]);
            }
        }
    }

    /** Global indices of the compartments of a core (from {@code first}) whose profile pointer is {@code profile}. */
    private static int[] using(int first, int[] pointer, int profile) {
        int count = 0;
        for (int p : pointer) {
            count += p == profile ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, k = 0; i < pointer.length; i++) {
            if (pointer[i] == profile) {
                out[k++] = first + i;
            }
        }
        return out;
    }

    /** The phase of {@code config}'s program, or null when it has none. */
    static Loihi1ModulationPhase of(Loihi1Config config, Loihi1State state, Loihi1CompartmentTables tables,
            Loihi1Dendrites dendrites) {
        Loihi1Modulation program = config.modulation();
        return program.isEmpty() && program.effects().isEmpty() ? null
                : new Loihi1ModulationPhase(config, state, tables, dendrites);
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
        System.arraycopy(base, 0, work, 0, base.length);
        for (int e = 0; e < effects.length; e++) {
            Loihi1ModulationEffect effect = effects[e];
            Loihi1ModulationLut lut = effect.lut();
            long y = Loihi1ModulationArithmetic.lookup(lut, concentration[effect.modulator()]);
            Loihi1ModulationOp op = effect.op();
            int bits = effect.fracBits();
            int[] scale = effect.scale();
            int[] slots = slot[e];
            for (int t = 0; t < slots.length; t++) {
                int s = slots[t];
                work[s] = Loihi1ModulationArithmetic.combine(op, work[s], scale[t], y, bits);
            }
        }
        // The kernel re-derives its shared per-group registers only when a decay or threshold changed
        // (biases are read per compartment), not after every management step.
        boolean sharedRegistersChanged = false;
        boolean biasesChanged = false;
        for (int k = 0; k < work.length; k++) {
            int value;
            int[] into;
            if (register[k] == Loihi1ModulationRegister.WEIGHT) {
                // Rewriting every synapse is the chip's cost each step; the emulator skips an unchanged factor.
                if (work[k] != written[k]) {
                    writeWeights(k, work[k]);
                }
                continue;
            }
            switch (register[k]) {
                case BIAS -> {
                    value = Loihi1ModulationArithmetic.encodeBias(work[k]);
                    into = tables.bias;
                }
                case VTH -> {
                    value = Loihi1ModulationArithmetic.clampVth(work[k]) << Loihi1Limits.VTH_EXP;
                    into = tables.threshold;
                }
                case DECAY_U -> {
                    value = Loihi1Limits.DECAY_UNITY - (Loihi1ModulationArithmetic.clampDecay(work[k]) + offset[k]);
                    into = tables.decayU;
                }
                default -> {
                    value = Loihi1Limits.DECAY_UNITY - (Loihi1ModulationArithmetic.clampDecay(work[k]) + offset[k]);
                    into = tables.decayV;
                }
            }
            boolean shared = into != tables.bias;
            for (int g : compartments[k]) {
                sharedRegistersChanged |= shared && into[g] != value;
                biasesChanged |= !shared && into[g] != value;
                into[g] = value;
            }
        }
        if (sharedRegistersChanged) {
            tables.registersWritten();
        }
        if (biasesChanged) {
            tables.biasesWritten();
        }
        writes += work.length;
    }

    private void writeWeights(int k, long factor) {
        int[] list = synapses[k];
        int[] stored = storedWeights[k];
        int[] weights = dendrites.weight;
        int[] index = dendrites.weightIndices(coreOf[k]);
        byte[] format = cores.get(coreOf[k]).synapses().format();
        for (int j = 0; j < list.length; j++) {
            long w = Loihi1ModulationArithmetic.round(stored[j] * factor, Loihi1ModulationRegister.WEIGHT_FACTOR_BITS);
            Loihi1SynapseFormatEntry f = formats[k][format[list[j]]];
            weights[index[list[j]]] = ringWeight((int) Math.max(Short.MIN_VALUE, Math.min(w, Short.MAX_VALUE)), f);
        }
        written[k] = factor;
    }

    /**
     * What a stored weight adds to the accumulator, as {@link Loihi1Dendrites} resolves the
     * configured ones: the format's clip and truncation, then under nengo-loihi the exponent and
     * the activation shift, under Lava a non-negative exponent (a negative one applies to the
     * lane's sum, so the synapse keeps its lane).
     */
    private int ringWeight(int stored, Loihi1SynapseFormatEntry f) {
        int w = Loihi1LavaWeights.denseWeight(stored, f.signMode(), f.numWeightBits());
        int exp = f.format().weightExp();
        if (!lava) {
            return (int) Loihi1FixedPoint.shift(Loihi1FixedPoint.shift(w, exp), Loihi1Limits.ACTIVATION_SHIFT);
        }
        return exp >= 0 ? w << exp : w;
    }

    private static Loihi1SynapseFormatEntry[] formats(Loihi1CoreConfig core) {
        Loihi1SynapseFormatEntry[] byId = new Loihi1SynapseFormatEntry[Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE];
        for (Loihi1SynapseFormatEntry entry : core.synapseFormats()) {
            byId[entry.id()] = entry;
        }
        return byId;
    }

    /** The concentration of modulator {@code m} after the last management, fixed point. */
    int concentration(int m) {
        return concentration[m];
    }

    /** Register writes so far (one per targeted bias, threshold profile or compartment profile per management). */
    long registerWrites() {
        return writes;
    }
}
