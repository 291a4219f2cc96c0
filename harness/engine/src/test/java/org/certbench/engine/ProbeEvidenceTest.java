package org.certbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.certbench.api.Verdict;
import org.certbench.engine.fixtures.ProbesStandard;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.TestPki;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every probe a case uses writes its transcript through the case's evidence: each one lands in the
 * ledger as an evidence row of that case, hashed, with the secret the case revealed blanked out.
 */
class ProbeEvidenceTest {

    @TempDir
    static Path dir;

    private static final List<Daemon> daemons = new ArrayList<>();
    private static int mqtt;
    private static int mqtts;

    @BeforeAll
    static void startDevice() throws Exception {
        TestPki pki = TestPki.create(dir);
        mqtt = Tools.freePort();
        mqtts = Tools.freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", "user root", "log_dest stderr", "persistence false",
                "listener " + mqtt + " 127.0.0.1", "allow_anonymous true", "listener " + mqtts + " 127.0.0.1",
                "certfile " + pki.serverCert(), "keyfile " + pki.serverKey(), ""));
        daemons.add(Daemon.start(dir, "mosquitto", mqtts, Tools.require("mosquitto").toString(), "-c", dir.resolve("mosquitto.conf").toString()));
        Path tty = dir.resolve("tty-console");
        daemons.add(Daemon.startWhen(dir, "socat", new String[] {Tools.require("socat").toString(), "pty,link=" + tty + ",raw,echo=0",
            "EXEC:/bin/sh -i,pty,stderr,setsid,sigint,sane"}, () -> Files.exists(tty)));
    }

    @AfterAll
    static void stopDevice() {
        daemons.forEach(Daemon::close);
    }

    @Test
    void eachProbesTranscriptIsEvidenceOfTheCase() throws Exception {
        Path profile = dir.resolve("device.yaml");
        Files.writeString(profile, """
                certbench: 1
                device: { id: probe-device, manufacturer: certbench tests, model: loopback, firmware: "1.0" }
                interfaces:
                  network: { host: 127.0.0.1 }
                  mqtt: { port: %d }
                  http: { port: %d, tls: true }
                  coap: { port: %d }
                  serial: { port: console }
                  power: { outlet: bench-socket }
                credentials:
                  mqtt: { username: owner, password: env:CERTBENCH_TEST_SECRET }
                """.formatted(mqtt, mqtts, Tools.freePort()));
        Path bench = dir.resolve("bench.yaml");
        Files.writeString(bench, """
                certbench-bench: 1
                lab: { name: test lab }
                serial-ports: { console: %s }
                outlets: { bench-socket: "manual:bench socket 1" }
                """.formatted(dir.resolve("tty-console")));
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, "certbench-answers: 1\nanswers:\n  power.off: yes\n  power.on: yes\n");
        Path out = dir.resolve("out");

        EngineTestKit.Builder kit = EngineTestKit.engine("certbench").selectors(selectClass(ProbesStandard.class))
                .configurationParameter("certbench.devices", profile.toString())
                .configurationParameter("certbench.bench", bench.toString())
                .configurationParameter("certbench.answers", answers.toString())
                .configurationParameter("certbench.interactive", "false")
                .configurationParameter("certbench.out", out.toString());
        assertThat(kit.discover().getDiscoveryIssues()).isEmpty();
        kit.execute();

        List<LedgerRow> ledger = LedgerReader.read(out.resolve(Ledger.FILE_NAME));
        LedgerRow.CaseVerdict verdict = LedgerReader.rows(ledger, LedgerRow.CaseVerdict.class).get(0);
        assertThat(verdict.verdict()).as(verdict.reason()).isEqualTo(Verdict.PASS);
        List<String> files = LedgerReader.rows(ledger, LedgerRow.EvidenceFile.class).stream()
                .map(e -> e.file().substring(e.file().lastIndexOf('/') + 1)).toList();
        assertThat(files).contains("services-127.0.0.1.txt", "tls-scan-127.0.0.1-" + mqtts + ".txt", "mqtt-127.0.0.1-" + mqtt + ".txt",
                "login-mqtt-127.0.0.1-" + mqtt + ".txt", "power.txt");
        assertThat(files).anyMatch(f -> f.startsWith("coap-127.0.0.1-")).anyMatch(f -> f.startsWith("serial-") && f.endsWith(".txt"))
                .anyMatch(f -> f.endsWith(".raw"));
        assertThat(LedgerReader.rows(ledger, LedgerRow.Answer.class)).extracting(LedgerRow.Answer::question)
                .containsExactly("power.off", "power.on");
        String secret = System.getenv("CERTBENCH_TEST_SECRET");
        try (var all = Files.walk(out)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(secret);
            }
        }
    }
}
