package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Compartments;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.backends.loihi1.config.Loihi1CurrentScale;
import io.neuromap.backends.loihi1.config.Loihi1CurrentStimuli;
import io.neuromap.backends.loihi1.config.Loihi1InitialState;
import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.config.Loihi1Population;
import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.config.Loihi1SpikeStimuli;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdProfile;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import io.neuromap.backends.loihi1.lower.CompartmentRole;
import io.neuromap.backends.loihi1.lower.CurrentInjection;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.LoweredProbe;
import io.neuromap.backends.loihi1.lower.PopulationLowering;
import io.neuromap.backends.loihi1.lower.SpikeSource;
import io.neuromap.backends.loihi1.lower.TreeShape;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage 8: assembles the Loihi 1 config from the lowering, the partition and the routing: per
 * core the singletons, the profile tables (each distinct profile and threshold once, in order of
 * first use), the compartment table, the dendritic trees, the synapse formats and lists and the
 * output axons; the spike stimuli (the host sources' spikes drawn now, sent to every core their
 * targets are on), the current injections of windowed dc stimuli, the probes and the origin
 * table. It builds the config for any mapping, feasible or not, so that the design rules judge
 * exactly what would be written; only a feasible one is written.
 */
public final class Loihi1Emitter {
    /** Initial capacity of the growable tables (they grow by doubling). */
    private static final int INITIAL_ROWS = 256;
    /** Where a compartment profile key carries the decay group (above the 56 bits the registers use). */
    static final int DECAY_GROUP_SHIFT = 56;

