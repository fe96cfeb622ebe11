package io.neuromap.backends.loihi1.cost;

/**
 * What one Loihi 1 core is expected to do in one time step, averaged over the run: the counts
 * the cost model multiplies by per-event figures. All counts are expectations (non-negative,
 * finite, fractional).
 *
 * @param compartments compartments the core updates every step (all of them, active or not)
 * @param synapticOps synaptic spike operations: spikes arriving times the synapses they reach on this core
 * @param plasticUpdates synaptic ops on plastic synapses, each of which the learning engine updates
 * @param spikes spikes the core's compartments fire
 * @param messagesOut spike messages the core sends: each spike once per destination core (itself included)
 * @param messagesIn spike messages the core receives, from cores and from the host
 * @param hopsEastWest east-west router hops travelled by the messages the core sends
 * @param hopsNorthSouth north-south router hops travelled by the messages the core sends
 */
public record Loihi1CoreActivity(double compartments, double synapticOps, double plasticUpdates, double spikes,
        double messagesOut, double messagesIn, double hopsEastWest, double hopsNorthSouth) {
    public Loihi1CoreActivity {
        check("compartments", compartments);
        check("synapticOps", synapticOps);
        check("plasticUpdates", plasticUpdates);
        check("spikes", spikes);
        check("messagesOut", messagesOut);
        check("messagesIn", messagesIn);
        check("hopsEastWest", hopsEastWest);
        check("hopsNorthSouth", hopsNorthSouth);
        if (plasticUpdates > synapticOps) {
            throw new IllegalArgumentException("plastic updates " + plasticUpdates + " exceed synaptic ops " + synapticOps);
        }
    }

    private static void check(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    /**
     * Expected compartments active in a step: those receiving at least one synaptic event, with
     * events arriving as a Poisson process ({@code n (1 - exp(-ops / n))}), and never fewer than
     * the compartments that spike.
     */
    public double activeCompartments() {
        if (compartments == 0) {
            return 0;
        }
        double receiving = compartments * -Math.expm1(-synapticOps / compartments);
        return Math.min(compartments, Math.max(receiving, spikes));
    }
}
