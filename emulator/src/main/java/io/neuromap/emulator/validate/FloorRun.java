package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import io.neuromap.emulator.record.Recording;
import java.util.function.Supplier;

/**
 * One float-reference run behind a network's divergence floor ({@link DivergenceFloor}): what it
 * changes against the reference, and how to make it. Runs are made only when {@link Validation}
 * needs them.
 *
 * @param perturbation what the run changes, for reports ("each neuron's first spike one step late")
 * @param recording makes the run: the float reference of the same network and steps, perturbed
 */
public record FloorRun(String perturbation, Supplier<Recording> recording) {

    public FloorRun {
        requireNonNull(perturbation, "perturbation is null");
        requireNonNull(recording, "recording is null");
    }
}
