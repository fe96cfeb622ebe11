package io.neuromap.backends.loihi1.lower;

import io.neuromap.compiler.ir.EffectBinding;
import io.neuromap.compiler.ir.Modulator;
import io.neuromap.compiler.ir.ModulatorSource;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.PathwayBinding;
import io.neuromap.compiler.ir.PathwayTargetBinding;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseReceptor;
import java.util.List;

/**
 * The time-averaged current (amperes) each compartment of a {@code two_comp} population receives
 * over the run from what is known at compile time: dc stimuli (a windowed one weighted by the
 * share of the run it covers), synapses from the spike sources the host injects, whose spikes
 * are drawn at compile time (a synapse of signed weight w adds its exponential current's charge
 * {@code w tau_syn} per presynaptic spike, so its mean current is {@code rate w tau_syn}), and the
 * pathway effects that move a compartment's drive: {@code excitability += v} adds the run's mean
 * of v, and {@code gain *= g} scales each host synapse's charge by g at the step its spikes
 * arrive. Both read the modulators' concentrations, which are known at compile time when the
 * modulator's source is a host population ({@link #concentrations}); a modulator fed by neurons
 * on the chip is taken at its baseline, and {@link #atBaseline} names it for the TREE-001 warning. Synapses from neuron populations are not counted: their
 * rates are what the run finds out. {@link DendriteCoupling#operatingPoint} linearises the
 * soma-to-dendrite current at the soma's mean voltage under this drive.
 */
final class MeanDrive {
    private final double[][] soma;
    private final double[][] dendrite;
    private final List<List<String>> atBaseline;

    private MeanDrive(double[][] soma, double[][] dendrite, List<List<String>> atBaseline) {
        this.soma = soma;
        this.dendrite = dendrite;
        this.atBaseline = atBaseline;
    }

