package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1Resource;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigDescriptor;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.compiler.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LOIHI1-CMPT-001}: a core's compartments fit its dendritic accumulators. A core has 8,192
 * accumulators and each compartment takes {@code 2^delay_bits} of them, so a core can hold
 * {@code min(1024, 8192 / 2^delay_bits)} compartments: 1024, 512, 256 or 128 for delay bits 3..6
 * (longest synaptic delay 6, 14, 30 or 62 steps).
 *
 * @see "specs/loihi1.md §1.6; specs/loihi1-compartments-reward.md §3.4"
 */
public final class Loihi1CompartmentsFitAccumulators implements Loihi1ConfigRule {

    /** The rule id. */
    public static final String ID = "LOIHI1-CMPT-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "a core's compartments times 2^delay_bits fit its " + Loihi1Limits.DENDRITIC_ACCUMULATORS_PER_CORE
                + " dendritic accumulators";
    }

    @Override
    public List<Loihi1RuleViolation> check(Loihi1Config config, Loihi1Limits limits) {
        List<Loihi1RuleViolation> out = new ArrayList<>();
        List<Loihi1ChipConfig> chips = config.chips();
        for (int i = 0; i < chips.size(); i++) {
            List<Loihi1CoreConfig> cores = chips.get(i).cores();
            for (int j = 0; j < cores.size(); j++) {
                Loihi1CoreConfig core = cores.get(j);
                int bits = core.singletons().delayBits();
                long cap = capacity(limits, bits);
                int n = core.compartmentCount();
                if (n > cap) {
                    out.add(new Loihi1RuleViolation(ID, Severity.ERROR,
                            Loihi1ConfigDescriptor.corePointer(i, j) + "/" + Loihi1ConfigDescriptor.K_COMPARTMENTS,
                            "chip " + chips.get(i).id() + ", core " + core.id(), Loihi1Resource.COMPARTMENTS, n, cap,
                            n + " compartments, but with delay_bits " + bits + " each takes " + (1 << bits) + " of the "
                                    + Loihi1Limits.DENDRITIC_ACCUMULATORS_PER_CORE
                                    + " dendritic accumulators, which leaves room for " + cap,
                            fix(core, limits, n, bits)));
                }
            }
        }
        return out;
    }

    private static long capacity(Loihi1Limits limits, int delayBits) {
        return Math.min(limits.capacity(Loihi1Resource.COMPARTMENTS),
                Loihi1Limits.DENDRITIC_ACCUMULATORS_PER_CORE >> delayBits);
    }

    private static String fix(Loihi1CoreConfig core, Loihi1Limits limits, int n, int bits) {
        int longest = 0;
        for (byte d : core.synapses().delay()) {
            longest = Math.max(longest, d);
        }
        int needed = Math.max(Loihi1Limits.DELAY_BITS_MIN, Loihi1Limits.delayBitsForDelay(longest));
        if (needed < bits && capacity(limits, needed) >= n) {
            return "lower delay_bits to " + needed + ": the longest synaptic delay field into this core is " + longest
                    + ", and delay_bits " + needed + " leaves room for " + capacity(limits, needed) + " compartments";
        }
        long cap = capacity(limits, bits);
        return "move " + (n - cap) + " compartments to another core (at most " + cap + " per core with delays up to "
                + ((1 << bits) - 2) + " steps), or shorten the delays into this core";
    }
}
