package org.certbench.engine.input;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certbench.api.Bench;
import tools.jackson.databind.JsonNode;

/**
 * Loads a bench file ({@code certbench-bench: 1}), validated against {@code bench.schema.json}.
 *
 * <pre>{@code
 * Bench bench = BenchLoader.load(Path.of("lab-setup/benches/local.yaml"));
 * }</pre>
 */
public final class BenchLoader {

    private BenchLoader() {
    }

    public static Bench load(Path file) throws InvalidInputException {
        YamlDocument document = YamlDocument.read(file);
        List<InputProblem> problems = SchemaCheck.BENCH.check(document);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        JsonNode root = document.root();
        return new Bench(
                root.path("lab").path("name").asString(),
                root.path("lab").has("accreditation") ? root.path("lab").path("accreditation").asString() : null,
                root.path("harness").path("address").asString(Bench.LOCAL.harnessAddress()),
                root.path("broker").path("kind").asString("embedded").equals("external")
                        ? root.path("broker").path("uri").asString()
                        : root.path("broker").path("kind").asString("embedded"),
                strings(root.path("serial-ports")),
                strings(root.path("outlets")),
                file);
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            map.put(entry.getKey(), entry.getValue().asString());
        }
        return map;
    }
}
