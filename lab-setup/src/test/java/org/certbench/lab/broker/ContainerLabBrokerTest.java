package org.certbench.lab.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.certbench.api.Bench;
import org.certbench.lab.virtual.ContainerBench;
import org.certbench.probes.Deadline;
import org.certbench.probes.broker.BrokerLog;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RogueAttempt;
import org.certbench.probes.testing.Tools;
import org.certbench.probes.tls.RecordingTrustManager;
import org.certbench.probes.tls.TrustChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab broker as a container ({@code broker: {kind: container}}): started by Testcontainers, a host
 * of its own, recording the same facts as the embedded one and handing them back over its output.
 */
class ContainerLabBrokerTest {

    @Test
    void aBenchWithAContainerBrokerRecordsWhatClientsSendOverTheBridge(@TempDir Path dir) throws Exception {
        Tools.requireThat(ContainerBench.engineReachable() && ContainerBench.imagePresent(ContainerLabBroker.IMAGE),
                "no container engine with " + ContainerLabBroker.IMAGE + " (run lab-setup/install.sh and export what it prints)");
        Bench bench = new Bench("t", null, "127.0.0.1", "container", Map.of(), Map.of(), null);
        try (BrokerLog.Lease lease = new LabBrokerProvider().open(bench, dir)) {
            assertThat(lease).isNotNull();
            BrokerLog broker = lease.log();
            assertThat(broker.tlsEndpoint().getAddress().isLoopbackAddress()).isFalse();
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(broker.caCertificatePem().getBytes(StandardCharsets.US_ASCII)));
            String host = broker.tlsEndpoint().getAddress().getHostAddress();

            Mqtt5BlockingClient tls = Mqtt5Client.builder().identifier("tls-5").serverAddress(broker.tlsEndpoint())
                    .simpleAuth().username("dev").password("pw".getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                    .sslConfig(MqttClientSslConfig.builder().trustManagerFactory(new RecordingTrustManager(TrustChoice.labCa(ca), host).asFactory())
                            .build()).buildBlocking();
            tls.connect();
            tls.publishWith().topic("devices/tls-5/telemetry").payload(new byte[17]).send();
            tls.disconnect();
            Mqtt3BlockingClient plain = Mqtt3Client.builder().identifier("plain-3").serverAddress(broker.plainEndpoint()).buildBlocking();
            plain.connect();
            plain.disconnect();
            Mqtt3BlockingClient checking = Mqtt3Client.builder().identifier("checks").serverAddress(broker.rogueEndpoint())
                    .sslConfig(MqttClientSslConfig.builder().trustManagerFactory(new RecordingTrustManager(TrustChoice.labCa(ca), host).asFactory())
                            .build()).buildBlocking();
            assertThatThrownBy(checking::connect).isNotNull();

            Deadline deadline = Deadline.in(Duration.ofSeconds(20));
            while (!deadline.expired() && (broker.sessions().size() < 2 || broker.rogueAttempts().isEmpty()
                    || broker.sessions().stream().anyMatch(s -> s.disconnected() == null))) {
                Thread.sleep(100);
            }
            List<BrokerSession> sessions = broker.sessions();
            assertThat(sessions).extracting(BrokerSession::clientId).containsExactly("tls-5", "plain-3");
            BrokerSession first = sessions.get(0);
            assertThat(first.mqttVersion()).isEqualTo("5");
            assertThat(first.listener()).isEqualTo("tls");
            assertThat(first.tlsProtocol()).startsWith("TLSv1.");
            assertThat(first.cipherSuite()).startsWith("TLS_");
            assertThat(first.passwordSent()).isTrue();
            assertThat(first.publishes()).extracting(p -> p.topic() + ":" + p.payloadBytes()).containsExactly("devices/tls-5/telemetry:17");
            assertThat(first.disconnected()).isNotNull();
            assertThat(sessions.get(1).tls()).isFalse();
            assertThat(broker.rogueAttempts()).extracting(RogueAttempt::outcome).containsExactly(RogueAttempt.Outcome.REFUSED);
        }
    }
}
