/**
 * A Loihi 1 emulation as the command line writes and compares it: compartments mapped to the
 * network's neurons through the config's origin table, probes in chip integers or (soma
 * voltages) in volts, the probes a run records, and the check that the chip and the float
 * reference get the same input spikes.
 */
package io.neuromap.emulator.loihi1.recording;
