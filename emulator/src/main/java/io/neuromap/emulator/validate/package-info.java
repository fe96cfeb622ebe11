/**
 * What {@code neuromap validate} measures between an emulation and the float reference of the
 * same network: per population, the mean-rate error against a 1 Hz floor, the van Rossum distance
 * per spike (closed form, linear time: {@link io.neuromap.emulator.validate.VanRossum}) and the
 * voltage RMSE where both runs probed v in volts; and, for a chaotic network or one whose learning
 * branches, the divergence floor ({@link io.neuromap.emulator.validate.DivergenceFloor}) its spike
 * timing and rates are judged against. Engine-agnostic: it compares {@link io.neuromap.emulator.record.Recording}s that
 * number neurons alike.
 */
package io.neuromap.emulator.validate;
