package org.certbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input}: broken profiles and bench files, each with the
 * place and message {@code expectations.tsv} says) and generated ones (100 MB, binary garbage, invalid UTF-8,
 * a NUL byte, UTF-16, a folder, a missing file): {@code validate} and {@code run} both exit 3 naming file, line
 * and field, print no stack trace, run nothing, and all of it fits in a 64 MiB heap.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private final Map<Path, String> expected = new LinkedHashMap<>();
    private Path goodProfile;
    private Path goodBench;

    @BeforeEach
    void corpus() throws IOException, URISyntaxException {
        Path root = Path.of(BadInputTest.class.getResource("/bad-input/expectations.tsv").toURI()).getParent();
        for (String line : Files.readAllLines(root.resolve("expectations.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            expected.put(root.resolve(parts[0]), parts[1]);
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(30);

        String profile = """
                certbench: 1
                device: { id: acme-t1-0042, manufacturer: ACME, model: T1 Thermostat, firmware: 2.4.1 }
                interfaces:
                  network:
                    host: 127.0.0.1
                """;
        Path huge = dir.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write(profile.getBytes(StandardCharsets.UTF_8));
            byte[] comment = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100 * 1024; i++) {
                out.write(comment);
            }
        }
        expected.put(huge, ": is 104857");
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        expected.put(Files.write(dir.resolve("garbage.yaml"), garbage), ":1:");
        byte[] latin1 = (profile + "    description: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        expected.put(Files.write(dir.resolve("latin1.yaml"), latin1), ":6:21: is not valid UTF-8");
        expected.put(Files.writeString(dir.resolve("nul.yaml"), profile.replace("host:", "ho\0st:")), ":5:7: contains a NUL byte");
        expected.put(Files.write(dir.resolve("utf16.yaml"), profile.getBytes(StandardCharsets.UTF_16)), ":1:1: is not valid UTF-8");
        expected.put(Files.createDirectories(dir.resolve("folder.yaml")), ": is a directory");
        expected.put(dir.resolve("missing.yaml"), ": no such file");

        goodProfile = Files.writeString(dir.resolve("good.yaml"), profile);
        goodBench = Files.writeString(dir.resolve("good-bench.yaml"), """
                certbench-bench: 1
                lab: { name: test lab }
                harness: { address: 127.0.0.1 }
                broker: { kind: external, uri: "mqtt://127.0.0.1:1" }
                """);
    }

    @Test
    void validateNamesTheFileAndPlaceOfEachBadInputWithExit3AndNoStackTrace() {
        assertThat(CertbenchCliTest.certbench("validate", goodProfile.toString(), goodBench.toString()).exit()).isZero();
        List<String> wrong = new ArrayList<>();
        expected.forEach((file, message) -> {
            CertbenchCliTest.Result result = CertbenchCliTest.certbench("validate", file.toString());
            if (result.exit() != ExitCodes.BAD_INPUT || !result.err().contains(file + message) || stackTrace(result)) {
                wrong.add(file.getFileName() + ": exit " + result.exit() + "\n" + result.out() + result.err());
            }
        });
        assertThat(wrong).as("inputs not refused as expected").isEmpty();
    }

    @Test
    void runRefusesEachBadProfileAndBenchWithExit3BeforeAnythingRuns() {
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<Path, String> entry : expected.entrySet()) {
            Path file = entry.getKey();
            boolean bench = file.getParent().getFileName().toString().equals("benches");
            Path out = dir.resolve("run-" + tried++);
            CertbenchCliTest.Result result = bench
                    ? CertbenchCliTest.certbench("run", "--bench", file.toString(), "--device", goodProfile.toString(), "--out", out.toString(), "--plain")
                    : CertbenchCliTest.certbench("run", "--device", file.toString(), "--out", out.toString(), "--plain");
            if (result.exit() != ExitCodes.BAD_INPUT || !result.err().contains(file.toString()) || stackTrace(result)
                    || Files.exists(out.resolve("ledger.jsonl"))) {
                wrong.add(file.getFileName() + ": exit " + result.exit() + "\n" + result.out() + result.err());
            }
        }
        assertThat(wrong).as("inputs a run did not refuse").isEmpty();
        assertThat(tried).isEqualTo(expected.size());
    }

    @Test
    void theWholeCorpusIsRefusedInA64MibHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx64m", "-XX:-HeapDumpOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), Certbench.class.getName(), "validate"));
        expected.keySet().forEach(f -> command.add(f.toString()));
        Path log = dir.resolve("validate.log");
        Process validate = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A hang guard, not a timing: the corpus is refused in seconds.
        assertThat(validate.waitFor(5, TimeUnit.MINUTES)).as("validate finished").isTrue();
        String output = Files.readString(log);
        assertThat(validate.exitValue()).as(output).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(output).contains("0 valid, " + expected.size() + " invalid").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    private static boolean stackTrace(CertbenchCliTest.Result result) {
        String all = result.out() + result.err();
        return all.contains("\tat ") || all.contains("Exception") || all.contains("Error:");
    }
}
