package io.neuromap.compiler.mapping;

import java.util.Arrays;

/**
 * Refinement after the greedy fill: moves boundary slices between consecutive cores to cut
 * inter-core spike traffic while every limit keeps holding. For each boundary, the neurons at the
 * end of the left core are moved one by one into the right core (up to the window), and then
 * those at the start of the right core into the left one; after each move the two cores, and
 * every other core whose output fan-out changed, must still fit. The shift with the largest
 * traffic reduction is applied; trial moves are undone exactly (the state's numbers are
 * integers). Cores stay contiguous runs of the population order, and none is emptied, so the
 * core count the greedy fill reached is kept.
 */
final class BoundaryRefiner {
    private BoundaryRefiner() {
    }

    /** Runs the passes; returns the number of neurons moved. */
    static long refine(PartitionState state, int[] order, Partitioner.Ranges ranges, PartitionOptions options) {
        long moved = 0;
        int cores = state.cores.size();
        if (cores < 2) {
            return 0;
        }
        Integer[] sorted = new Integer[cores];
        for (int c = 0; c < cores; c++) {
            sorted[c] = c;
        }
        Arrays.sort(sorted, (a, b) -> Integer.compare(ranges.start[a], ranges.start[b]));
        for (int pass = 0; pass < options.refinePasses(); pass++) {
            long before = state.traffic;
            long movedThisPass = 0;
            for (int i = 0; i + 1 < cores; i++) {
                movedThisPass += refineBoundary(state, order, ranges, sorted[i], sorted[i + 1], options.refineWindow());
            }
            moved += movedThisPass;
            if (movedThisPass == 0 || state.traffic >= before) {
                break;
            }
        }
        return moved;
    }

    private static int refineBoundary(PartitionState state, int[] order, Partitioner.Ranges ranges, int a, int b,
            int window) {
        if (!state.fits(a) || !state.fits(b)) {
            return 0;
        }
        long base = state.traffic;
        long bestDelta = 0;
        int bestShift = 0;

        // Left core's tail into the right core.
        int moved = 0;
        int end = ranges.end[a];
        while (moved < window && end - moved - 1 > ranges.start[a]) {
            state.beginTouch();
            state.move(order[end - 1 - moved], b);
            moved++;
            if (!state.fits(b) || !state.fits(a) || !state.touchedFit()) {
                break;
            }
            long delta = state.traffic - base;
            if (delta < bestDelta) {
                bestDelta = delta;
                bestShift = moved;
            }
        }
        for (int i = moved - 1; i >= 0; i--) {
            state.move(order[end - 1 - i], a);
        }

        // Right core's head into the left core.
        moved = 0;
        int start = ranges.start[b];
        while (moved < window && start + moved + 1 < ranges.end[b]) {
            state.beginTouch();
            state.move(order[start + moved], a);
            moved++;
            if (!state.fits(a) || !state.fits(b) || !state.touchedFit()) {
                break;
            }
            long delta = state.traffic - base;
            if (delta < bestDelta) {
                bestDelta = delta;
                bestShift = -moved;
            }
        }
        for (int i = moved - 1; i >= 0; i--) {
            state.move(order[start + i], b);
        }

        if (bestShift > 0) {
            for (int i = 0; i < bestShift; i++) {
                state.move(order[end - 1 - i], b);
            }
            ranges.end[a] = end - bestShift;
            ranges.start[b] = end - bestShift;
        } else if (bestShift < 0) {
            int t = -bestShift;
            for (int i = 0; i < t; i++) {
                state.move(order[start + i], a);
            }
            ranges.end[a] = start + t;
            ranges.start[b] = start + t;
        }
        return Math.abs(bestShift);
    }
}
