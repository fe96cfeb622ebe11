package io.neuromap.backends.loihi1.lower;

/**
 * One field of a compartment profile that binning may move (a decay or the refractory delay),
 * described by how its integer register relates to the time it stands for. Binning works in a
 * coordinate where distance is relative error (the logarithm of the realized time), and maps a
 * bin's centre back to the nearest register value.
 */
interface ProfileComponent {
    /** The register value's coordinate: ln of the time it realizes (floored at the resolution). */
    double coordinate(int value);

    /** The register value whose coordinate is nearest {@code coordinate}. */
    int quantize(double coordinate);

    /** The relative error of using register value {@code binned} for a neuron whose own value is {@code own}. */
    double relativeError(int binned, int own);
}
