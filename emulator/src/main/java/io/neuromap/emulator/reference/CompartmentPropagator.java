package io.neuromap.emulator.reference;

/**
 * The exact one-step propagator of the two-compartment system of {@link TwoCompartmentKernel}:
 * for V = (V_s, V_d) with {@code dV/dt = A V + sum_j b_j u_j(t)}, where each input u_j is an
 * exponential current {@code u_j(0) exp(r_j t)} (r_j = -1 / tau_syn) or a constant drive (r_j = 0),
 *
 * <pre>
 * V(h) = exp(A h) V(0) + sum_j F_j u_j(0),   F_j = integral_0^h exp(A (h - s)) b_j exp(r_j s) ds
 *
 * A = | -(g_Ls + g_c) / C_s        g_c / C_s      |    b = (1/C_s, 0) for soma inputs,
 *     |      g_c / C_d        -(g_Ld + g_c) / C_d |        (0, 1/C_d) for dendrite inputs
 * </pre>
 *
 * <p><b>Spectral form</b> (the fast path): A has two real eigenvalues l1 &gt; l2 (its
 * off-diagonal entries have the same sign), with spectral projectors P1 = (A - l2 I) / (l1 - l2)
 * and P2 = I - P1, so every function of A is f(l1) P1 + f(l2) P2 and
 * {@code F_j = h exp(r_j h) [phi1((l1 - r_j) h) P1 + phi1((l2 - r_j) h) P2] b_j} with
 * {@code phi1(x) = (exp(x) - 1) / x}, evaluated with {@code expm1}: accurate for every input
 * rate, including rates equal or close to an eigenvalue and dt much shorter than every time
 * constant. The smaller eigenvalue is computed without cancellation and the larger from the
 * determinant. When l1 and l2 nearly coincide (no coupling and equal membrane time constants) the
 * projectors are ill-conditioned, and {@link #byMatrixExponential} (the augmented 8 x 8 matrix
 * exponential, {@link MatrixExponential}) is used instead.
 *
 * <p>Output layout (16 values): row r (0 soma, 1 dendrite) at {@code 8 r}, its coefficients on
 * (V_s, V_d, I_se, I_si, I_de, I_di, K_s, K_d), currents and drives in A.
 */
final class CompartmentPropagator {
    /** Relative eigenvalue gap below which the spectral form is not used. */
    static final double MIN_GAP = 1e-6;
    private static final int N = 8;

    private final MatrixExponential expm = new MatrixExponential(N);
    private final double[] matrix = new double[N * N];
    private final double[] result = new double[N * N];

    /** {@code (exp(x) - 1) / x}, 1 at 0. */
    static double phi1(double x) {
        return x == 0 ? 1 : StrictMath.expm1(x) / x;
    }

    /**
     * Fills {@code out} (16 values) by the spectral form; returns false, leaving {@code out}
     * untouched, when the eigenvalues are too close for it.
     *
     * @param rates the four current decay rates -1 / tau (soma exc, soma inh, dendrite exc, dendrite inh)
     */
    static boolean spectral(double cs, double gls, double cd, double gld, double gc, double[] rates, double h,
            double[] out) {
        double a = -(gls + gc) / cs;
        double b = gc / cs;
        double c = gc / cd;
        double d = -(gld + gc) / cd;
        double half = 0.5 * (a - d);
        double disc = 2 * Math.sqrt(half * half + b * c);
        double l2 = 0.5 * (a + d) - 0.5 * disc;
        double l1 = (a * d - b * c) / l2;
        double gap = l1 - l2;
        if (!(gap > MIN_GAP * (Math.abs(l1) + Math.abs(l2)))) {
            return false;
        }
        // P1 = (A - l2 I) / gap, P2 = I - P1.
        double p11 = (a - l2) / gap;
        double p12 = b / gap;
        double p21 = c / gap;
        double p22 = (d - l2) / gap;
        double e1 = StrictMath.exp(l1 * h);
        double e2 = StrictMath.exp(l2 * h);
        out[0] = e1 * p11 + e2 * (1 - p11);
        out[1] = e1 * p12 - e2 * p12;
        out[N] = e1 * p21 - e2 * p21;
        out[N + 1] = e1 * p22 + e2 * (1 - p22);
        for (int j = 0; j < 6; j++) {
            double r = j < 4 ? rates[j] : 0;
            boolean soma = j == 0 || j == 1 || j == 4;
            double scale = h * (r == 0 ? 1 : StrictMath.exp(r * h));
            double f1 = scale * phi1((l1 - r) * h);
            double f2 = scale * phi1((l2 - r) * h);
            // Column j of F = (f1 P1 + f2 P2) b_j, with b_j = e_soma / C_s or e_dendrite / C_d.
            if (soma) {
                out[2 + j] = (f1 * p11 + f2 * (1 - p11)) / cs;
                out[N + 2 + j] = (f1 * p21 - f2 * p21) / cs;
            } else {
                out[2 + j] = (f1 * p12 - f2 * p12) / cd;
                out[N + 2 + j] = (f1 * p22 + f2 * (1 - p22)) / cd;
            }
        }
        return true;
    }

    /**
     * Fills {@code out} (16 values) from the augmented 8 x 8 matrix exponential, in balanced units
     * (currents and drives divided by C_s, so that every entry is a rate). Slower, and valid for
     * every parameter set.
     */
    void byMatrixExponential(double cs, double gls, double cd, double gld, double gc, double[] rates, double h,
            double[] out) {
        java.util.Arrays.fill(matrix, 0);
        matrix[0] = -(gls + gc) / cs;
        matrix[1] = gc / cs;
        matrix[2] = 1;
        matrix[3] = 1;
        matrix[6] = 1;
        matrix[N] = gc / cd;
        matrix[N + 1] = -(gld + gc) / cd;
        matrix[N + 4] = cs / cd;
        matrix[N + 5] = cs / cd;
        matrix[N + 7] = cs / cd;
        for (int j = 0; j < 4; j++) {
            matrix[(2 + j) * N + 2 + j] = rates[j];
        }
        expm.compute(matrix, h, result);
        for (int r = 0; r < 2; r++) {
            out[r * N] = result[r * N];
            out[r * N + 1] = result[r * N + 1];
            for (int c = 2; c < N; c++) {
                out[r * N + c] = result[r * N + c] / cs;
            }
        }
    }

    /** The spectral form when it applies, else the matrix exponential. */
    void compute(double cs, double gls, double cd, double gld, double gc, double[] rates, double h, double[] out) {
        if (!spectral(cs, gls, cd, gld, gc, rates, h, out)) {
            byMatrixExponential(cs, gls, cd, gld, gc, rates, h, out);
        }
    }

    /**
     * The refractory dendrite (soma clamped): {@code C_d dV_d/dt = -(g_Ld + g_c) V_d + I_de + I_di + K'_d}
     * over one step: coefficients on (V_d, I_de, I_di, K'_d) into {@code out[offset..offset+3]}.
     */
    static void clampedDendrite(double cd, double gld, double gc, double rateE, double rateI, double h, double[] out,
            int offset) {
        double k = -(gld + gc) / cd;
        out[offset] = StrictMath.exp(k * h);
        out[offset + 1] = h * StrictMath.exp(rateE * h) * phi1((k - rateE) * h) / cd;
        out[offset + 2] = h * StrictMath.exp(rateI * h) * phi1((k - rateI) * h) / cd;
        out[offset + 3] = h * phi1(k * h) / cd;
    }
}
