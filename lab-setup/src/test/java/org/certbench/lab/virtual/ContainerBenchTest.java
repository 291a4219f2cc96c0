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
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every variant as a container on the engine's bridge (Podman here, through its Docker API), met
 * over the real network path: services and flaws where the variant says, the uplink to the lab broker,
 * and the rogue listener. Fails under CI when no engine answers: .ci/run provisions one.
 */
class ContainerBenchTest {

    private static Path dir;
    private static ContainerBench bench;

    @BeforeAll
    static void start() throws IOException {
        Tools.requireThat(ContainerBench.engineReachable(),
                "no container engine answers (run lab-setup/install.sh and export what it prints)");
        Tools.requireThat(ContainerBench.imagePresent(), ContainerBench.IMAGE + " is not built (run lab-setup/install.sh)");
        dir = Files.createTempDirectory("certbench-container-test");
        bench = ContainerBench.start(Variant.all(), dir);
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void eachDeviceIsAHostOfItsOwnWithItsVariantsServices() {
        assertThat(bench.addresses().values()).doesNotHaveDuplicates().allSatisfy(a -> assertThat(a).doesNotStartWith("127."));
        for (Variant variant : Variant.all()) {
            String host = bench.addresses().get(variant);
            assertThat(DeviceClients.open(host, Variant.HTTPS)).as(variant.name() + " https").isTrue();
            assertThat(DeviceClients.open(host, Variant.MQTTS)).as(variant.name() + " mqtts").isTrue();
            assertThat(DeviceClients.open(host, Variant.CONSOLE)).as(variant.name() + " console").isTrue();
            assertThat(DeviceClients.open(host, Variant.HTTP)).as(variant.name() + " http").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(DeviceClients.open(host, Variant.MQTT)).as(variant.name() + " mqtt").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(DeviceClients.open(host, Variant.TELNET)).as(variant.name() + " telnet").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(DeviceClients.open(host, Variant.DEBUG)).as(variant.name() + " debug").isEqualTo(variant.has(Flaw.DEBUG_PORT));
        }
    }

    @Test
    void theFactoryDefaultPasswordOpensLighttpdOnlyWhereThatFlawIs() throws Exception {
        for (Variant variant : Variant.all()) {
            String host = bench.addresses().get(variant);
            assertThat(DeviceClients.https(host, "/admin/", "admin:admin")).as(variant.name()).isEqualTo(variant.has(Flaw.DEFAULT_PASSWORD) ? 200 : 401);
            String owner = Files.readString(dir.resolve("secrets").resolve(variant.name() + ".owner")).trim();
            assertThat(DeviceClients.https(host, "/admin/", "owner:" + owner)).as(variant.name()).isEqualTo(200);
        }
    }

    @Test
    void theConsoleGivesARootShellOnlyWhereThatFlawIs() throws IOException {
        for (Variant variant : List.of(Variant.secure(), Variant.only(Flaw.ROOT_CONSOLE))) {
            try (Socket socket = new Socket(bench.addresses().get(variant), Variant.CONSOLE)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("\nid\n".getBytes(StandardCharsets.US_ASCII));
                String marker = variant.has(Flaw.ROOT_CONSOLE) ? "uid=0(root)" : "login:";
                assertThat(DeviceClients.readUntil(socket.getInputStream(), marker)).as(variant.name()).contains(marker);
            }
        }
    }

    @Test
    void eachDeviceReportsToTheLabBrokerFromItsOwnAddressAndMeetsTheRogueListenerAsItsTrustSays() throws InterruptedException {
        Deadline deadline = Deadline.in(Duration.ofSeconds(60));
        while (!deadline.expired() && !Variant.all().stream().allMatch(v -> !rogue(v).isEmpty() && !sessions(v).isEmpty())) {
            Thread.sleep(250);
        }
        for (Variant variant : Variant.all()) {
            List<BrokerSession> sessions = sessions(variant);
            assertThat(sessions).as(variant.name()).isNotEmpty();
            BrokerSession uplink = sessions.get(0);
            assertThat(uplink.clientId()).isEqualTo(variant.deviceId());
            assertThat(uplink.tls()).as(variant.name()).isEqualTo(!variant.has(Flaw.PLAINTEXT));
            assertThat(uplink.passwordSent()).isTrue();
            assertThat(rogue(variant)).as(variant.name()).extracting(RogueAttempt::outcome).containsOnly(
                    variant.has(Flaw.ACCEPTS_ANY_BROKER_CERT) ? RogueAttempt.Outcome.ACCEPTED : RogueAttempt.Outcome.REFUSED);
        }
    }

    private static List<BrokerSession> sessions(Variant variant) {
        return bench.broker().sessions().stream().filter(s -> s.remoteAddress().equals(bench.addresses().get(variant)))
                .filter(s -> !s.publishes().isEmpty()).toList();
    }

    private static List<RogueAttempt> rogue(Variant variant) {
        return bench.broker().rogueAttempts().stream().filter(a -> a.remoteAddress().equals(bench.addresses().get(variant))).toList();
    }

}
