package io.neuromap.backends.loihi1.mapping;

import io.neuromap.backends.loihi1.Loihi1Discretization;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;

/**
 * Profile keys derived from the IR's parameters with nengo-loihi's discretization
 * ({@link Loihi1Discretization}), before any binning: what the partitioner assumes until the
 * lowering supplies its own keys.
 *
 * <ul>
 *   <li><b>Compartments.</b> A {@code two_comp} neuron takes 2 (soma and dendrite). A neuron
 *       with distinct excitatory and inhibitory synaptic time constants takes 2: Loihi gives a
 *       compartment one synaptic current, so the second current lives in an auxiliary compartment
 *       ADD-joined into the soma (DESIGN.md, the chip config contract). Every other neuron takes 1.</li>
 *   <li><b>Compartment profile.</b> The integer registers decayU (from the synaptic time
 *       constant), decayV (from the membrane time constant) and the refractory delay, plus the
 *       compartment's role in its tree (the role fixes join op and stack use). Two compartments
 *       share a profile exactly when these are equal; the bias is per compartment and free.</li>
 *   <li><b>Threshold profile.</b> The threshold relative to rest, quantized to the 17-bit
 *       mantissa over the population's largest threshold, keyed with the population: the
 *       lowering chooses a voltage scale per population, so thresholds of different populations
 *       are never assumed to share a register (conservative).</li>
 * </ul>
 *
 * @see "loihi1.md §1.6, §2.3; loihi1-compartments-reward.md §3.3"
 */
public final class Loihi1DerivedProfiles implements Loihi1NeuronProfiles {
    /** The one instance: it has no state. */
    public static final Loihi1DerivedProfiles INSTANCE = new Loihi1DerivedProfiles();

    /** Role of a single-compartment neuron. */
    static final int ROLE_SOMA = 0;
    /** Role of the soma of a two-compartment tree (it joins a child). */
    static final int ROLE_TREE_SOMA = 1;
    /** Role of the auxiliary compartment holding the second synaptic current. */
    static final int ROLE_AUXILIARY = 2;
    /** Role of a {@code two_comp} dendrite. */
    static final int ROLE_DENDRITE = 3;

    private static final int FIELD_MASK = 0xFFFF;

    private Loihi1DerivedProfiles() {
    }

    @Override
    public Loihi1PopulationProfiles of(Network network, int population) {
        Population pop = network.populations().get(population);
        double dt = network.simulation().dt();
        int n = pop.size();
        boolean twoComp = pop.model().isMultiCompartment();
        String prefix = twoComp ? pop.model().compartments().get(0) + "." : "";
        ParameterValues tauM = param(pop, prefix + "tau_m");
        ParameterValues tauE = param(pop, prefix + "tau_syn_E");
        ParameterValues tauI = param(pop, prefix + "tau_syn_I");
        ParameterValues tauRef = param(pop, prefix + "tau_refrac");
        ParameterValues vth = param(pop, prefix + "v_thresh");
        ParameterValues vrest = param(pop, prefix + "v_rest");
        String child = twoComp ? pop.model().compartments().get(1) + "." : "";
        ParameterValues childTauM = twoComp ? param(pop, child + "tau_m") : null;
        ParameterValues childTauE = twoComp ? param(pop, child + "tau_syn_E") : null;

        double maxThreshold = 0;
        for (int i = 0; i < n; i++) {
            maxThreshold = Math.max(maxThreshold, Math.abs(relativeThreshold(vth, vrest, i)));
        }
        int[] compartments = new int[n];
        long[] thresholdKeys = new long[n];
        long[] keys = new long[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int decayV = decayV(tauM, i, dt);
            int decayE = decayU(tauE, i, dt);
            int refractory = tauRef == null ? 0 : Loihi1Discretization.refractoryDelay(tauRef.get(i), dt);
            if (twoComp) {
                compartments[i] = 2;
                keys[k++] = key(ROLE_TREE_SOMA, decayE, decayV, refractory);
                keys[k++] = key(ROLE_DENDRITE, decayU(childTauE, i, dt), decayV(childTauM, i, dt), 0);
            } else if (tauE != null && tauI != null && tauE.get(i) != tauI.get(i)) {
                compartments[i] = 2;
                keys[k++] = key(ROLE_TREE_SOMA, decayE, decayV, refractory);
                keys[k++] = key(ROLE_AUXILIARY, decayU(tauI, i, dt), 0, 0);
            } else {
                compartments[i] = 1;
                keys[k++] = key(ROLE_SOMA, decayE, decayV, refractory);
            }
            long mantissa = maxThreshold > 0
                    ? Math.round(relativeThreshold(vth, vrest, i) / maxThreshold * Loihi1Limits.VTH_MANTISSA_MAX) : 0;
            thresholdKeys[i] = ((long) population << 32) | (mantissa & 0xFFFF_FFFFL);
        }
        return new Loihi1PopulationProfiles(compartments, java.util.Arrays.copyOf(keys, k), thresholdKeys);
    }

    private static ParameterValues param(Population pop, String name) {
        return pop.parameter(name).orElse(null);
    }

    private static double relativeThreshold(ParameterValues vth, ParameterValues vrest, int i) {
        if (vth == null) {
            return 0;
        }
        double v = vth.get(i) - (vrest == null ? 0 : vrest.get(i));
        return Double.isFinite(v) ? v : 0;
    }

    private static int decayV(ParameterValues tau, int i, double dt) {
        return tau == null ? 0 : Loihi1Discretization.decayVFromTau(tau.get(i), dt);
    }

    private static int decayU(ParameterValues tau, int i, double dt) {
        return tau == null ? 0 : Loihi1Discretization.decayUFromTau(tau.get(i), dt);
    }

    /** Packs the profile fields the partitioner compares into one key. */
    static long key(int role, int decayU, int decayV, int refractory) {
        return ((long) role << 48) | ((long) (decayU & FIELD_MASK) << 32) | ((long) (decayV & FIELD_MASK) << 16)
                | Math.min(Math.max(refractory, 0), FIELD_MASK);
    }
}
