package io.neuromap.emulator.reference;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.RunSummary;
import io.neuromap.emulator.record.SpikeRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The float reference: simulates an elaborated {@link Network} in double precision with each
 * model's own equations, so that {@code validate} can show what quantization and mapping did to
 * a network. It reads the IR directly (never a chip config), with the same deterministic input
 * spikes the configs carry.
 *
 * <pre>
 * Recording r = ReferenceSimulator.create(network).run();          // simulate's duration
 * Recording r = ReferenceSimulator.create(network, ReferenceOptions.defaults().withSteps(500)).run();
 * RecordingWriter.write(r, Path.of("run"));                          // spikes.npy/.csv, probe_*.npy, summary.json
 * </pre>
 *
 * <p>Each step s is a fixed sequence of phases:
 * <ol>
 *   <li>pathway effects from the concentrations at the end of step s - 1 ({@link Neuromodulation});</li>
 *   <li>stimuli: dc currents of step s; stimulus spikes of step s into the ring slot of step s + 1
 *       ({@link StimulusDrive});</li>
 *   <li>every population's kernel, in declaration order: take this step's synaptic arrivals
 *       into the currents, integrate over the step with them, fire ({@link NeuronKernel});</li>
 *   <li>record the spikes; deliver them through every projection into the ring slots of steps
 *       s + delay ({@link SynapseDelivery});</li>
 *   <li>plasticity ({@link PlasticProjection});</li>
 *   <li>modulator concentrations over step s, with releases from source spikes
 *       ({@link ModulatorDynamics});</li>
 *   <li>probes due in step s sample the state at the end of the step ({@link ProbeSet}).</li>
 * </ol>
 * All neurons update from the state at the start of the step and interact only through delays of
 * at least one step, so the result does not depend on the order in which populations are
 * declared or updated. State lives in primitive arrays per state variable (struct of arrays);
 * a step allocates nothing and boxes nothing. Transcendental functions are {@link StrictMath}'s,
 * so a run gives the same bits on every platform. Not thread-safe.
 */
public final class ReferenceSimulator {
    /** The {@link RunSummary#engine()} of reference runs. */
    public static final String ENGINE = "float-reference";

    private final Network network;
    private final ReferenceOptions options;
    private final long totalSteps;
    private final NeuronKernel[] kernels;
    private final StepInputs inputs;
    private final SpikeBuffer spikes;
    private final SynapseDelivery[] deliveries;
    private final int[][] outgoing;
    private final PlasticProjection[] plastic;
    private final int[] plasticIndex;
    private final StimulusDrive stimuli;
    private final ModulatorDynamics modulators;
    private final Neuromodulation modulation;
    private final ProbeSet probes;
    private final SpikeRecorder recorder = new SpikeRecorder();
    private final boolean[] recordMask;
    private final long[] populationSpikes;
    private final List<String> limitations = new ArrayList<>();
    private long step;
    private boolean delayArmed;
    /** With {@link #delayFirstSpikes()}: per global neuron, whether its first spike was held. */
    private boolean[] firstHeld;
    /** The neurons whose first spike the last step held, delivered in this one. */
    private int[] held;
    private int heldCount;
    /** Per population: the neuron whose spike is held and the step it fired in (-1: none held). */
    private int[] delayedNeuron;
    private long[] delayedStep;
    private long synapticEvents;
    private double wallSeconds;

