package io.neuromap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuromap.backends.report.RuleInfo;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code neuromap targets --json}: the list of targets as an array of {@code {name, status,
 * summary}}, or one target's sheet as an object with {@code limits}, {@code systems},
 * {@code models} and {@code rules} arrays. The field names are a stable interface
 * (docs/targets.md).
 */
final class TargetsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TargetsJson() {
    }

    static String list(List<TargetSheet.Entry> entries) {
        ArrayNode array = MAPPER.createArrayNode();
        for (TargetSheet.Entry e : entries) {
            ObjectNode o = array.addObject();
            o.put("name", e.name());
            o.put("status", e.status());
            o.put("summary", e.summary());
        }
        return write(array);
    }

    static String sheet(TargetSheet s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", s.name());
        root.put("status", s.status());
        root.put("summary", s.summary());
        ArrayNode limits = root.putArray("limits");
        for (TargetSheet.Limit l : s.limits()) {
            ObjectNode o = limits.addObject();
            o.put("group", l.group());
            o.put("name", l.name());
            o.put("value", l.value());
            o.put("unit", l.unit());
            o.put("source", l.source());
        }
        ArrayNode systems = root.putArray("systems");
        for (TargetSheet.SystemRow r : s.systems()) {
            ObjectNode o = systems.addObject();
            o.put("name", r.name());
            o.put("chips", r.chips());
            o.put("source", r.source());
        }
        ArrayNode models = root.putArray("models");
        for (TargetSheet.ModelRow m : s.models()) {
            ObjectNode o = models.addObject();
            o.put("model", m.model());
            o.put("runs", m.runs());
            o.put("how", m.how());
        }
        ArrayNode rules = root.putArray("rules");
        for (RuleInfo r : s.rules()) {
            ObjectNode o = rules.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            o.put("summary", r.summary());
            o.put("help", r.help());
        }
        return write(root);
    }

    private static String write(Object tree) {
        try {
            // Indented output uses the platform's line separator; the interface promises \n.
            return MAPPER.writeValueAsString(tree).replace(System.lineSeparator(), "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
