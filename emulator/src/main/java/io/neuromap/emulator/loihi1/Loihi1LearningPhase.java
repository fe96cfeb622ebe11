package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's learning phase: after every core has spiked and the spikes are exchanged, each
 * learning core (in parallel) registers the spikes its input axons were sent in the step (pre
 * and reward) and its compartments' spikes (post), and at the end of its epoch runs its
 * learning engine ({@link Loihi1LearningCore}); the changed weights are what the next step
 * delivers (spikes sent in the epoch's last step are delivered before the update, with the old
 * weights, as on the chip). Then, serially, the weight probes sample. A config without learning has no phase
 * (the emulator holds null) and runs exactly as before.
 *
 * <p>Pre spikes are timed by the step they were sent in, which is when Lava's learning Dense sees
 * them and when the chip's pre traces register them (NxDocs notes that a hardware bug sometimes
 * registers them one step late; the emulator does not reproduce that).
 */
final class Loihi1LearningPhase {
    private final Loihi1LearningCore[] cores;
    private final Loihi1LearningRandom random;
    private final List<Loihi1Learning.WeightProbe> probes;
    /** Per probe and column: the core index and core-local synapse recorded. */
    private final int[][] probeCore;
    private final int[][] probeSynapse;
    private final int[][][] samples;
    private final int[] sampleCount;
    private volatile Observer observer;

    /** Sees a learning core just before its learning phase (a test hook: golden states are logged there). */
    interface Observer {
        void beforeLearn(Loihi1LearningCore core, int step);
    }

    private Loihi1LearningPhase(Loihi1LearningCore[] cores, Loihi1LearningRandom random,
            List<Loihi1Learning.WeightProbe> probes, int[][] probeCore, int[][] probeSynapse, int maxSteps) {
        this.cores = cores;
        this.random = random;
        this.probes = probes;
        this.probeCore = probeCore;
        this.probeSynapse = probeSynapse;
        this.samples = new int[probes.size()][][];
        this.sampleCount = new int[probes.size()];
        for (int p = 0; p < probes.size(); p++) {
            samples[p] = new int[Math.max(1, maxSteps / probes.get(p).every())][];
        }
    }

    /**
     * The phase of {@code config}, or null when nothing learns and nothing is probed; with
     * {@code lookups}, synapses a rule leaves a function of their weight look it up
     * ({@link Loihi1LearningCore}), otherwise every rule runs on every synapse (for tests).
     */
    static Loihi1LearningPhase of(Loihi1Config config, List<Loihi1CoreConfig> coreList, Loihi1State state,
            Loihi1Dendrites dendrites, Loihi1LearningRandom random, int maxSteps, boolean lookups) {
        Loihi1Learning learning = config.learning();
        if (learning.isEmpty() && learning.weightProbes().isEmpty()) {
            return null;
        }
        boolean lava = config.arithmetic() == Loihi1Arithmetic.LAVA;
        Loihi1LearningCore[] cores = new Loihi1LearningCore[state.cores()];
        for (Loihi1Learning.Core lc : learning.cores()) {
            int c = state.coreIndex(lc.chip(), lc.core());
            cores[c] = new Loihi1LearningCore(c, lc.chip(), coreList.get(c), lc, learning.rules(), lava,
                    dendrites.weight, dendrites.weightIndices(c), lookups);
        }
        int probes = learning.weightProbes().size();
        int[][] probeCore = new int[probes][];
        int[][] probeSynapse = new int[probes][];
        for (int p = 0; p < probes; p++) {
            List<Loihi1Learning.SynapseSet> sets = learning.weightProbes().get(p).sets();
            GrowingInts cores2 = new GrowingInts();
            GrowingInts synapses = new GrowingInts();
            for (Loihi1Learning.SynapseSet set : sets) {
                int c = state.coreIndex(set.chip(), set.core());
                byte[] format = coreList.get(c).synapses().format();
                for (int s = 0; s < format.length; s++) {
                    if (format[s] == set.format()) {
                        cores2.add(c);
                        synapses.add(s);
                    }
                }
            }
            probeCore[p] = cores2.toArray();
            probeSynapse[p] = synapses.toArray();
        }
        return new Loihi1LearningPhase(cores, random, learning.weightProbes(), probeCore, probeSynapse, maxSteps);
    }

    /** Step {@code step} of core {@code core}, after the exchange; runs on the core's worker. */
    void step(int core, int step, Loihi1State state, Loihi1Dendrites dendrites) {
        Loihi1LearningCore lc = cores[core];
        if (lc == null) {
            return;
        }
        lc.presynaptic(step, dendrites.inbox[core], dendrites.inboxCount[core]);
        int fired = state.firedCount[core];
        if (fired > 0) {
            lc.postsynaptic(step, state.fired[core], fired, random.postImpulse(lc.chip, lc.coreId, step));
        }
        if (lc.endsEpoch(step)) {
            // Spikes sent in this step read their synapses in this step, before the learning phase
            // changes them (on the chip and in Lava): deliver them now, into the ring slots the next
            // step's delivery would use, so they carry the weights of before the update.
            dendrites.deliver(core, step + 1);
            Observer o = observer;
            if (o != null) {
                o.beforeLearn(lc, step);
            }
            lc.learn(step, random);
        }
    }

    /** Samples the weight probes due after step {@code step}; serial. */
    void record(int step, List<Loihi1CoreConfig> coreList) {
        for (int p = 0; p < probes.size(); p++) {
            Loihi1Learning.WeightProbe probe = probes.get(p);
            if ((step + 1) % probe.every() != 0) {
                continue;
            }
            int[] cores = probeCore[p];
            int[] synapses = probeSynapse[p];
            int[] row = new int[synapses.length];
            for (int i = 0; i < row.length; i++) {
                int c = cores[i];
                int s = synapses[i];
                short stored = coreList.get(c).synapses().weight()[s];
                Loihi1LearningCore lc = this.cores[c];
                row[i] = lc == null ? stored : lc.weightOf(s, stored);
            }
            if (sampleCount[p] == samples[p].length) {
                samples[p] = java.util.Arrays.copyOf(samples[p], samples[p].length * 2);
            }
            samples[p][sampleCount[p]++] = row;
        }
    }

    /** The weight probes' samples so far: per probe, [sample][synapse] stored mantissas. */
    List<int[][]> weightSamples() {
        List<int[][]> out = new ArrayList<>();
        for (int p = 0; p < probes.size(); p++) {
            out.add(java.util.Arrays.copyOf(samples[p], sampleCount[p]));
        }
        return out;
    }

    /** A growable int list (construction only). */
    private static final class GrowingInts {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** Sets the observer (tests). */
    void observe(Observer observer) {
        this.observer = observer;
    }

    /** The learning engine of core {@code core}, or null (for tests). */
    Loihi1LearningCore core(int core) {
        return cores[core];
    }
}