    private ReferenceSimulator(Network network, ReferenceOptions options) {
        this.network = network;
        this.options = options;
        double dt = network.simulation().dt();
        this.totalSteps = options.steps().orElse(network.simulation().steps());
        List<Population> pops = network.populations();
        InputLayout layout = new InputLayout(network);
        kernels = new NeuronKernel[pops.size()];
        for (int p = 0; p < pops.size(); p++) {
            kernels[p] = kernel(network, pops.get(p), p, layout, dt);
        }
        List<Projection> projections = network.projections();
        deliveries = new SynapseDelivery[projections.size()];
        int maxDelay = 1;
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p < pops.size(); p++) {
            out.add(new ArrayList<>());
        }
        for (int j = 0; j < projections.size(); j++) {
            deliveries[j] = new SynapseDelivery(network, projections.get(j), layout);
            maxDelay = Math.max(maxDelay, deliveries[j].maxDelay());
            out.get(projections.get(j).pre()).add(j);
        }
        outgoing = new int[pops.size()][];
        for (int p = 0; p < pops.size(); p++) {
            outgoing[p] = out.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        inputs = new StepInputs(layout, network.neuronCount(), maxDelay + 1);
        spikes = new SpikeBuffer(network.neuronCount(), pops.size());
        stimuli = new StimulusDrive(network, layout);
        modulators = new ModulatorDynamics(network, options.external());
        modulation = new Neuromodulation(network, layout, kernels, inputs);
        double[] postScale = modulation.neuronFactors(Neuromodulation.WEIGHT_SCALE);
        if (postScale != null) {
            for (SynapseDelivery d : deliveries) {
                d.setPostScale(postScale);
            }
        }
        List<PlasticProjection> learning = new ArrayList<>();
        List<Integer> learningIndex = new ArrayList<>();
        for (int j = 0; j < projections.size(); j++) {
            Projection p = projections.get(j);
            if (p.plasticity().isEmpty()) {
                continue;
            }
            String rule = p.plasticity().get().name();
            if (simulatesLearning(p)) {
                learning.add(new PlasticProjection(network, j, deliveries[j]));
                learningIndex.add(j);
                if (rule.equals("da_stdp") && Neuromodulation.learningModulator(network, j) < 0) {
                    limitations.add("projection " + p.name() + ": da_stdp without a pathway acting on its learning; "
                            + "its eligibility builds up but its weights do not change");
                }
            } else {
                limitations.add("projection " + p.name() + ": plasticity rule " + rule
                        + " is not simulated by the float reference; its weights stay as elaborated");
            }
        }
        plastic = learning.toArray(new PlasticProjection[0]);
        plasticIndex = learningIndex.stream().mapToInt(Integer::intValue).toArray();
        probes = new ProbeSet(network, kernels, modulators, deliveries);
        recordMask = new boolean[network.neuronCount()];
        if (options.spikes() == ReferenceOptions.SpikeScope.ALL) {
            java.util.Arrays.fill(recordMask, true);
        } else {
            for (NeuronRange r : probes.spikeTargets()) {
                java.util.Arrays.fill(recordMask, r.globalStart(), r.globalEnd(), true);
            }
        }
        populationSpikes = new long[pops.size()];
    }

    /** A simulator for {@code network} with {@link ReferenceOptions#defaults()}. */
    public static ReferenceSimulator create(Network network) {
        return create(network, ReferenceOptions.defaults());
    }

    /**
     * A simulator for {@code network}, at step 0.
     *
     * @throws IllegalArgumentException if the network uses something the float reference cannot
     *                                  simulate (an unknown model, an effect on an unsupported quantity)
     */
    public static ReferenceSimulator create(Network network, ReferenceOptions options) {
        requireNonNull(network, "network is null");
        requireNonNull(options, "options is null");
        return new ReferenceSimulator(network, options);
    }

    private static NeuronKernel kernel(Network network, Population pop, int p, InputLayout layout, double dt) {
        return switch (pop.model().name()) {
            case "lif" -> new LifKernel(pop, layout.base(p, 0), dt);
            case "izhikevich" -> new IzhikevichKernel(pop, layout.base(p, 0), dt);
            case "adex" -> new AdexKernel(pop, layout.base(p, 0), dt);
            case "two_comp" -> new TwoCompartmentKernel(pop, layout.base(network, p, "soma"),
                    layout.base(network, p, "dendrite"), dt);
            case "poisson" -> new PoissonSourceKernel(network, pop);
            case "spike_times" -> new SpikeTimesSourceKernel(pop, dt);
            default -> throw new IllegalArgumentException("population " + pop.name() + ": the float reference has no model "
                    + pop.model().name());
        };
    }

    /** Runs the remaining steps (to the options' or the network's run length) and returns the recording. */
    public Recording run() {
        advance(totalSteps - step);
        return recording();
    }

