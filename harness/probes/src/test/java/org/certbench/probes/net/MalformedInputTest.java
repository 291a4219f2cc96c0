package org.certbench.probes.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.DirectoryEvidence;
import org.certbench.probes.testing.NamespaceHost;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed input against real daemons in a network namespace: lighttpd, mosquitto and libcoap's
 * coap-server bear every burst; a service whose handler takes its listener down on a long input (a
 * crashing daemon) is named with the burst that did it.
 */
class MalformedInputTest {

    @TempDir
    static Path dir;

    private static NamespaceHost device;
    private static final List<Daemon> daemons = new ArrayList<>();

    @BeforeAll
    static void startDevice() throws IOException {
        device = NamespaceHost.create();
        String address = device.address();
        Files.createDirectories(dir.resolve("www"));
        Files.writeString(dir.resolve("http.conf"), "server.document-root = \"" + dir.resolve("www") + "\"\nserver.port = 80\n"
                + "server.errorlog = \"" + dir.resolve("http-error.log") + "\"\n");
        daemons.add(device.start(dir, "lighttpd", 80, Tools.require("lighttpd").toString(), "-D", "-f", dir.resolve("http.conf").toString()));
        Files.writeString(dir.resolve("mosquitto.conf"), "user root\nlog_dest stderr\npersistence false\nlistener 1883\nallow_anonymous true\n");
        daemons.add(device.start(dir, "mosquitto", 1883, Tools.require("mosquitto").toString(), "-c", dir.resolve("mosquitto.conf").toString()));
        daemons.add(device.startUdp(dir, "coap-server", 5683, Tools.require("coap-server-openssl").toString(), "-A", address, "-p", "5683"));
        // Takes its own listener down once a connection brings 300 bytes: the crash a fragile parser has.
        daemons.add(device.start(dir, "fragile", 7000, Tools.require("socat").toString(), "TCP-LISTEN:7000,fork,reuseaddr",
                "SYSTEM:head -c 300 | wc -c | grep -q 300 && kill $SOCAT_PPID"));
    }

    @AfterAll
    static void stopDevice() {
        daemons.forEach(Daemon::close);
        if (device != null) {
            device.close();
        }
    }

    private static NetProbe probe(String name) {
        return new NetProbe(new DirectoryEvidence(dir.resolve(name)), Deadline.in(Duration.ofMinutes(2)), ScanOptions.DEFAULT);
    }

    @Test
    void realDaemonsBearEveryBurst() {
        String host = device.address();

        BurstResult http = probe("http").malformedTcp(host, 80, "http", 1);
        BurstResult mqtt = probe("mqtt").malformedTcp(host, 1883, "mqtt", 1);
        BurstResult coap = probe("coap").malformedUdp(host, 5683, UdpProtocol.COAP, 1);

        assertThat(http.killedBy()).as("lighttpd").isEmpty();
        assertThat(http.sent()).hasSize(MalformedInput.tcp("http", 1).size()).contains("http-header-overflow", "http-huge-chunk");
        assertThat(mqtt.killedBy()).as("mosquitto").isEmpty();
        assertThat(mqtt.sent()).contains("mqtt-bad-remaining-length", "mqtt-publish-before-connect");
        assertThat(coap.killedBy()).as("coap-server").isEmpty();
        assertThat(coap.sent()).contains("coap-reserved-token-length-15", "coap-option-longer-than-datagram");
        assertThat(http.cutShort() || mqtt.cutShort() || coap.cutShort()).isFalse();
    }

    @Test
    void aServiceThatDiesIsNamedWithTheBurstThatKilledIt() throws IOException {
        BurstResult result = probe("fragile").malformedTcp(device.address(), 7000, "unknown", 1);

        assertThat(result.killedBy()).contains("random-4k");
        assertThat(result.sent()).containsExactly("random-4k");
        assertThat(Files.readString(dir.resolve("fragile").resolve("malformed-" + device.address() + "-7000-tcp.txt")))
                .contains("random-4k (4096 bytes)").contains("no longer answers");
    }

    @Test
    void theSameSeedSendsTheSameBytes() {
        List<MalformedInput.Burst> once = MalformedInput.tcp("mqtt", 7);
        List<MalformedInput.Burst> again = MalformedInput.tcp("mqtt", 7);
        List<MalformedInput.Burst> other = MalformedInput.tcp("mqtt", 8);

        for (int i = 0; i < once.size(); i++) {
            assertThat(again.get(i).bytes()).as(once.get(i).name()).isEqualTo(once.get(i).bytes());
        }
        assertThat(other.get(0).bytes()).isNotEqualTo(once.get(0).bytes());
    }
}
