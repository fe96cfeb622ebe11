package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A core's per-compartment configuration ({@code CxCfg}, one entry per compartment), as parallel
 * arrays indexed by compartment: which profiles it uses and its bias. The arrays are owned by this
 * record and never copied (a config can hold millions of compartments); callers must not change
 * them.
 *
 * @param cxProfile compartment-profile index per compartment ({@code CxCfg.CxProfile})
 * @param vthProfile threshold-profile index per compartment ({@code CxCfg.VthProfile})
 * @param biasMant bias mantissa per compartment, -4095..4095 ({@code bias_mant})
 * @param biasExp bias exponent per compartment, 0..7 ({@code bias_exp}); bias = mant &lt;&lt; exp
 */
public record Loihi1Compartments(int[] cxProfile, int[] vthProfile, int[] biasMant, int[] biasExp) {

    public Loihi1Compartments {
        requireNonNull(cxProfile, "cxProfile is null");
        requireNonNull(vthProfile, "vthProfile is null");
        requireNonNull(biasMant, "biasMant is null");
        requireNonNull(biasExp, "biasExp is null");
        if (vthProfile.length != cxProfile.length) {
            throw new IllegalArgumentException("vthProfile has " + vthProfile.length + " values, cxProfile has " + cxProfile.length);
        }
        if (biasMant.length != cxProfile.length) {
            throw new IllegalArgumentException("biasMant has " + biasMant.length + " values, cxProfile has " + cxProfile.length);
        }
        if (biasExp.length != cxProfile.length) {
            throw new IllegalArgumentException("biasExp has " + biasExp.length + " values, cxProfile has " + cxProfile.length);
        }
    }

    /** Number of compartments. */
    public int count() {
        return cxProfile.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1Compartments)) {
            return false;
        }
        Loihi1Compartments that = (Loihi1Compartments) o;
        return Arrays.equals(cxProfile, that.cxProfile)
                && Arrays.equals(vthProfile, that.vthProfile)
                && Arrays.equals(biasMant, that.biasMant)
                && Arrays.equals(biasExp, that.biasExp);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(cxProfile);
        h = 31 * h + Arrays.hashCode(vthProfile);
        h = 31 * h + Arrays.hashCode(biasMant);
        h = 31 * h + Arrays.hashCode(biasExp);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1Compartments[" + "cxProfile=" + cxProfile.length + " values" + ", "
                + "vthProfile=" + vthProfile.length + " values" + ", "
                + "biasMant=" + biasMant.length + " values" + ", "
                + "biasExp=" + biasExp.length + " values" + "]";
    }
}
