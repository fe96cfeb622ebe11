package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.lower.Loihi1LowerOptions;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.PlacementOptions;

/**
 * Everything {@code neuromap compile --target loihi1} can be told: the system ({@code --chips},
 * {@code --system}), the lowering ({@code --heterogeneity}, {@code --max-bin-error},
 * {@code --arithmetic}) and how hard the mapping engine works.
 */
public record Loihi1CompileOptions(Loihi1Limits limits, Loihi1LowerOptions lower, PartitionOptions partition,
        PlacementOptions placement) {
    public Loihi1CompileOptions {
        requireNonNull(limits, "limits is null");
        requireNonNull(lower, "lower is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(placement, "placement is null");
    }

    /** One chip, binning with a 5 % bound, nengo-loihi arithmetic, the engine's defaults. */
    public static Loihi1CompileOptions defaults() {
        return new Loihi1CompileOptions(Loihi1Limits.singleChip(), Loihi1LowerOptions.defaults(),
                PartitionOptions.defaults(), PlacementOptions.defaults());
    }

    public Loihi1CompileOptions withLimits(Loihi1Limits l) {
        return new Loihi1CompileOptions(l, lower, partition, placement);
    }

    public Loihi1CompileOptions withLower(Loihi1LowerOptions l) {
        return new Loihi1CompileOptions(limits, l, partition, placement);
    }
}
