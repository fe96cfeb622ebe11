package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.model.NeuronModel;
import java.util.Optional;

/**
 * A cell type as analysis resolved it.
 *
 * @param model the built-in model it is based on; empty if that name was unknown (reported)
 * @param body what its body bound and the receptors it expresses
 */
record CelltypeInfo(CelltypeDecl decl, Optional<NeuronModel> model, BodyChecker.Result body) {
    CelltypeInfo {
        requireNonNull(decl, "decl is null");
        requireNonNull(model, "model is null");
        requireNonNull(body, "body is null");
    }

    String name() {
        return decl.name().name();
    }
}
