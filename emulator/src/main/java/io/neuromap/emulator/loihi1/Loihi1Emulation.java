package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigDescriptor;
import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.config.Loihi1ConfigProblem;
import io.neuromap.backends.loihi1.config.Loihi1ConfigReader;
import io.neuromap.backends.loihi1.config.Loihi1ConfigValidator;
import io.neuromap.backends.loihi1.config.Loihi1ModulatorProbe;
import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.rules.Loihi1Rules;
import io.neuromap.backends.loihi1.rules.MappedNet;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code emulate} path for a Loihi 1 config, as the CLI runs it: load the config (format,
 * schema, tables, cross-references: {@link Loihi1ConfigReader}), re-check it against the target's
 * design rules, and, if it breaks none that is an error (warnings are reported, not refused), run
 * it for N steps on T threads and return its probes and spikes. The rules are the compiler's own per-core rules ({@link Loihi1Rules#coreRules()} on
 * {@link MappedNet#ofConfig}), so a hand-written config gets the same violations, with the same
 * ids and numbers, as a compiled one would (DESIGN.md, the chip config contract); each is blamed
 * on the config file, since a config has no DSL behind it.
 *
 * <p>Two kinds of bad input stay apart: a malformed config throws {@link Loihi1ConfigException}
 * from {@link #load} or {@link #of} (every problem located), while a well-formed config that does
 * not fit the chip loads, reports its {@link #violations()}, and is refused by {@link #run} when one
 * of them is an error.
 *
 * <pre>{@code
 * Loihi1Emulation emulation = Loihi1Emulation.load(Path.of("out"));
 * if (Loihi1Rules.hasErrors(emulation.violations())) { ...print them, exit 1... }
 * Loihi1RunResult result = emulation.run(1000, Loihi1RunOptions.defaults().withThreads(4));
 * }</pre>
 */
public final class Loihi1Emulation {

    /** Sees nothing; not attached, so a plain run pays nothing for the observer hook. */
    /** The weight probes' samples as traces, in the config's order. */
    private static List<Loihi1WeightTrace> weightTraces(Loihi1Config config, Loihi1Emulator emulator) {
        List<int[][]> samples = emulator.weightSamples();
        List<Loihi1WeightTrace> out = new java.util.ArrayList<>();
        for (int p = 0; p < samples.size(); p++) {
            var probe = config.learning().weightProbes().get(p);
            out.add(new Loihi1WeightTrace(probe.name(), probe.every(), samples.get(p)));
        }
        return out;
    }

    private static final Loihi1Recorder NO_OBSERVER = new Loihi1Recorder() {
        @Override
        public void afterCore(Loihi1State state, int core, int step) {
        }

        @Override
        public void afterStep(Loihi1State state, int step) {
        }
    };

    private final Loihi1Config config;
    private final List<Violation> violations;

    private Loihi1Emulation(Loihi1Config config, List<Violation> violations) {
        this.config = config;
        this.violations = List.copyOf(violations);
    }

    /**
     * Reads the config at {@code path} (a directory holding {@code config.json}, or the file) and
     * checks it against the target's rules.
     *
     * @throws Loihi1ConfigException if the config is malformed: every problem, located
     */
    public static Loihi1Emulation load(Path path) throws Loihi1ConfigException {
        requireNonNull(path, "path is null");
        Loihi1LaneWarmUp.start();
        Loihi1Config config = Loihi1ConfigReader.read(path);
        Path file = Files.isDirectory(path) ? path.resolve(Loihi1ConfigDescriptor.CONFIG_FILE) : path;
        return new Loihi1Emulation(config, check(config, file.toString()));
    }

    /**
     * Validates an in-memory config as the reader would and checks it against the target's rules.
     *
     * @throws Loihi1ConfigException if the config is malformed: every problem, located
     */
    public static Loihi1Emulation of(Loihi1Config config) throws Loihi1ConfigException {
        requireNonNull(config, "config is null");
        Loihi1LaneWarmUp.start();
        List<Loihi1ConfigProblem> problems = Loihi1ConfigValidator.validate(config);
        if (!problems.isEmpty()) {
            throw new Loihi1ConfigException(problems);
        }
        return new Loihi1Emulation(config, check(config, Loihi1ConfigDescriptor.CONFIG_FILE));
    }

    /**
     * Every violation of the target's per-core rules by {@code config}, for the chip and system it
     * names, each blamed on {@code file}. The config reader has checked every field, table and
     * cross-reference already; what is left are the capacities that depend on a whole core
     * (synaptic memory, the compartments its {@code delay_bits} allow).
     */
    private static List<Violation> check(Loihi1Config config, String file) {
        return Loihi1Rules.check(Loihi1Rules.coreRules(), MappedNet.ofConfig(config, file),
                Loihi1Limits.of(config.system()));
    }

    /**
     * This emulation recording {@code recorded}'s probes: a config that is this one's with probes
     * left out or recorded at other periods (what a command-line run records). Nothing the reader or
     * the target's rules check changes with that, so, unlike {@link #of}, nothing is checked again
     * (loading the 100,000-neuron CUBA config spent 0.3 s doing it twice).
     *
     * @throws IllegalArgumentException if {@code recorded} differs in anything else, or records a
     *     probe (or modulator probe) this config does not have
     */
    public Loihi1Emulation recording(Loihi1Config recorded) {
        requireNonNull(recorded, "recorded is null");
        if (recorded == config) {
            return this;
        }
        boolean same = recorded.system().equals(config.system()) && recorded.arithmetic() == config.arithmetic()
                && recorded.dt() == config.dt() && recorded.steps() == config.steps()
                && recorded.seed() == config.seed() && recorded.chips().equals(config.chips())
                && recorded.spikes().equals(config.spikes()) && recorded.current().equals(config.current())
                && recorded.origin().equals(config.origin()) && recorded.learning().equals(config.learning())
                && recorded.modulation().modulators().equals(config.modulation().modulators())
                && recorded.modulation().effects().equals(config.modulation().effects());
        if (!same) {
            throw new IllegalArgumentException("the config differs in more than its probes");
        }
        for (Loihi1Probe probe : recorded.probes()) {
            if (config.probes().stream().noneMatch(p -> sameTargets(p, probe))) {
                throw new IllegalArgumentException("probe `" + probe.name() + "` is not one of the config's");
            }
        }
        for (Loihi1ModulatorProbe probe : recorded.modulation().probes()) {
            if (config.modulation().probes().stream().noneMatch(p -> sameTargets(p, probe))) {
                throw new IllegalArgumentException("modulator probe `" + probe.name() + "` is not one of the config's");
            }
        }
        return new Loihi1Emulation(recorded, violations);
    }

    private static boolean sameTargets(Loihi1Probe a, Loihi1Probe b) {
        return a.name().equals(b.name()) && a.variable() == b.variable() && Arrays.equals(a.chip(), b.chip())
                && Arrays.equals(a.core(), b.core()) && Arrays.equals(a.compartment(), b.compartment());
    }

    private static boolean sameTargets(Loihi1ModulatorProbe a, Loihi1ModulatorProbe b) {
        return a.name().equals(b.name()) && a.modulator() == b.modulator() && a.population() == b.population()
                && a.first() == b.first() && a.count() == b.count();
    }

    /** The config. */
    public Loihi1Config config() {
        return config;
    }

    /**
     * The design-rule violations, errors first (every per-core rule of the target runs); a config
     * with an error cannot run, one with warnings only can.
     */
    public List<Violation> violations() {
        return violations;
    }

    /** Runs the config's own number of steps ({@code "steps"}). */
    public Loihi1RunResult run(Loihi1RunOptions options) throws Loihi1EmulationException {
        return run(config.steps(), options);
    }

    /**
     * Runs {@code steps} steps from the initial state (every u, v and refractory counter 0) and
     * returns every probe's trace and every spike.
     *
     * @throws Loihi1EmulationException if the config violates a target rule (nothing runs), a
     *     probe's trace would not fit in memory, or, in a strict run, a register overflowed
     *     ({@link Loihi1OverflowException})
     */
    public Loihi1RunResult run(int steps, Loihi1RunOptions options) throws Loihi1EmulationException {
        return run(steps, options, NO_OBSERVER);
    }

    /**
     * As {@link #run(int, Loihi1RunOptions)}, with {@code observer} attached after the probes and
     * the spike log: it sees every step (the command line's progress bar) and must not change
     * anything, so the result is the same with or without it.
     */
    public Loihi1RunResult run(int steps, Loihi1RunOptions options, Loihi1Recorder observer)
            throws Loihi1EmulationException {
        return run(steps, options, observer, Loihi1Loops.LANES);
    }

    /** As {@link #run(int, Loihi1RunOptions)} with the given compartment loops (for tests). */
    Loihi1RunResult run(int steps, Loihi1RunOptions options, Loihi1Loops loops) throws Loihi1EmulationException {
        return run(steps, options, NO_OBSERVER, loops);
    }

    private Loihi1RunResult run(int steps, Loihi1RunOptions options, Loihi1Recorder observer, Loihi1Loops loops)
            throws Loihi1EmulationException {
        requireNonNull(options, "options is null");
        requireNonNull(observer, "observer is null");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (Loihi1Rules.hasErrors(violations)) {
            throw Loihi1EmulationException.refused(violations.stream()
                    .filter(v -> v.severity() == Severity.ERROR).toList());
        }
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config), options, loops)) {
            Loihi1ProbeBuffers probes = new Loihi1ProbeBuffers(config.probes(), emulator.state(), steps);
            Loihi1SpikeLog spikes = new Loihi1SpikeLog();
            Loihi1ModulatorProbes modulatorProbes = new Loihi1ModulatorProbes(config, emulator);
            emulator.attach(probes);
            emulator.attach(spikes);
            emulator.attach(modulatorProbes);
            if (observer != NO_OBSERVER) {
                emulator.attach(observer);
            }
            Loihi1LaneWarmUp.stop();
            long start = System.nanoTime();
            emulator.run(steps);
            long wall = System.nanoTime() - start;
            return new Loihi1RunResult(steps, emulator.threads(), probes.traces(), spikes.raster(emulator.state()),
                    emulator.overflows(), emulator.synapticEvents(),
                    (long) steps * emulator.state().compartments(), wall,
                    weightTraces(config, emulator), modulatorProbes.recorders());
        }
    }

    @Override
    public String toString() {
        return "Loihi1Emulation[" + config.arithmetic().jsonName() + ", " + violations.size() + " violations]";
    }
}
