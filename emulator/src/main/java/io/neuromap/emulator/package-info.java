/**
 * Bit-accurate emulators of the targets' cores, the engine that steps them in lock-step, and the
 * double-precision float reference simulator. Built from chip configs only, never from the DSL.
 */
package io.neuromap.emulator;
