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
import org.certbench.probes.tls.RecordingTrustManager;
import org.certbench.probes.tls.TrustChoice;
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
    void theFactoryDefaultPasswordOpensHttpsOnlyWhereThatFlawIs() throws Exception {
        for (Variant variant : Variant.all()) {
            int status = https(variant, "/admin", "admin:admin");
            assertThat(status).as(variant.name()).isEqualTo(variant.has(Flaw.DEFAULT_PASSWORD) ? 200 : 401);
            String owner = Files.readString(secret(variant, "owner")).trim();
            assertThat(https(variant, "/admin", "owner:" + owner)).as(variant.name()).isEqualTo(200);
            assertThat(https(variant, "/.well-known/security.txt", null)).isEqualTo(200);
        }
    }

    @Test
    void plainServicesAndTheDebugPortAnswerOnlyOnTheirVariants() {
        for (Variant variant : Variant.all()) {
            assertThat(open(variant, Variant.HTTP)).as(variant.name() + " http").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(open(variant, Variant.TELNET)).as(variant.name() + " telnet").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(open(variant, Variant.MQTT)).as(variant.name() + " mqtt").isEqualTo(variant.has(Flaw.PLAINTEXT));
            assertThat(open(variant, Variant.DEBUG)).as(variant.name() + " debug").isEqualTo(variant.has(Flaw.DEBUG_PORT));
            assertThat(open(variant, Variant.HTTPS)).as(variant.name() + " https").isTrue();
            assertThat(open(variant, Variant.MQTTS)).as(variant.name() + " mqtts").isTrue();
        }
    }

    @Test
    void theConsoleGivesARootShellOnlyWhereThatFlawIs() throws IOException {
        for (Variant variant : Variant.all()) {
            try (Socket socket = new Socket(variant.inJvmAddress(), Variant.CONSOLE)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write("id\n".getBytes(StandardCharsets.US_ASCII));
                String seen = readUntil(socket.getInputStream(), variant.has(Flaw.ROOT_CONSOLE) ? "uid=0(root)" : "Password:");
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

    private static boolean open(Variant variant, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(variant.inJvmAddress(), port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int https(Variant variant, String path, String userPass) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new RecordingTrustManager(TrustChoice.anything(), variant.inJvmAddress())}, null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://" + variant.inJvmAddress() + ":" + Variant.HTTPS + path))
                .timeout(Duration.ofSeconds(10));
        if (userPass != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