    /** Compartment names of the origin table, indexed by {@link CompartmentRole#ordinal()}. */
    private static final List<String> COMPARTMENT_NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (CompartmentRole r : CompartmentRole.values()) {
            names.add(r.originName());
        }
        COMPARTMENT_NAMES = List.copyOf(names);
    }

    private Loihi1Emitter() {
    }

    /**
     * The config of a routed mapping.
     *
     * @param limits the system mapped onto (the config's {@code system})
     */
    public static Loihi1Config emit(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing,
            Loihi1Limits limits) {
        requireNonNull(lowering, "lowering is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(routing, "routing is null");
        requireNonNull(limits, "limits is null");
        Network net = lowering.network();
        long steps = net.simulation().steps();
        int runSteps = (int) Math.min(steps, Integer.MAX_VALUE);
        int cores = partition.coreCount();
        Loihi1CoreConfig[] coreConfigs = new Loihi1CoreConfig[cores];
        GrowableInts[] origin = {new GrowableInts(INITIAL_ROWS), new GrowableInts(INITIAL_ROWS), new GrowableInts(INITIAL_ROWS),
            new GrowableInts(INITIAL_ROWS), new GrowableInts(INITIAL_ROWS), new GrowableInts(INITIAL_ROWS)};
        for (int c = 0; c < cores; c++) {
            coreConfigs[c] = core(lowering, partition, routing, c, origin);
        }
        Map<Integer, List<Loihi1CoreConfig>> byChip = new TreeMap<>();
        Integer[] order = new Integer[cores];
        for (int c = 0; c < cores; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> routing.chip()[a] != routing.chip()[b]
                ? Integer.compare(routing.chip()[a], routing.chip()[b])
                : Integer.compare(routing.coreOnChip()[a], routing.coreOnChip()[b]));
        for (int c : order) {
            byChip.computeIfAbsent(routing.chip()[c], k -> new ArrayList<>()).add(coreConfigs[c]);
        }
        List<Loihi1ChipConfig> chips = new ArrayList<>();
        byChip.forEach((id, list) -> chips.add(new Loihi1ChipConfig(id, list)));
        List<Loihi1Population> populations = new ArrayList<>();
        for (Population p : net.populations()) {
            populations.add(new Loihi1Population(p.name(), p.size()));
        }
        Loihi1Origin originTable = new Loihi1Origin(populations, COMPARTMENT_NAMES, origin[0].toArray(),
                origin[1].toArray(), origin[2].toArray(), origin[3].toArray(), origin[4].toArray(), origin[5].toArray());
        return new Loihi1Config(limits.system(), lowering.options().arithmetic(), net.simulation().dt(), runSteps,
                net.simulation().seed(), chips, spikes(lowering, routing, runSteps), currents(lowering, partition, routing, runSteps),
                probes(lowering, partition, routing), originTable,
                ModulationEmitter.emit(lowering, partition, routing, chips, originTable, runSteps));
    }

    private static Loihi1CoreConfig core(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing, int c,
            GrowableInts[] origin) {
        Network net = lowering.network();
        Map<Long, Integer> profileIndex = new LinkedHashMap<>();
        List<Loihi1CompartmentProfile> profiles = new ArrayList<>();
        Map<Long, Integer> vthIndex = new LinkedHashMap<>();
        List<Loihi1ThresholdProfile> thresholds = new ArrayList<>();
        int total = 0;
        for (Slice s : partition.slices(c)) {
            total += s.size() * lowering.populations().get(s.population()).compartmentsPerNeuron();
        }
        int[] cxProfile = new int[total];
        int[] vthProfile = new int[total];
        int[] biasMant = new int[total];
        int[] biasExp = new int[total];
        GrowableInts child = new GrowableInts(16);
        GrowableInts parent = new GrowableInts(16);
        GrowableInts port = new GrowableInts(16);
        GrowableInts initialCx = new GrowableInts(16);
        GrowableInts initialV = new GrowableInts(16);
        int cx = 0;
        for (Slice s : partition.slices(c)) {
            PopulationLowering pop = lowering.populations().get(s.population());
            TreeShape shape = pop.shape();
            for (int i = s.from(); i < s.to(); i++) {
                // Neurons whose threshold a pathway moves get a profile per threshold group.
                long vthKey = pop.vthMant() | ((long) lowering.modulation().thresholdGroup(s.population(), i) << 32);
                Integer vth = vthIndex.get(vthKey);
                if (vth == null) {
                    vth = thresholds.size();
                    vthIndex.put(vthKey, vth);
                    thresholds.add(new Loihi1ThresholdProfile(pop.vthMant()));
                }
                int first = cx;
                for (int p = 0; p < shape.size(); p++) {
                    // Compartments whose decay a pathway moves get profiles of their own group.
                    long key = pop.profileKey(p, i)
                            | ((long) lowering.modulation().decayGroup(s.population(), p, i) << DECAY_GROUP_SHIFT);
                    Integer index = profileIndex.get(key);
                    if (index == null) {
                        index = profiles.size();
                        profileIndex.put(key, index);
                        profiles.add(pop.profile(p, i));
                    }
                    cxProfile[cx] = index;
                    vthProfile[cx] = vth;
                    biasMant[cx] = pop.biasMant(p, i);
                    biasExp[cx] = pop.biasExp(p, i);
                    int v0 = pop.initialVoltage(p, i);
                    if (v0 != 0) {
                        // Only compartments that do not start at reset get a row: a network whose
                        // v_init equals v_reset writes no initial_state at all.
                        initialCx.add(cx);
                        initialV.add(v0);
                    }
                    if (shape.parent(p) >= 0) {
                        child.add(cx);
                        parent.add(first + shape.parent(p));
                        port.add(shape.port(p));
                    }
                    origin[0].add(routing.chip()[c]);
                    origin[1].add(routing.coreOnChip()[c]);
                    origin[2].add(cx);
                    origin[3].add(s.population());
                    origin[4].add(i);
                    origin[5].add(shape.role(p).ordinal());
                    cx++;
                }
            }
        }
        Loihi1Synapses synapses = routing.synapses()[c];
        int maxField = 0;
        for (byte d : synapses.delay()) {
            maxField = Math.max(maxField, d);
        }
        int delayBits = Loihi1Limits.delayBitsForDelay(maxField);
        if (delayBits < 0) {
            delayBits = Loihi1Limits.DELAY_BITS_MAX;
        }
        Loihi1CoreSingletons singletons = new Loihi1CoreSingletons(Loihi1Limits.VMIN_EXP_MAX, Loihi1Limits.VMAX_EXP_MAX,
                Loihi1Limits.DECAY_U_OFFSET, Loihi1Limits.DECAY_V_OFFSET, delayBits);
        List<Loihi1SynapseFormatEntry> formats = new ArrayList<>();
        for (int f = 0; f < routing.formats().get(c).size(); f++) {
            formats.add(new Loihi1SynapseFormatEntry(f + 1, routing.formats().get(c).get(f)));
        }
        return new Loihi1CoreConfig(routing.coreOnChip()[c], singletons, profiles, thresholds,
                new Loihi1Compartments(cxProfile, vthProfile, biasMant, biasExp),
                new Loihi1TreeEdges(child.toArray(), parent.toArray(), port.toArray()), formats, synapses,
                routing.outputAxons()[c], new Loihi1InitialState(initialCx.toArray(), new int[initialCx.size()],
                        initialV.toArray()));
    }

    /** The host sources' spikes, each sent to every input axon its synapses are on, ordered by step. */
    private static Loihi1SpikeStimuli spikes(Loihi1Lowering lowering, Loihi1Routing routing, int steps) {
        Network net = lowering.network();
        GrowableInts step = new GrowableInts(INITIAL_ROWS);
        GrowableInts route = new GrowableInts(INITIAL_ROWS);
        for (int p = 0; p < net.populations().size(); p++) {
            SpikeSource source = lowering.sources().get(p);
            if (source == null) {
                continue;
            }
            Population pop = net.populations().get(p);
            for (int i = 0; i < pop.size(); i++) {
                int s = pop.offset() + i;
                int from = routing.hostStart()[s];
                int to = routing.hostStart()[s + 1];
                if (from == to) {
                    continue;
                }
                for (long k : source.steps(i, steps)) {
                    for (int r = from; r < to; r++) {
                        step.add((int) k);
                        route.add(r);
                    }
                }
            }
        }
        int[] order = byStep(step, steps);
        int n = order.length;
        int[] outStep = new int[n];
        int[] chip = new int[n];
        int[] core = new int[n];
        int[] axon = new int[n];
        for (int i = 0; i < n; i++) {
            int r = route.get(order[i]);
            outStep[i] = step.get(order[i]);
            chip[i] = routing.hostChip()[r];
            core[i] = routing.hostCore()[r];
            axon[i] = routing.hostAxon()[r];
        }
        return new Loihi1SpikeStimuli(outStep, chip, core, axon);
    }

    /**
     * Windowed dc stimuli as current injections that hold the compartment's current at the
     * stimulus' value: the value in the first step, then what the chip's toward-zero decay takes
     * away each step, and minus the decayed value in the step after the window.
     */
    private static Loihi1CurrentStimuli currents(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing,
            int steps) {
        if (lowering.injections().isEmpty()) {
            return Loihi1CurrentStimuli.none();
        }
        Network net = lowering.network();
        GrowableInts step = new GrowableInts(INITIAL_ROWS);
        GrowableInts chip = new GrowableInts(INITIAL_ROWS);
        GrowableInts core = new GrowableInts(INITIAL_ROWS);
        GrowableInts cx = new GrowableInts(INITIAL_ROWS);
        GrowableInts value = new GrowableInts(INITIAL_ROWS);
        for (CurrentInjection inj : lowering.injections()) {
            int global = net.populations().get(inj.population()).offset() + inj.neuron();
            int base = routing.compartmentBase()[global];
            int c = partition.coreOf(global);
            if (base < 0 || c < 0 || inj.value() == 0) {
                continue;
            }
            int compartment = base + inj.position();
            long r = Loihi1Limits.DECAY_UNITY - (inj.decayU() + Loihi1Limits.DECAY_U_OFFSET);
            long v = inj.value();
            long decayed = Long.signum(v) * ((Math.abs(v) * r) >> Loihi1Limits.DECAY_BITS);
            long end = Math.min(inj.endStep(), steps);
            for (long s = Math.max(0, inj.startStep()); s < end; s++) {
                long add = s == Math.max(0, inj.startStep()) ? v : v - decayed;
                if (add != 0) {
                    step.add((int) s);
                    chip.add(routing.chip()[c]);
                    core.add(routing.coreOnChip()[c]);
                    cx.add(compartment);
                    value.add((int) add);
                }
            }
            if (inj.endStep() < steps && inj.endStep() > Math.max(0, inj.startStep()) && decayed != 0) {
                step.add((int) inj.endStep());
                chip.add(routing.chip()[c]);
                core.add(routing.coreOnChip()[c]);
                cx.add(compartment);
                value.add((int) -decayed);
            }
        }
        int[] order = byStep(step, steps + 1);
        int n = order.length;
        int[][] out = new int[5][n];
        for (int i = 0; i < n; i++) {
            int k = order[i];
            out[0][i] = step.get(k);
            out[1][i] = chip.get(k);
            out[2][i] = core.get(k);
            out[3][i] = cx.get(k);
            out[4][i] = value.get(k);
        }
        return new Loihi1CurrentStimuli(Loihi1CurrentScale.NENGO_FULL, out[0], out[1], out[2], out[3], out[4]);
    }

    /** A stable counting sort of row indices by step; steps are in [0, limit). */
    private static int[] byStep(GrowableInts step, long limit) {
        int n = step.size();
        int buckets = (int) Math.max(1, Math.min(limit, Integer.MAX_VALUE - 1));
        int[] count = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            count[step.get(i) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            count[b + 1] += count[b];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[count[step.get(i)]++] = i;
        }
        return order;
    }

    private static List<Loihi1Probe> probes(Loihi1Lowering lowering, Partition partition, Loihi1Routing routing) {
        Network net = lowering.network();
        List<Loihi1Probe> out = new ArrayList<>();
        for (LoweredProbe p : lowering.probes()) {
            int offset = net.populations().get(p.population()).offset();
            int[] chip = new int[p.size()];
            int[] core = new int[p.size()];
            int[] cx = new int[p.size()];
            for (int i = 0; i < p.size(); i++) {
                int global = offset + p.from() + i;
                int c = partition.coreOf(global);
                chip[i] = routing.chip()[c];
                core[i] = routing.coreOnChip()[c];
                cx[i] = routing.compartmentBase()[global] + p.position();
            }
            out.add(new Loihi1Probe(p.name(), p.variable(), p.every(), chip, core, cx));
        }
        return out;
    }
}
