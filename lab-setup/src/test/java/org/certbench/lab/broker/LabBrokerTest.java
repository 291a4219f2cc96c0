package org.certbench.lab.broker;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import org.certbench.api.Bench;
import org.certbench.api.VerdictException;
import org.certbench.probes.Deadline;
import org.certbench.probes.ProbeSettings;
import org.certbench.probes.Probes;
import org.certbench.probes.broker.BrokerLog;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.BrokerWatch;
import org.certbench.probes.broker.RogueAttempt;
import org.certbench.probes.testing.DirectoryEvidence;
import org.certbench.probes.tls.RecordingTrustManager;
import org.certbench.probes.tls.TrustChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lab broker against real MQTT clients (HiveMQ's) on loopback: what it records, and the rogue listener. */
class LabBrokerTest {

    private static final String DEVICE_ADDRESS = "127.0.10.9";
    private static LabBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = LabBroker.builder().bindAddress("127.0.0.1").name("lab-broker.bench.test")
                .deviceListener(new DeviceListener("dev-mqtt", DEVICE_ADDRESS, 18839, null, false, "owner", "s3cret-device", false))
                .deviceListener(new DeviceListener("open-mqtt", DEVICE_ADDRESS, 18840, null, true, "owner", "s3cret-device", false))
                .start();
    }

    @AfterAll
    static void stop() {
        broker.close();
        assertThat(LabBroker.running()).isEmpty();
    }

    @Test
    void aRefusalTurnsTheHostAwayUntilAWindowOfZeroEndsIt() {
        broker.refuse("127.0.0.1", Duration.ofMinutes(5));
        try {
            Mqtt5BlockingClient turnedAway = Mqtt5Client.builder().identifier("refused-5").serverAddress(broker.plainEndpoint()).buildBlocking();
            assertThatThrownBy(turnedAway::connect).isInstanceOf(Mqtt5ConnAckException.class).hasMessageContaining("SERVER_UNAVAILABLE");
            assertThat(broker.refusedConnects()).extracting(c -> c.clientId() + "@" + c.remoteAddress()).contains("refused-5@127.0.0.1");
        } finally {
            broker.refuse("127.0.0.1", Duration.ZERO);
        }
        Mqtt5BlockingClient back = Mqtt5Client.builder().identifier("back-5").serverAddress(broker.plainEndpoint()).buildBlocking();
        back.connect();
        back.disconnect();
        assertThat(broker.refusedConnects()).extracting(c -> c.clientId()).doesNotContain("back-5");
    }

    @Test
    void recordsVersionCredentialsTopicsAndSizesOfAPlainClient() {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("plain-5").serverAddress(broker.plainEndpoint())
                .simpleAuth().username("dev").password("pw".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        client.connect();
        client.publishWith().topic("devices/plain-5/telemetry").payload(new byte[12]).send();
        client.publishWith().topic("devices/plain-5/state").payload(new byte[3]).retain(true).send();
        client.disconnect();

        BrokerSession session = awaitSession("plain-5", 2);
        assertThat(session.mqttVersion()).isEqualTo("5");
        assertThat(session.listener()).isEqualTo("plain");
        assertThat(session.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(session.usernameSent()).isTrue();
        assertThat(session.passwordSent()).isTrue();
        assertThat(session.tls()).isFalse();
        assertThat(session.publishes()).extracting(p -> p.topic() + ":" + p.payloadBytes() + ":" + p.retain())
                .containsExactly("devices/plain-5/telemetry:12:false", "devices/plain-5/state:3:true");
    }

    @Test
    void recordsTlsVersionCipherAndSniOfATlsClientThatTrustsTheLabCa() throws Exception {
        // JSSE sends no SNI for a dotless name such as localhost, so this client names the broker as a lab would.
        RecordingTrustManager trust = new RecordingTrustManager(TrustChoice.labCa(caOf(broker)), "lab-broker.bench.test");
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(broker.tlsEndpoint().getAddress(),
                broker.tlsEndpoint().getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName("lab-broker.bench.test")));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(HexFormat.of().parseHex("101300044d5154540402003c0007746c732d333131")); // CONNECT 3.1.1, clean, id tls-311
            out.flush();
            assertThat(socket.getInputStream().readNBytes(4)).containsExactly(0x20, 0x02, 0x00, 0x00);
            out.write(HexFormat.of().parseHex("30080001740000000000")); // PUBLISH t, 5 payload bytes... see below
            out.write(HexFormat.of().parseHex("e000")); // DISCONNECT
            out.flush();
            socket.getInputStream().read();
        }

        BrokerSession session = awaitSession("tls-311", 1);
        assertThat(session.mqttVersion()).isEqualTo("3.1.1");
        assertThat(session.listener()).isEqualTo("tls");
        assertThat(session.tlsProtocol()).startsWith("TLSv1.");
        assertThat(session.cipherSuite()).startsWith("TLS_");
        assertThat(session.sni()).isEqualTo("lab-broker.bench.test");
        assertThat(session.usernameSent()).isFalse();
        assertThat(session.passwordSent()).isFalse();
        Deadline ends = Deadline.in(Duration.ofSeconds(10));
        while (awaitSession("tls-311", 1).disconnected() == null && !ends.expired()) {
            sleep();
        }
        assertThat(awaitSession("tls-311", 1).disconnected()).isAfterOrEqualTo(session.connected());
    }

    @Test
    void theRogueListenerTellsACheckingClientFromOneThatAcceptsAnything() throws Exception {
        int before = broker.rogueAttempts().size();
        Mqtt3BlockingClient checking = Mqtt3Client.builder().identifier("checks").serverHost("localhost")
                .serverPort(broker.rogueEndpoint().getPort())
                .sslConfig(MqttClientSslConfig.builder()
                        .trustManagerFactory(new RecordingTrustManager(TrustChoice.labCa(caOf(broker)), "localhost").asFactory()).build())
                .buildBlocking();
        assertThatThrownBy(checking::connect).isNotNull();
        Mqtt3BlockingClient gullible = Mqtt3Client.builder().identifier("gullible").serverHost("localhost")
                .serverPort(broker.rogueEndpoint().getPort())
                .simpleAuth().username("u").password("handed-over".getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .sslConfig(MqttClientSslConfig.builder()
                        .trustManagerFactory(new RecordingTrustManager(TrustChoice.anything(), "localhost").asFactory()).build())
                .buildBlocking();
        try {
            gullible.connect();
            gullible.disconnect();
        } catch (RuntimeException e) {
            // the impostor hangs up once it has what it came for; the client may see that before the CONNACK
        }

        List<RogueAttempt> attempts = awaitRogue(before + 2).subList(before, before + 2);
        assertThat(attempts.get(0).outcome()).isEqualTo(RogueAttempt.Outcome.REFUSED);
        assertThat(attempts.get(0).detail()).contains("certificate");
        assertThat(attempts.get(1).outcome()).isEqualTo(RogueAttempt.Outcome.ACCEPTED);
        assertThat(attempts.get(1).clientId()).isEqualTo("gullible");
        assertThat(attempts.get(1).passwordSent()).isTrue();
        assertThat(attempts.get(1).describe()).doesNotContain("handed-over");
    }

    @Test
    void aDeviceListenerEnforcesItsDevicesPolicyAndIsRecordedUnderItsName() {
        Mqtt5BlockingClient anonymous = Mqtt5Client.builder().identifier("anon").serverHost(DEVICE_ADDRESS).serverPort(18839).buildBlocking();
        assertThatThrownBy(anonymous::connect).isInstanceOf(Mqtt5ConnAckException.class);
        Mqtt5BlockingClient owner = Mqtt5Client.builder().identifier("owner-app").serverHost(DEVICE_ADDRESS).serverPort(18839)
                .simpleAuth().username("owner").password("s3cret-device".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        owner.connect();
        owner.disconnect();
        assertThat(awaitSession("owner-app", 0).listener()).isEqualTo("dev-mqtt");
        assertThat(awaitSession("anon", 0).listener()).isEqualTo("dev-mqtt");

        // A device that lets anonymous clients in still refuses wrong credentials: a default password is not "anonymous".
        Mqtt5BlockingClient open = Mqtt5Client.builder().identifier("anon-open").serverHost(DEVICE_ADDRESS).serverPort(18840).buildBlocking();
        open.connect();
        open.disconnect();
        Mqtt5BlockingClient wrong = Mqtt5Client.builder().identifier("wrong-open").serverHost(DEVICE_ADDRESS).serverPort(18840)
                .simpleAuth().username("admin").password("admin".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        assertThatThrownBy(wrong::connect).isInstanceOf(Mqtt5ConnAckException.class);
    }

    @Test
    void aCaseReadsTheBrokerThroughItsProbesAndTheReadingBecomesEvidence(@TempDir Path dir) throws Exception {
        Mqtt3Client.builder().identifier("witnessed").serverAddress(broker.plainEndpoint()).buildBlocking().connect();
        BrokerLog.Lease lease = new LabBrokerProvider().open(new Bench("t", null, "127.0.0.1", "embedded", Map.of(), Map.of(), null), dir);
        assertThat(lease).isNotNull();
        assertThat(lease.log()).isSameAs(broker);
        lease.close();
        assertThat(LabBroker.running()).contains(broker);

        DirectoryEvidence evidence = new DirectoryEvidence(dir);
        Probes probes = new Probes(evidence, Deadline.in(Duration.ofSeconds(30)), ProbeSettings.DEFAULT, () -> Optional.of(broker));
        List<BrokerSession> seen = probes.broker().sessionsFrom("127.0.0.1", Duration.ofSeconds(5));
        assertThat(seen).extracting(BrokerSession::clientId).contains("witnessed");
        assertThat(Files.readString(dir.resolve("broker-sessions.txt"))).contains("witnessed MQTT 3.1.1 from 127.0.0.1 on plain");
        assertThat(probes.broker().sessionsFrom("127.0.99.99", Duration.ofMillis(300))).isEmpty();

        Probes without = new Probes(evidence, Deadline.in(Duration.ofSeconds(5)), ProbeSettings.DEFAULT);
        assertThatThrownBy(() -> without.broker().sessionsFrom("127.0.0.1", Duration.ofSeconds(1)))
                .isInstanceOf(VerdictException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void aLaterCaseGoesOnWithTheCampaignsWatchOfADeviceAndStillSeesItWhenItComes(@TempDir Path dir) throws Exception {
        BrokerWatch watch = new BrokerWatch();
        String host = "127.0.98.7";
        Probes first = caseProbes(dir.resolve("first"), watch, "case 5.5-1-2 on late-device");
        assertThat(first.broker().sessionsFrom(host, Duration.ofMillis(600))).isEmpty();
        Probes second = caseProbes(dir.resolve("second"), watch, "case 5.5-1-3 on late-device");
        assertThat(second.broker().sessionsFrom(host, Duration.ofMillis(600))).isEmpty();
        assertThat(Files.readString(dir.resolve("first/broker-sessions.txt"))).doesNotContain("watched since");
        assertThat(Files.readString(dir.resolve("second/broker-sessions.txt")))
                .contains("watched since").contains("(case 5.5-1-2 on late-device)").contains("none");

        // Only the wait is shared: the log is read afresh, so a device that comes late is seen by the next case.
        Mqtt3Client.builder().identifier("late-device").transportConfig().serverAddress(broker.plainEndpoint())
                .localAddress(new java.net.InetSocketAddress(host, 0)).applyTransportConfig().buildBlocking().connect();
        Probes third = caseProbes(dir.resolve("third"), watch, "case 5.9-3-2 on late-device");
        assertThat(third.broker().sessionsFrom(host, Duration.ofMillis(600))).extracting(BrokerSession::clientId).containsExactly("late-device");
        assertThat(Files.readString(dir.resolve("third/broker-sessions.txt"))).contains("late-device MQTT 3.1.1 from " + host);
    }

    private static Probes caseProbes(Path dir, BrokerWatch watch, String label) throws java.io.IOException {
        Files.createDirectories(dir);
        return new Probes(new DirectoryEvidence(dir), Deadline.in(Duration.ofSeconds(30)), ProbeSettings.DEFAULT, () -> Optional.of(broker),
                org.certbench.probes.net.ScanMemory.NONE, watch, label);
    }

    @Test
    void theBenchSpellsTheEmbeddedBrokersPorts() {
        assertThat(LabBrokerProvider.ports("embedded?port=0&tls-port=18883&rogue-port=18884"))
                .containsEntry("port", 0).containsEntry("tls-port", 18883).containsEntry("rogue-port", 18884);
        assertThat(LabBrokerProvider.ports("embedded")).isEmpty();
    }

    private static java.security.cert.X509Certificate caOf(LabBroker b) throws Exception {
        return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(b.caCertificatePem().getBytes(StandardCharsets.US_ASCII)));
    }

    private static BrokerSession awaitSession(String clientId, int publishes) {
        Deadline deadline = Deadline.in(Duration.ofSeconds(10));
        while (true) {
            Optional<BrokerSession> found = broker.sessions().stream().filter(s -> s.clientId().equals(clientId))
                    .filter(s -> s.publishes().size() >= publishes).findFirst();
            if (found.isPresent() || deadline.expired()) {
                return found.orElseThrow(() -> new AssertionError("no session of " + clientId + " in " + broker.sessions()));
            }
            sleep();
        }
    }

    private static List<RogueAttempt> awaitRogue(int count) {
        Deadline deadline = Deadline.in(Duration.ofSeconds(10));
        while (broker.rogueAttempts().size() < count && !deadline.expired()) {
            sleep();
        }
        return broker.rogueAttempts();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
