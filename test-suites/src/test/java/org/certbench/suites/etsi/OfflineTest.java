package org.certbench.suites.etsi;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.lab.virtual.InJvmBench;
import org.certbench.lab.virtual.Variant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5.9-2-2 on the in-JVM bench, whose embedded lab broker stands in for the devices' services: the secure virtual
 * device keeps its ports while the broker turns it away and reports again after (PASS); a device whose local
 * service goes down with its uplink (a status port that is open only while its MQTT session is) FAILs, naming the port.
 */
class OfflineTest {

    private static final String FRAGILE = "127.0.98.21";
    private static final int STATUS = 7071;

    @TempDir
    static Path dir;

    private static InJvmBench bench;

    @BeforeAll
    static void start() throws IOException {
        bench = InJvmBench.start(List.of(Variant.secure()), dir.resolve("bench"));
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    private static LedgerRow.CaseVerdict offline(Path profile, Path out) throws IOException {
        List<LedgerRow> rows = FunctionalRun.of(profile, "5.9-2", out, "certbench.bench", bench.benchFile().toString());
        return LedgerReader.rows(rows, LedgerRow.CaseVerdict.class).stream().filter(v -> v.caseId().equals("5.9-2-2")).findFirst()
                .orElseThrow();
    }

    @Test
    void theSecureDeviceKeepsItsPortsOfflineAndReportsAgain() throws Exception {
        Path out = dir.resolve("secure");
        LedgerRow.CaseVerdict verdict = offline(bench.profiles().get(Variant.secure()), out);

        assertThat(verdict.verdict()).as(verdict.reason()).isEqualTo(Verdict.PASS);
        String findings = LedgerReader.rows(LedgerReader.read(out.resolve(org.certbench.engine.ledger.Ledger.FILE_NAME)),
                LedgerRow.Finding.class).toString();
        assertThat(findings).contains("answered while the uplink was down").contains("refused").contains("reporting again");
        // The refusal ended once the device had been refused and its ports read, not after the whole window.
        try (var files = Files.walk(out)) {
            Path refusals = files.filter(f -> f.getFileName().toString().equals("broker-refusals.txt")).findFirst().orElseThrow();
            assertThat(Files.readString(refusals)).contains("refused (server unavailable)").contains("the refusal ended then");
        }
    }

    @Test
    void aDeviceWhoseLocalServiceDiesWithItsUplinkFails() throws Exception {
        try (FragileDevice device = new FragileDevice(bench.broker().plainEndpoint())) {
            Path profile = dir.resolve("fragile.yaml");
            Files.writeString(profile, """
                    certbench: 1
                    device: { id: fragile-01, manufacturer: certbench tests, model: status port tied to its uplink, firmware: "1.0" }
                    interfaces:
                      network:
                        host: %s
                        ports: [{ port: %d, transport: tcp, service: status }]
                      uplink: { protocol: mqtt, tls: false }
                    ixit:
                      23-ResMech: { recovery-time: 20 s }
                    """.formatted(FRAGILE, STATUS));
            LedgerRow.CaseVerdict verdict = offline(profile, dir.resolve("fragile"));

            assertThat(verdict.verdict()).as(verdict.reason()).isEqualTo(Verdict.FAIL);
            assertThat(verdict.reason()).contains("with its uplink down").contains("stopped answering on [" + STATUS + "]");
            assertThat(device.closings).as("the status port went down with the session").isPositive();
        }
    }

    /** A status port open only while the device's MQTT session to the lab broker is up, as a device that needs its cloud. */
    private static final class FragileDevice implements AutoCloseable {

        private final Mqtt3AsyncClient client;
        private @Nullable ServerSocket status;
        volatile int closings;

        FragileDevice(InetSocketAddress broker) throws IOException {
            client = Mqtt3Client.builder().identifier("fragile-01").transportConfig().serverAddress(broker)
                    .localAddress(new InetSocketAddress(FRAGILE, 0)).applyTransportConfig()
                    .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS).applyAutomaticReconnect()
                    .addConnectedListener(context -> open()).addDisconnectedListener(context -> shut()).buildAsync();
            client.connect().join();
        }

        private synchronized void open() {
            try {
                ServerSocket socket = new ServerSocket(STATUS, 50, InetAddress.getByName(FRAGILE));
                status = socket;
                Thread accept = new Thread(() -> {
                    while (!socket.isClosed()) {
                        try (Socket connection = socket.accept()) {
                            connection.getOutputStream().write("ok\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        } catch (IOException closed) {
                            // the port went down with the uplink, or the peer hung up
                        }
                    }
                }, "fragile-status");
                accept.setDaemon(true);
                accept.start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private synchronized void shut() {
            if (status != null) {
                try {
                    status.close();
                    closings++;
                } catch (IOException ignored) {
                    // closing a listener: nothing to keep
                }
                status = null;
            }
        }

        @Override
        public void close() {
            client.disconnect();
            shut();
        }
    }
}
