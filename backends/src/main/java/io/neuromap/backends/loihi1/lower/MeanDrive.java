package io.neuromap.backends.loihi1.lower;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseReceptor;
import java.util.List;

/**
 * The time-averaged current (amperes) each compartment of a {@code two_comp} population receives
 * over the run from what is known at compile time: dc stimuli (a windowed one weighted by the
 * share of the run it covers) and synapses from the spike sources the host injects, whose spikes
 * are drawn at compile time (a synapse of signed weight w adds its exponential current's charge
 * {@code w tau_syn} per presynaptic spike, so its mean current is {@code rate w tau_syn}).
 * Synapses from neuron populations are not counted: their rates are what the run finds out.
 * {@link DendriteCoupling#operatingPoint} linearises the soma-to-dendrite current at the soma's
 * mean voltage under this drive.
 */
final class MeanDrive {
    private final double[][] soma;
    private final double[][] dendrite;

    private MeanDrive(double[][] soma, double[][] dendrite) {
        this.soma = soma;
        this.dendrite = dendrite;
    }

    /** Mean soma current of population {@code p} (null when it is not multi-compartment). */
    double[] soma(int p) {
        return soma[p];
    }

    /** Mean dendrite current of population {@code p} (null when it is not multi-compartment). */
    double[] dendrite(int p) {
        return dendrite[p];
    }

    static MeanDrive of(Network net, List<StimulusLowering.Dc> dc, SpikeSource[] sources) {
        int populations = net.populations().size();
        double[][] soma = new double[populations][];
        double[][] dendrite = new double[populations][];
        for (int p = 0; p < populations; p++) {
            Population pop = net.populations().get(p);
            if (!pop.isSource() && pop.model().isMultiCompartment()) {
                soma[p] = new double[pop.size()];
                dendrite[p] = new double[pop.size()];
            }
        }
        long steps = net.simulation().steps();
        double duration = steps * net.simulation().dt();
        if (steps <= 0) {
            return new MeanDrive(soma, dendrite);
        }
        for (StimulusLowering.Dc d : dc) {
            double[] into = "dendrite".equals(d.compartment()) ? dendrite[d.population()] : soma[d.population()];
            if (into == null) {
                continue;
            }
            long from = Math.max(0, d.startStep());
            long to = Math.min(steps, d.endStep());
            double share = to > from ? (to - from) / (double) steps : 0;
            for (int i = 0; i < d.size(); i++) {
                into[d.from() + i] += share * d.amplitude();
            }
        }
        double[][] rates = new double[populations][];
        for (Projection proj : net.projections()) {
            double[] into = "dendrite".equals(proj.postCompartment()) ? dendrite[proj.post()] : soma[proj.post()];
            Population pre = net.populations().get(proj.pre());
            if (into == null || !pre.isSource() || sources[proj.pre()] == null || proj.synapseCount() == 0) {
                continue;
            }
            if (rates[proj.pre()] == null) {
                rates[proj.pre()] = new double[pre.size()];
                for (int j = 0; j < pre.size(); j++) {
                    rates[proj.pre()][j] = sources[proj.pre()].steps(j, steps).length / duration;
                }
            }
            Population post = net.populations().get(proj.post());
            String prefix = "dendrite".equals(proj.postCompartment()) ? "dendrite." : "soma.";
            String tauName = prefix + (proj.receptor() == SynapseReceptor.INH ? "tau_syn_I" : "tau_syn_E");
            double[] tau = post.parameter(tauName).orElseThrow().toArray();
            double sign = proj.receptor().sign();
            SynapseMatrix m = proj.synapses();
            double[] rate = rates[proj.pre()];
            for (int row = 0; row < m.rows(); row++) {
                double r = rate[row];
                if (r == 0) {
                    continue;
                }
                for (int k = m.rowStart(row), end = m.rowEnd(row); k < end; k++) {
                    int t = m.target(k);
                    into[t] += r * sign * m.weight(k) * tau[t];
                }
            }
        }
        return new MeanDrive(soma, dendrite);
    }
}
