package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.ProjectionDecl;
import java.util.Optional;

/**
 * A projection as analysis resolved it.
 *
 * @param name the declared name or {@code pre_to_post}
 * @param pre empty if the pre population is unknown (reported)
 * @param post empty if the post population is unknown (reported)
 * @param plastic true if it has a known plasticity rule
 */
record ProjectionInfo(ProjectionDecl decl, String name, Optional<ResolvedEndpoint> pre, Optional<ResolvedEndpoint> post,
        boolean plastic) {
    ProjectionInfo {
        requireNonNull(decl, "decl is null");
        requireNonNull(name, "name is null");
        requireNonNull(pre, "pre is null");
        requireNonNull(post, "post is null");
    }
}
