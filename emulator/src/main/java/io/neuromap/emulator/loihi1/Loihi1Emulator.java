package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1CurrentStimuli;
import io.neuromap.backends.loihi1.config.Loihi1InitialState;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.emulator.engine.LockstepPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A bit-accurate emulator of a Loihi 1 system: every core of a validated config, stepped in
 * lock-step with the integer arithmetic the config names (nengo-loihi's or Lava's,
 * specs/loihi1.md §2). For the same config it produces the same integers at every step as the
 * reference implementation, for any number of threads.
 *
 * <p>{@link #step()} is a fixed sequence of named phases that mirrors the chip's pipeline:
 *
 * <ol>
 *   <li><b>deliver spikes</b> (serial, {@link #deliverSpikes}): the spikes the compartments fired
 *       in the previous step go through each firing compartment's fan-out (its output axons'
 *       synapses, resolved once) into the dendritic ring slots of steps {@code t + delay}
 *       ({@link Loihi1Dendrites#deliverFired});
 *   <li><b>step cores</b> (per group of cores, in parallel, {@link #stepCores}):
 *       <ol>
 *         <li><b>deliver stimuli</b>: spike stimuli routed into the core's inbox go through their
 *             input axons' synapses ({@link Loihi1Dendrites#deliver});
 *         <li><b>inject</b>: the current stimuli of this step are added to this step's input
 *             ({@link Loihi1Dendrites#inject});
 *         <li><b>update</b>: each compartment in ascending index reads and clears its accumulated
 *             input, updates its current and voltage in the profile's arithmetic, joins its
 *             dendritic children through the core's stack, and fires and resets
 *             ({@link Loihi1Kernel#updateGroup});
 *         <li><b>record</b>: probes read each core's state ({@link Loihi1Recorder#afterCore});
 *       </ol>
 *   <li><b>barrier</b>, then <b>exchange</b> (serial, {@link #exchange}): this step's spike
 *       stimuli, and the spikes fired into learning cores, are routed into the target cores'
 *       inboxes for the next step ({@link Loihi1Routing#exchange});
 *   <li><b>learn</b> (only when the config has a {@code learning} section; per core, in parallel,
 *       {@link #learn}): the learning cores register the step's pre, reward and post spikes and,
 *       at the end of their epoch, update their plastic synapses; then the weight probes sample
 *       ({@link Loihi1LearningPhase});
 *   <li><b>manage</b> (only when the config has a {@code modulation} section; serial,
 *       {@link #manage}): the management program counts the step's spikes, updates the
 *       modulators and rewrites biases, thresholds, decays and weights for the next step
 *       ({@link Loihi1ModulationPhase});
 *   <li><b>observe</b> (serial, {@link #observe}): recorders see the whole step
 *       ({@link Loihi1Recorder#afterStep}); a strict run stops at its first overflow.
 * </ol>
 *
 * Cores are independent within phase 2 (a core reads and writes only its own accumulators and
 * state slice), which is what lets it run on worker threads; phase 1 writes any core's
 * accumulators, so it runs on the stepping thread, and since accumulation is integer addition its
 * order does not matter. Results are bit-identical for any thread count.
 *
 * <p>Mutable state that a phase between steps may rewrite (the kernel reads it every step, never
 * folds it into constants): per-compartment bias, decays, threshold and refractory delay, and
 * per-core vmin / vmax in {@link Loihi1CompartmentTables}; synapse weights in
 * {@link Loihi1Dendrites#weight} (see {@link Loihi1Dendrites#weightIndex}). The tree structure
 * (stack, join and threshold codes) is fixed at construction: it decides which loop runs a core.
 *
 * <p>State is a structure of arrays ({@link Loihi1State}); the arithmetic profile is a strategy
 * chosen at construction ({@link Loihi1NengoLoihiKernel}, {@link Loihi1LavaKernel}); the step
 * loop allocates nothing.
 *
 * <p>Not thread-safe: one thread drives an emulator. Close it to stop its worker threads.
 */
public final class Loihi1Emulator implements AutoCloseable {

    private final Loihi1State state;
    private final Loihi1Dendrites dendrites;
    private final Loihi1Routing routing;
    private final Loihi1Kernel kernel;
    private final Loihi1Overflows overflows;
    private final LockstepPool pool;
    private final boolean strict;
    private final IntConsumer groupStep;
    /** Null when nothing learns: such a config runs no learn phase. */
    private final Loihi1LearningPhase learning;
    private final List<Loihi1CoreConfig> coreList;
    private final IntConsumer learnStep;
    /** Null without a management program: such a config runs no manage phase. */
    private Loihi1ModulationPhase modulation;
    private Loihi1Recorder[] recorders = new Loihi1Recorder[0];
    private int step;
    private int phaseStep;

    private Loihi1Emulator(Loihi1State state, Loihi1Dendrites dendrites, Loihi1Routing routing, Loihi1Kernel kernel,
            Loihi1Overflows overflows, LockstepPool pool, boolean strict, Loihi1LearningPhase learning,
            List<Loihi1CoreConfig> coreList) {
        this.state = state;
        this.dendrites = dendrites;
        this.routing = routing;
        this.kernel = kernel;
        this.overflows = overflows;
        this.pool = pool;
        this.strict = strict;
        this.groupStep = this::stepGroup;
        this.learning = learning;
        this.coreList = coreList;
        this.learnStep = this::learnCore;
    }

    /**
     * Builds the emulator of {@code validated}: resolves every compartment's parameters and every
     * synapse's weight once, allocates the state (all zero, as both references start, except
     * the u and v a core's {@code initial_state} sets, as NxSDK and Lava let the host do) and the
     * ring buffers, and starts {@code options.threads() - 1} worker threads (never more than there
     * are cores).
     */
    public static Loihi1Emulator fromConfig(Loihi1ValidatedConfig validated, Loihi1RunOptions options) {
        return fromConfig(validated, options, Loihi1Loops.LANES);
    }

    /**
     * As {@link #fromConfig(Loihi1ValidatedConfig, Loihi1RunOptions)} with the given compartment
     * loops, for tests that compare the fast loops against the general ones.
     */
    static Loihi1Emulator fromConfig(Loihi1ValidatedConfig validated, Loihi1RunOptions options, Loihi1Loops loops) {
        return fromConfig(validated, options, loops,
                Loihi1LearningRandom.counter(validated.config().learning().seed()));
    }

    /**
     * As {@link #fromConfig(Loihi1ValidatedConfig, Loihi1RunOptions)} with the learning engine's
     * random numbers from {@code random}: the test hook through which a replay of a logged run
     * (the Lava learning golden) injects the numbers that run drew.
     */
    static Loihi1Emulator fromConfig(Loihi1ValidatedConfig validated, Loihi1RunOptions options,
            Loihi1LearningRandom random) {
        return fromConfig(validated, options, Loihi1Loops.LANES, random);
    }

    private static Loihi1Emulator fromConfig(Loihi1ValidatedConfig validated, Loihi1RunOptions options,
            Loihi1Loops loops, Loihi1LearningRandom random) {
        requireNonNull(validated, "validated is null");
        requireNonNull(options, "options is null");
        Loihi1Config config = validated.config();
        List<Loihi1CoreConfig> cores = new ArrayList<>();
        for (Loihi1ChipConfig chip : config.chips()) {
            cores.addAll(chip.cores());
        }
        int[] chipIds = new int[cores.size()];
        int[] coreIds = new int[cores.size()];
        int[] offsets = new int[cores.size() + 1];
        int c = 0;
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig core : chip.cores()) {
                chipIds[c] = chip.id();
                coreIds[c] = core.id();
                offsets[c + 1] = offsets[c] + core.compartmentCount();
                c++;
            }
        }
        Loihi1State state = new Loihi1State(chipIds, coreIds, offsets);
        setInitialState(cores, offsets, state);
        Loihi1CompartmentTables tables = Loihi1CompartmentTables.build(cores, offsets);
        boolean[] learns = new boolean[cores.size()];
        for (Loihi1Learning.Core lc : config.learning().cores()) {
            learns[state.coreIndex(lc.chip(), lc.core())] = true;
        }
        Loihi1Routing routing = new Loihi1Routing(cores, state, config.spikes(), learns);
        Loihi1CurrentStimuli current = config.current();
        int[] currentCore = new int[current.count()];
        for (int r = 0; r < currentCore.length; r++) {
            currentCore[r] = state.coreIndex(current.chip()[r], current.core()[r]);
        }
        boolean lava = config.arithmetic() == Loihi1Arithmetic.LAVA;
        // Only nengo-loihi's profile has branch-free loops (and so pair lanes).
        int threads = options.threadsFor(cores.size(), offsets[cores.size()]);
        // Pair-lane groups as long as eight per thread leaves them.
        Loihi1CoreRuns runs = Loihi1CoreRuns.build(tables, offsets, loops != Loihi1Loops.GENERAL,
                !lava && loops.vectorised(), !lava && loops == Loihi1Loops.LANES, offsets[cores.size()] / (8 * threads));
        Loihi1Dendrites dendrites = new Loihi1Dendrites(cores, offsets, config.arithmetic(), current, currentCore,
                routing, runs.accumulator, runs.pairs);
        Loihi1Overflows overflows = new Loihi1Overflows(cores.size());
        Loihi1Kernel kernel = lava
                ? new Loihi1LavaKernel(state, tables, dendrites, overflows, runs)
                : new Loihi1NengoLoihiKernel(state, tables, dendrites, overflows, runs);
        Loihi1LearningPhase learning = Loihi1LearningPhase.of(config, cores, state, dendrites,
                requireNonNull(random, "random is null"), config.steps(), loops != Loihi1Loops.GENERAL);
        Loihi1Emulator emulator = new Loihi1Emulator(state, dendrites, routing, kernel, overflows,
                new LockstepPool(threads, "neuromap-loihi1"), options.strict(), learning, List.copyOf(cores));
        emulator.modulation = Loihi1ModulationPhase.of(config, state, tables, dendrites);
        if (emulator.modulation != null) {
            emulator.modulation.start();
        }
        return emulator;
    }

    /** The host's writes before step 0: u and v of every compartment a core's initial-state table lists. */
    private static void setInitialState(List<Loihi1CoreConfig> cores, int[] offsets, Loihi1State state) {
        for (int c = 0; c < cores.size(); c++) {
            Loihi1InitialState initial = cores.get(c).initialState();
            for (int r = 0; r < initial.count(); r++) {
                int g = offsets[c] + initial.compartment()[r];
                state.current[g] = initial.u()[r];
                state.voltage[g] = initial.v()[r];
            }
        }
    }

    /** Adds a recorder; it sees every step from the next one on. */
    public void attach(Loihi1Recorder recorder) {
        requireNonNull(recorder, "recorder is null");
        Loihi1Recorder[] more = Arrays.copyOf(recorders, recorders.length + 1);
        more[recorders.length] = recorder;
        recorders = more;
    }

    /**
     * Computes one step (numbered {@link #stepsDone()}, from 0).
     *
     * @throws Loihi1OverflowException in a strict run, after the first step in which a register
     *     overflowed (the step is complete on every core); a strict run ends there, as
     *     nengo-loihi's does (the overflow stays recorded, so a further step reports it again)
     */
    public void step() throws Loihi1OverflowException {
        final int t = step;
        phaseStep = t;
        deliverSpikes(t);
        stepCores();
        state.markStale();
        exchange(t);
        learn(t);
        manage(t);
        observe(t);
        step = t + 1;
        if (strict) {
            throwFirstOverflow();
        }
    }

    /** Phase 1: the spikes of step {@code t - 1} into the rings. */
    private void deliverSpikes(int t) {
        dendrites.deliverFired(state, t);
    }

    /** Phase 2: every group of cores on the pool's threads ({@link #stepGroup}). */
    private void stepCores() {
        pool.forEach(kernel.runs().groups(), groupStep);
    }

    /** Phase 3: the spike stimuli of step {@code t}, and spikes into learning cores, into the inboxes. */
    private void exchange(int t) {
        routing.exchange(t, state, dendrites);
    }

    /**
     * Phase 4: the learning cores' spikes of step {@code t} and, at an epoch's end, their weight
     * updates, on the pool's threads; then the weight probes sample.
     */
    private void learn(int t) {
        if (learning != null) {
            pool.forEach(state.cores(), learnStep);
            learning.record(t, coreList);
        }
    }

    /** Phase 5: the management program after step {@code t} rewrites registers and weights for the next step. */
    private void manage(int t) {
        if (modulation != null) {
            modulation.manage(t);
        }
    }

    /** Phase 6: recorders see step {@code t} (then a strict run stops at its first overflow). */
    private void observe(int t) {
        for (Loihi1Recorder recorder : recorders) {
            recorder.afterStep(state, t);
        }
    }

    /** Computes {@code steps} steps. */
    public void run(int steps) throws Loihi1OverflowException {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        for (int i = 0; i < steps; i++) {
            step();
        }
    }

    /** Phase 2 of the current step for one group of cores: deliver stimuli, inject, update, record; runs on a worker. */
    private void stepGroup(int group) {
        final int t = phaseStep;
        final int first = kernel.runs().groupStart[group];
        final int end = kernel.runs().groupStart[group + 1];
        for (int core = first; core < end; core++) {
            dendrites.deliver(core, t);
            dendrites.inject(core, t);
        }
        kernel.updateGroup(group, t);
        final Loihi1Recorder[] attached = recorders;
        if (attached.length > 0) {
            for (int core = first; core < end; core++) {
                for (Loihi1Recorder recorder : attached) {
                    recorder.afterCore(state, core, t);
                }
            }
        }
    }

    /** The learning phase of the current step for one core; runs on a worker. */
    private void learnCore(int core) {
        learning.step(core, phaseStep, state, dendrites);
    }

    /**
     * The weight probes' samples so far, in the order of the config's {@code weight_probes}: per
     * probe {@code [sample][synapse]} weight mantissas; empty when the config probes no weights.
     */
    public List<int[][]> weightSamples() {
        return learning == null ? List.of() : learning.weightSamples();
    }

    /** The dendrites, with the resolved weights delivery adds (for tests). */
    Loihi1Dendrites dendrites() {
        return dendrites;
    }

    /** The learning phase, or null (for tests). */
    Loihi1LearningPhase learningPhase() {
        return learning;
    }

    private void throwFirstOverflow() throws Loihi1OverflowException {
        int core = overflows.firstCore();
        if (core >= 0) {
            throw new Loihi1OverflowException(overflows.firstStep(core), state.chipId(core), state.coreId(core),
                    overflows.firstCompartment(core), overflows.firstKind(core), overflows.firstValue(core));
        }
    }

    /**
     * The concentration of the config's modulator {@code m} after the last step (its baseline
     * before step 0), in the management program's fixed point; 0 without a program.
     */
    public int modulatorConcentration(int m) {
        return modulation == null ? 0 : modulation.concentration(m);
    }

    /** Register writes the management program made so far (0 without one). */
    public long modulationWrites() {
        return modulation == null ? 0 : modulation.registerWrites();
    }

    /** Steps computed so far. */
    public int stepsDone() {
        return step;
    }

    /** The state after the last step (read-only by contract). */
    public Loihi1State state() {
        return state;
    }

    /** Overflows so far, per kind. */
    public Loihi1OverflowCounts overflows() {
        return overflows.totals();
    }

    /** Synaptic events so far: synapses reached by a delivered spike. */
    public long synapticEvents() {
        return dendrites.events();
    }

    /** The kernel (for tests). */
    Loihi1Kernel kernel() {
        return kernel;
    }

    /** How the kernel cut the cores into runs (for tests). */
    Loihi1CoreRuns runs() {
        return kernel.runs();
    }

    /** Threads stepping the cores, the caller included. */
    public int threads() {
        return pool.threads();
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        pool.close();
    }
}
