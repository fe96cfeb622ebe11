package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1CurrentStimuli;
import io.neuromap.backends.loihi1.config.Loihi1InitialState;
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
 *       stimuli are routed into the target cores' inboxes for the next step
 *       ({@link Loihi1Routing#exchange});
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
    private Loihi1Recorder[] recorders = new Loihi1Recorder[0];
    private int step;
    private int phaseStep;

    private Loihi1Emulator(Loihi1State state, Loihi1Dendrites dendrites, Loihi1Routing routing, Loihi1Kernel kernel,
            Loihi1Overflows overflows, LockstepPool pool, boolean strict) {
        this.state = state;
        this.dendrites = dendrites;
        this.routing = routing;
        this.kernel = kernel;
        this.overflows = overflows;
        this.pool = pool;
        this.strict = strict;
        this.groupStep = this::stepGroup;
    }

    /**
     * Builds the emulator of {@code validated}: resolves every compartment's parameters and every
     * synapse's weight once, allocates the state (all zero, as both references start, except
     * the u and v a core's {@code initial_state} sets, as NxSDK and Lava let the host do) and the
     * ring buffers, and starts {@code options.threads() - 1} worker threads (never more than there
     * are cores).
     */
    public static Loihi1Emulator fromConfig(Loihi1ValidatedConfig validated, Loihi1RunOptions options) {
        return fromConfig(validated, options, Loihi1Loops.VECTORISED);
    }

    /**
     * As {@link #fromConfig(Loihi1ValidatedConfig, Loihi1RunOptions)} with the given compartment
     * loops, for tests that compare the fast loops against the general ones.
     */
    static Loihi1Emulator fromConfig(Loihi1ValidatedConfig validated, Loihi1RunOptions options, Loihi1Loops loops) {
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
        Loihi1Routing routing = new Loihi1Routing(cores, state, config.spikes());
        Loihi1CurrentStimuli current = config.current();
        int[] currentCore = new int[current.count()];
        for (int r = 0; r < currentCore.length; r++) {
            currentCore[r] = state.coreIndex(current.chip()[r], current.core()[r]);
        }
        Loihi1Dendrites dendrites = new Loihi1Dendrites(cores, offsets, config.arithmetic(), current, currentCore,
                routing);
        Loihi1Overflows overflows = new Loihi1Overflows(cores.size());
        Loihi1Kernel kernel = config.arithmetic() == Loihi1Arithmetic.LAVA
                ? new Loihi1LavaKernel(state, tables, dendrites, overflows, loops)
                : new Loihi1NengoLoihiKernel(state, tables, dendrites, overflows, loops);
        int threads = Math.max(1, Math.min(options.threads(), cores.size()));
        return new Loihi1Emulator(state, dendrites, routing, kernel, overflows,
                new LockstepPool(threads, "neuromap-loihi1"), options.strict());
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
        exchange(t);
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

    /** Phase 3: the spike stimuli of step {@code t} into the inboxes. */
    private void exchange(int t) {
        routing.exchange(t, dendrites);
    }

    /** Phase 4: recorders see step {@code t} (then a strict run stops at its first overflow). */
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

    private void throwFirstOverflow() throws Loihi1OverflowException {
        int core = overflows.firstCore();
        if (core >= 0) {
            throw new Loihi1OverflowException(overflows.firstStep(core), state.chipId(core), state.coreId(core),
                    overflows.firstCompartment(core), overflows.firstKind(core), overflows.firstValue(core));
        }
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
