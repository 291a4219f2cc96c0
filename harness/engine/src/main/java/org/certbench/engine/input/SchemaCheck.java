package org.certbench.engine.input;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a {@link YamlDocument} against one of certbench's JSON Schemas and turns each error into an
 * {@link InputProblem} that names line, column and field, and for a misspelt key suggests the nearest
 * valid one.
 *
 * <pre>{@code
 * List<InputProblem> problems = SchemaCheck.DEVICE_PROFILE.check(YamlDocument.read(path));
 * }</pre>
 */
public final class SchemaCheck {

    /** {@code device-profiles/schema/device-profile.schema.json}. */
    public static final SchemaCheck DEVICE_PROFILE = new SchemaCheck("device-profile.schema.json");
    /** {@code lab-setup/schema/bench.schema.json}. */
    public static final SchemaCheck BENCH = new SchemaCheck("bench.schema.json");

    private final JsonNode schemaJson;
    private final Schema schema;

    private SchemaCheck(String resource) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is missing from the engine jar");
            }
            this.schemaJson = JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson);
    }

    /** Every schema violation in the document, in file order; empty when it is valid. */
    public List<InputProblem> check(YamlDocument document) {
        List<InputProblem> problems = new ArrayList<>();
        List<Error> errors;
        try {
            errors = schema.validate(document.root());
        } catch (RuntimeException e) {
            // The validator's own failure on a value it cannot handle is still the input's problem, never a stack trace.
            return List.of(InputProblem.ofFile(document.file(), "cannot be checked against its schema: " + e.getMessage()));
        }
        for (Error error : errors) {
            problems.add(toProblem(document, error));
        }
        problems.sort(Comparator.comparingInt(InputProblem::line).thenComparingInt(InputProblem::column));
        return problems.stream().distinct().toList();
    }

    private InputProblem toProblem(YamlDocument document, Error error) {
        String pointer = pointer(error.getInstanceLocation());
        String keyword = String.valueOf(error.getKeyword());
        String property = error.getProperty();
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties" -> {
                String child = pointer + "/" + escape(property);
                String message = "unknown key '" + property + "'"
                        + suggestion(property, allowedKeys(error)).map(s -> "; did you mean '" + s + "'?").orElse("");
                return document.problemAt(child, true, message);
            }
            case "required" -> {
                return document.problemAt(pointer, false, "missing required key '" + property + "'");
            }
            case "propertyNames" -> {
                String described = describe(error).orElse("a name of the right form");
                return document.problemAt(pointer, false, "key is not " + described);
            }
            case "enum" -> {
                return document.problemAt(pointer, false, "must be one of " + enumValues(error.getSchemaNode()));
            }
            case "const" -> {
                return document.problemAt(pointer, false, "must be " + error.getSchemaNode());
            }
            case "pattern" -> {
                return document.problemAt(pointer, false,
                        "'" + error.getInstanceNode().asString() + "' is not " + describe(error).orElse("of the expected form"));
            }
            case "type" -> {
                return document.problemAt(pointer, false, "expected " + error.getSchemaNode().toString().replace("\"", "")
                        + ", found " + kind(error.getInstanceNode()) + describe(error).map(d -> " (" + d + ")").orElse(""));
            }
            default -> {
                String message = error.getMessage();
                int colon = message.indexOf(": ");
                return document.problemAt(pointer, false, message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message);
            }
        }
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        if (node.isString()) {
            return "text '" + node.asString() + "'";
        }
        if (node.isNumber()) {
            return "number " + node;
        }
        if (node.isBoolean()) {
            return "boolean " + node;
        }
        return node.isArray() ? "a list" : "a map";
    }

    private static String enumValues(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.asString()));
        return String.join(", ", names);
    }

    /** The description of the schema node that holds the failing keyword, if it has one. */
    private Optional<String> describe(Error error) {
        return schemaNodeAt(parentOf(error)).map(n -> n.path("description")).filter(JsonNode::isString).map(JsonNode::asString);
    }

    private List<String> allowedKeys(Error error) {
        List<String> keys = new ArrayList<>();
        schemaNodeAt(parentOf(error)).map(n -> n.path("properties")).filter(JsonNode::isObject)
                .ifPresent(p -> keys.addAll(p.propertyNames()));
        return keys;
    }

    private static String parentOf(Error error) {
        String location = error.getSchemaLocation().getFragment().toString();
        int slash = location.lastIndexOf('/');
        return slash <= 0 ? "" : location.substring(0, slash);
    }

    private Optional<JsonNode> schemaNodeAt(String fragmentPointer) {
        String pointer = fragmentPointer.startsWith("#") ? fragmentPointer.substring(1) : fragmentPointer;
        JsonNode node = pointer.isEmpty() ? schemaJson : schemaJson.at(pointer);
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    /** The allowed key closest to what was typed, when it is close enough to be a typo. */
    static Optional<String> suggestion(String typed, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = distance(typed.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, typed.length() / 3);
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
