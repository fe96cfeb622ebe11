package io.neuromap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.source.SourceSpan;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The machine form of diagnostics for editors and CI ({@code check --format json}): one object per
 * diagnostic with its code, severity, span (1-based lines and columns, end column exclusive),
 * message and help ({@code null} when there is none). The field names are a stable interface.
 */
final class DiagnosticJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnosticJson() {
    }

    static String toJson(List<Diagnostic> diagnostics) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Diagnostic d : diagnostics) {
            SourceSpan s = d.span();
            ObjectNode o = array.addObject();
            o.put("code", d.code().id());
            o.put("severity", d.severity().label());
            o.put("file", s.file());
            o.put("line", s.line());
            o.put("column", s.column());
            o.put("endLine", s.endLine());
            o.put("endColumn", s.endColumn());
            o.put("message", d.message());
            o.put("help", d.help().orElse(null));
        }
        try {
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
