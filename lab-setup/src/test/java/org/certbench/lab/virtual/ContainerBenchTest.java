package org.certbench.lab.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.certbench.probes.Deadline;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RogueAttempt;
import org.certbench.probes.testing.Tools;
import org.certbench.probes.tls.RecordingTrustManager;
import org.certbench.probes.tls.TrustChoice;
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
            assertThat(open(host, Variant.HTTPS)).as(variant.name() + " https").isTrue();
            assertThat(open(host, Variant.MQTTS)).as(variant.name() + " mqtts").isTrue();
            assertThat(open(host, Variant.CONSOLE)).as(variant.name() + " console").isTrue();
            assertThat(open(host, Variant.HTTP)).as(variant.name() + " http").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(open(host, Variant.MQTT)).as(variant.name() + " mqtt").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(open(host, Variant.TELNET)).as(variant.name() + " telnet").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(open(host, Variant.DEBUG)).as(variant.name() + " debug").isEqualTo(variant.has(Flaw.DEBUG_PORT));
        }
    }

    @Test
    void theFactoryDefaultPasswordOpensLighttpdOnlyWhereThatFlawIs() throws Exception {
        for (Variant variant : Variant.all()) {
            String host = bench.addresses().get(variant);
            assertThat(https(host, "admin:admin")).as(variant.name()).isEqualTo(variant.has(Flaw.DEFAULT_PASSWORD) ? 200 : 401);
            String owner = Files.readString(dir.resolve("secrets").resolve(variant.name() + ".owner")).trim();
            assertThat(https(host, "owner:" + owner)).as(variant.name()).isEqualTo(200);
        }
    }

    @Test
    void theConsoleGivesARootShellOnlyWhereThatFlawIs() throws IOException {
        for (Variant variant : List.of(Variant.secure(), Variant.only(Flaw.ROOT_CONSOLE))) {
            try (Socket socket = new Socket(bench.addresses().get(variant), Variant.CONSOLE)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("\nid\n".getBytes(StandardCharsets.US_ASCII));
                String marker = variant.has(Flaw.ROOT_CONSOLE) ? "uid=0(root)" : "login:";
                assertThat(readUntil(socket.getInputStream(), marker)).as(variant.name()).contains(marker);
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

    private static boolean open(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 3_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int https(String host, String userPass) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new RecordingTrustManager(TrustChoice.anything(), host)}, null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + host + ":" + Variant.HTTPS + "/admin/"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        int b;
        while (!seen.toString().contains(marker) && (b = in.read()) >= 0) {
            seen.append((char) b);
        }
        return seen.toString();
    }
}
