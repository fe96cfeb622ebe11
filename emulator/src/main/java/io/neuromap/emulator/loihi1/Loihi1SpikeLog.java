package io.neuromap.emulator.loihi1;

import java.util.Arrays;

/**
 * Collects every spike of a run as (step, global compartment) pairs in two growable int arrays,
 * in the raster's fixed order (step, then core index, then compartment). Growth doubles the
 * arrays, so a run of S spikes allocates O(log S) times in total, never per spike.
 */
final class Loihi1SpikeLog implements Loihi1Recorder {

    private int[] steps = new int[1024];
    private int[] compartments = new int[1024];
    private int count;

    @Override
    public void afterCore(Loihi1State state, int core, int step) {
        // Spikes are collected in order once every core is done.
    }

    @Override
    public void afterStep(Loihi1State state, int step) {
        for (int c = 0; c < state.cores(); c++) {
            int fired = state.firedCount[c];
            if (fired == 0) {
                continue;
            }
            if (count + fired > steps.length) {
                int size = Math.max(count + fired, steps.length * 2);
                steps = Arrays.copyOf(steps, size);
                compartments = Arrays.copyOf(compartments, size);
            }
            int[] local = state.fired[c];
            int off = state.offsets[c];
            for (int k = 0; k < fired; k++) {
                steps[count] = step;
                compartments[count++] = off + local[k];
            }
        }
    }

    /** The raster, with chip, core and compartment ids resolved through {@code state}'s layout. */
    Loihi1SpikeRaster raster(Loihi1State state) {
        int[] chip = new int[count];
        int[] core = new int[count];
        int[] compartment = new int[count];
        int c = 0;
        for (int k = 0; k < count; k++) {
            int g = compartments[k];
            // Within a step spikes ascend by core; across steps the core index starts over.
            if (g < state.offsets[c] || g >= state.offsets[c + 1]) {
                c = coreOf(state, g);
            }
            chip[k] = state.chipIds[c];
            core[k] = state.coreIds[c];
            compartment[k] = g - state.offsets[c];
        }
        return new Loihi1SpikeRaster(Arrays.copyOf(steps, count), chip, core, compartment);
    }

    /** The core owning global compartment g (every core has at least one compartment, so offsets ascend strictly). */
    private static int coreOf(Loihi1State state, int g) {
        int c = Arrays.binarySearch(state.offsets, g);
        return c >= 0 ? c : -c - 2;
    }
}
