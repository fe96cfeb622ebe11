package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NetworkIr;
import io.neuromap.emulator.loihi1.Loihi1Emulation;
import io.neuromap.emulator.loihi1.recording.Loihi1InputCheck;
import io.neuromap.emulator.loihi1.recording.Loihi1Recordings;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.reference.ReferenceOptions;
import io.neuromap.emulator.reference.ReferenceSimulator;
import io.neuromap.emulator.validate.DivergenceFloor;
import io.neuromap.emulator.validate.FloorRun;
import io.neuromap.emulator.validate.Validation;
import io.neuromap.emulator.validate.ValidationResult;
import io.neuromap.emulator.validate.ValidationTolerances;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neuromap validate FILE --target loihi1}: how far the bit-accurate emulation of the
 * compiled network strays from the float reference simulation of the same network, on the same
 * input spikes, population by population: rate error, van Rossum distance, voltage RMSE where
 * the network probes v, with the quantization errors that explain them. Exit code 0 within the
 * tolerances, 1 outside (or when the network does not compile or fit).
 */
@Command(name = "validate",
        description = {
            "Compare the bit-accurate emulation of a compiled network with the float reference simulation of the "
                    + "same network, on the same input spikes.",
            "Per population: mean-rate error |r_emu - r_ref| / max(r_ref, 1 Hz), van Rossum distance per spike "
                    + "(0 identical, 1 no spike matched; 0.5 = every spike moved by tau*ln 2), and the voltage RMSE in "
                    + "mV where the network probes v; then the quantization errors from compile.",
            "A chaotic network cannot keep its spike times, nor a network whose learning branches its rates, under "
                    + "any perturbation: where a population exceeds --rate-tol or --vr-tol, the float reference is run "
                    + "again with each neuron's first spike one step late (in a network that learns, then also with every "
                    + "A_minus 0.39%% or 1.56%% larger or smaller), until the verdict is settled. A metric beyond its "
                    + "tolerance passes if the reference's own largest difference under those runs (its divergence floor) "
                    + "exceeds the tolerance and the emulation stays within floor x (1 + --chaos-margin).",
            "Exit code 0 when every population is within the tolerances, 1 otherwise. The report goes to standard "
                    + "output (--json for one JSON document), diagnostics to standard error."
        })
final class ValidateCommand extends BaseCommand {
    private static final Pattern TIME = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(s|ms|us)\\s*");

    private final Toolchain toolchain;
    private final boolean terminal;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .nmap file to compile and validate.")
    private Path file;

    @Mixin
    private Loihi1CompileOptionsMixin compile = new Loihi1CompileOptionsMixin();

    @Mixin
    private EmulationOptions emulation = new EmulationOptions();

    @Option(names = "--rate-tol", paramLabel = "X", defaultValue = "0.10",
            description = "Largest relative rate error per population (default: ${DEFAULT-VALUE}).")
    private double rateTolerance = 0.10;

    @Option(names = "--vr-tol", paramLabel = "X", defaultValue = "0.5",
            description = "Largest van Rossum distance per spike per population (default: ${DEFAULT-VALUE}).")
    private double vanRossumTolerance = 0.5;

    @Option(names = "--vr-tau", paramLabel = "TIME", defaultValue = "10ms",
            description = "Time constant of the van Rossum kernel, with its unit: s, ms or us (default: ${DEFAULT-VALUE}).")
    private String vanRossumTau = "10ms";

    @Option(names = "--chaos-margin", paramLabel = "X", defaultValue = "0.25",
            description = "A population beyond --rate-tol or --vr-tol still passes that metric when the float reference, "
                    + "run again under changes smaller than the chip's, differs from itself by more than the tolerance "
                    + "(its divergence floor) and the emulation is within floor x (1 + X) (default: ${DEFAULT-VALUE}).")
    private double chaosMargin = ValidationTolerances.DEFAULT_CHAOS_MARGIN;

    @Option(names = "--no-chaos-floor",
            description = "Judge rates and spike timing by --rate-tol and --vr-tol alone: no divergence floor, no "
                    + "further reference runs.")
    private boolean noChaosFloor;

