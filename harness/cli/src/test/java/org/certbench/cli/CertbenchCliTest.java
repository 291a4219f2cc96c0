package org.certbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.certbench.probes.testing.NamespaceHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertbenchCliTest {

    private static NamespaceHost device;

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result certbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Certbench.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void startDevice() {
        device = NamespaceHost.create();
        device.listenTcp(443, 9999);
    }

    @AfterAll
    static void stopDevice() {
        if (device != null) {
            device.close();
        }
    }

    private Path profile(String name, String ports) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                certbench: 1
                device: { id: acme-t1-0042, manufacturer: ACME, model: T1 Thermostat, firmware: 2.4.1 }
                interfaces:
                  network:
                    host: %s
                    ports:
                      - { port: 443, transport: tcp, service: https }
                %s
                ics:
                  etsi-en-303-645:
                    5.6-1: { support: yes }
                """.formatted(device.address(), ports));
        return file;
    }

    @Test
    void anUndeclaredPortFails561WithExit1AndIsNamedThenDeclaringItPassesWithExit0() throws Exception {
        Path undeclared = profile("undeclared.yaml", "");
        Result failed = certbench("run", "--device", undeclared.toString(), "--provision", "5.6-1", "--assessment", "functional",
                "--out", dir.resolve("run-1").toString(), "--plain");

        assertThat(failed.exit()).as(failed.err()).isEqualTo(ExitCodes.FAIL);
        assertThat(failed.out()).contains("[acme-t1-0042 1/1] 5.6-1-2    FAIL")
                .contains("not declared in the IXIT (interfaces.network.ports): [9999]")
                .containsPattern("acme-t1-0042 +etsi-en-303-645 +FAIL");
        assertThat(dir.resolve("run-1/ledger.jsonl")).exists();

        Path declared = profile("declared.yaml", "      - { port: 9999, transport: tcp, service: vendor-debug }");
        Result passed = certbench("run", "--device", declared.toString(), "--standard", "etsi-en-303-645", "--provision", "5.6-1", "--assessment", "functional",
                "--out", dir.resolve("run-2").toString(), "--plain");

        assertThat(passed.exit()).as(passed.out() + passed.err()).isEqualTo(ExitCodes.PASS);
        assertThat(passed.out()).containsPattern("acme-t1-0042 +etsi-en-303-645 +PASS +1 +0 +0 +0 +0");
    }

    @Test
    void oneCaseCanBeSelectedByUniqueId() throws Exception {
        Path declared = profile("select.yaml", "      - { port: 9999, transport: tcp, service: vendor-debug }");
        Result result = certbench("run", "--device", declared.toString(), "--plain", "--out", dir.resolve("run").toString(),
                "--select", "[engine:certbench]/[device:acme-t1-0042]/[standard:etsi-en-303-645]/[provision:5.6-1]/[case:5.6-1-2]");

        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.PASS);
        assertThat(result.out()).contains("[acme-t1-0042 1/1] 5.6-1-2    PASS");
    }

    @Test
    void validateNamesFileLineColumnAndFieldOfABrokenProfileWithExit3() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                certbench: 1
                device: { id: acme-t1-0042, manufacturer: ACME, model: T1, firmware: "1" }
                interfaces:
                  network:
                    host: 10.0.0.2
                    ports:
                      - { port: 70000, transport: tcp, service: https }
                credentials:
                  owner: { usernme: owner, password: env:NOPE_NOT_SET_ANYWHERE }
                """);
        Result result = certbench("validate", broken.toString());

        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains(broken + ":7:17: interfaces.network.ports[0].port: ")
                .contains(broken + ":9:12: credentials.owner.usernme: unknown key 'usernme'; did you mean 'username'?")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).contains("0 valid, 1 invalid");
    }

    @Test
    void validateAcceptsAGoodProfileAndRejectsAFileOfAnotherKind() throws Exception {
        Result ok = certbench("validate", profile("good.yaml", "").toString());
        assertThat(ok.exit()).as(ok.err()).isEqualTo(ExitCodes.PASS);
        assertThat(ok.out()).contains("device profile of acme-t1-0042");

        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "name: not ours\n");
        Result bad = certbench("validate", other.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("not a certbench file");
    }

    @Test
    void runRefusesBadInputWithExit3BeforeTouchingAnyDevice() throws Exception {
        Result missing = certbench("run", "--device", dir.resolve("nope.yaml").toString(), "--out", dir.resolve("a").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nope.yaml: no such file").contains("nothing was run");
        assertThat(dir.resolve("a/ledger.jsonl")).doesNotExist();

        Result unknown = certbench("run", "--device", profile("p.yaml", "").toString(), "--standard", "iso-9999",
                "--out", dir.resolve("b").toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown standard 'iso-9999'");

        Result badTimeout = certbench("run", "--device", profile("q.yaml", "").toString(), "--timeout", "soon",
                "--out", dir.resolve("c").toString());
        assertThat(badTimeout.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badTimeout.err()).contains("certbench.timeout.default").contains("'soon' is not a duration");

        Result usage = certbench("run", "--device", "x.yaml", "--devise", "y.yaml");
        assertThat(usage.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(usage.err()).contains("Unknown option: '--devise'");
    }

    @Test
    void anOutputFolderThatHoldsARunOrCannotBeWrittenIsRefused() throws Exception {
        Path used = dir.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("ledger.jsonl"), "");
        Result again = certbench("run", "--device", profile("r.yaml", "").toString(), "--out", used.toString());
        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("already holds a run");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result unwritable = certbench("run", "--device", profile("s.yaml", "").toString(), "--out", file.resolve("sub").toString());
        assertThat(unwritable.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unwritable.err()).contains("cannot write the output folder");
    }

    @Test
    void listShowsEveryProvisionWithItsStatusAndTheCasesThatAutomateIt() {
        Result list = certbench("list", "--standard", "etsi-en-303-645");

        assertThat(list.exit()).isEqualTo(ExitCodes.PASS);
        assertThat(list.out()).containsPattern("78 provisions, [1-9][0-9]* with a functional case, [1-9][0-9]* cases")
                .containsPattern("5\\.2-2 +R +recommended +Act on vulnerabilities promptly +\\[conceptual only\\]")
                .containsPattern("5\\.2-2-1 +conceptual +the IXIT design meets the provision \\(assessor\\)")
                .containsPattern("5\\.6-1-2 +functional +every open TCP port is declared");
        assertThat(certbench("list", "--standard", "nope").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aSignedRunVerifiesAndAChangedEvidenceFileDoesNot() throws Exception {
        Path passwordFile = dir.resolve("password");
        String password = "kp-" + Long.toHexString(System.nanoTime());
        Files.writeString(passwordFile, password + "\n");
        Result keys = certbench("keys", "init", "--out", dir.resolve("keys").toString(), "--password-file", passwordFile.toString());
        assertThat(keys.exit()).as(keys.err()).isEqualTo(ExitCodes.PASS);

        Path out = dir.resolve("signed-run");
        Result run = certbench("run", "--device", profile("sign.yaml", "").toString(), "--provision", "5.6-1", "--assessment", "functional", "--plain", "--out", out.toString(),
                "--sign-with", dir.resolve("keys/lab-signing.p12").toString(), "--password-file", passwordFile.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.FAIL);
        assertThat(run.out()).contains("Signed:   ");
        org.certbench.reports.Report report = org.certbench.reports.Report.read(out.resolve("report.json"));
        assertThat(report.devices()).singleElement().satisfies(device -> {
            assertThat(device.overall()).isEqualTo(org.certbench.api.Verdict.FAIL);
            assertThat(device.standards().get(0).provisions().get(0).cases().get(0).findings()).extracting(f -> f.id())
                    .containsExactly("tcp-443", "tcp-9999");
        });
        assertThat(report.rollUpProblems()).isEmpty();

        String ca = dir.resolve("keys/lab-ca.pem").toString();
        Result verified = certbench("verify", out.toString(), "--ca", ca);
        assertThat(verified.exit()).as(verified.out()).isEqualTo(ExitCodes.PASS);
        assertThat(verified.out()).contains("NOT FOR CERTIFICATION");

        Path evidence;
        try (var files = Files.walk(out.resolve("evidence"))) {
            evidence = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.writeString(evidence, Files.readString(evidence).replace("9999", "9998"));
        Result tampered = certbench("verify", out.toString(), "--ca", ca);
        assertThat(tampered.exit()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(tampered.out()).contains("changed (its SHA-256 differs from the manifest)");
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(passwordFile)).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(password);
            }
        }
    }

    @Test
    void aRunWritesTheWholeBundleWithNoSecretInItAndAlluresOwnGeneratorReadsIt() throws Exception {
        String profileSecret = System.getenv("CERTBENCH_TEST_SECRET");
        assertThat(profileSecret).as("set by the pom for the tests").isNotBlank();
        Path passwordFile = dir.resolve("password");
        String password = "kp-" + Long.toHexString(System.nanoTime());
        Files.writeString(passwordFile, password + "\n");
        certbench("keys", "init", "--out", dir.resolve("keys").toString(), "--password-file", passwordFile.toString());
        Path profile = dir.resolve("with-secret.yaml");
        Files.writeString(profile, Files.readString(profile("base.yaml", "")) + """
                credentials:
                  owner: { username: owner, password: env:CERTBENCH_TEST_SECRET }
                """);

        Path out = dir.resolve("bundle");
        Result run = certbench("run", "--device", profile.toString(), "--provision", "5.6-1", "--assessment", "functional", "--plain", "--out", out.toString(),
                "--sign-with", dir.resolve("keys/lab-signing.p12").toString(), "--password-file", passwordFile.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.FAIL);

        // report.json: valid against its schema, and carrying what a reviewer needs besides the verdicts.
        assertThat(org.certbench.reports.ReportSchema.check(out.resolve("report.json"))).isEmpty();
        org.certbench.reports.Report report = org.certbench.reports.Report.read(out.resolve("report.json"));
        assertThat(report.tools()).containsKeys("certbench", "java", "os", "bcprov-jdk18on", "hivemq-mqtt-client");
        assertThat(report.suites()).singleElement().satisfies(suite -> {
            assertThat(suite.standard()).isEqualTo("etsi-en-303-645");
            assertThat(suite.codeSha256()).matches("[0-9a-f]{64}");
        });
        assertThat(report.bench().check()).extracting(c -> c.kind() + " " + c.status()).containsExactly("broker NOT_CHECKED");
        org.certbench.reports.Report.Device device = report.devices().get(0);
        assertThat(device.profile().sha256()).isEqualTo(org.certbench.engine.ledger.Digests.sha256(profile));
        assertThat(device.profile().content().at("/credentials/owner/password").asString()).isEqualTo("env:CERTBENCH_TEST_SECRET");
        assertThat(device.profile().ics().at("/etsi-en-303-645/5.6-1/support").asString()).isEqualTo("yes");

        assertThat(Files.readString(out.resolve("report.html"))).contains("acme-t1-0042").contains("5.6-1-2");
        assertThat(Files.readString(out.resolve("open-test-reporting/open-test-report.xml"))).contains("[case:5.6-1-2]");
        java.util.List<Path> allure;
        try (var files = Files.list(out.resolve("allure-results"))) {
            allure = files.filter(f -> f.toString().endsWith("-result.json")).toList();
        }
        assertThat(allure).as("one result per case; findings are steps, not tests").hasSize(1);
        tools.jackson.databind.JsonNode result = tools.jackson.databind.json.JsonMapper.shared().readTree(allure.get(0).toFile());
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        result.get("labels").forEach(l -> labels.put(l.get("name").asString(), l.get("value").asString()));
        assertThat(labels).containsEntry("parentSuite", "etsi-en-303-645").containsEntry("suite", "acme-t1-0042")
                .containsEntry("subSuite", "5.6-1").containsEntry("severity", "critical");
        assertThat(result.get("status").asString()).isEqualTo("failed");
        java.util.List<String> steps = new java.util.ArrayList<>();
        result.get("steps").forEach(step -> steps.add(step.get("name").asString()));
        assertThat(steps).anyMatch(n -> n.startsWith("tcp-9999"));
        assertThat(result.get("attachments").size()).isPositive();
        result.get("attachments").forEach(a -> assertThat(out.resolve("allure-results").resolve(a.get("source").asString())).isRegularFile());

        Path zip = dir.resolve("bundle.zip");
        assertThat(run.out()).contains("Bundle:   " + zip);
        Result verified = certbench("verify", zip.toString(), "--ca", dir.resolve("keys/lab-ca.pem").toString());
        assertThat(verified.exit()).as(verified.out()).isEqualTo(ExitCodes.PASS);

        Result allureHtml = certbench("report", "allure", zip.toString(), "--out", dir.resolve("allure-html").toString());
        assertThat(allureHtml.exit()).as(allureHtml.err()).isEqualTo(ExitCodes.PASS);
        assertThat(Files.size(dir.resolve("allure-html/index.html"))).isGreaterThan(100_000);
        assertThat(Files.readString(dir.resolve("allure-html/index.html"))).doesNotContainPattern("<script[^>]+src=\"https?://");

        // No secret of the profile, nor the keystore password, in any file of the bundle, its zip (unpacked) or the output.
        Path unpacked = org.certbench.reports.BundleZip.extract(zip, dir.resolve("unpacked"));
        for (Path root : java.util.List.of(out, unpacked)) {
            try (var files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(text).as(file.toString()).doesNotContain(profileSecret).doesNotContain(password);
                }
            }
        }
        assertThat(run.out() + run.err() + verified.out()).doesNotContain(profileSecret).doesNotContain(password);
    }

    @Test
    void benchCheckNamesADeadResourceWithExit1() throws Exception {
        int closed = org.certbench.probes.testing.Tools.freePort();
        try (java.net.ServerSocket ser2net = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Path bench = dir.resolve("bench.yaml");
            Files.writeString(bench, """
                    certbench-bench: 1
                    lab: { name: test lab, accreditation: ISO/IEC 17025 0000.00 }
                    harness: { address: 127.0.0.1 }
                    broker: { kind: embedded }
                    serial-ports:
                      console: /dev/null
                      unplugged: /dev/ttyUSB-certbench-test-missing
                      remote-ok: telnet://127.0.0.1:%d
                      remote-dead: telnet://127.0.0.1:%d
                    outlets:
                      plug-b: "manual:"
                    """.formatted(ser2net.getLocalPort(), closed));

            Result check = certbench("bench", "check", bench.toString(), "--timeout", "2s");

            assertThat(check.exit()).as(check.out() + check.err()).isEqualTo(ExitCodes.FAIL);
            assertThat(check.out()).contains("dead: remote-dead, unplugged");
            assertThat(check.out()).containsPattern("console +serial +OK")
                    .containsPattern("remote-ok +serial +OK")
                    .containsPattern("unplugged +serial +DEAD .*does not exist")
                    .containsPattern("remote-dead +serial +DEAD .*127.0.0.1:" + closed)
                    .containsPattern("plug-b +outlet +NOT_CHECKED");

            // The same check runs before a campaign: the summary names the dead resource, the report keeps it.
            Path out = dir.resolve("with-bench");
            Result run = certbench("run", "--device", profile("bench-run.yaml", "").toString(), "--bench", bench.toString(), "--plain",
                    "--out", out.toString());
            assertThat(run.out()).contains("Bench:    serial remote-dead (telnet://127.0.0.1:" + closed + ") did not answer before the run");
            org.certbench.reports.Report report = org.certbench.reports.Report.read(out.resolve("report.json"));
            assertThat(report.bench().accreditation()).isEqualTo("ISO/IEC 17025 0000.00");
            assertThat(report.bench().sha256()).isEqualTo(org.certbench.engine.ledger.Digests.sha256(bench));
            assertThat(report.bench().check()).extracting(c -> c.name() + " " + c.status())
                    .contains("unplugged DEAD", "remote-dead DEAD", "remote-ok OK", "console OK");
        }
        Path broken = dir.resolve("broken-bench.yaml");
        Files.writeString(broken, "certbench-bench: 1\nlab: { nam: x }\n");
        Result bad = certbench("bench", "check", broken.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("broken-bench.yaml:2:");
    }

    @Test
    void diffShowsTheVerdictsThatChangedBetweenTwoRuns() throws Exception {
        Path failing = dir.resolve("diff-old");
        Path passing = dir.resolve("diff-new");
        certbench("run", "--device", profile("before.yaml", "").toString(), "--standard", "etsi-en-303-645", "--provision", "5.6-1", "--assessment", "functional",
                "--plain", "--out",
                failing.toString());
        certbench("run", "--device", profile("after.yaml", "      - { port: 9999, transport: tcp, service: vendor-debug }").toString(),
                "--standard", "etsi-en-303-645", "--provision", "5.6-1", "--assessment", "functional", "--plain", "--out", passing.toString());

        Result diff = certbench("diff", failing.toString(), passing.toString());
        assertThat(diff.exit()).isEqualTo(ExitCodes.FAIL);
        assertThat(diff.out()).contains("acme-t1-0042: FAIL -> PASS")
                .contains("acme-t1-0042 etsi-en-303-645 5.6-1 5.6-1-2: FAIL -> PASS").contains("4 verdict(s) changed");
        Result same = certbench("diff", passing.toString(), passing.resolve("report.json").toString());
        assertThat(same.exit()).isEqualTo(ExitCodes.PASS);
        assertThat(same.out()).contains("no verdict changed");
        assertThat(certbench("diff", passing.toString(), dir.resolve("nothing").toString()).exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void helpAndVersionWorkEverywhere() {
        assertThat(certbench("--version").out()).startsWith("certbench ");
        for (String command : new String[] {"run", "list", "validate", "verify", "diff", "keys", "report", "bench"}) {
            Result help = certbench(command, "--help");
            assertThat(help.exit()).isEqualTo(ExitCodes.PASS);
            assertThat(help.out()).contains("Usage: certbench " + command);
        }
        assertThat(certbench("--help").out()).contains("Exit codes:").contains("70   internal error");
    }
}
