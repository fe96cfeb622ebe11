/**
 * The Intel Loihi 1 target: its limits ({@link io.neuromap.backends.loihi1.Loihi1Limits}, the one
 * cited place for every number), the systems it comes in, the synapse-memory cost model, and the
 * fixed-point arithmetic and discretization of nengo-loihi and Lava, reproduced exactly so that the
 * lowering, the partitioner's resource model and the emulator agree bit for bit.
 *
 * <p>Specs: {@code specs/loihi1.md} §1-§2 and {@code specs/loihi1-compartments-reward.md} §1, §3.
 */
package io.neuromap.backends.loihi1;
