/**
 * The bit-accurate Loihi 1 emulator: it loads a chip config (never the DSL), re-checks it against
 * the target's per-core design rules (the compiler's own), and steps every core in lock-step
 * with the exact integer arithmetic of nengo-loihi's emulator or of Lava's bit-accurate models
 * ({@code specs/loihi1.md} §2, {@code specs/loihi1-compartments-reward.md} §1).
 *
 * <p>Entry point: {@link io.neuromap.emulator.loihi1.Loihi1Emulation}. The kernel is
 * {@link io.neuromap.emulator.loihi1.Loihi1Emulator}.
 */
package io.neuromap.emulator.loihi1;
