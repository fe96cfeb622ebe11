package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a cell type: it is based on a built-in model (not on another cell type), and its body
 * binds that model's parameters and declares its receptors. Whether the receptors' modulators
 * exist depends on the network that uses the cell type, so that is checked per network.
 */
final class CelltypeChecker {
    private final Diagnostics diagnostics;
    private final BodyChecker bodies;

    CelltypeChecker(Diagnostics diagnostics, BodyChecker bodies) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    /** @param celltypes the names of the other cell types in view, to explain "a cell type is not a model" */
    CelltypeInfo check(CelltypeDecl c, Collection<String> celltypes) {
        String modelName = c.model().name();
        Optional<NeuronModel> model = ModelLibrary.lookup(modelName);
        List<String> models = ModelLibrary.all().stream().map(NeuronModel::name).toList();
        if (model.isEmpty()) {
            String help = celltypes.contains(modelName)
                    ? "a cell type is based on a built-in model (" + String.join(", ", models) + "), not on another cell type: "
                            + "use `" + modelName + "`'s model and copy the bindings you need"
                    : Suggestions.help(modelName, models);
            diagnostics.report(DiagnosticCode.UNKNOWN_MODEL, c.model().span(), "unknown neuron model `" + modelName + "`", help);
        }
        BodyChecker.Result body = bodies.check(BodyChecker.Kind.CELLTYPE, model.map(ParameterSet::of), Map.of(), c.body());
        model.ifPresent(m -> ResetRule.check(m, body.parameters(), body.bindings(), Map.of(), diagnostics));
        return new CelltypeInfo(c, model, body);
    }
}
