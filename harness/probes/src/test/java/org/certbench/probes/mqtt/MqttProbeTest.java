package org.certbench.probes.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.DirectoryEvidence;
import org.certbench.probes.testing.TestPki;
import org.certbench.probes.testing.Tools;
import org.certbench.probes.tls.TrustChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT probe against Debian's mosquitto: anonymous, with a password file, and with TLS from a lab CA. */
class MqttProbeTest {

    private static final String OWNER_PASSWORD = "owner-pw-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static int open;
    private static int locked;
    private static int tls;
    private static int rogue;
    private static final List<Daemon> brokers = new java.util.ArrayList<>();

    @BeforeAll
    static void startBrokers() throws IOException {
        pki = TestPki.create(dir);
        open = Tools.freePort();
        broker("open", open, "allow_anonymous true");
        locked = Tools.freePort();
        Tools.run(dir, Tools.require("mosquitto_passwd").toString(), "-c", "-b", dir.resolve("passwords").toString(), "owner", OWNER_PASSWORD);
        broker("locked", locked, "allow_anonymous false", "password_file " + dir.resolve("passwords"));
        tls = Tools.freePort();
        broker("tls", tls, "allow_anonymous true", "cafile " + pki.caCert(), "certfile " + pki.serverCert(), "keyfile " + pki.serverKey());
        rogue = Tools.freePort();
        broker("rogue", rogue, "allow_anonymous true", "certfile " + pki.rogueCert(), "keyfile " + pki.rogueKey());
    }

