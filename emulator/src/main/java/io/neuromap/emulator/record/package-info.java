/**
 * What a run records, shared by the float reference and the bit-accurate emulators: spikes as
 * {@code (step, global neuron)} pairs, probed state sampled every k steps, and a run summary, all
 * in growable primitive buffers so that recording allocates nothing per event; and the writers of
 * a run directory ({@code spikes.npy}, {@code spikes.csv}, one {@code .npy} per probe,
 * {@code summary.json}) that numpy, pandas and the raster plotter read.
 *
 * <p>Recorders keep their data in memory and expose it by index, so the plotter and
 * {@code validate} read them without going through files. Files are written with the backends'
 * {@link io.neuromap.backends.npy.NpyWriter}, the same writer the chip configs use.
 */
package io.neuromap.emulator.record;
