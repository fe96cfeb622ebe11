/**
 * The Loihi 1 resource model for the mapping engine: what one core holds (compartments under
 * the delay-dependent cap, input and output axons, synaptic memory by {@code bits_per_axon},
 * profile and format tables, delays), with every capacity from
 * {@link io.neuromap.backends.loihi1.Loihi1Limits}, and the tiled mesh of a Loihi 1 system.
 * Profile keys, synapse formats and the projections that learn (with the modulator each reads:
 * learning axons and reward axons) are pluggable so the lowering can supply its own.
 */
package io.neuromap.backends.loihi1.mapping;
