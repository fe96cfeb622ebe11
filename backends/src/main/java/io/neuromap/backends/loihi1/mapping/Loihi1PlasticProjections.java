package io.neuromap.backends.loihi1.mapping;

import io.neuromap.compiler.ir.Network;

/**
 * Which projections learn on the chip and which modulator's reward trace each reads: what a
 * Loihi 1 core pays for learning beyond its synapses. Every input axon that carries a plastic
 * synapse takes {@link io.neuromap.backends.loihi1.Loihi1Limits#LEARNING_AXON_MAP_SLOTS}
 * synapse-map entries (the map entry and its pre-trace entry), and every core holding a plastic
 * synapse of a modulated projection gets one reward axon per modulator (loihi1.md §1.2;
 * loihi1-compartments-reward.md §2.5, §3.2). Pluggable because the lowering decides which rules
 * it can lower and which modulator feeds each ({@code Loihi1Lowering}); {@link #IR} reads the IR
 * alone.
 */
public interface Loihi1PlasticProjections {
    /**
     * Before the lowering: every plastic projection of the IR learns and none reads a reward
     * trace (which modulator feeds one is the lowering's decision). The compile pipeline passes
     * the lowering's answer instead.
     */
    Loihi1PlasticProjections IR = new Loihi1PlasticProjections() {
        @Override
        public boolean learns(Network network, int projection) {
            return network.projections().get(projection).isPlastic();
        }

        @Override
        public int rewardModulator(Network network, int projection) {
            return -1;
        }
    };

    /** Whether projection {@code projection}'s synapses learn on the chip. */
    boolean learns(Network network, int projection);

    /** The modulator whose reward trace projection {@code projection}'s rules read, or -1. */
    int rewardModulator(Network network, int projection);
}
