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
        return new Loihi1RowSource() {
            @Override
            public int rows() {
                return table.count();
            }

            @Override
            public void row(int index, long[] into) {
                into[CX_PROFILE] = table.cxProfile()[index];
                into[VTH_PROFILE] = table.vthProfile()[index];
                into[BIAS_MANT] = table.biasMant()[index];
                into[BIAS_EXP] = table.biasExp()[index];
            }
        };
    }

    static Loihi1RowSink<Loihi1Compartments> sink(int rows) {
        int[] cx = new int[rows];
        int[] vth = new int[rows];
        int[] mant = new int[rows];
        int[] exp = new int[rows];
        return new Loihi1RowSink<>() {
            @Override
            public void accept(int index, long[] row) {
                cx[index] = Loihi1RowChecks.narrow(row[CX_PROFILE]);
                vth[index] = Loihi1RowChecks.narrow(row[VTH_PROFILE]);
                mant[index] = Loihi1RowChecks.narrow(row[BIAS_MANT]);
                exp[index] = Loihi1RowChecks.narrow(row[BIAS_EXP]);
            }

            @Override
            public Loihi1Compartments build() {
                return new Loihi1Compartments(cx, vth, mant, exp);
            }
        };
    }
}
