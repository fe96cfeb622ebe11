package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.PoissonSpikeTrains;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Stimulus;
import io.neuromap.compiler.ir.StimulusSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the network's stimuli in each step, before the neurons are updated:
 * <ul>
 *   <li>{@code poisson}: target k receives a spike in step s when the IR's trains for the
 *       stimulus ({@link PoissonSpikeTrains#forStimulus}, keyed by (seed, stimulus path, k, s))
 *       fire and s is in [start, start + duration);</li>
 *   <li>{@code spike_times}: every target receives a spike in each step of the times
 *       ({@link SpikeTimes});</li>
 *   <li>a stimulus spike fired in step s arrives in step s + 1, as a synapse of delay
 *       one step (the chip configs deliver stimulus spikes in step s + 1 likewise), adding the
 *       target's weight to its excitatory current, or to its inhibitory current when the weight
 *       is negative;</li>
 *   <li>{@code dc}: its amplitude is added to the target compartment's current in every step s
 *       whose start lies in [start, start + duration);</li>
 *   <li>{@code external}: as {@link ExternalInputs} describes.</li>
 * </ul>
 */
final class StimulusDrive {
    private final List<Drive> drives = new ArrayList<>();
    private final int[] dcSlots;

    /** One stimulus, with its targets resolved to slots (neurons) or global indices (sources). */
    private record Drive(Stimulus stimulus, int slotBase, int globalStart, int size, boolean intoSource, double[] weight,
            PoissonSpikeTrains trains, double probability, long firstStep, long endStep, long[] spikeSteps,
            String channel) {
    }

    StimulusDrive(Network network, InputLayout layout) {
        double dt = network.simulation().dt();
        List<Integer> dc = new ArrayList<>();
        for (Stimulus s : network.stimuli()) {
            NeuronRange r = s.target();
            Population pop = network.populations().get(r.population());
            boolean intoSource = pop.isSource();
            int slotBase = intoSource ? -1 : layout.base(network, r.population(), r.compartment()) + r.localStart();
            double[] weight = s.weight().map(ParameterValues::toArray).orElse(null);
            StimulusSource src = s.source();
            PoissonSpikeTrains trains = null;
            double probability = 0;
            long first = 0;
            long end = 0;
            long[] steps = null;
            String channel = null;
            if (src instanceof StimulusSource.Poisson p) {
                trains = PoissonSpikeTrains.forStimulus(network, s);
                probability = PoissonSpikeTrains.stepProbability(p.rate(), dt);
                first = PoissonSpikeTrains.stepAtOrAfter(p.start(), dt);
                end = PoissonSpikeTrains.stepAtOrAfter(p.start() + p.duration(), dt);
            } else if (src instanceof StimulusSource.SpikeTimes t) {
                double[] times = new double[t.times().size()];
                for (int i = 0; i < times.length; i++) {
                    times[i] = t.times().get(i);
                }
                steps = SpikeTimes.steps(times, dt, Long.MAX_VALUE);
            } else if (src instanceof StimulusSource.Dc d) {
                first = PoissonSpikeTrains.stepAtOrAfter(d.start(), dt);
                end = PoissonSpikeTrains.stepAtOrAfter(d.start() + d.duration(), dt);
            } else {
                channel = ((StimulusSource.External) src).channel();
            }
            if (!intoSource && (src instanceof StimulusSource.Dc || (channel != null && weight == null))) {
                for (int k = 0; k < r.size(); k++) {
                    dc.add(slotBase + k);
                }
            }
            drives.add(new Drive(s, slotBase, r.globalStart(), r.size(), intoSource, weight, trains, probability, first, end,
                    steps, channel));
        }
        dcSlots = dc.stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    /**
     * Applies step {@code step}'s stimuli: currents into {@code in.dc}, spikes into the ring slot
     * read in step + 1, forced source spikes into {@code in.forced}.
     */
    void step(StepInputs in, ExternalInputs external) {
        final long s = in.step();
        final double[] dc = in.dc;
        for (int slot : dcSlots) {
            dc[slot] = 0;
        }
        final int nextBase = (int) ((s + 1) % in.ringSlots) * in.channels;
        for (int d = 0, n = drives.size(); d < n; d++) {
            Drive drive = drives.get(d);
            StimulusSource src = drive.stimulus().source();
            if (drive.trains() != null) {
                if (s < drive.firstStep() || s >= drive.endStep()) {
                    continue;
                }
                for (int k = 0; k < drive.size(); k++) {
                    if (drive.trains().fires(k, s, drive.probability())) {
                        spike(in, drive, k, nextBase, 1);
                    }
                }
            } else if (drive.spikeSteps() != null) {
                if (java.util.Arrays.binarySearch(drive.spikeSteps(), s) >= 0) {
                    for (int k = 0; k < drive.size(); k++) {
                        spike(in, drive, k, nextBase, 1);
                    }
                }
            } else if (src instanceof StimulusSource.Dc dcSource) {
                if (s >= drive.firstStep() && s < drive.endStep()) {
                    for (int k = 0; k < drive.size(); k++) {
                        dc[drive.slotBase() + k] += dcSource.amplitude();
                    }
                }
            } else {
                for (int k = 0; k < drive.size(); k++) {
                    double value = external.value(drive.channel(), s, k);
                    if (value == 0) {
                        continue;
                    }
                    if (drive.intoSource() || drive.weight() != null) {
                        spike(in, drive, k, nextBase, value);
                    } else {
                        dc[drive.slotBase() + k] += value;
                    }
                }
            }
        }
    }

    /** Clears the forced spikes of sources set in the last step. */
    void clearForced(StepInputs in) {
        for (int d = 0, n = drives.size(); d < n; d++) {
            Drive drive = drives.get(d);
            if (drive.intoSource()) {
                java.util.Arrays.fill(in.forced, drive.globalStart(), drive.globalStart() + drive.size(), false);
            }
        }
    }

    private static void spike(StepInputs in, Drive drive, int k, int nextBase, double count) {
        if (drive.intoSource()) {
            in.forced[drive.globalStart() + k] = true;
            return;
        }
        if (drive.weight() == null) {
            return;
        }
        double w = drive.weight()[k] * count;
        int channel = nextBase + 2 * (drive.slotBase() + k) + (w < 0 ? 1 : 0);
        in.ring[channel] += w;
    }
}
