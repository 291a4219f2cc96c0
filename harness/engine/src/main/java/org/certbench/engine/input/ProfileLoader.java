package org.certbench.engine.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.certbench.api.Dut;
import org.certbench.api.Feature;
import org.certbench.api.dut.CoapEndpoint;
import org.certbench.api.dut.Credential;
import org.certbench.api.dut.Credentials;
import org.certbench.api.dut.DeclaredPort;
import org.certbench.api.dut.DeviceIdentity;
import org.certbench.api.dut.Ics;
import org.certbench.api.dut.IcsEntry;
import org.certbench.api.dut.Interfaces;
import org.certbench.api.dut.Ixit;
import org.certbench.api.dut.NetworkInterface;
import org.certbench.api.dut.Secret;
import org.certbench.api.dut.ServiceEndpoint;
import org.certbench.api.dut.Support;
import org.certbench.api.dut.Transport;
import org.certbench.api.dut.Uplink;
import tools.jackson.databind.JsonNode;

/**
 * Loads a device profile: YAML, validated against {@code device-profile.schema.json}, then the checks
 * a schema cannot express (duplicate port declarations, a justification for every N and N/A, secret
 * references that resolve), and builds the {@link Dut}. Secret values are never read here.
 *
 * <pre>{@code
 * Dut dut = ProfileLoader.load(Path.of("device-profiles/examples/acme-t1.yaml")).dut();
 * }</pre>
 */
public final class ProfileLoader {

    private ProfileLoader() {
    }

    /** Loads and validates a profile; every problem found is reported at once. */
    public static LoadedProfile load(Path file) throws InvalidInputException {
        YamlDocument document = YamlDocument.read(file);
        List<InputProblem> problems = new ArrayList<>(SchemaCheck.DEVICE_PROFILE.check(document));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        JsonNode root = document.root();
        checkPorts(document, problems);
        checkIcsJustifications(document, problems);
        Path base = file.toAbsolutePath().getParent();
        checkSecrets(document, base, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        JsonNode device = root.path("device");
        Dut.Builder builder = Dut.builder()
                .identity(new DeviceIdentity(device.path("id").asString(), device.path("manufacturer").asString(),
                        device.path("model").asString(), device.path("firmware").asString()))
                .interfaces(interfaces(root.path("interfaces")))
                .credentials(credentials(root.path("credentials"), base))
                .ics(ics(root.path("ics")))
                .ixit(new Ixit(toMap(root.path("ixit"))))
                .profile(file);
        for (Map.Entry<String, JsonNode> feature : root.path("features").properties()) {
            builder.feature(Feature.fromKey(feature.getKey()).orElseThrow(), feature.getValue().asBoolean());
        }
        return new LoadedProfile(builder.build(), document);
    }

    private static void checkPorts(YamlDocument document, List<InputProblem> problems) {
        Set<String> seen = new HashSet<>();
        JsonNode ports = document.root().path("interfaces").path("network").path("ports");
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String key = port.path("port").asInt() + "/" + port.path("transport").asString();
            if (!seen.add(key)) {
                problems.add(document.problemAt("/interfaces/network/ports/" + i, false, "port " + key + " is declared twice"));
            }
        }
    }

    private static void checkIcsJustifications(YamlDocument document, List<InputProblem> problems) {
        for (Map.Entry<String, JsonNode> standard : document.root().path("ics").properties()) {
            for (Map.Entry<String, JsonNode> row : standard.getValue().properties()) {
                String support = row.getValue().path("support").asString();
                if (!support.equals("yes") && !row.getValue().has("justification")) {
                    problems.add(document.problemAt("/ics/" + standard.getKey() + "/" + row.getKey(), false,
                            "support '" + support + "' needs a justification (ETSI TS 103 701)"));
                }
            }
        }
    }

    private static void checkSecrets(YamlDocument document, Path base, List<InputProblem> problems) {
        for (Map.Entry<String, JsonNode> credential : document.root().path("credentials").properties()) {
            String reference = credential.getValue().path("password").asString();
            String pointer = "/credentials/" + credential.getKey() + "/password";
            if (reference.startsWith("env:") && System.getenv(reference.substring(4)) == null) {
                problems.add(document.problemAt(pointer, false,
                        "environment variable " + reference.substring(4) + " is not set"));
            } else if (reference.startsWith("file:")) {
                Path path = new Secret(reference, base).resolveFile();
                if (!Files.isReadable(path)) {
                    problems.add(document.problemAt(pointer, false, "secret file " + path + " does not exist or is not readable"));
                }
            }
        }
    }

    private static Interfaces interfaces(JsonNode node) {
        NetworkInterface network = null;
        if (node.has("network")) {
            List<DeclaredPort> ports = new ArrayList<>();
            for (JsonNode port : node.path("network").path("ports")) {
                ports.add(new DeclaredPort(port.path("port").asInt(),
                        Transport.valueOf(port.path("transport").asString().toUpperCase(Locale.ROOT)),
                        port.path("service").asString()));
            }
            network = new NetworkInterface(node.path("network").path("host").asString(), ports);
        }
        return new Interfaces(
                network,
                endpoint(node.get("mqtt")),
                node.has("coap")
                        ? new CoapEndpoint(node.path("coap").path("port").asInt(), CoapEndpoint.Security.valueOf(
                                node.path("coap").path("security").asString("none").toUpperCase(Locale.ROOT)))
                        : null,
                endpoint(node.get("http")),
                node.has("serial") ? node.path("serial").path("port").asString() : null,
                node.has("power") ? node.path("power").path("outlet").asString() : null,
                node.has("uplink") ? new Uplink(node.path("uplink").path("protocol").asString(), node.path("uplink").path("tls").asBoolean(false))
                        : null);
    }

    private static ServiceEndpoint endpoint(JsonNode node) {
        return node == null ? null : new ServiceEndpoint(node.path("port").asInt(), node.path("tls").asBoolean(false));
    }

    private static Credentials credentials(JsonNode node, Path base) {
        Map<String, Credential> byName = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            byName.put(entry.getKey(), new Credential(entry.getKey(),
                    value.has("username") ? value.path("username").asString() : null,
                    new Secret(value.path("password").asString(), base)));
        }
        return new Credentials(byName);
    }

    private static Ics ics(JsonNode node) {
        Map<String, Map<String, IcsEntry>> byStandard = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> standard : node.properties()) {
            Map<String, IcsEntry> rows = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> row : standard.getValue().properties()) {
                rows.put(row.getKey(), new IcsEntry(Support.fromKey(row.getValue().path("support").asString()).orElseThrow(),
                        row.getValue().has("justification") ? row.getValue().path("justification").asString() : null));
            }
            byStandard.put(standard.getKey(), rows);
        }
        return new Ics(byStandard);
    }

    /** A JSON tree as plain unmodifiable Java maps, lists and scalars. */
    static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            map.put(entry.getKey(), toJava(entry.getValue()));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Object toJava(JsonNode node) {
        if (node.isObject()) {
            return toMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toJava(item)));
            return java.util.Collections.unmodifiableList(list);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? "" : node.asString();
    }
}
