package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.compiler.pass.IrKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A routed network with its config (stage 8), feasible or not: the design rules judge it next.
 *
 * @param routed the routed network
 * @param config the config as it would be written
 */
public record Loihi1Emitted(Loihi1Routed routed, Loihi1Config config) {
    /** Verified for an origin row per compartment and a core per partition core. */
    public static final IrKind<Loihi1Emitted> KIND = IrKind.of("loihi1-config", Loihi1Emitted.class,
            Loihi1Emitted::verify, e -> "config: " + e.config().chips().size() + " chips, " + e.coreCount() + " cores\n");

    public Loihi1Emitted {
        requireNonNull(routed, "routed is null");
        requireNonNull(config, "config is null");
    }

    /** Cores in the config. */
    public int coreCount() {
        int n = 0;
        for (Loihi1ChipConfig chip : config.chips()) {
            n += chip.cores().size();
        }
        return n;
    }

    private List<String> verify() {
        List<String> problems = new ArrayList<>();
        long compartments = 0;
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig core : chip.cores()) {
                compartments += core.compartmentCount();
            }
        }
        if (compartments != config.origin().count()) {
            problems.add("the config has " + compartments + " compartments but " + config.origin().count()
                    + " origin rows");
        }
        if (coreCount() != routed.routing().cores()) {
            problems.add("the config has " + coreCount() + " cores, the partition " + routed.routing().cores());
        }
        return problems;
    }
}
