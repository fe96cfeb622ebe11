package io.neuromap.backends.loihi1.lower;

/**
 * A dc stimulus over part of the run into one compartment of one neuron, lowered to per-step
 * current injections: the value {@code u} (state units) is held in the compartment's current u
 * during {@code [startStep, endStep)} by adding {@code u} in the first step and, in every later
 * step, what the current's decay takes away ({@code u - trunc_decay(u)}), and removing it at the
 * end. Linear apart from the toward-zero rounding of the decay, so the compartment receives the
 * constant drive a dc current gives (a dc over the whole run becomes part of the bias instead).
 *
 * @param population the population
 * @param neuron population-local neuron
 * @param position the compartment's position in the neuron's tree
 * @param startStep first step, inclusive
 * @param endStep last step, exclusive (may be beyond the run)
 * @param value the held current (state units)
 * @param decayU the compartment's current decay register
 */
public record CurrentInjection(int population, int neuron, int position, long startStep, long endStep, int value,
        int decayU) {
}
