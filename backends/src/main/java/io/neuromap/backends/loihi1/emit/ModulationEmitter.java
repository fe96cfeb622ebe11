package io.neuromap.backends.loihi1.emit;

import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1Modulation;
import io.neuromap.backends.loihi1.config.Loihi1ModulationEffect;
import io.neuromap.backends.loihi1.config.Loihi1ModulationRegister;
import io.neuromap.backends.loihi1.config.Loihi1Modulator;
import io.neuromap.backends.loihi1.config.Loihi1ModulatorSource;
import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.ModulationLowering;
import io.neuromap.backends.loihi1.lower.PopulationLowering;
import io.neuromap.backends.loihi1.lower.SpikeSource;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.mapping.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places the lowered management program ({@link ModulationLowering.Result}) on the mapping: the
 * source populations' soma compartments (or, for a population the host draws, its spike count
 * per step), the bias targets' compartments, for threshold effects one target per threshold
 * profile whose neurons' group the effect moves, for decay effects one target per compartment
 * profile of the targets (the emitter gave each group its own profiles).
 */
final class ModulationEmitter {

    private ModulationEmitter() {
    }

    static Loihi1Modulation emit(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing,
            List<Loihi1ChipConfig> chips, Loihi1Origin origin, int steps) {
        ModulationLowering.Result program = lowering.modulation();
        if (program.isEmpty()) {
            return Loihi1Modulation.none();
        }
        Network net = lowering.network();
        List<Loihi1Modulator> modulators = new ArrayList<>();
        for (ModulationLowering.LoweredModulator m : program.modulators()) {
            modulators.add(new Loihi1Modulator(m.name(), m.baseline(), m.keep(), m.release(), m.delay(),
                    source(lowering, partition, routing, m, steps)));
        }
        Map<Long, Integer> profileGroup = profileGroups(chips, origin, program);
        List<Loihi1ModulationEffect> effects = new ArrayList<>();
        for (int e = 0; e < program.effects().size(); e++) {
            ModulationLowering.LoweredEffect effect = program.effects().get(e);
            List<int[]> targets = new ArrayList<>();
            if (effect.register() == Loihi1ModulationRegister.BIAS || effect.register() == Loihi1ModulationRegister.WEIGHT) {
                for (int t = 0; t < effect.count(); t++) {
                    int global = net.populations().get(effect.population()[t]).offset() + effect.neuron()[t];
                    int c = partition.coreOf(global);
                    int base = routing.compartmentBase()[global];
                    if (c >= 0 && base >= 0) {
                        targets.add(new int[] {routing.chip()[c], routing.coreOnChip()[c], base + effect.position()[t],
                            effect.scale()[t]});
                    }
                }
            } else if (effect.register() != Loihi1ModulationRegister.VTH) {
                java.util.Set<Long> seen = new java.util.LinkedHashSet<>();
                for (int t = 0; t < effect.count(); t++) {
                    int global = net.populations().get(effect.population()[t]).offset() + effect.neuron()[t];
                    int c = partition.coreOf(global);
                    int base = routing.compartmentBase()[global];
                    Loihi1CoreConfig core = c < 0 || base < 0 ? null : core(chips, routing.chip()[c], routing.coreOnChip()[c]);
                    if (core == null) {
                        continue;
                    }
                    int profile = core.compartments().cxProfile()[base + effect.position()[t]];
                    if (seen.add(((long) routing.chip()[c] << 40) | ((long) routing.coreOnChip()[c] << 20) | profile)) {
                        targets.add(new int[] {routing.chip()[c], routing.coreOnChip()[c], profile, effect.scale()[t]});
                    }
                }
            } else {
                for (Map.Entry<Long, Integer> entry : profileGroup.entrySet()) {
                    ModulationLowering.ThresholdGroup group = program.groups().get(entry.getValue() - 1);
                    for (int k = 0; k < group.effects().length; k++) {
                        if (group.effects()[k] == e) {
                            long key = entry.getKey();
                            targets.add(new int[] {(int) (key >>> 40), (int) (key >>> 20) & 0xFFFFF, (int) key & 0xFFFFF,
                                group.scales()[k]});
                        }
                    }
                }
            }
            int[][] cols = new int[4][targets.size()];
            for (int t = 0; t < targets.size(); t++) {
                for (int k = 0; k < 4; k++) {
                    cols[k][t] = targets.get(t)[k];
                }
            }
            effects.add(new Loihi1ModulationEffect(effect.name(), effect.modulator(), effect.register(), effect.op(),
                    effect.fracBits(), effect.lut(), cols[0], cols[1], cols[2], cols[3]));
        }
        return new Loihi1Modulation(modulators, effects, program.probes());
    }

    /** (chip, core, threshold profile) of every profile a threshold group uses, in config order, to the group. */
    private static Map<Long, Integer> profileGroups(List<Loihi1ChipConfig> chips, Loihi1Origin origin,
            ModulationLowering.Result program) {
        Map<Long, Integer> out = new TreeMap<>();
        if (program.groups().isEmpty()) {
            return out;
        }
        for (int r = 0; r < origin.count(); r++) {
            int group = program.thresholdGroup(origin.population()[r], origin.neuron()[r]);
            if (group == 0) {
                continue;
            }
            Loihi1CoreConfig core = core(chips, origin.chip()[r], origin.core()[r]);
            if (core == null) {
                continue;
            }
            int profile = core.compartments().vthProfile()[origin.compartment()[r]];
            out.put(((long) origin.chip()[r] << 40) | ((long) origin.core()[r] << 20) | profile, group);
        }
        return out;
    }

    private static Loihi1CoreConfig core(List<Loihi1ChipConfig> chips, int chipId, int coreId) {
        for (Loihi1ChipConfig chip : chips) {
            if (chip.id() == chipId) {
                return chip.core(coreId);
            }
        }
        return null;
    }

    private static Loihi1ModulatorSource source(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing,
            ModulationLowering.LoweredModulator m, int steps) {
        int p = m.sourcePopulation();
        if (p < 0) {
            return Loihi1ModulatorSource.none();
        }
        Population pop = lowering.network().populations().get(p);
        if (m.hostSource()) {
            SpikeSource source = lowering.sources().get(p);
            int[] count = new int[Math.max(steps, 0)];
            for (int i = 0; i < pop.size(); i++) {
                for (long k : source.steps(i, steps)) {
                    count[(int) k]++;
                }
            }
            int rows = 0;
            for (int c : count) {
                rows += c > 0 ? 1 : 0;
            }
            int[] step = new int[rows];
            int[] value = new int[rows];
            for (int k = 0, r = 0; k < count.length; k++) {
                if (count[k] > 0) {
                    step[r] = k;
                    value[r++] = count[k];
                }
            }
            return new Loihi1ModulatorSource(new int[0], new int[0], new int[0], step, value);
        }
        PopulationLowering lowered = lowering.populations().get(p);
        if (!lowered.isSupported()) {
            return Loihi1ModulatorSource.none();
        }
        int soma = lowered.shape().somaPosition();
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < pop.size(); i++) {
            int global = pop.offset() + i;
            int c = partition.coreOf(global);
            int base = routing.compartmentBase()[global];
            if (c >= 0 && base >= 0) {
                rows.add(new int[] {routing.chip()[c], routing.coreOnChip()[c], base + soma});
            }
        }
        int[][] cols = new int[3][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int k = 0; k < 3; k++) {
                cols[k][r] = rows.get(r)[k];
            }
        }
        return new Loihi1ModulatorSource(cols[0], cols[1], cols[2], new int[0], new int[0]);
    }
}
