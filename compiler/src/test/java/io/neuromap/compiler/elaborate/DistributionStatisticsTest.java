package io.neuromap.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every distribution form, drawn 10^5 times through the whole pipeline (parse, analyse,
 * elaborate): the sample mean must be within 4 standard errors of the true mean and the sample
 * sd within 3 % of the true sd.
 */
class DistributionStatisticsTest {
    private static final int N = 100_000;

    /** Draws of izhikevich's dimensionless {@code b} (domain: any value). */
    private static double[] draws(String distribution) {
        Population p = Elaborate.network("network N { population p[" + N + "] : izhikevich { b ~ " + distribution
                + "; } }").population("p").orElseThrow();
        ParameterValues b = p.parameter("b").orElseThrow();
        assertEquals(N, b.size());
        return b.toArray();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "uniform(2, 5)                             | 3.5                | 0.8660254037844386",
            "uniform(low = 2, high = 5)                | 3.5                | 0.8660254037844386",
            "normal(1, 2)                              | 1                  | 2",
            "normal(mean = 1, sd = 2)                  | 1                  | 2",
            "normal(mu = -3, sigma = 0.5)              | -3                 | 0.5",
            "lognormal(0.5, 0.25)                      | 1.6989323086185506 | 0.4318769215803613",
            "lognormal(0.5, 0.25, 2)                   | 3.397864617237101  | 0.8637538431607226",
            "lognormal(mu = 0.5, sigma = 0.25, scale = 2) | 3.397864617237101 | 0.8637538431607226",
            "lognormal(mean = 3, sd = 1)               | 3                  | 1",
            "gamma(3, 2)                               | 6                  | 3.4641016151377544",
            "gamma(k = 3, theta = 2)                   | 6                  | 3.4641016151377544",
            "gamma(3, mean = 6)                        | 6                  | 3.4641016151377544",
            "gamma(0.5, 2)                             | 1                  | 1.4142135623730951",
            "gamma(k = 20, mean = 10)                  | 10                 | 2.23606797749979",
            "exponential(4)                            | 4                  | 4",
            "choice([1, 2, 5], p = [0.2, 0.3, 0.5])    | 3.3                | 1.7349351572897471",
            "choice([1, 2, 3])                         | 2                  | 0.816496580927726",
            "normal(0, 1) clip [-1, 2] redraw          | 0.2296372          | 0.7294337",
            "normal(0, 1) clip [-1, 2]                 | 0.2296372          | 0.7294337",
    })
    void momentsMatch(String distribution, double mean, double sd) {
        double[] x = draws(distribution);
        double se = sd / Math.sqrt(N);
        assertEquals(mean, mean(x), 4 * se + 1e-12, "mean of " + distribution);
        assertEquals(sd, sd(x), 0.03 * sd, "sd of " + distribution);
    }

    @Test
    void redrawKeepsEveryValueInsideTheClip() {
        double[] x = draws("normal(0, 1) clip [-1, 2] redraw");
        for (double v : x) {
            assertTrue(v >= -1 && v <= 2, "value " + v + " outside the clip");
        }
    }

    @Test
    void clampPutsTheTailsOnTheBounds() {
        double[] x = draws("normal(0, 1) clip [-1, 2] clamp");
        int low = 0;
        int high = 0;
        for (double v : x) {
            assertTrue(v >= -1 && v <= 2);
            low += v == -1 ? 1 : 0;
            high += v == 2 ? 1 : 0;
        }
        double pLow = 0.15865525393145707;
        double pHigh = 0.022750131948179195;
        assertEquals(pLow * N, low, 4 * Math.sqrt(N * pLow * (1 - pLow)));
        assertEquals(pHigh * N, high, 4 * Math.sqrt(N * pHigh * (1 - pHigh)));
    }

    @Test
    void choiceDrawsOnlyItsValues() {
        double[] x = draws("choice([1, 2, 5], p = [0.2, 0, 0.8])");
        int twos = 0;
        for (double v : x) {
            assertTrue(v == 1 || v == 5 || v == 2);
            twos += v == 2 ? 1 : 0;
        }
        assertEquals(0, twos, "a value of probability 0 is never drawn");
    }

    @Test
    void unitsAreConvertedToSi() {
        Population p = Elaborate.network("""
                network N { population p[100000] : lif {
                  v_init ~ normal(-65 mV, 5 mV);
                  tau_m ~ gamma(k = 3, mean = 20 ms) clip [5 ms, 80 ms] redraw;
                } }
                """).population("p").orElseThrow();
        double[] v = p.parameter("v_init").orElseThrow().toArray();
        assertEquals(-0.065, mean(v), 4 * 0.005 / Math.sqrt(N));
        assertEquals(0.005, sd(v), 0.03 * 0.005);
        for (double t : p.parameter("tau_m").orElseThrow().toArray()) {
            assertTrue(t >= 0.005 && t <= 0.080, "tau_m " + t + " outside the clip");
        }
        assertEquals(java.util.List.of("tau_m", "v_init"), p.heterogeneousParameters());
    }

    @Test
    void aRedrawClipThatNeverHitsGivesUp() {
        // Analysis rejects such clips (less than 10^-3 of the mass inside); the sampler still stops.
        Draw d = Draw.normal(0, 1, io.neuromap.compiler.units.Dimension.NONE).clipped(10, 11, false);
        assertTrue(Double.isNaN(d.sample(new io.neuromap.compiler.ir.KeyedRandom(1))));
        Draw ok = Draw.normal(0, 1, io.neuromap.compiler.units.Dimension.NONE).clipped(3.1, 10, false);
        assertTrue(ok.sample(new io.neuromap.compiler.ir.KeyedRandom(1)) >= 3.1, "a clip holding 10^-3 of the mass hits");
    }

    @Test
    void positiveDistributionsNeverDrawZero() {
        for (double b : draws("gamma(0.01, 1)")) {
            assertTrue(b > 0, "gamma with a tiny shape underflows; the draw is repeated");
        }
    }

    @Test
    void aDistributionThatAlwaysUnderflowsIsReported() {
        Diagnostic d = Elaborate.run("""
                network N {
                  population p[10] : izhikevich { b ~ gamma(1e-10, 1); }
                }
                """).errorAt("NM-E0601", "net.nmap", 2, 39);
        assertTrue(d.message().contains("underflowed to 0"), d.message());
        assertTrue(d.message().contains("neuron 0 of `p`"), d.message());
    }
}
