package io.neuromap.compiler.mapping;

import io.neuromap.compiler.pass.IrKind;
import java.util.Locale;

/**
 * The IR kinds of the mapping passes. Their verifier is {@link MappingVerifier}: after
 * {@code partition} and {@code place} the pass manager proves that every on-core neuron is on
 * exactly one core, every synapse is assigned exactly once and every core's usage matches a
 * recount (a failure is a compiler bug, blamed on the pass). Broken hardware limits are not IR
 * problems: they travel in {@link Partition#violations()} and {@link Placement#violations()} to
 * the reports.
 */
public final class MappingIr {
    public static final IrKind<PartitionedNetwork> PARTITIONED = IrKind.of("partitioned", PartitionedNetwork.class,
            p -> MappingVerifier.verify(p.network(), p.partition()).problems(),
            p -> dump(p.partition(), null));
    public static final IrKind<MappedNetwork> MAPPED = IrKind.of("mapped", MappedNetwork.class,
            m -> MappingVerifier.verify(m.network(), m.partition(), m.placement()).problems(),
            m -> dump(m.partition(), m.placement()));

    private MappingIr() {
    }

    /** Summary, then one line per core: its slices, its place and its utilization table. */
    static String dump(Partition partition, Placement placement) {
        StringBuilder out = new StringBuilder(partition.summary());
        if (placement != null) {
            out.append(placement.summary());
        }
        for (int c = 0; c < partition.coreCount(); c++) {
            out.append(String.format(Locale.ROOT, "core %d", c));
            if (placement != null) {
                out.append(String.format(Locale.ROOT, " @ chip %d core %d", placement.chipOf(c), placement.coreOnChip(c)));
            }
            out.append(": ").append(partition.slices(c)).append(' ').append(partition.utilization(c).rows()).append('\n');
        }
        for (Violation v : partition.violations()) {
            out.append(v).append('\n');
        }
        if (placement != null) {
            for (Violation v : placement.violations()) {
                out.append(v).append('\n');
            }
        }
        return out.toString();
    }
}
