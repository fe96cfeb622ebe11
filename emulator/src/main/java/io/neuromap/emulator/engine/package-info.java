/**
 * The target-independent part of emulation: running the independent per-core work of one time
 * step on worker threads, with a barrier between steps, so that every target's emulator steps its
 * cores in lock-step and gives the same results for any number of threads.
 */
package io.neuromap.emulator.engine;
