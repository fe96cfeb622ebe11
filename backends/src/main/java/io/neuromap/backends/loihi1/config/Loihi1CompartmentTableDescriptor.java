package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of a core's {@code compartment_table}: one row per compartment ({@code CxCfg}), in
 * compartment order, so row i configures compartment i.
 *
 * <pre>
 *   column     0            1             2           3
 *            +------------+-------------+-----------+----------+
 *   row i    | cx_profile | vth_profile | bias_mant | bias_exp |      writer dtype &lt;i2
 *            +------------+-------------+-----------+----------+
 *   cx_profile   index into compartment_profiles   0 .. profiles - 1   (CxCfg.CxProfile)
 *   vth_profile  index into threshold_profiles     0 .. profiles - 1   (CxCfg.VthProfile)
 *   bias_mant    bias mantissa                     -4095 .. 4095       (bias_mant, CxCfg.Bias)
 *   bias_exp     bias exponent                     0 .. 7              (bias_exp, CxCfg.BiasExp)
 *   full-scale bias = bias_mant &lt;&lt; bias_exp
 * </pre>
 */
public final class Loihi1CompartmentTableDescriptor {

    public static final int CX_PROFILE = 0;
    public static final int VTH_PROFILE = 1;
    public static final int BIAS_MANT = 2;
    public static final int BIAS_EXP = 3;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("cx_profile", "vth_profile", "bias_mant", "bias_exp");

    /** The table's fixed facts; written inline up to {@link Loihi1ConfigDescriptor#INLINE_MAX_ROWS} rows. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("compartments", COLUMNS, NpyDtype.INT16,
            false);

    private Loihi1CompartmentTableDescriptor() {
    }

    static Loihi1RowCheck check(int compartmentProfiles, int thresholdProfiles) {
        return row -> Loihi1RowChecks.join(
                Loihi1RowChecks.range(COLUMNS.get(CX_PROFILE), row[CX_PROFILE], 0, compartmentProfiles - 1L),
                Loihi1RowChecks.range(COLUMNS.get(VTH_PROFILE), row[VTH_PROFILE], 0, thresholdProfiles - 1L),
                Loihi1RowChecks.range(COLUMNS.get(BIAS_MANT), row[BIAS_MANT], -Loihi1Limits.BIAS_MANTISSA_MAX,
                        Loihi1Limits.BIAS_MANTISSA_MAX),
                Loihi1RowChecks.range(COLUMNS.get(BIAS_EXP), row[BIAS_EXP], Loihi1Limits.BIAS_EXP_MIN,
                        Loihi1Limits.BIAS_EXP_MAX));
    }

    static Loihi1RowSource source(Loihi1Compartments table) {
        return Loihi1RowSource.ofColumns(table.cxProfile(), table.vthProfile(), table.biasMant(), table.biasExp());
    }

    static Loihi1RowSink<Loihi1Compartments> sink(int rows) {
        return Loihi1RowSink.ofColumns(COLUMNS.size(), rows, columns -> new Loihi1Compartments(columns[CX_PROFILE],
                columns[VTH_PROFILE], columns[BIAS_MANT], columns[BIAS_EXP]));
    }
}
