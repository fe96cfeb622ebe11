package io.neuromap.backends.loihi1.rules;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the Loihi 1 design rules judge: every used core's usage as its config states it
 * (compartments, axons, synaptic memory by the chip's cost model, profile tables, delays), the
 * chips used, and the lowering's measurements of the network. It is built from a
 * {@link Loihi1Config} (compiled or hand-written, feasible or not), so that {@code compile} and
 * {@code emulate} judge the same thing the same way; a config without a network behind it has
 * no lowering facts and blames its cores on the config file.
 */
public final class MappedNet {
    /**
     * One used core as its config states it.
     *
     * @param delayBits the core's {@code delay_bits} singleton
     * @param maxDelayField the longest delay field of its synapses
     * @param inputAxons synapse-map entries: one per input axon (reward axons included), plus one
     *     more for every axon with a synapse in a learning format (its pre-trace entry)
     * @param learningAxons how many of its input axons carry a learning synapse
     * @param synapseBits Σ over input axons and formats of {@code bits_per_axon}
     * @param population the population of the core's first compartment (who the core is blamed on)
     * @param span its declaration, or the config file
     */
    public record Core(int chip, int core, int compartments, int delayBits, int maxDelayField, int inputAxons,
            int learningAxons, int outputAxons, long synapseBits, int compartmentProfiles, int thresholdProfiles,
            int synapseFormats, String population, SourceSpan span) {
        public Core {
            requireNonNull(population, "population is null");
            requireNonNull(span, "span is null");
        }

        /** {@code chip C core K}, for messages. */
        public String where() {
            return "chip " + chip + " core " + core;
        }
    }

    private final String name;
    private final SourceSpan span;
    private final List<Core> cores;
    private final int chipsUsed;
    private final LoweringFacts facts;
    private final Loihi1Learning learning;

    private MappedNet(String name, SourceSpan span, List<Core> cores, int chipsUsed, LoweringFacts facts,
            Loihi1Learning learning) {
        this.name = requireNonNull(name, "name is null");
        this.span = requireNonNull(span, "span is null");
        this.cores = List.copyOf(cores);
        this.chipsUsed = chipsUsed;
        this.facts = requireNonNull(facts, "facts is null");
        this.learning = requireNonNull(learning, "learning is null");
    }

    /**
     * The net of a compiled config.
     *
     * @param name the network's name
     * @param span the network declaration (blamed for system-wide limits)
     * @param populationSpan the declaration of each population of the origin table
     */
    public static MappedNet of(Loihi1Config config, LoweringFacts facts, String name, SourceSpan span,
            IntFunction<SourceSpan> populationSpan) {
        requireNonNull(config, "config is null");
        Map<Long, Integer> firstPopulation = firstPopulations(config.origin());
        List<Core> cores = new ArrayList<>();
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig core : chip.cores()) {
                Integer pop = firstPopulation.get(key(chip.id(), core.id()));
                String popName = pop == null ? "(no population)" : config.origin().populations().get(pop).name();
                SourceSpan blame = pop == null ? span : populationSpan.apply(pop);
                cores.add(core(chip.id(), core, config.learning().core(chip.id(), core.id()), popName, blame));
            }
        }
        return new MappedNet(name, span, cores, config.chips().size(), facts, config.learning());
    }

    /** The net of a config read from disk: no lowering facts, every core blamed on {@code file}. */
    public static MappedNet ofConfig(Loihi1Config config, String file) {
        SourceSpan span = SourceSpan.synthetic(file);
        return of(config, LoweringFacts.none(), file, span, p -> span);
    }

    private static Map<Long, Integer> firstPopulations(Loihi1Origin origin) {
        Map<Long, Integer> first = new HashMap<>();
        Map<Long, Integer> lowest = new HashMap<>();
        for (int r = 0; r < origin.count(); r++) {
            long k = key(origin.chip()[r], origin.core()[r]);
            Integer at = lowest.get(k);
            if (at == null || origin.compartment()[r] < at) {
                lowest.put(k, origin.compartment()[r]);
                first.put(k, origin.population()[r]);
            }
        }
        return first;
    }

    private static long key(int chip, int core) {
        return ((long) chip << 32) | (core & 0xFFFF_FFFFL);
    }

    private static Core core(int chip, Loihi1CoreConfig core, Loihi1Learning.Core learning, String population,
            SourceSpan span) {
        Loihi1Synapses s = core.synapses();
        boolean[] learns = new boolean[256];
        if (learning != null) {
            for (Loihi1Learning.FormatRule f : learning.formats()) {
                if (f.format() >= 0 && f.format() < learns.length) {
                    learns[f.format()] = true;
                }
            }
        }
        int learningAxons = 0;
        int maxDelay = 0;
        int formats = core.synapseFormats().size();
        Loihi1SynapseFormat[] byId = new Loihi1SynapseFormat[256];
        for (Loihi1SynapseFormatEntry e : core.synapseFormats()) {
            if (e.id() >= 0 && e.id() < byId.length) {
                byId[e.id()] = e.format();
            }
        }
        long bits = 0;
        int[] count = new int[256];
        int[] touched = new int[256];
        for (int a = 0; a < s.inputAxons(); a++) {
            int distinct = 0;
            boolean learningAxon = false;
            for (int k = s.axonStart()[a]; k < s.axonStart()[a + 1]; k++) {
                int f = s.format()[k] & 0xFF;
                learningAxon |= learns[f];
                if (count[f]++ == 0) {
                    touched[distinct++] = f;
                }
                maxDelay = Math.max(maxDelay, s.delay()[k]);
            }
            for (int t = 0; t < distinct; t++) {
                int f = touched[t];
                Loihi1SynapseFormat format = byId[f];
                if (format != null) {
                    bits += format.bitsPerAxon(count[f]);
                }
                count[f] = 0;
            }
            if (learningAxon) {
                learningAxons++;
            }
        }
        int slots = s.inputAxons() + (Loihi1Limits.LEARNING_AXON_MAP_SLOTS - 1) * learningAxons;
        return new Core(chip, core.id(), core.compartmentCount(), core.singletons().delayBits(), maxDelay,
                slots, learningAxons, core.outputAxons().count(), bits, core.compartmentProfiles().size(),
                core.thresholdProfiles().size(), formats, population, span);
    }

    /** The network's name. */
    public String name() {
        return name;
    }

    /** The network declaration: blamed for limits of the whole system. */
    public SourceSpan span() {
        return span;
    }

    /** Every used core, in config order. */
    public List<Core> cores() {
        return cores;
    }

    /** Chips the mapping uses. */
    public int chipsUsed() {
        return chipsUsed;
    }

    /** The config's learning section (the LOIHI1-LEARN rules judge its per-core tables). */
    public Loihi1Learning learning() {
        return learning;
    }

    /** The used core (chip, core), or null. */
    public Core core(int chip, int core) {
        for (Core c : cores) {
            if (c.chip() == chip && c.core() == core) {
                return c;
            }
        }
        return null;
    }

    /** What the lowering measured; none for a config read from disk. */
    public LoweringFacts facts() {
        return facts;
    }

    @Override
    public String toString() {
        return "MappedNet[" + name + ", " + cores.size() + " cores on " + chipsUsed + " chips]";
    }
}
