package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SamplingLawTest {
    @Test
    void normalCdfMatchesTables() {
        assertEquals(0.5, SamplingLaw.phi(0), 1e-7);
        assertEquals(0.8413447, SamplingLaw.phi(1), 1e-6);
        assertEquals(0.0227501, SamplingLaw.phi(-2), 1e-6);
        assertEquals(0.9986501, SamplingLaw.phi(3), 1e-6);
    }

    @Test
    void gammaCdfMatchesClosedForms() {
        // k = 1 is the exponential; k = 2: 1 - (1 + x) e^-x
        assertEquals(1 - Math.exp(-0.7), SamplingLaw.regularizedGammaP(1, 0.7), 1e-12);
        assertEquals(1 - 3 * Math.exp(-2), SamplingLaw.regularizedGammaP(2, 2), 1e-12);
        assertEquals(1 - 11 * Math.exp(-10), SamplingLaw.regularizedGammaP(2, 10), 1e-12);
        assertEquals(Math.log(24), SamplingLaw.logGamma(5), 1e-12);
    }

    @Test
    void formsConvertToTheSameLaw() {
        SamplingLaw.LogNormal l = SamplingLaw.LogNormal.ofMoments(15e-3, 4e-3);
        assertEquals(15e-3, l.mean(), 1e-12);
        assertEquals(4e-3, l.sd(), 1e-12);
        SamplingLaw.Gamma g = new SamplingLaw.Gamma(3, 20e-3 / 3);
        assertEquals(20e-3, g.mean(), 1e-15);
    }

    @Test
    void clipMassIsTheProbabilityInside() {
        assertEquals(0.6826895, new SamplingLaw.Normal(20, 5).mass(15, 25), 1e-6);
        assertEquals(0.5, new SamplingLaw.Uniform(0, 2).mass(-1, 1), 1e-15);
        assertEquals(0.25, new SamplingLaw.Choice(java.util.List.of(1.0, 2.0, 3.0), java.util.List.of(0.5, 0.25, 0.25))
                .mass(1.5, 2.5), 1e-15);
    }

    @Test
    void mixAllocationGivesTheLeftoverToTheLargestRemainders() {
        assertArrayEquals(new long[] {3, 2, 2}, MixAllocation.counts(7, new double[] {0.4, 0.3, 0.3}));
        assertArrayEquals(new long[] {800, 200}, MixAllocation.counts(1000, new double[] {0.8, 0.2}));
        assertArrayEquals(new long[] {1, 0}, MixAllocation.counts(1, new double[] {0.5, 0.5}));
    }
}
