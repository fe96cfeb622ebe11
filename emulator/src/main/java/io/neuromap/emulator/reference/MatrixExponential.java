package io.neuromap.emulator.reference;

/**
 * {@code exp(A t)} of a small dense matrix (row-major, n x n), by scaling and squaring with a
 * Taylor series: A t is halved s times until its infinity norm is at most 1/2, the series is
 * summed until a term no longer changes the sum, and the result is squared s times. For the
 * well-conditioned, balanced systems of the compartment models (n &lt;= 8, norm of a few units)
 * this is accurate to a few ulps. Only additions, multiplications and divisions by powers of
 * two and integers: the same bits on every platform.
 *
 * <p>An instance owns its work arrays, so recomputing a propagator when a pathway modulates a
 * parameter allocates nothing. Not thread-safe.
 */
final class MatrixExponential {
    private static final int MAX_TERMS = 60;

    private final int n;
    private final double[] scaled;
    private final double[] term;
    private final double[] next;
    private final double[] sum;

    MatrixExponential(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("matrix order must be >= 1, found " + n);
        }
        this.n = n;
        scaled = new double[n * n];
        term = new double[n * n];
        next = new double[n * n];
        sum = new double[n * n];
    }

    /** Writes {@code exp(a * t)} into {@code out} (n x n, row-major); {@code a} is not modified. */
    void compute(double[] a, double t, double[] out) {
        int nn = n * n;
        if (a.length != nn || out.length != nn) {
            throw new IllegalArgumentException("expected " + n + " x " + n + " matrices");
        }
        double norm = 0;
        for (int r = 0; r < n; r++) {
            double row = 0;
            for (int c = 0; c < n; c++) {
                scaled[r * n + c] = a[r * n + c] * t;
                row += Math.abs(scaled[r * n + c]);
            }
            norm = Math.max(norm, row);
        }
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix exponential of a non-finite matrix");
        }
        int squarings = 0;
        double scale = 1;
        while (norm * scale > 0.5) {
            scale *= 0.5;
            squarings++;
        }
        for (int i = 0; i < nn; i++) {
            scaled[i] *= scale;
            term[i] = 0;
            sum[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            term[i * n + i] = 1;
            sum[i * n + i] = 1;
        }
        for (int k = 1; k <= MAX_TERMS; k++) {
            multiply(term, scaled, next);
            boolean changed = false;
            for (int i = 0; i < nn; i++) {
                term[i] = next[i] / k;
                double s = sum[i] + term[i];
                changed |= s != sum[i];
                sum[i] = s;
            }
            if (!changed) {
                break;
            }
        }
        for (int q = 0; q < squarings; q++) {
            multiply(sum, sum, next);
            System.arraycopy(next, 0, sum, 0, nn);
        }
        System.arraycopy(sum, 0, out, 0, nn);
    }

    private void multiply(double[] x, double[] y, double[] into) {
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += x[r * n + k] * y[k * n + c];
                }
                into[r * n + c] = s;
            }
        }
    }
}