    @Option(names = "--v-tol", paramLabel = "MV",
            description = "Largest voltage RMSE per population, in mV (default: reported, not judged).")
    private Double voltageTolerance;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    private boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Also write DIR/config/, DIR/emulator/ and DIR/reference/ (run directories with plots; "
                    + "emulator voltages in volts) and DIR/validation.json.")
    private Path output;

    private Loihi1CompileOptions options;

    ValidateCommand(Toolchain toolchain, boolean terminal) {
        this.toolchain = requireNonNull(toolchain, "toolchain is null");
        this.terminal = terminal;
    }

    @Override
    List<Path> inputFiles() {
        return List.of(file);
    }

    @Override
    protected void validate() {
        options = compile.options(this::usageError);
        emulation.problem().or(this::problem).ifPresent(p -> {
            throw usageError(p);
        });
    }

    private Optional<String> problem() {
        if (!(rateTolerance >= 0) || Double.isInfinite(rateTolerance)) {
            return Optional.of("--rate-tol must be a finite number >= 0, got " + rateTolerance);
        }
        if (!(vanRossumTolerance >= 0) || Double.isInfinite(vanRossumTolerance)) {
            return Optional.of("--vr-tol must be a finite number >= 0, got " + vanRossumTolerance);
        }
        if (!(chaosMargin >= 0) || Double.isInfinite(chaosMargin)) {
            return Optional.of("--chaos-margin must be a finite number >= 0, got " + chaosMargin);
        }
        if (voltageTolerance != null && (!(voltageTolerance >= 0) || voltageTolerance.isInfinite())) {
            return Optional.of("--v-tol must be a finite number >= 0, got " + voltageTolerance);
        }
        if (tauSeconds() <= 0) {
            return Optional.of("--vr-tau must be a positive time with a unit (s, ms or us), e.g. 10ms; got '"
                    + vanRossumTau + "'");
        }
        return Optional.empty();
    }

    /** The van Rossum time constant in seconds, or -1 when the option is not a time. */
    private double tauSeconds() {
        Matcher m = TIME.matcher(vanRossumTau);
        if (!m.matches()) {
            return -1;
        }
        double v = Double.parseDouble(m.group(1));
        double scale = m.group(2).equals("s") ? 1 : m.group(2).equals("ms") ? 1e-3 : 1e-6;
        return v > 0 && !Double.isInfinite(v) ? v * scale : -1;
    }