    /**
     * The modulators whose excitability or gain effects reach population {@code p} but whose
     * concentration the drive takes at its baseline, because neurons on the chip release them
     * (or an external channel does): each as {@code name (baseline b)}; empty when none.
     */
    List<String> atBaseline(int p) {
        return atBaseline.get(p);
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
        List<List<String>> atBaseline = atBaseline(net, sources, soma);
        if (steps <= 0) {
            return new MeanDrive(soma, dendrite, atBaseline);
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
        double[][] concentration = modulates(net, soma) ? concentrations(net, sources, (int) Math.min(steps,
                Integer.MAX_VALUE)) : null;
        if (concentration != null) {
            excitability(net, concentration, soma, dendrite);
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
            double[] gain = concentration == null ? null : gain(net, proj, sources[proj.pre()], concentration);
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
                    into[t] += r * sign * m.weight(k) * tau[t] * (gain == null ? 1 : gain[t]);
                }
            }
        }
        return new MeanDrive(soma, dendrite, atBaseline);
    }

    private static List<List<String>> atBaseline(Network net, SpikeSource[] sources, double[][] soma) {
        List<List<String>> out = new java.util.ArrayList<>();
        for (int p = 0; p < soma.length; p++) {
            out.add(new java.util.ArrayList<>());
        }
        for (PathwayBinding p : net.pathways()) {
            if (!(p.target() instanceof PathwayTargetBinding.Neurons neurons) || !movesDrive(p)) {
                continue;
            }
            Modulator mod = net.modulators().get(p.modulator());
            boolean known = mod.source() instanceof ModulatorSource.FromPopulation from && sources[from.population()] != null;
            if (known) {
                continue;
            }
            String entry = mod.name() + " (baseline " + mod.baseline() + ")";
            for (NeuronRange r : neurons.ranges()) {
                List<String> names = out.get(r.population());
                if (soma[r.population()] != null && !names.contains(entry)) {
                    names.add(entry);
                }
            }
        }
        return out.stream().map(List::copyOf).toList();
    }

    /** Whether the pathway has an effect the drive counts: {@code excitability +=/-=} or {@code gain *=}. */
    private static boolean movesDrive(PathwayBinding p) {
        for (EffectBinding e : p.effects()) {
            if (shiftsExcitability(e) || scalesGain(e)) {
                return true;
            }
        }
        return false;
    }

    /** {@code excitability += v} or {@code -= v}: the drive gains the run's mean of v. */
    private static boolean shiftsExcitability(EffectBinding e) {
        return "excitability".equals(e.kind()) && (e.op() == EffectBinding.Op.ADD || e.op() == EffectBinding.Op.SUBTRACT);
    }

    /** {@code gain *= g}: host synapses' charge scales by g. */
    private static boolean scalesGain(EffectBinding e) {
        return "gain".equals(e.kind()) && e.op() == EffectBinding.Op.MULTIPLY;
    }

    /** True when a pathway acts on a compartment of a multi-compartment population. */
    private static boolean modulates(Network net, double[][] soma) {
        for (PathwayBinding p : net.pathways()) {
            if (p.target() instanceof PathwayTargetBinding.Neurons neurons) {
                for (NeuronRange r : neurons.ranges()) {
                    if (soma[r.population()] != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Per modulator, the concentration each step runs with, as the float reference integrates it
     * ({@code c <- b + (c - b) exp(-dt / decay) + release n}, n the source's spikes
     * {@code round(delay / dt)} steps earlier; step 0 at the baseline): exact for a host source,
     * whose spikes are drawn at compile time; the baseline throughout for any other source.
     */
    static double[][] concentrations(Network net, SpikeSource[] sources, int steps) {
        double dt = net.simulation().dt();
        double[][] out = new double[net.modulators().size()][];
        for (int m = 0; m < out.length; m++) {
            Modulator mod = net.modulators().get(m);
            double[] c = new double[steps];
            out[m] = c;
            double b = mod.baseline();
            java.util.Arrays.fill(c, b);
            if (!(mod.source() instanceof ModulatorSource.FromPopulation from) || sources[from.population()] == null) {
                continue;
            }
            int[] count = spikesPerStep(net.populations().get(from.population()).size(), sources[from.population()],
                    steps);
            long delay = Math.round(mod.delay() / dt);
            double keep = Math.exp(-dt / mod.decay());
            double now = b;
            for (int k = 0; k + 1 < steps; k++) {
                long fired = k - delay;
                double released = fired >= 0 ? mod.releasePerSpike() * count[(int) fired] : 0;
                now = b + (now - b) * keep + released;
                c[k + 1] = now;
            }
        }
        return out;
    }

    private static int[] spikesPerStep(int size, SpikeSource source, int steps) {
        int[] count = new int[steps];
        for (int j = 0; j < size; j++) {
            for (long s : source.steps(j, steps)) {
                count[(int) s]++;
            }
        }
        return count;
    }

    /** Adds the run's mean of every {@code excitability +=} or {@code -=} effect to its compartments' drive. */
    private static void excitability(Network net, double[][] concentration, double[][] soma, double[][] dendrite) {
        int steps = concentration.length == 0 ? 0 : concentration[0].length;
        for (PathwayBinding p : net.pathways()) {
            if (!(p.target() instanceof PathwayTargetBinding.Neurons neurons)) {
                continue;
            }
            for (EffectBinding e : p.effects()) {
                if (!shiftsExcitability(e)) {
                    continue;
                }
                boolean add = e.op() == EffectBinding.Op.ADD;
                double mean = (add ? 1 : -1) * mean(e, p.modulator(), concentration, null, steps);
                for (NeuronRange r : neurons.ranges()) {
                    double[] into = "dendrite".equals(r.compartment()) ? dendrite[r.population()] : soma[r.population()];
                    if (into == null) {
                        continue;
                    }
                    for (int i = r.localStart(); i < r.localEnd(); i++) {
                        into[i] += mean;
                    }
                }
            }
        }
    }

    /**
     * Per post neuron of {@code proj}, the factor its {@code gain *=} effects put on the projection's
     * charge over the run: each effect's value at the step after each presynaptic spike, weighted by
     * the spikes (the product over several effects of their means); null when no gain acts on it.
     */
    private static double[] gain(Network net, Projection proj, SpikeSource source, double[][] concentration) {
        double[] factor = null;
        int[] weight = null;
        int steps = concentration.length == 0 ? 0 : concentration[0].length;
        for (PathwayBinding p : net.pathways()) {
            if (!(p.target() instanceof PathwayTargetBinding.Neurons neurons)) {
                continue;
            }
            for (EffectBinding e : p.effects()) {
                if (!scalesGain(e)) {
                    continue;
                }
                double mean = Double.NaN;
                for (NeuronRange r : neurons.ranges()) {
                    boolean dendrite = "dendrite".equals(r.compartment());
                    if (r.population() != proj.post() || dendrite != "dendrite".equals(proj.postCompartment())) {
                        continue;
                    }
                    if (Double.isNaN(mean)) {
                        if (weight == null) {
                            weight = spikesPerStep(net.populations().get(proj.pre()).size(), source, steps);
                        }
                        mean = mean(e, p.modulator(), concentration, weight, steps);
                    }
                    if (factor == null) {
                        factor = new double[net.populations().get(proj.post()).size()];
                        java.util.Arrays.fill(factor, 1);
                    }
                    for (int i = r.localStart(); i < r.localEnd(); i++) {
                        factor[i] *= mean;
                    }
                }
            }
        }
        return factor;
    }

    /**
     * The mean of the effect's value over the steps, each step weighted by {@code weight} at the
     * step before (the spikes of that step arrive in it) or equally when {@code weight} is null.
     */
    private static double mean(EffectBinding e, int modulator, double[][] concentration, int[] weight, int steps) {
        double[] c = new double[concentration.length];
        double sum = 0;
        double total = 0;
        for (int k = 0; k < steps; k++) {
            double w = weight == null ? 1 : k == 0 ? 0 : weight[k - 1];
            if (w == 0) {
                continue;
            }
            for (int m = 0; m < c.length; m++) {
                c[m] = concentration[m][k];
            }
            double v = e.evaluate(c, modulator);
            if (Double.isFinite(v)) {
                sum += w * v;
                total += w;
            }
        }
        return total > 0 ? sum / total : weight == null ? 0 : 1;
    }
}
