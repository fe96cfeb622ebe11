package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ModulationArithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ModulatorProbe;
import io.neuromap.backends.loihi1.config.Loihi1Population;
import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.emulator.record.ProbeRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the config's modulator probes ({@link Loihi1ModulatorProbe}): after each due step, the
 * management program's concentration (after that step's update) as a number, the fixed point
 * divided by 2^16 (exact in a double), in every column. Columns are network-global neuron indices
 * (the origin populations' sizes in order), as the float reference names them.
 */
final class Loihi1ModulatorProbes implements Loihi1Recorder {
    private final Loihi1Emulator emulator;
    private final List<ProbeRecorder> recorders = new ArrayList<>();
    private final int[] modulator;

    Loihi1ModulatorProbes(Loihi1Config config, Loihi1Emulator emulator) {
        this.emulator = emulator;
        List<Loihi1ModulatorProbe> probes = config.modulation().probes();
        List<Loihi1Population> populations = config.origin().populations();
        modulator = new int[probes.size()];
        for (int i = 0; i < probes.size(); i++) {
            Loihi1ModulatorProbe p = probes.get(i);
            int offset = 0;
            for (int q = 0; q < p.population(); q++) {
                offset += populations.get(q).size();
            }
            int[] columns = new int[p.count()];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = offset + p.first() + j;
            }
            modulator[i] = p.modulator();
            recorders.add(new ProbeRecorder(p.name(), "modulator",
                    config.modulation().modulators().get(p.modulator()).name(), "1", columns, p.every(),
                    NpyDtype.FLOAT64));
        }
    }

    @Override
    public void afterCore(Loihi1State state, int core, int step) {
        // Concentrations live on the management cores, not on a neurocore.
    }

    @Override
    public void afterStep(Loihi1State state, int step) {
        for (int i = 0; i < modulator.length; i++) {
            ProbeRecorder rec = recorders.get(i);
            if (rec.due(step)) {
                rec.begin(step);
                double value = Loihi1ModulationArithmetic.fromFixed(emulator.modulatorConcentration(modulator[i]));
                for (int j = 0, n = rec.columnCount(); j < n; j++) {
                    rec.put(value);
                }
            }
        }
    }

    List<ProbeRecorder> recorders() {
        return recorders;
    }
}