    @Override
    protected ExitCode execute() {
        Loihi1CompileStep step = new Loihi1CompileStep(toolchain, err());
        Optional<Loihi1CompileResult> compiled = step.compile(file, options, compile.passes());
        if (compiled.isEmpty()) {
            return ExitCode.INPUT_ERROR;
        }
        Loihi1CompileResult result = compiled.get();
        if (!result.feasible()) {
            step.refuse(file, result, options);
            return ExitCode.INPUT_ERROR;
        }
        Network network = result.pipeline().output(NetworkIr.NETWORK)
                .orElseThrow(() -> new IllegalStateException("the compile produced no network IR"));
        Loihi1Lowering lowering = result.checked().orElseThrow().emitted().routed().placed().partitioned().lowering();
        Loihi1Config config = result.config().orElseThrow();
        long planned = network.simulation().steps();
        int steps = emulation.steps().orElse((int) Math.min(Integer.MAX_VALUE, planned));
        if (steps > planned) {
            throw usageError("--steps " + steps + " is longer than the network's simulate duration (" + planned
                    + " steps): the input spikes the chip gets were drawn for " + planned
                    + " steps; raise `duration` in the simulate block or give fewer steps");
        }
        Loihi1Emulation loaded;
        try {
            loaded = Loihi1Emulation.of(config);
        } catch (Loihi1ConfigException e) {
            throw new IllegalStateException("the compiler wrote an invalid config: " + e.getMessage(), e);
        }
        Optional<EmulationRunner.Run> run = new EmulationRunner(err(), terminal).run(loaded, emulation,
                OptionalInt.of(1), file.toString());
        if (run.isEmpty()) {
            return ExitCode.INPUT_ERROR;
        }
        ReferenceOptions referenceOptions = ReferenceOptions.defaults().withSteps(steps);
        ReferenceSimulator reference = ReferenceSimulator.create(network, referenceOptions);
        status("float reference: " + Text.count(steps, "step") + " ...");
        Recording ref = reference.run();
        List<String> inputs = Loihi1InputCheck.mismatches(lowering, ref, steps);
        if (!inputs.isEmpty()) {
            throw new IllegalStateException("the chip and the float reference see different input spikes in "
                    + String.join("; ", inputs));
        }
        EmulationRunner.Run r = run.get();
        Recording emu = Loihi1Recordings.inModelUnits(r.config(), r.neurons(), r.result(), lowering);
        ValidationTolerances tolerances = new ValidationTolerances(rateTolerance, vanRossumTolerance, tauSeconds(),
                voltageTolerance == null ? OptionalDouble.empty() : OptionalDouble.of(voltageTolerance * 1e-3),
                noChaosFloor ? OptionalDouble.empty() : OptionalDouble.of(chaosMargin));
        // The divergence floor's runs, made only while some population strays beyond its tolerances.
        // Kept for the weight comparison, which reads the learned weights of those the verdict used.
        Map<String, Recording> floorRecordings = new ConcurrentHashMap<>();
        List<FloorRun> floorRuns = DivergenceFloor.runs(network, referenceOptions).stream()
                .map(f -> new FloorRun(f.perturbation(), () -> {
                    status("divergence floor: float reference, " + f.perturbation() + " ...");
                    Recording made = f.recording().get();
                    floorRecordings.put(f.perturbation(), made);
                    return made;
                }))
                .toList();
        ValidationResult validation = Validation.compare(ref, emu, tolerances, floorRuns,
                emulation.runOptions().threads());
        List<Recording> floorsUsed = validation.floorRuns().stream().map(floorRecordings::get).toList();
        List<String> notes = new ArrayList<>(reference.limitations());
        if (r.result().overflows().total() > 0) {
            notes.add("the emulation overflowed " + Text.count(r.result().overflows().total(), "time")
                    + " (--strict stops at the first and locates it)");
        }
        var routed = result.checked().orElseThrow().emitted().routed();
        notes.addAll(WeightComparison.notes(lowering, routed.placed().partitioned().partition(), routed.routing(),
                config, emu, ref, floorsUsed));
        ValidationReport report = new ValidationReport(file.toString(), config.arithmetic().jsonName(), validation,
                lowering.quantization(), notes);
        if (output != null && !write(step, result, report, emu, ref)) {
            return ExitCode.INPUT_ERROR;
        }
        out().print(json ? report.json() : report.text());
        return validation.passed() ? ExitCode.OK : ExitCode.INPUT_ERROR;
    }

    /**
     * One line on standard error about a run that takes a while, where standard error is a
     * terminal (the emulation shows its own progress bar there); nothing otherwise, so scripts and
     * logs get the report alone.
     */
    private void status(String line) {
        if (terminal) {
            synchronized (this) {
                err().println(line);
                err().flush();
            }
        }
    }

    private boolean write(Loihi1CompileStep step, Loihi1CompileResult result, ValidationReport report, Recording emu,
            Recording ref) {
        if (step.write(file, result, options, compile.passes(), output.resolve("config")) != ExitCode.OK) {
            return false;
        }
        try {
            RunDirectory.write(emu, output.resolve("emulator"), true);
            RunDirectory.write(ref, output.resolve("reference"), true);
            Files.writeString(output.resolve("validation.json"), report.json(), StandardCharsets.UTF_8);
            err().println("wrote " + output + ": config/, emulator/, reference/, validation.json");
            return true;
        } catch (IOException e) {
            err().println("error: cannot write " + output + ": " + e.getMessage());
            return false;
        }
    }
}
