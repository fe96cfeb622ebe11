package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Modulator;
import io.neuromap.compiler.ir.ModulatorSource;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.model.LifPropagators;
import java.util.List;

/**
 * The concentration of every modulator: {@code dm/dt = -(m - baseline) / decay}, integrated
 * exactly ({@code m <- baseline + (m - baseline) exp(-dt / decay)}), plus {@code release} for each
 * spike of the source population, {@code round(delay / dt)} steps after the spike, plus what an
 * external channel releases. m starts at the baseline; m after step s includes the releases of
 * step s, and pathway effects in step s + 1 see it.
 *
 * <p>A modulator's {@code scope} (global, per population, per target neuron) says how many copies
 * a chip keeps; every copy is raised by the same source spikes and decays alike, so in double
 * precision they are equal and one concentration per modulator stands for all of them.
 */
final class ModulatorDynamics {
    private final int count;
    private final double[] concentration;
    private final double[] baseline;
    private final double[] decay;
    private final double[] release;
    private final int[] sourcePopulation;
    private final String[] channel;
    private final int[][] pending;
    private final ExternalInputs external;

    ModulatorDynamics(Network network, ExternalInputs external) {
        List<Modulator> mods = network.modulators();
        double dt = network.simulation().dt();
        count = mods.size();
        concentration = new double[count];
        baseline = new double[count];
        decay = new double[count];
        release = new double[count];
        sourcePopulation = new int[count];
        channel = new String[count];
        pending = new int[count][];
        this.external = external;
        for (int m = 0; m < count; m++) {
            Modulator mod = mods.get(m);
            baseline[m] = mod.baseline();
            concentration[m] = mod.baseline();
            decay[m] = LifPropagators.decay(dt, mod.decay());
            release[m] = mod.releasePerSpike();
            if (mod.source() instanceof ModulatorSource.FromPopulation p) {
                sourcePopulation[m] = p.population();
            } else {
                sourcePopulation[m] = -1;
                channel[m] = ((ModulatorSource.External) mod.source()).channel();
            }
            double steps = Math.rint(mod.delay() / dt);
            if (!(steps >= 0) || steps > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException("modulator " + mod.name() + ": delay " + mod.delay() + " s out of range");
            }
            pending[m] = new int[(int) steps + 1];
        }
    }

    /** The live concentrations, indexed like {@link Network#modulators()}. */
    double[] concentrations() {
        return concentration;
    }

    /** Advances every concentration over step {@code step}, whose spikes are in {@code spikes}. */
    void step(long step, SpikeBuffer spikes) {
        for (int m = 0; m < count; m++) {
            int[] ring = pending[m];
            int p = sourcePopulation[m];
            double released = 0;
            if (p >= 0) {
                int length = ring.length;
                ring[(int) ((step + length - 1) % length)] += spikes.end(p) - spikes.start(p);
                int now = (int) (step % length);
                released = release[m] * ring[now];
                ring[now] = 0;
            } else {
                released = external.value(channel[m], step, 0);
            }
            double b = baseline[m];
            concentration[m] = b + (concentration[m] - b) * decay[m] + released;
        }
    }
}
