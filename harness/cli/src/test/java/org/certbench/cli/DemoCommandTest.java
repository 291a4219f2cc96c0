package org.certbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.certbench.lab.virtual.ContainerBench;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code certbench demo}, end to end: the virtual bench inside the JVM and in containers, the
 * verdicts, the signed bundle, no device secret in anything written, and Ctrl-C leaving no container.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    /**
     * A whole campaign in a certbench process of its own, watched from outside: besides the verdicts, no device
     * secret or keystore password (raw, hex, Base64, as an HTTP basic credential) is in anything it wrote or
     * printed, nor in any command line on the machine while it ran.
     */
    @Test
    void onTheInJvmBenchTheFlawedDeviceFailsItsUndeclaredDebugPortAndTheSecureOnePasses() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("demo.log");
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Certbench.class.getName(),
                "demo", "--in-jvm", "--dir", dir.resolve("demo").toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        StringBuilder commandLines = new StringBuilder();
        int samples = 0;
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            commandLines.append(new String(new ProcessBuilder("ps", "-eo", "args", "--no-headers").start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
            samples++;
        }
        String output = Files.readString(log);
        CertbenchCliTest.Result demo = new CertbenchCliTest.Result(process.exitValue(), output, "");
        assertThat(samples).as("the process list was watched while the demo ran").isGreaterThan(10);
        assertThat(commandLines).contains(Certbench.class.getName());
        dir = dir.resolve("demo"); // the demo's folder, inside the temporary one, holds its keys, bench and runs
        assertThat(demo.exit()).as(demo.out() + demo.err()).isEqualTo(ExitCodes.PASS);
        assertThat(demo.out()).contains("inside this JVM").contains("verified: ").contains("report.html");
        for (String secret : secretForms(dir)) {
            assertThat(output).as("the demo's output").doesNotContain(secret);
            assertThat(commandLines.toString()).as("a command line while the demo ran").doesNotContain(secret);
        }
        JsonNode report = onlyReport();
        assertThat(overall(report, "virtual-secure", "standards", "etsi-en-303-645")).isEqualTo("PASS");
        assertThat(overall(report, "virtual-secure", "schemes", "uk-psti")).isEqualTo("PASS");
        // NISTIR 8259A's rollback check needs a person to load an older image: the demo leaves it undecided.
        assertThat(overall(report, "virtual-secure", "schemes", "nistir-8259a")).isEqualTo("INCONCLUSIVE");
        assertThat(overall(report, "virtual-flawed")).isEqualTo("FAIL");
        assertThat(report.toString()).contains("127.0.10.2 not declared in the IXIT (interfaces.network.ports): [9999]");
        assertNoDeviceSecretIn(dir);
    }

    @Test
    void inContainersTheDevicesAreHostsOfTheirOwnAndNothingIsLeftRunning() throws IOException {
        Tools.requireThat(ContainerBench.engineReachable() && ContainerBench.imagePresent(),
                "no container engine with " + ContainerBench.IMAGE + " (run lab-setup/install.sh and export what it prints)");
        CertbenchCliTest.Result demo = CertbenchCliTest.certbench("demo", "--dir", dir.toString());
        assertThat(demo.exit()).as(demo.out() + demo.err()).isEqualTo(ExitCodes.PASS);
        assertThat(demo.out()).contains("in containers");
        JsonNode report = onlyReport();
        assertThat(overall(report, "virtual-secure", "standards", "etsi-en-303-645")).isEqualTo("PASS");
        assertThat(overall(report, "virtual-secure", "schemes", "uk-psti")).isEqualTo("PASS");
        // NISTIR 8259A's rollback check needs a person to load an older image: the demo leaves it undecided.
        assertThat(overall(report, "virtual-secure", "schemes", "nistir-8259a")).isEqualTo("INCONCLUSIVE");
        assertThat(overall(report, "virtual-flawed")).isEqualTo("FAIL");
        assertThat(report.toString()).containsPattern("open TCP ports on (?!127\\.)[0-9.]+ not declared in the IXIT \\(interfaces.network.ports\\): \\[9999\\]");
        assertNoDeviceSecretIn(dir);
        assertThat(deviceContainers()).isZero();
    }

    @Test
    void ctrlCInTheMiddleStopsTheDevicesItStarted() throws Exception {
        Tools.requireThat(ContainerBench.engineReachable() && ContainerBench.imagePresent(),
                "no container engine with " + ContainerBench.IMAGE + " (run lab-setup/install.sh and export what it prints)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process demo = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Certbench.class.getName(), "demo",
                "--dir", dir.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("certbench: campaign in")) {
                    assertThat(deviceContainers()).as("the demo's devices run").isEqualTo(2);
                    new ProcessBuilder("kill", "-INT", String.valueOf(demo.pid())).start().waitFor();
                }
            }
        }
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as(String.join("\n", lines)).isTrue();
        assertThat(lines).anyMatch(l -> l.startsWith("certbench: campaign in"));
        assertThat(deviceContainers()).as("containers left after Ctrl-C").isZero();
    }

    private JsonNode onlyReport() throws IOException {
        try (Stream<Path> reports = Files.walk(dir.resolve("runs"))) {
            List<Path> found = reports.filter(p -> p.getFileName().toString().equals("report.json")).toList();
            assertThat(found).hasSize(1);
            return JsonMapper.builder().build().readTree(found.get(0).toFile());
        }
    }

    /** The overall verdict of one of the device's standards or schemes. */
    private static String overall(JsonNode report, String device, String kind, String id) {
        for (JsonNode d : report.path("devices")) {
            for (JsonNode item : d.path(kind)) {
                if (d.path("id").asString().equals(device) && item.path("id").asString().equals(id)) {
                    return item.path("overall").asString();
                }
            }
        }
        throw new AssertionError("no " + kind + " " + id + " for device " + device + " in the report");
    }

    private static String overall(JsonNode report, String device) {
        for (JsonNode d : report.path("devices")) {
            if (d.path("id").asString().equals(device)) {
                return d.path("overall").asString();
            }
        }
        throw new AssertionError("no device " + device + " in the report");
    }

    /**
     * The devices' own secrets (owner passwords, PSKs) and the keystore password under {@code root}, each as
     * itself, in hex, in Base64 and as the owner's HTTP basic credential: the forms a transcript or a header
     * would carry it in.
     */
    static List<String> secretForms(Path root) throws IOException {
        List<String> secrets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".owner") || name.endsWith(".psk") || name.equals("keystore-password")) {
                    secrets.add(Files.readString(file).trim());
                }
            }
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(5);
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            forms.add(secret);
            forms.add(java.util.HexFormat.of().formatHex(bytes));
            forms.add(java.util.HexFormat.of().withUpperCase().formatHex(bytes));
            forms.add(java.util.Base64.getEncoder().encodeToString(bytes));
            forms.add(java.util.Base64.getEncoder().encodeToString(("owner:" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return forms;
    }

    /** No secret, in any of its forms, in a file the runs wrote (the zip's entries are the folder's files). */
    private void assertNoDeviceSecretIn(Path root) throws IOException {
        List<String> secrets = secretForms(root);
        try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(text).as(file.toString()).doesNotContain(secret);
                }
            }
        }
    }

    private static long deviceContainers() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(ContainerBench.LABEL, "true")).exec().size();
    }
}
