package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.mapping.MappingVerifier;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.pass.IrKind;
import java.util.List;

/**
 * A partitioned network with every core on a (chip, core) slot of the mesh (stage 6).
 *
 * @param partitioned the partitioned network
 * @param placement where each core sits
 */
public record Loihi1Placed(Loihi1Partitioned partitioned, Placement placement) {
    /**
     * Verified by checking that no two cores share a slot, the chip count and traffic x hops
     * ({@link MappingVerifier#verifyPlacement}); the partition was verified after its own pass.
     */
    public static final IrKind<Loihi1Placed> KIND = IrKind.of("loihi1-placed", Loihi1Placed.class,
            Loihi1Placed::verify, p -> p.placement().summary());

    public Loihi1Placed {
        requireNonNull(partitioned, "partitioned is null");
        requireNonNull(placement, "placement is null");
    }

    private List<String> verify() {
        return MappingVerifier.verifyPlacement(partitioned.lowering().network(), partitioned.partition(), placement);
    }
}