    /** Runs {@code n} more steps. */
    public void advance(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot run " + n + " steps");
        }
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) {
            stepOnce();
        }
        wallSeconds += (System.nanoTime() - start) * 1e-9;
    }

    private void stepOnce() {
        final long s = step;
        final StepInputs in = inputs;
        in.setStep(s);
        final double[] concentrations = modulators.concentrations();
        if (!modulation.isEmpty()) {
            modulation.apply(concentrations);
            for (int j = 0; j < deliveries.length; j++) {
                deliveries[j].setScale(modulation.projectionFactor(Neuromodulation.WEIGHT_SCALE, j));
            }
        }
        stimuli.step(in, options.external());
        spikes.clear();
        for (int p = 0; p < kernels.length; p++) {
            spikes.begin(p);
            kernels[p].step(in, spikes);
            spikes.close(p);
        }
        stimuli.clearForced(in);
        for (int i = 0, n = spikes.count(); i < n; i++) {
            int g = spikes.neuron(i);
            if (recordMask[g]) {
                recorder.record(s, g);
            }
        }
        final double[] ring = in.ring;
        if (delayArmed) {
            holdFirstSpike(s);
        }
        for (int p = 0; p < kernels.length; p++) {
            int from = spikes.start(p);
            int to = spikes.end(p);
            populationSpikes[p] += to - from;
            // The held spike is its population's first of the step: deliver the others.
            int first = delayedStep != null && s == delayedStep[p] ? from + 1 : from;
            if (firstHeld != null && !network.populations().get(p).isSource()) {
                continue;
            }
            for (int j : outgoing[p]) {
                SynapseDelivery d = deliveries[j];
                for (int i = first; i < to; i++) {
                    synapticEvents += d.deliver(spikes.neuron(i), s, ring, in.channels, in.ringSlots);
                }
            }
        }
        if (firstHeld != null) {
            holdEveryFirstSpike(s, in);
        }
        if (delayedStep != null) {
            for (int p = 0; p < kernels.length; p++) {
                if (delayedStep[p] >= 0 && s == delayedStep[p] + 1) {
                    for (int j : outgoing[p]) {
                        synapticEvents += deliveries[j].deliver(delayedNeuron[p], s, ring, in.channels, in.ringSlots);
                    }
                }
            }
        }
        for (int q = 0; q < plastic.length; q++) {
            Projection p = network.projections().get(plasticIndex[q]);
            plastic[q].step(spikes, p.pre(), p.post(), concentrations, modulation);
        }
        modulators.step(s, spikes);
        probes.sample(s);
        step = s + 1;
    }

    /**
     * Delivers the next spike a neuron fires one step late (the first in network order when
     * several fire in the same step; spike sources, which the host injects, are passed over). The
     * neuron's own state, its recorded spike, plasticity and modulators see it on time; only its
     * arrival at every target moves by one step. In a discrete-time engine that is the smallest
     * change to the network's traffic there is: {@code validate} runs the reference once more with
     * it to measure how far the network's dynamics carry such a change (its divergence floor).
     *
     * @throws IllegalStateException if a spike has already been delayed
     */
    public void delayNextSpike() {
        arm();
    }

    /**
     * Delivers the first spike every neuron fires from now on one step late, each as
     * {@link #delayNextSpike()} delays one (spike sources excepted). The chip's arithmetic differs
     * from the reference at every neuron, not at one; and the network's first spike may fall in a
     * quiet transient the network forgets (a population that starts firing only once a slow drive
     * has recruited it begins its own dynamics later). {@code validate}'s divergence floor perturbs
     * every neuron's onset this way: a stable network forgets each delay, a chaotic one does not.
     *
     * @throws IllegalStateException if a spike has already been delayed
     */
    public void delayFirstSpikes() {
        if (delayArmed || delayedStep != null || firstHeld != null) {
            throw new IllegalStateException("a spike is already delayed in this run");
        }
        firstHeld = new boolean[network.neuronCount()];
        held = new int[network.neuronCount()];
    }

    /**
     * Multiplies every plastic projection's depression amplitude ({@code A_minus}) by
     * {@code factor} for the rest of the run. A chip realises a learning rule's amplitudes only to
     * its own resolution (Loihi 1: 4-bit mantissas), so the balance of depression against
     * potentiation is where a compiled rule differs from the language's; {@code validate}'s
     * divergence floor moves it far below that resolution to measure how far a plastic network
     * carries such a change.
     *
     * @throws IllegalArgumentException if {@code factor} is not finite and positive
     */
    public void scaleDepression(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the depression factor must be finite and > 0, got " + factor);
        }
        for (PlasticProjection p : plastic) {
            p.scaleDepression(factor);
        }
    }

    /** True when {@code network} has a projection whose weights the float reference lets learn. */
    public static boolean learns(Network network) {
        for (Projection p : network.projections()) {
            if (simulatesLearning(p)) {
                return true;
            }
        }
        return false;
    }

    /** True when the float reference simulates {@code p}'s plasticity rule (stdp and da_stdp). */
    private static boolean simulatesLearning(Projection p) {
        if (p.plasticity().isEmpty()) {
            return false;
        }
        String rule = p.plasticity().get().name();
        return rule.equals("stdp") || rule.equals("da_stdp");
    }

    /**
     * With {@link #delayFirstSpikes()}: delivers the spikes of step {@code s} of every neuron
     * population, each neuron's first spike of the run held back to step {@code s + 1}, and the
     * spikes held in step {@code s - 1}.
     */
    private void holdEveryFirstSpike(long s, StepInputs in) {
        final double[] ring = in.ring;
        for (int k = 0; k < heldCount; k++) {
            int g = held[k];
            for (int j : outgoing[populationOf(g)]) {
                synapticEvents += deliveries[j].deliver(g, s, ring, in.channels, in.ringSlots);
            }
        }
        heldCount = 0;
        for (int p = 0; p < kernels.length; p++) {
            if (network.populations().get(p).isSource()) {
                continue;
            }
            for (int i = spikes.start(p), to = spikes.end(p); i < to; i++) {
                int g = spikes.neuron(i);
                if (!firstHeld[g]) {
                    firstHeld[g] = true;
                    held[heldCount++] = g;
                    continue;
                }
                for (int j : outgoing[p]) {
                    synapticEvents += deliveries[j].deliver(g, s, ring, in.channels, in.ringSlots);
                }
            }
        }
    }

    private int populationOf(int global) {
        int p = 0;
        int end = network.populations().get(0).size();
        while (global >= end) {
            p++;
            end += network.populations().get(p).size();
        }
        return p;
    }

    private void arm() {
        if (delayArmed || delayedStep != null || firstHeld != null) {
            throw new IllegalStateException("a spike is already delayed in this run");
        }
        delayArmed = true;
        delayedNeuron = new int[kernels.length];
        delayedStep = new long[kernels.length];
        java.util.Arrays.fill(delayedNeuron, -1);
        java.util.Arrays.fill(delayedStep, -1);
    }

    /**
     * The spike {@link #delayNextSpike()} delayed; empty until a neuron fired after the call (and
     * always with {@link #delayFirstSpikes()}, which holds many).
     */
    public java.util.Optional<DelayedSpike> delayedSpike() {
        DelayedSpike first = null;
        if (delayedStep != null) {
            for (int p = 0; p < delayedStep.length; p++) {
                if (delayedStep[p] >= 0 && (first == null || delayedStep[p] < first.step())) {
                    first = new DelayedSpike(delayedNeuron[p], delayedStep[p]);
                }
            }
        }
        return java.util.Optional.ofNullable(first);
    }

    /**
     * A spike {@link #delayNextSpike()} delivered one step late.
     *
     * @param neuron the neuron that fired it, global index
     * @param step the step it fired in (it arrives as if fired in {@code step + 1})
     */
    public record DelayedSpike(int neuron, long step) {
    }

    private void holdFirstSpike(long s) {
        for (int p = 0; p < kernels.length; p++) {
            if (network.populations().get(p).isSource() || delayedStep[p] >= 0) {
                continue;
            }
            if (spikes.end(p) > spikes.start(p)) {
                delayedNeuron[p] = spikes.neuron(spikes.start(p));
                delayedStep[p] = s;
                delayArmed = false;
                return;
            }
        }
    }

    /** The next step to compute (= steps run so far). */
    public long currentStep() {
        return step;
    }

    /** The run length {@link #run()} goes to. */
    public long totalSteps() {
        return totalSteps;
    }

    /** What was recorded so far, with the summary of the steps run. */
    public Recording recording() {
        List<RunSummary.PopulationSummary> pops = new ArrayList<>();
        for (int p = 0; p < kernels.length; p++) {
            Population pop = network.populations().get(p);
            pops.add(new RunSummary.PopulationSummary(pop.name(), pop.model().name(), pop.offset(), pop.size(),
                    populationSpikes[p]));
        }
        RunSummary summary = new RunSummary(ENGINE, step, network.simulation().dt(), pops, synapticEvents, Map.of(),
                OptionalDouble.of(wallSeconds));
        return new Recording(recorder, probes.recorders(), summary);
    }

    /**
     * Parts of the network the float reference simulates only partly (a plasticity rule it does
     * not implement, a three-factor rule with no modulator), one sentence each; empty when it
     * simulates everything. {@code validate} prints them.
     */
    public List<String> limitations() {
        return List.copyOf(limitations);
    }

    /** The current value of state variable {@code variable} of local neuron {@code neuron} of {@code population}. */
    public double state(String population, String variable, int neuron) {
        int p = network.populationIndex(population);
        if (p < 0) {
            throw new IllegalArgumentException("no population " + population);
        }
        int index = kernels[p].stateIndex(variable);
        if (index < 0) {
            throw new IllegalArgumentException("population " + population + " has no state variable " + variable);
        }
        return kernels[p].state(index, neuron);
    }

    /** The current concentration of modulator {@code name}. */
    public double concentration(String name) {
        int m = network.modulatorIndex(name);
        if (m < 0) {
            throw new IllegalArgumentException("no modulator " + name);
        }
        return modulators.concentrations()[m];
    }

    /** The current weight magnitude of synapse {@code k} of projection {@code projection}, A. */
    public double weight(String projection, int k) {
        int j = network.projectionIndex(projection);
        if (j < 0) {
            throw new IllegalArgumentException("no projection " + projection);
        }
        return deliveries[j].weight(k);
    }

    public Network network() {
        return network;
    }

    @Override
    public String toString() {
        return "ReferenceSimulator[" + network.name() + ", step " + step + " of " + totalSteps + "]";
    }
}
