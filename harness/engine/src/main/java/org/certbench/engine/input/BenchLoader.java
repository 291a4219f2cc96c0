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
                broker(root.path("broker")),
                strings(root.path("serial-ports")),
                strings(root.path("outlets")),
                file);
    }

    /** The broker as {@link Bench#broker()} spells it: the external URI, or the kind with the embedded broker's ports. */
    private static String broker(JsonNode broker) {
        String kind = broker.path("kind").asString("embedded");
        if (kind.equals("external")) {
            return broker.path("uri").asString();
        }
        StringBuilder ports = new StringBuilder();
        for (String port : List.of("port", "tls-port", "rogue-port")) {
            if (broker.has(port)) {
                ports.append(ports.isEmpty() ? '?' : '&').append(port).append('=').append(broker.path(port).asInt());
            }
        }
        return kind + ports;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            map.put(entry.getKey(), entry.getValue().asString());
        }
        return map;
    }
}
