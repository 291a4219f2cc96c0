package org.certbench.lab.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.certbench.probes.Deadline;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RogueAttempt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every in-JVM variant, met with real clients: each flaw where its variant says, and nowhere else. */
class InJvmBenchTest {

    private static Path dir;
    private static InJvmBench bench;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("certbench-injvm-test");
        bench = InJvmBench.start(Variant.all(), dir);
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @Test
    void eachDevicesMqttsPresentsAKeyOfItsOwnNotTheLabBrokersButTheSharedKeyOnesTheFirmwares() throws Exception {
        java.util.Set<java.security.PublicKey> own = new java.util.HashSet<>();
        java.util.Set<java.security.PublicKey> firmware = new java.util.HashSet<>();
        for (Variant variant : Variant.all()) {
            (variant.has(Flaw.SHARED_KEY) ? firmware : own).add(DeviceClients.serverKey(variant.inJvmAddress(), Variant.MQTTS));
        }
        long sharing = Variant.all().stream().filter(v -> v.has(Flaw.SHARED_KEY)).count();
        assertThat(sharing).isEqualTo(2);
        assertThat(own).hasSize(Variant.all().size() - (int) sharing).doesNotContainAnyElementsOf(firmware)
                .doesNotContain(DeviceClients.serverKey(bench.broker().tlsEndpoint().getHostString(), bench.broker().tlsEndpoint().getPort()));
        assertThat(firmware).as("one firmware key for every unit that has the flaw").hasSize(1);
    }

    @Test
    void theFactoryDefaultPasswordOpensHttpsOnlyWhereThatFlawIs() throws Exception {
        for (Variant variant : Variant.all()) {
            int status = DeviceClients.https(variant.inJvmAddress(), "/admin", "admin:admin");
            assertThat(status).as(variant.name()).isEqualTo(variant.has(Flaw.DEFAULT_PASSWORD) ? 200 : 401);
            String owner = Files.readString(secret(variant, "owner")).trim();
            assertThat(DeviceClients.https(variant.inJvmAddress(), "/admin", "owner:" + owner)).as(variant.name()).isEqualTo(200);
            assertThat(DeviceClients.https(variant.inJvmAddress(), "/.well-known/security.txt", null)).isEqualTo(200);
        }
    }

    @Test
    void plainServicesAndTheDebugPortAnswerOnlyOnTheirVariants() {
        for (Variant variant : Variant.all()) {
            assertThat(DeviceClients.open(variant.inJvmAddress(), Variant.HTTP)).as(variant.name() + " http").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(DeviceClients.open(variant.inJvmAddress(), Variant.TELNET)).as(variant.name() + " telnet").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(DeviceClients.open(variant.inJvmAddress(), Variant.MQTT)).as(variant.name() + " mqtt").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(DeviceClients.open(variant.inJvmAddress(), Variant.DEBUG)).as(variant.name() + " debug").isEqualTo(variant.has(Flaw.DEBUG_PORT));
            assertThat(DeviceClients.open(variant.inJvmAddress(), Variant.HTTPS)).as(variant.name() + " https").isTrue();
            assertThat(DeviceClients.open(variant.inJvmAddress(), Variant.MQTTS)).as(variant.name() + " mqtts").isTrue();
        }
    }

    @Test
    void theConsoleGivesARootShellOnlyWhereThatFlawIs() throws IOException {
        for (Variant variant : Variant.all()) {
            try (Socket socket = new Socket(variant.inJvmAddress(), Variant.CONSOLE)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write("id\n".getBytes(StandardCharsets.US_ASCII));
                String seen = DeviceClients.readUntil(socket.getInputStream(), variant.has(Flaw.ROOT_CONSOLE) ? "uid=0(root)" : "Password:");
                assertThat(seen).as(variant.name()).contains(variant.has(Flaw.ROOT_CONSOLE) ? "uid=0(root)" : "login:");
            }
        }
    }

    @Test
    void eachDeviceReportsToTheLabBrokerAndMeetsTheRogueListenerAsItsTrustSays() throws InterruptedException {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (!deadline.expired() && !Variant.all().stream().allMatch(v -> rogue(v).size() > 0 && sessions(v).stream()
                .anyMatch(s -> !s.publishes().isEmpty()))) {
            Thread.sleep(200);
        }
        for (Variant variant : Variant.all()) {
            List<BrokerSession> sessions = sessions(variant);
            assertThat(sessions).as(variant.name()).isNotEmpty();
            BrokerSession uplink = sessions.get(0);
            assertThat(uplink.tls()).as(variant.name()).isEqualTo(!variant.has(Flaw.PLAINTEXT));
            assertThat(uplink.passwordSent()).isTrue();
            assertThat(uplink.publishes()).isNotEmpty();
            assertThat(uplink.publishes().get(0).topic()).isEqualTo("devices/" + variant.deviceId() + "/telemetry");
            RogueAttempt.Outcome expected = variant.has(Flaw.ACCEPTS_ANY_BROKER_CERT) ? RogueAttempt.Outcome.ACCEPTED
                    : RogueAttempt.Outcome.REFUSED;
            assertThat(rogue(variant)).as(variant.name()).extracting(RogueAttempt::outcome).containsOnly(expected);
        }
    }

    @Test
    void theProfilesInTheRepositoryAreWhatTheBenchRenders() throws IOException {
        Path repo = Path.of("..", "device-profiles", "virtual");
        for (Variant variant : Variant.all()) {
            String rendered = VirtualProfiles.render(variant, variant.inJvmAddress(), VirtualProfiles.OWNER_ENV, VirtualProfiles.PSK_ENV,
                    List.of());
            Path file = repo.resolve(variant.name() + ".yaml");
            if (Boolean.getBoolean("certbench.regenerate")) {
                Files.writeString(file, rendered, StandardCharsets.UTF_8);
            }
            assertThat(file).as("regenerate with -Dcertbench.regenerate=true").hasContent(rendered);
        }
        String flawed = Files.readString(bench.profiles().get(Variant.flawed()));
        assertThat(flawed).contains("host: 127.0.10.2").contains("password: \"file:").doesNotContain("env:");
        String owner = Files.readString(secret(Variant.flawed(), "owner")).trim();
        assertThat(flawed).doesNotContain(owner);
        assertThat(Files.readString(bench.benchFile())).contains("virtual-flawed-console: telnet://127.0.10.2:4000");
    }

    private static List<BrokerSession> sessions(Variant variant) {
        return bench.broker().sessions().stream().filter(s -> s.remoteAddress().equals(variant.inJvmAddress()))
                .filter(s -> s.listener().equals("plain") || s.listener().equals("tls")).toList();
    }

    private static List<RogueAttempt> rogue(Variant variant) {
        return bench.broker().rogueAttempts().stream().filter(a -> a.remoteAddress().equals(variant.inJvmAddress())).toList();
    }

    private static Path secret(Variant variant, String kind) {
        return dir.resolve("secrets").resolve(variant.name() + "." + kind);
    }

}
