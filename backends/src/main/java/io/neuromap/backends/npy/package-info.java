/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0), read and written as streams: the
 * bulk arrays of chip configs (synapse lists, stimuli, origin tables) and of emulator outputs
 * (spikes, probed state) can be hundreds of megabytes, so no reader or writer here ever holds a
 * whole file in memory. Every malformed file gives an {@link io.neuromap.backends.npy.NpyException}
 * whose message names the file and the byte offset.
 */
package io.neuromap.backends.npy;
