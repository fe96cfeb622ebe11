package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuromap.backends.report.QuantizationRow;
import io.neuromap.emulator.validate.PopulationComparison;
import io.neuromap.emulator.validate.ValidationResult;
import io.neuromap.emulator.validate.ValidationTolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code validate} prints: the per-population table (rates, rate error, van Rossum distance
 * with the divergence floor where it was measured, voltage RMSE, each judged against its
 * tolerance), which runs the divergence floor took and why a chaotic or branching population passed or
 * failed against its floors, the quantization errors from compile, and
 * notes; as text for people or as one JSON document for scripts.
 *
 * @param file the network file
 * @param arithmetic the emulator's arithmetic profile
 * @param result the comparison
 * @param quantization the compile's quantization table
 * @param notes anything else to know (what the float reference does not simulate, ...)
 */
record ValidationReport(String file, String arithmetic, ValidationResult result, List<QuantizationRow> quantization,
        List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ValidationReport {
        requireNonNull(file, "file is null");
        requireNonNull(arithmetic, "arithmetic is null");
        requireNonNull(result, "result is null");
        quantization = List.copyOf(requireNonNull(quantization, "quantization is null"));
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }

    /** The report for people. */
    String text() {
        ValidationTolerances t = result.tolerances();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "validate %s on loihi1 (%s arithmetic) against the float reference: %s of %s ms%n",
                file, arithmetic, Text.count(result.steps(), "step"), Text.number(result.dt() * 1e3)));
        b.append(String.format(Locale.ROOT, "tolerances: rate error %s, van Rossum %s per spike (tau %s ms; %s)%s%n%n",
                percent(t.rate()), Text.number(t.vanRossum()), Text.number(t.tau() * 1e3),
                t.chaosMargin().isPresent() ? "chaotic networks: up to their divergence floor x "
                        + Text.number(1 + t.chaosMargin().getAsDouble()) : "no divergence floor",
                t.voltageRmse().isPresent() ? ", voltage RMSE " + Text.number(t.voltageRmse().getAsDouble() * 1e3) + " mV"
                        : ""));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"population", "neurons", "ref Hz", "emu Hz", "rate error", "", "van Rossum", "", "floor",
            "v RMSE mV", ""});
        for (PopulationComparison p : result.populations()) {
            rows.add(new String[] {p.name(), String.format(Locale.ROOT, "%,d", p.size()), rate(p.referenceRate()),
                rate(p.emulatedRate()), percent(p.rateError()), verdict(p.rateWithin(t)),
                String.format(Locale.ROOT, "%.3f", p.vanRossum()), verdict(p.vanRossumWithin(t)),
                p.divergenceFloor().isPresent() ? String.format(Locale.ROOT, "%.3f", p.divergenceFloor().getAsDouble())
                        : "-",
                p.voltageRmse().isPresent() ? String.format(Locale.ROOT, "%.3f", p.voltageRmse().getAsDouble() * 1e3)
                        : "-",
                p.voltageRmse().isPresent() && t.voltageRmse().isPresent() ? verdict(p.voltageWithin(t)) : ""});
        }
        table(b, rows, new boolean[] {false, true, true, true, true, false, true, false, true, true, false});
        if (result.floorMeasured()) {
            b.append("divergence floor: the largest difference of the float reference from its own ")
                    .append(result.floorRuns().size() == 1 ? "run" : Text.count(result.floorRuns().size(), "run"))
                    .append(" with\n");
            result.floorRuns().forEach(run -> b.append("  ").append(run).append('\n'));
        }
        for (PopulationComparison p : result.populations()) {
            rateFloorLine(p, t).ifPresent(line -> b.append(line).append('\n'));
            floorLine(p, t).ifPresent(line -> b.append(line).append('\n'));
        }
        List<QuantizationRow> lossy = quantization.stream().filter(q -> q.maxRelativeError() > 0).toList();
        if (!quantization.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nquantization from compile (relative error, max / mean; %d of %d "
                    + "parameters exact):%n", quantization.size() - lossy.size(), quantization.size()));
            List<String[]> q = new ArrayList<>();
            for (QuantizationRow l : lossy) {
                q.add(new String[] {"  " + l.kind().label() + " " + l.name() + "." + l.parameter(),
                    percent(l.maxRelativeError()), percent(l.meanRelativeError()), l.note()});
            }
            table(b, q, new boolean[] {false, true, true, false});
        }
        for (String note : notes) {
            b.append("note: ").append(note).append('\n');
        }
        List<PopulationComparison> failures = result.failures();
        b.append('\n');
        if (failures.isEmpty()) {
            b.append("validation passed: every population is within the tolerances\n");
        } else {
            b.append("validation failed: ").append(Text.count(failures.size(), "population")).append(" outside the tolerances (");
            b.append(String.join(", ", failures.stream().map(PopulationComparison::name).toList())).append(")\n");
        }
        return b.toString();
    }

    /**
     * Why a population's van Rossum distance passed or failed against its divergence floor;
     * empty where the floor was not measured or the tolerance alone decides.
     */
    private static Optional<String> floorLine(PopulationComparison p, ValidationTolerances t) {
        if (p.divergenceFloor().isEmpty() || t.chaosMargin().isEmpty() || p.vanRossum() <= t.vanRossum()) {
            return Optional.empty();
        }
        double floor = p.divergenceFloor().getAsDouble();
        String limit = String.format(Locale.ROOT, "%.3f x %s = %.3f", floor, Text.number(1 + t.chaosMargin().getAsDouble()),
                floor * (1 + t.chaosMargin().getAsDouble()));
        String diverges = String.format(Locale.ROOT, "the reference diverges from itself by %.3f", floor);
        String vr = String.format(Locale.ROOT, "van Rossum %.3f", p.vanRossum());
        if (floor > t.vanRossum()) {
            return Optional.of(byFloor(p.name(), "chaotic", diverges, vr, p.vanRossumByFloor(t), limit));
        }
        return Optional.of(String.format(Locale.ROOT, "%s: the reference diverges from itself by only %.3f, within "
                + "the tolerance %s: %s is the emulation's, not the network's chaos", p.name(), floor,
                Text.number(t.vanRossum()), vr));
    }

    /**
     * Why a population's rate error passed or failed against the reference's own rate change under
     * the floor's runs; empty where that was not measured or the tolerance alone decides.
     */
    private static Optional<String> rateFloorLine(PopulationComparison p, ValidationTolerances t) {
        if (p.rateFloor().isEmpty() || t.chaosMargin().isEmpty() || p.rateError() <= t.rate()) {
            return Optional.empty();
        }
        double floor = p.rateFloor().getAsDouble();
        String moves = "the reference's own rate moves by " + percent(floor);
        String error = "rate error " + percent(p.rateError());
        String limit = percent(floor) + " x " + Text.number(1 + t.chaosMargin().getAsDouble()) + " = "
                + percent(floor * (1 + t.chaosMargin().getAsDouble()));
        if (floor > t.rate()) {
            return Optional.of(byFloor(p.name(), "branching", moves, error, p.rateByFloor(t), limit));
        }
        return Optional.of(p.name() + ": " + moves + " at most, within the tolerance " + percent(t.rate()) + ": the "
                + error + " is the emulation's, not the network's");
    }

    /**
     * A metric judged by its floor, which exceeds its tolerance: what the network does to itself,
     * and whether the emulation's {@code measured} value stays within {@code limit}.
     */
    private static String byFloor(String population, String kind, String floorSays, String measured, boolean within,
            String limit) {
        return population + ": " + kind + ": " + floorSays + "; " + (within ? measured + " is within " : "but " + measured
                + " exceeds ") + limit;
    }

    /** The report as one JSON document. */
    String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file);
        root.put("target", "loihi1");
        root.put("arithmetic", arithmetic);
        root.put("steps", result.steps());
        root.put("dt_s", result.dt());
        ValidationTolerances t = result.tolerances();
        ObjectNode tol = root.putObject("tolerances");
        tol.put("rate_error", t.rate());
        tol.put("van_rossum", t.vanRossum());
        tol.put("van_rossum_tau_s", t.tau());
        if (t.voltageRmse().isPresent()) {
            tol.put("voltage_rmse_v", t.voltageRmse().getAsDouble());
        } else {
            tol.putNull("voltage_rmse_v");
        }
        if (t.chaosMargin().isPresent()) {
            tol.put("chaos_margin", t.chaosMargin().getAsDouble());
        } else {
            tol.putNull("chaos_margin");
        }
        ObjectNode floor = root.putObject("divergence_floor");
        floor.put("enabled", t.floorEnabled());
        floor.put("measured", result.floorMeasured());
        ArrayNode runs = floor.putArray("runs");
        result.floorRuns().forEach(runs::add);
        root.put("passed", result.passed());
        ArrayNode pops = root.putArray("populations");
        for (PopulationComparison p : result.populations()) {
            ObjectNode o = pops.addObject();
            o.put("name", p.name());
            o.put("neurons", p.size());
            o.put("reference_spikes", p.referenceSpikes());
            o.put("emulated_spikes", p.emulatedSpikes());
            o.put("reference_rate_hz", p.referenceRate());
            o.put("emulated_rate_hz", p.emulatedRate());
            o.put("rate_error", p.rateError());
            if (p.rateFloor().isPresent()) {
                o.put("rate_error_floor", p.rateFloor().getAsDouble());
            } else {
                o.putNull("rate_error_floor");
            }
            o.put("rate_by_floor", p.rateByFloor(t));
            o.put("rate_ok", p.rateWithin(t));
            o.put("van_rossum", p.vanRossum());
            if (p.divergenceFloor().isPresent()) {
                o.put("divergence_floor", p.divergenceFloor().getAsDouble());
            } else {
                o.putNull("divergence_floor");
            }
            o.put("van_rossum_by_floor", p.vanRossumByFloor(t));
            o.put("van_rossum_ok", p.vanRossumWithin(t));
            if (p.voltageRmse().isPresent()) {
                o.put("voltage_rmse_v", p.voltageRmse().getAsDouble());
            } else {
                o.putNull("voltage_rmse_v");
            }
            o.put("voltage_samples", p.voltageSamples());
            o.put("voltage_ok", p.voltageWithin(t));
            o.put("passed", p.within(t));
        }
        ArrayNode q = root.putArray("quantization");
        for (QuantizationRow l : quantization) {
            ObjectNode o = q.addObject();
            o.put("kind", l.kind().label());
            o.put("object", l.name());
            o.put("parameter", l.parameter());
            o.put("unit", l.unit());
            o.put("values", l.values());
            o.put("max_relative_error", l.maxRelativeError());
            o.put("mean_relative_error", l.meanRelativeError());
            if (l.binningError().isPresent()) {
                o.put("binning_error", l.binningError().getAsDouble());
            } else {
                o.putNull("binning_error");
            }
            o.put("note", l.note());
        }
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the validation report", e);
        }
    }

    private static String verdict(boolean ok) {
        return ok ? "ok" : "FAIL";
    }

    private static String rate(double hz) {
        return String.format(Locale.ROOT, "%.3f", hz);
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return (p != 0 && p < 0.01 ? String.format(Locale.ROOT, "%.2g", p) : String.format(Locale.ROOT, "%.2f", p)) + "%";
    }

    /** Appends {@code rows} as columns padded to their widest cell; right-aligned where {@code right}. */
    private static void table(StringBuilder b, List<String[]> rows, boolean[] right) {
        int[] width = new int[right.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                if (width[c] == 0) {
                    continue;
                }
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(right[c] ? pad + cell : cell + pad);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
