package org.certbench.suites.etsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.lab.virtual.ContainerBench;
import org.certbench.lab.virtual.Variant;
import org.certbench.lab.virtual.VirtualOutlet;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5.9-1-2 against a real lighttpd whose power is a plug emulator speaking the Tasmota HTTP API ({@link VirtualOutlet}:
 * no smart plug can be reached from these machines): switching it off kills the daemon, switching it on starts it
 * again after a boot of a second, or never (a device that does not recover), or the plug switches nothing (wired to
 * another device). Then the secure container device, whose outlet kills and starts its container: a real power cut.
 */
class PowerOutageTest {

    private static final String HOST = "127.0.22.1";
    private static final int PORT = 8080;

    enum Device { RECOVERS, STAYS_DOWN, NOT_ON_THIS_PLUG }

    @TempDir
    Path dir;

    private VirtualOutlet plug;
    private volatile Daemon daemon;
    private final List<String> switched = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (plug != null) {
            plug.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    private Daemon lighttpd() {
        return Daemon.startOn(dir, "lighttpd", HOST, PORT, Tools.require("lighttpd").toString(), "-D", "-f", dir.resolve("lighttpd.conf").toString());
    }

    private LedgerRow.CaseVerdict certify(Device device, String recoveryTime) throws Exception {
        Files.createDirectories(dir.resolve("www"));
        Files.writeString(dir.resolve("www/index.html"), "<html>virtual thermostat</html>");
        Files.writeString(dir.resolve("lighttpd.conf"), """
                server.document-root = "%s"
                server.bind = "%s"
                server.port = %d
                """.formatted(dir.resolve("www"), HOST, PORT));
        daemon = lighttpd();
        plug = VirtualOutlet.serve(() -> {
            switched.add("off");
            if (device != Device.NOT_ON_THIS_PLUG) {
                daemon.close();
            }
        }, () -> {
            switched.add("on");
            if (device == Device.RECOVERS) {
                Thread boot = new Thread(() -> {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    daemon = lighttpd();
                });
                boot.start();
            }
        });
        Path bench = dir.resolve("bench.yaml");
        Files.writeString(bench, """
                certbench-bench: 1
                lab:
                  name: power test bench
                harness:
                  address: 127.0.0.1
                broker:
                  kind: embedded
                outlets:
                  strip-1: "%s"
                """.formatted(plug.driver()));
        Path profile = dir.resolve("device.yaml");
        Files.writeString(profile, """
                certbench: 1
                device: { id: thermostat-01, manufacturer: certbench tests, model: lighttpd on a plug, firmware: "1.0" }
                interfaces:
                  network:
                    host: %s
                    ports: [{ port: %d, transport: tcp, service: http }]
                  power: { outlet: strip-1 }
                ixit:
                  23-ResMech: { recovery-time: %s }
                """.formatted(HOST, PORT, recoveryTime));
        return LedgerReader.rows(FunctionalRun.of(profile, "5.9-1", dir.resolve("out"), "certbench.bench", bench.toString()),
                LedgerRow.CaseVerdict.class).stream().filter(v -> v.caseId().equals("5.9-1-2")).findFirst().orElseThrow();
    }

    @Test
    void aDeviceThatComesBackByItselfPassesAndTheEvidenceShowsTheCut() throws Exception {
        LedgerRow.CaseVerdict verdict = certify(Device.RECOVERS, "30 s");
        assertThat(verdict.verdict()).as(verdict.reason()).isEqualTo(Verdict.PASS);
        assertThat(switched).containsExactly("off", "on");
        // before, while off, after: a watch each, numbered in the order the case made them
        Path evidence = dir.resolve("out/evidence/thermostat-01/etsi-en-303-645/5.9-1-2");
        assertThat(Files.readString(evidence.resolve("tcp-watch-" + HOST + ".txt"))).contains("open [" + PORT + "]");
        assertThat(Files.readString(evidence.resolve("tcp-watch-" + HOST + "-2.txt"))).contains("no port takes a connection")
                .contains("settled");
        assertThat(Files.readString(evidence.resolve("tcp-watch-" + HOST + "-3.txt"))).contains("no port takes a connection")
                .contains("open [" + PORT + "]").contains("settled");
        assertThat(Files.readString(evidence.resolve("power.txt"))).contains("switch off").contains("outlet reports off");
    }

    @Test
    void aDeviceThatStaysDownFailsWithinTheDeclaredRecoveryTime() throws Exception {
        LedgerRow.CaseVerdict verdict = certify(Device.STAYS_DOWN, "5 s");
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdict.reason()).contains("did not answer again within 5 s on [" + PORT + "]");
        assertThat(switched).containsExactly("off", "on");
    }

    @Test
    void anOutletThatDoesNotCutTheDeviceDecidesNothingAndIsSwitchedBackOn() throws Exception {
        LedgerRow.CaseVerdict verdict = certify(Device.NOT_ON_THIS_PLUG, "30 s");
        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.reason()).contains("outlet strip-1 did not cut the power of " + HOST);
        assertThat(switched).containsExactly("off", "on");
    }

    @Test
    void theSecureContainerDeviceComesBackAfterARealPowerCutAndReportsToTheBrokerAgain() throws Exception {
        Tools.requireThat(ContainerBench.engineReachable() && ContainerBench.imagePresent(),
                "no container engine with " + ContainerBench.IMAGE + " (run lab-setup/install.sh and export what it prints)");
        try (ContainerBench bench = ContainerBench.start(List.of(Variant.secure()), dir.resolve("bench"))) {
            Path out = dir.resolve("out-container");
            LedgerRow.CaseVerdict verdict = LedgerReader.rows(FunctionalRun.of(bench.profiles().get(Variant.secure()), "5.9-1", out,
                    "certbench.bench", bench.benchFile().toString()), LedgerRow.CaseVerdict.class).stream()
                    .filter(v -> v.caseId().equals("5.9-1-2")).findFirst().orElseThrow();
            assertThat(verdict.verdict()).as(verdict.reason()).isEqualTo(Verdict.PASS);
            assertThat(bench.powerCuts()).singleElement().satisfies(cut -> {
                assertThat(cut.device()).isEqualTo(Variant.secure().deviceId());
                assertThat(cut.off()).isAfter(java.time.Instant.parse(verdict.started())).isBefore(cut.on());
            });
            List<LedgerRow.Finding> findings = LedgerReader.rows(LedgerReader.read(out.resolve(org.certbench.engine.ledger.Ledger.FILE_NAME)), LedgerRow.Finding.class);
            assertThat(findings).extracting(LedgerRow.Finding::summary).anySatisfy(summary -> assertThat(summary)
                    .contains("came back by itself").contains("reporting to the broker"));
        }
    }
}
