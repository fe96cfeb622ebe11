package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.compiler.mapping.MappingVerifier;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.pass.IrKind;
import java.util.List;

/**
 * A lowered network split into cores (stage 5), with the limits it was split for.
 *
 * @param lowering the lowered network
 * @param limits the chip's limits and the system
 * @param partition the cores
 */
public record Loihi1Partitioned(Loihi1Lowering lowering, Loihi1Limits limits, Partition partition) {
    /** Verified by recounting every core's usage from scratch ({@link MappingVerifier}). */
    public static final IrKind<Loihi1Partitioned> KIND = IrKind.of("loihi1-partitioned", Loihi1Partitioned.class,
            Loihi1Partitioned::verify, p -> p.partition().summary());

    public Loihi1Partitioned {
        requireNonNull(lowering, "lowering is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(partition, "partition is null");
    }

    private List<String> verify() {
        return MappingVerifier.verify(lowering.network(), partition).problems();
    }
}
