package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * A projection expanded to synapses.
 *
 * <p><b>Units.</b> Weights are currents in SI (A): every built-in neuron is current-based, and a
 * weight written as a plain number is read in nA (PyNN's unit), as analysis accepts it.
 *
 * <p><b>Weight sign convention (PyNN's).</b> IR weights are non-negative magnitudes; the sign of
 * their effect is the {@link #receptor()}'s: an inhibitory synapse of weight 0.5 nA subtracts
 * 0.5 nA through the inhibitory current. Users may write either convention: with
 * {@code receptor = inh} both {@code weight = 0.5 nA} (PyNN) and {@code weight = -0.5 nA} (NEST)
 * give magnitude 0.5 nA; without a receptor it is inferred from the sign (all >= 0: exc, all <= 0:
 * inh, magnitudes stored). Mixed signs in one projection, and negative weights on
 * {@code receptor = exc}, are errors. {@link #signedWeight(int)} gives the NEST-style value.
 *
 * @param pre index into {@link Network#populations()}
 * @param preRange the pre neurons the endpoint selects; rows outside it are empty
 * @param postRange the post neurons the endpoint selects; every target is inside it
 * @param postCompartment the compartment the synapses end on
 * @param receptorInferred true when the receptor came from the weights' sign, not from {@code receptor = ...}
 * @param connector the connector with its evaluated arguments
 * @param seed the seed this projection's draws were keyed with
 */
public record Projection(String name, SourceSpan span, int pre, int post, IndexRange preRange, IndexRange postRange,
        String postCompartment, SynapseReceptor receptor, boolean receptorInferred, EvaluatedCall connector,
        Optional<EvaluatedCall> plasticity, SynapseMatrix synapses, long seed) {
    public Projection {
        requireNonNull(name, "name is null");
        requireNonNull(span, "span is null");
        requireNonNull(preRange, "preRange is null");
        requireNonNull(postRange, "postRange is null");
        requireNonNull(postCompartment, "postCompartment is null");
        requireNonNull(receptor, "receptor is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(plasticity, "plasticity is null");
        requireNonNull(synapses, "synapses is null");
    }

    public boolean isPlastic() {
        return plasticity.isPresent();
    }

    /** Number of synapses. */
    public int synapseCount() {
        return synapses.count();
    }

    /** The weight of synapse {@code k} with the receptor's sign (negative for inhibitory). */
    public double signedWeight(int k) {
        return receptor.sign() * (double) synapses.weight(k);
    }

    /** Out-degree statistics over the pre neurons the endpoint selects. */
    public Summary fanOut() {
        return synapses.fanOut(preRange);
    }

    /** In-degree statistics over the post neurons the endpoint selects; needs the post population's size. */
    public Summary fanIn(int postSize) {
        return synapses.fanIn(postSize, postRange);
    }
}
