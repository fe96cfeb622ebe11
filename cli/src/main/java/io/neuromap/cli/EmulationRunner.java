package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.rules.Loihi1Rules;
import io.neuromap.emulator.loihi1.Loihi1Emulation;
import io.neuromap.emulator.loihi1.Loihi1EmulationException;
import io.neuromap.emulator.loihi1.Loihi1OverflowCounts;
import io.neuromap.emulator.loihi1.Loihi1OverflowException;
import io.neuromap.emulator.loihi1.Loihi1Recorder;
import io.neuromap.emulator.loihi1.Loihi1RunResult;
import io.neuromap.emulator.loihi1.recording.Loihi1NeuronMap;
import io.neuromap.emulator.loihi1.recording.Loihi1ProbePlan;
import io.neuromap.emulator.loihi1.recording.Loihi1Recordings;
import io.neuromap.emulator.plot.RasterPlot;
import io.neuromap.emulator.record.Recording;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs a loaded Loihi 1 config the way the command line does, for {@code emulate}, {@code run}
 * and {@code validate}: refuses a config that breaks the chip's rules, records what the options
 * ask for (spike probes are served by {@code spikes.npy}: {@link Loihi1ProbePlan}), shows a
 * progress bar on a terminal, turns a strict run's first overflow into a located error, and
 * writes the run directory. Every failure is printed here and returned as an empty result or
 * {@link ExitCode#INPUT_ERROR}.
 */
final class EmulationRunner {
    private final PrintWriter err;
    private final boolean terminal;

    EmulationRunner(PrintWriter err, boolean terminal) {
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
    }

    /** A finished run: the config as run, its neuron numbering and what it recorded. */
    record Run(Loihi1Config config, Loihi1NeuronMap neurons, Loihi1RunResult result) {
        Run {
            requireNonNull(config, "config is null");
            requireNonNull(neurons, "neurons is null");
            requireNonNull(result, "result is null");
        }

        /** The run as a recording with chip integers, as {@code emulate} writes it. */
        Recording recording() {
            return Loihi1Recordings.of(config, neurons, result);
        }
    }

    /**
     * Runs {@code loaded} with {@code options}, its probes recorded every {@code probeEvery} steps
     * when present (else with the config's periods).
     *
     * @param source how the user named what is run, for messages
     * @return the run, or empty when it was refused or failed (already reported)
     */
    Optional<Run> run(Loihi1Emulation loaded, EmulationOptions options, OptionalInt probeEvery, String source) {
        if (Loihi1Rules.hasErrors(loaded.violations())) {
            ConfigErrors.print(loaded.violations(), Path.of(source), err);
            return Optional.empty();
        }
        Loihi1Config config = Loihi1ProbePlan.forRun(loaded.config(), probeEvery);
        Loihi1Emulation emulation = loaded.recording(config);
        int steps = options.steps().orElse(config.steps());
        warnPastStimuli(config, steps);
        Loihi1NeuronMap neurons = Loihi1NeuronMap.of(config.origin());
        ProgressBar bar = terminal ? new ProgressBar(err, steps, System::nanoTime) : null;
        Loihi1RunResult result;
        try {
            result = bar == null ? emulation.run(steps, options.runOptions())
                    : emulation.run(steps, options.runOptions(), (Loihi1Recorder) bar);
        } catch (Loihi1OverflowException e) {
            clear(bar);
            err.println("error: " + e.getMessage() + where(neurons, e));
            err.println("  help: overflows mean the chip's integers wrap where the model's values would not; "
                    + "lower the weights or input that drive this compartment, or run without --strict to count them");
            return Optional.empty();
        } catch (Loihi1EmulationException e) {
            clear(bar);
            err.println("error: " + e.getMessage());
            return Optional.empty();
        } finally {
            // Also before an internal error's message; finishing twice is harmless.
            clear(bar);
        }
        return Optional.of(new Run(config, neurons, result));
    }

    private static void clear(ProgressBar bar) {
        if (bar != null) {
            bar.finish();
        }
    }

    /** Runs and writes the run directory; prints the summary. */
    ExitCode runAndWrite(Loihi1Emulation loaded, EmulationOptions options, RecordingOptions recording, Path output,
            String source) {
        Optional<Run> run = run(loaded, options, recording.probeEvery(), source);
        if (run.isEmpty()) {
            return ExitCode.INPUT_ERROR;
        }
        Recording written = run.get().recording();
        List<String> files;
        try {
            files = RunDirectory.write(written, output, recording.plot());
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        summarize(run.get(), written);
        err.println("wrote " + output + ": " + String.join(", ", files));
        if (recording.plot() && !RasterPlot.pngHasText()) {
            err.println("note: this machine has no fonts, so raster.png has no labels; raster.svg has them");
        }
        return ExitCode.OK;
    }

    /** The one-paragraph summary on standard error. */
    void summarize(Run run, Recording recording) {
        Loihi1RunResult r = run.result();
        double wall = r.wallNanos() * 1e-9;
        int neurons = 0;
        for (var p : recording.summary().populations()) {
            neurons += p.size();
        }
        err.println(String.format(Locale.ROOT, "emulated %s of %s (%s on %s, %s arithmetic) in %s s on %s",
                Text.count(r.steps(), "step"), Text.count(neurons, "neuron"),
                Text.count(r.compartmentUpdates() / Math.max(1, r.steps()), "compartment"),
                Text.count(cores(run.config()), "core"), run.config().arithmetic().jsonName(), Text.number(wall),
                Text.count(r.threads(), "thread")));
        err.println(String.format(Locale.ROOT, "  %s, %s (%s/s), %s",
                Text.count(r.spikes().count(), "spike"), Text.count(r.synapticEvents(), "synaptic event"),
                Text.number(wall > 0 ? r.synapticEvents() / wall : 0), overflowText(r.overflows())));
    }

    private static String overflowText(Loihi1OverflowCounts o) {
        if (o.total() == 0) {
            return "no overflows";
        }
        return Text.count(o.total(), "overflow") + " (q0 " + o.q0() + ", current " + o.current() + ", u2 " + o.u2()
                + ", join " + o.join() + "; --strict stops at the first)";
    }

    private static int cores(Loihi1Config config) {
        int n = 0;
        for (var chip : config.chips()) {
            n += chip.cores().size();
        }
        return n;
    }

    private void warnPastStimuli(Loihi1Config config, int steps) {
        boolean stimuli = config.spikes().count() > 0 || config.current().count() > 0;
        if (stimuli && steps > config.steps()) {
            err.println("warning: running " + Text.count(steps, "step") + ", but the config's stimuli were drawn for its "
                    + Text.count(config.steps(), "step") + "; there is no input after step " + (config.steps() - 1));
            err.println("  help: raise `duration` in the network's simulate block and compile again");
        }
    }

    /** The population and neuron of an overflowing compartment, if the origin names it. */
    private static String where(Loihi1NeuronMap neurons, Loihi1OverflowException e) {
        int row = neurons.row(e.chip(), e.core(), e.compartment());
        if (row < 0) {
            return "";
        }
        int p = neurons.populationOfRow(row);
        return " [population `" + neurons.population(p).name() + "`, neuron " + (neurons.neuronOfRow(row)
                - neurons.offset(p)) + ", " + neurons.compartmentNameOfRow(row) + "]";
    }
}
