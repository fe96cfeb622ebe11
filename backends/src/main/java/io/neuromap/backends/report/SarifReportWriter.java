package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.source.SourceSpan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.sarif}: the violations as a SARIF 2.1.0 log (OASIS), so that editors and
 * code-scanning UIs show each one at its DSL line. One run; {@code tool.driver} names neuromap
 * and lists one {@code reportingDescriptor} per rule violated; each violation is one
 * {@code result} with its rule, level, message, location and, in {@code properties}, the
 * resource, demand ({@code actual}), capacity ({@code limit}), unit and fix.
 *
 * <p>Locations: a file the user named by a relative path, or an absolute path under the source
 * root, gets a relative {@code uri} with {@code uriBaseId} {@value #SRCROOT} (the directory the
 * compile ran in), which keeps the log independent of where the project sits on disk; any other
 * file gets an absolute {@code file:} URI. Regions use 1-based lines and columns with an
 * exclusive end column, in UTF-16 code units ({@code columnKind} {@code utf16CodeUnits}), which
 * is how {@link SourceSpan} counts.
 *
 * <p>A SARIF {@code fix} needs concrete text replacements, which a hardware fix ("split the
 * population") has not; the fix is therefore a sentence in the message and in
 * {@code properties.fix}.
 */
public final class SarifReportWriter implements ReportWriter {
    /** File name in the output directory. */
    public static final String FILE = "report.sarif";
    /** The SARIF version written. */
    public static final String SARIF_VERSION = "2.1.0";
    /** The {@code $schema} of the log: the OASIS schema of SARIF 2.1.0. */
    public static final String SARIF_SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The base id relative artifact URIs are resolved against (the compile's working directory). */
    public static final String SRCROOT = "%SRCROOT%";
    /** Where users read about neuromap's rules: the target sheets. */
    public static final String INFORMATION_URI = "https://github.com/neuromap/neuromap/blob/main/docs/targets.md";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private final Path sourceRoot;

    /** A writer resolving absolute paths against the current working directory. */
    public SarifReportWriter() {
        this(Path.of("").toAbsolutePath());
    }

    /** A writer that makes paths under {@code sourceRoot} relative to it ({@value #SRCROOT}). */
    public SarifReportWriter(Path sourceRoot) {
        this.sourceRoot = requireNonNull(sourceRoot, "sourceRoot is null").toAbsolutePath().normalize();
    }

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(CompileReport report, OutputStream out) throws IOException {
        byte[] bytes = PRETTY.writeValueAsBytes(log(report));
        out.write(bytes);
        out.write('\n');
    }

    /** The SARIF log as a JSON tree. */
    public ObjectNode log(CompileReport r) {
        requireNonNull(r, "r is null");
        ObjectNode log = MAPPER.createObjectNode();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", SARIF_VERSION);
        ObjectNode run = log.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "neuromap");
        driver.put("version", r.toolVersion());
        driver.put("informationUri", INFORMATION_URI);
        List<String> ruleIds = r.violatedRuleIds();
        ArrayNode rules = driver.putArray("rules");
        for (String id : ruleIds) {
            rules.add(descriptor(r, id));
        }

        Map<String, Integer> artifactIndex = new LinkedHashMap<>();
        for (String source : r.sources()) {
            artifactIndex.putIfAbsent(source, artifactIndex.size());
        }
        for (Violation v : r.violations()) {
            artifactIndex.putIfAbsent(v.span().file(), artifactIndex.size());
        }
        ArrayNode artifacts = run.putArray("artifacts");
        for (String file : artifactIndex.keySet()) {
            ObjectNode artifact = artifacts.addObject();
            location(artifact.putObject("location"), file);
            if (r.sources().contains(file)) {
                artifact.putArray("roles").add("analysisTarget");
            }
            artifact.put("sourceLanguage", "neuromap");
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        // The tool ran to completion whether or not the network fits; violations are results.
        invocation.put("executionSuccessful", true);

        ArrayNode results = run.putArray("results");
        for (Violation v : r.violations()) {
            results.add(result(v, ruleIds.indexOf(v.ruleId()), artifactIndex.get(v.span().file())));
        }
        run.put("columnKind", "utf16CodeUnits");
        ObjectNode properties = run.putObject("properties");
        properties.put("target", r.target());
        properties.put("system", r.system().name());
        properties.put("chips", r.system().chips());
        properties.put("feasible", r.feasible());
        return log;
    }

    private static ObjectNode descriptor(CompileReport r, String id) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("id", id);
        Violation first = r.violations().stream().filter(v -> v.ruleId().equals(id)).findFirst().orElseThrow();
        if (r.rule(id).isPresent()) {
            RuleInfo info = r.rule(id).get();
            d.put("name", info.name());
            d.putObject("shortDescription").put("text", info.summary());
            d.putObject("help").put("text", info.help());
        } else {
            // No description from the target: say what the limit is on and how the first violation is fixed.
            d.putObject("shortDescription").put("text", "Limit on " + first.resource() + ".");
            d.putObject("help").put("text", first.fix());
        }
        d.putObject("defaultConfiguration").put("level", level(first.severity()));
        return d;
    }

    private ObjectNode result(Violation v, int ruleIndex, int artifact) {
        ObjectNode result = MAPPER.createObjectNode();
        result.put("ruleId", v.ruleId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(v.severity()));
        result.putObject("message").put("text", String.format(java.util.Locale.ROOT,
                "%s (%s: demand %d %s, capacity %d %s). Fix: %s", v.message(), v.resource(), v.actual(), v.unit(),
                v.limit(), v.unit(), v.fix()));
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifactLocation = physical.putObject("artifactLocation");
        location(artifactLocation, v.span().file());
        artifactLocation.put("index", artifact);
        SourceSpan s = v.span();
        ObjectNode region = physical.putObject("region");
        region.put("startLine", s.line());
        region.put("startColumn", s.column());
        region.put("endLine", s.endLine());
        region.put("endColumn", s.endColumn());
        region.put("charOffset", s.start());
        region.put("charLength", s.end() - s.start());
        ObjectNode properties = result.putObject("properties");
        properties.put("resource", v.resource());
        properties.put("actual", v.actual());
        properties.put("limit", v.limit());
        properties.put("unit", v.unit());
        properties.put("fix", v.fix());
        return result;
    }

    private void location(ObjectNode node, String file) {
        String relative = relative(file);
        if (relative != null) {
            node.put("uri", encode(relative));
            node.put("uriBaseId", SRCROOT);
        } else {
            node.put("uri", Path.of(file).toUri().toASCIIString());
        }
    }

    /** The file's path relative to the source root with {@code /} separators, or null when it is outside. */
    private String relative(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return file.replace('\\', '/');
        }
        if (path.isAbsolute()) {
            Path normal = path.normalize();
            if (!normal.startsWith(sourceRoot)) {
                return null;
            }
            path = sourceRoot.relativize(normal);
        } else {
            path = path.normalize();
        }
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /** Percent-encodes everything in a relative path but RFC 3986 unreserved characters and {@code /}. */
    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '_' || c == '~' || c == '/';
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** SARIF's {@code level} for a severity. */
    static String level(Severity severity) {
        switch (severity) {
            case ERROR:
                return "error";
            case WARNING:
                return "warning";
            case NOTE:
                return "note";
            default:
                throw new IllegalArgumentException("unknown severity " + severity);
        }
    }
}
