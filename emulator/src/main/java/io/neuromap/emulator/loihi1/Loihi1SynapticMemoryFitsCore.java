package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1Resource;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigDescriptor;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.compiler.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LOIHI1-SYNM-001}: a core's synapse lists fit its synaptic memory. Each input axon stores
 * the synapses of each format it uses in chunks whose cost the format fixes
 * ({@code Loihi1SynapseFormat.bitsPerAxon}: bits per synapse times count plus a 10-bit header per
 * chunk, rounded up to 64-bit words); the sum over the core's axons and formats must stay within
 * 16,384 words of 64 bits. This is the constraint that binds first in practice (Davies18 p. 89).
 *
 * @see "specs/loihi1.md §1.2 (cost model), §1.3 (Total synapse bits exceeded max)"
 */
public final class Loihi1SynapticMemoryFitsCore implements Loihi1ConfigRule {

    /** The rule id. */
    public static final String ID = "LOIHI1-SYNM-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "a core's synapse lists, encoded by their synapse formats, fit its synaptic memory";
    }

    @Override
    public List<Loihi1RuleViolation> check(Loihi1Config config, Loihi1Limits limits) {
        List<Loihi1RuleViolation> out = new ArrayList<>();
        long capacity = limits.capacity(Loihi1Resource.SYNAPSE_BITS);
        List<Loihi1ChipConfig> chips = config.chips();
        for (int i = 0; i < chips.size(); i++) {
            List<Loihi1CoreConfig> cores = chips.get(i).cores();
            for (int j = 0; j < cores.size(); j++) {
                Loihi1CoreConfig core = cores.get(j);
                long bits = bits(core);
                if (bits > capacity) {
                    long share = (bits + capacity - 1) / capacity;
                    out.add(new Loihi1RuleViolation(ID, Severity.ERROR,
                            Loihi1ConfigDescriptor.corePointer(i, j) + "/" + Loihi1ConfigDescriptor.K_SYNAPSES,
                            "chip " + chips.get(i).id() + ", core " + core.id(), Loihi1Resource.SYNAPSE_BITS, bits,
                            capacity, "total synapse bits (" + bits + ") exceeded max (" + capacity + "): "
                                    + core.synapses().count() + " synapses on " + core.inputAxonCount() + " input axons",
                            "split this core's compartments over at least " + share
                                    + " cores, or store the weights in fewer bits (num_weight_bits) or densely"));
                }
            }
        }
        return out;
    }

    /** Synaptic memory the core's synapse lists take (bits). */
    static long bits(Loihi1CoreConfig core) {
        Loihi1SynapseFormatEntry[] formats = new Loihi1SynapseFormatEntry[Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE];
        for (Loihi1SynapseFormatEntry entry : core.synapseFormats()) {
            formats[entry.id()] = entry;
        }
        Loihi1Synapses synapses = core.synapses();
        int[] start = synapses.axonStart();
        byte[] format = synapses.format();
        long[] perFormat = new long[formats.length];
        long total = 0;
        for (int a = 0; a < synapses.inputAxons(); a++) {
            for (int s = start[a]; s < start[a + 1]; s++) {
                perFormat[format[s]]++;
            }
            for (int f = 0; f < perFormat.length; f++) {
                if (perFormat[f] > 0) {
                    total += formats[f].format().bitsPerAxon(perFormat[f]);
                    perFormat[f] = 0;
                }
            }
        }
        return total;
    }
}
