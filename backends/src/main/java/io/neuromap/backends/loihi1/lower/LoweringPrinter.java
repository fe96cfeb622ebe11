package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.report.QuantizationRow;
import java.util.Locale;

/** Prints a lowering for {@code --print-ir-after=lower}: shapes, thresholds, binning, formats, errors. */
final class LoweringPrinter {
    private LoweringPrinter() {
    }

    static String print(Loihi1Lowering lowering) {
        StringBuilder out = new StringBuilder();
        out.append("loihi1-lowered ").append(lowering.network().name()).append(" (heterogeneity ")
                .append(lowering.options().heterogeneity()).append(", arithmetic ")
                .append(lowering.options().arithmetic().jsonName()).append(")\n");
        for (PopulationLowering p : lowering.populations()) {
            if (p.isSource()) {
                out.append(String.format(Locale.ROOT, "  population %s[%d]: spike source (host)%n", p.name(), p.size()));
                continue;
            }
            out.append(String.format(Locale.ROOT, "  population %s[%d]: %s, vth_mant %d%s%n", p.name(), p.size(),
                    p.shape().roles(), p.vthMant(), p.isSupported() ? "" : " (not lowered)"));
        }
        for (BinningRow b : lowering.binning()) {
            out.append("  binning ").append(b).append('\n');
        }
        for (ProjectionLowering p : lowering.projections()) {
            out.append("  projection ").append(p.name()).append(": position ").append(p.position()).append(", ")
                    .append(p.signMode()).append(", weight_exp ").append(p.weightExp()).append(", delay bits ")
                    .append(p.format().delayBits()).append('\n');
        }
        for (QuantizationRow r : lowering.quantization()) {
            out.append("  error ").append(r).append('\n');
        }
        return out.toString();
    }
}
