package io.neuromap.backends.report;

/**
 * Spike messages from one core to another, for the report's list of heaviest links.
 *
 * @param fromCore the sending core
 * @param toCore the receiving core
 * @param spikesPerSecond expected message rate
 * @param hops router hops between the two cores as placed
 */
public record TrafficEdge(int fromCore, int toCore, double spikesPerSecond, int hops) {
    public TrafficEdge {
        if (fromCore < 0 || toCore < 0 || hops < 0 || !(spikesPerSecond >= 0)) {
            throw new IllegalArgumentException("bad traffic edge " + fromCore + " -> " + toCore);
        }
    }
}