    private static void broker(String name, int port, String... lines) throws IOException {
        Path conf = dir.resolve(name + ".conf");
        StringBuilder text = new StringBuilder("listener " + port + " 127.0.0.1\nuser root\nlog_dest stderr\npersistence false\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(conf, text);
        brokers.add(Daemon.start(dir, "mosquitto-" + name, port, Tools.require("mosquitto").toString(), "-c", conf.toString()));
    }

    @AfterAll
    static void stopBrokers() {
        brokers.forEach(Daemon::close);
    }

    private static MqttProbe probe(Path evidence) {
        return new MqttProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofSeconds(60)));
    }

    @Test
    void anAnonymousBrokerAcceptsAConnectWithoutCredentialsInBothVersions(@TempDir Path evidence) throws IOException {
        MqttEndpoint endpoint = MqttEndpoint.plain("127.0.0.1", open);
        ConnectResult v3 = probe(evidence).connect(endpoint, MqttVersion.V3_1_1, MqttLogin.ANONYMOUS);
        ConnectResult v5 = probe(evidence).connect(endpoint, MqttVersion.V5, MqttLogin.ANONYMOUS);

        assertThat(v3.accepted()).as(v3.toString()).isTrue();
        assertThat(v3.code()).isZero();
        assertThat(v5.accepted()).as(v5.toString()).isTrue();
        assertThat(new DirectoryEvidence(evidence).allText()).contains("> CONNECT MQTT 3.1.1 to mqtt://127.0.0.1:" + open + " with no credentials")
                .contains("< MQTT 5 ACCEPTED (0x00 SUCCESS)");
    }

    @Test
    void aPasswordFileBrokerRefusesAnonymousAndWrongCredentialsAndTakesTheRightOnes(@TempDir Path evidence) throws IOException {
        MqttEndpoint endpoint = MqttEndpoint.plain("127.0.0.1", locked);

        ConnectResult anonymousV3 = probe(evidence).connect(endpoint, MqttVersion.V3_1_1, MqttLogin.ANONYMOUS);
        ConnectResult wrongV3 = probe(evidence).connect(endpoint, MqttVersion.V3_1_1, MqttLogin.of("owner", "wrong"));
        ConnectResult anonymousV5 = probe(evidence).connect(endpoint, MqttVersion.V5, MqttLogin.ANONYMOUS);
        ConnectResult wrongV5 = probe(evidence).connect(endpoint, MqttVersion.V5, MqttLogin.of("owner", "wrong"));
        ConnectResult rightV3 = probe(evidence).connect(endpoint, MqttVersion.V3_1_1, MqttLogin.of("owner", OWNER_PASSWORD));
        ConnectResult rightV5 = probe(evidence).connect(endpoint, MqttVersion.V5, MqttLogin.of("owner", OWNER_PASSWORD));

        assertThat(anonymousV3.outcome()).isEqualTo(ConnectResult.Outcome.REFUSED);
        assertThat(anonymousV3.code()).isEqualTo(5);
        assertThat(wrongV3.outcome()).isEqualTo(ConnectResult.Outcome.REFUSED);
        assertThat(wrongV3.code()).isIn(4, 5);
        assertThat(anonymousV5.outcome()).isEqualTo(ConnectResult.Outcome.REFUSED);
        assertThat(anonymousV5.code()).isIn(0x86, 0x87);
        assertThat(wrongV5.code()).isIn(0x86, 0x87);
        assertThat(rightV3.accepted()).as(rightV3.toString()).isTrue();
        assertThat(rightV5.accepted()).as(rightV5.toString()).isTrue();
        String transcript = new DirectoryEvidence(evidence).allText();
        assertThat(transcript).contains("with user 'owner', password ***").doesNotContain(OWNER_PASSWORD);
    }

    @Test
    void observingSeesWhatIsPublishedAndWhatTheBrokerTellsInSys(@TempDir Path evidence) throws Exception {
        MqttEndpoint endpoint = MqttEndpoint.plain("127.0.0.1", open);
        probe(evidence).publish(endpoint, MqttVersion.V3_1_1, MqttLogin.ANONYMOUS, "acme/t1/state",
                "{\"setpoint\":21.5}".getBytes(StandardCharsets.UTF_8), 1);
        PublishResult retained = probe(evidence).publish(endpoint, MqttVersion.V5, MqttLogin.ANONYMOUS, "acme/t1/config",
                "wifi=lab".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(retained.delivered()).as(retained.toString()).isTrue();

        // The "device" publishes telemetry until the observation is over, so some arrives after the subscription
        // however slow the machine is.
        java.util.concurrent.atomic.AtomicBoolean observing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread publisher = new Thread(() -> {
            MqttProbe device = MqttProbe.standalone(Deadline.in(Duration.ofSeconds(60)));
            while (observing.get()) {
                device.publish(endpoint, MqttVersion.V3_1_1, MqttLogin.ANONYMOUS, "acme/t1/telemetry", "t=20.9".getBytes(StandardCharsets.UTF_8), 0);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        publisher.start();
        Observation seen;
        try {
            seen = probe(evidence).observe(endpoint, MqttVersion.V3_1_1, MqttLogin.ANONYMOUS, List.of("#", "$SYS/#"), Duration.ofSeconds(3), 1000);
        } finally {
            observing.set(false);
            publisher.join();
        }

        assertThat(seen.granted("#")).isTrue();
        assertThat(seen.granted("$SYS/#")).isTrue();
        assertThat(seen.messages()).extracting(ReceivedMessage::topic).contains("acme/t1/telemetry");
        assertThat(seen.messages()).anyMatch(m -> m.topic().startsWith("$SYS/broker/"));
        ReceivedMessage telemetry = seen.messages().stream().filter(m -> m.topic().equals("acme/t1/telemetry")).findFirst().orElseThrow();
        assertThat(telemetry.preview()).isEqualTo("t=20.9");
        assertThat(new DirectoryEvidence(evidence).allText()).contains("< SUBACK # 0x00 (granted)").contains("PUBLISH acme/t1/telemetry qos 0");
    }

    @Test
    void tlsWithTheLabCaConnectsAndRecordsTheHandshake(@TempDir Path evidence) {
        MqttEndpoint endpoint = MqttEndpoint.tls("127.0.0.1", tls, TrustChoice.labCa(TestPki.load(pki.caCert())), "device.lab");
        ConnectResult result = probe(evidence).connect(endpoint, MqttVersion.V5, MqttLogin.ANONYMOUS);

        assertThat(result.accepted()).as(result.toString()).isTrue();
        assertThat(result.tls()).get().satisfies(facts -> {
            assertThat(facts.protocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(facts.chain().get(0).subject()).isEqualTo("CN=device.lab");
            assertThat(facts.accepted()).isTrue();
        });
    }

    @Test
    void aBrokerWithAnUntrustedCertificateIsRefusedButItsCertificateIsRecorded(@TempDir Path evidence) {
        TrustChoice labCa = TrustChoice.labCa(TestPki.load(pki.caCert()));
        ConnectResult refused = probe(evidence).connect(MqttEndpoint.tls("127.0.0.1", rogue, labCa, "device.lab"), MqttVersion.V3_1_1,
                MqttLogin.ANONYMOUS);
        assertThat(refused.outcome()).isEqualTo(ConnectResult.Outcome.TLS_FAILED);
        assertThat(refused.tls()).get().satisfies(facts -> {
            assertThat(facts.accepted()).isFalse();
            assertThat(facts.rejection()).contains("does not lead to the lab CA");
            assertThat(facts.chain().get(0).keyType()).isEqualTo("EC");
        });

        ConnectResult pinnedWrong = probe(evidence).connect(MqttEndpoint.tls("127.0.0.1", tls, TrustChoice.pinned(TestPki.load(pki.rogueCert())),
                "device.lab"), MqttVersion.V3_1_1, MqttLogin.ANONYMOUS);
        assertThat(pinnedWrong.outcome()).isEqualTo(ConnectResult.Outcome.TLS_FAILED);

        ConnectResult recorded = probe(evidence).connect(MqttEndpoint.tls("127.0.0.1", rogue, TrustChoice.anything(), "device.lab"),
                MqttVersion.V3_1_1, MqttLogin.ANONYMOUS);
        assertThat(recorded.accepted()).isTrue();
        assertThat(recorded.tls()).get().extracting(f -> f.chain().get(0).selfSigned()).isEqualTo(true);
    }

    @Test
    void nothingListeningIsUnreachableNotAHang(@TempDir Path evidence) {
        ConnectResult result = probe(evidence).connect(MqttEndpoint.plain("127.0.0.1", Tools.freePort()), MqttVersion.V3_1_1,
                MqttLogin.ANONYMOUS);
        assertThat(result.outcome()).isEqualTo(ConnectResult.Outcome.UNREACHABLE);
    }
}
