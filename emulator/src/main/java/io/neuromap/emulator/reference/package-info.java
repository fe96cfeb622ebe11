/**
 * The float reference simulator: the elaborated network IR in double precision, each built-in
 * model with its own equations ({@code lif} and {@code two_comp} integrated exactly,
 * {@code izhikevich} as the paper's reference code, {@code adex} with Heun sub-steps), the IR's
 * deterministic Poisson trains as input, modulators and pathway effects, and STDP and
 * dopamine-modulated STDP. Entry point: {@link io.neuromap.emulator.reference.ReferenceSimulator}.
 *
 * <p>Conventions shared with the chip emulators, so that {@code validate} compares like with
 * like: steps are 0-based and step s covers [s dt, (s + 1) dt); a spike fired in step s over a
 * synapse of delay D (in steps, >= 1) arrives in step s + D: it is added to the synaptic current at
 * the start of step s + D, so the membrane moves in step s + D (v at the end of step s + D already
 * feels it, as on the chip) and a probe of the synaptic current at the end of step s + D reads it
 * decayed over that one step; a stimulus spike of step s arrives likewise in step s + 1; probes
 * sample the state at the end of steps 0, k, 2k, ...
 * Units are SI throughout (V, A, s) except where a model's own unit is documented (Izhikevich's u).
 */
package io.neuromap.emulator.reference;
