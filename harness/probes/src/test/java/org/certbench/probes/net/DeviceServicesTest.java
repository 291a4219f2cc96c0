package org.certbench.probes.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.NamespaceHost;
import org.certbench.probes.testing.TestPki;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device built from real Debian daemons in its own network namespace: sshd, vsftpd, busybox telnetd,
 * lighttpd (HTTP and HTTPS), mosquitto (MQTT and MQTTS) on TCP; dnsmasq, chronyd, snmpd, avahi-daemon,
 * minissdpd and coap-server on UDP. The net probes must name each service, and the TCP scan must find
 * the same open ports as {@code nmap -sT -p-}.
 */
class DeviceServicesTest {

    @TempDir
    static Path dir;

    private static NamespaceHost device;
    private static final List<Daemon> daemons = new ArrayList<>();

    @BeforeAll
    static void startDevice() throws Exception {
        TestPki pki = TestPki.create(dir);
        device = NamespaceHost.create();
        String address = device.address();

        Tools.run(dir, Tools.require("ssh-keygen").toString(), "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_ed25519").toString());
        Files.createDirectories(Path.of("/run/sshd"));
        write("sshd_config", "Port 22", "HostKey " + dir.resolve("host_ed25519"), "PidFile " + dir.resolve("sshd.pid"), "UsePAM no");
        daemons.add(device.start(dir, "sshd", 22, Tools.require("sshd").toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString()));

        Files.createDirectories(Path.of("/var/run/vsftpd/empty"));
        write("vsftpd.conf", "listen=YES", "listen_port=21", "background=NO", "anonymous_enable=NO", "local_enable=YES",
                "ftpd_banner=ACME T1 FTP service", "secure_chroot_dir=/var/run/vsftpd/empty", "seccomp_sandbox=NO");
        daemons.add(device.start(dir, "vsftpd", 21, Tools.require("vsftpd").toString(), dir.resolve("vsftpd.conf").toString()));

        daemons.add(device.start(dir, "telnetd", 23, Tools.require("busybox").toString(), "telnetd", "-F", "-p", "23", "-l", "/bin/login"));

        Files.createDirectories(dir.resolve("www"));
        write("http.conf", "server.document-root = \"" + dir.resolve("www") + "\"", "server.port = 80", "server.tag = \"ACME-T1-web\"",
                "server.errorlog = \"" + dir.resolve("http-error.log") + "\"");
        daemons.add(device.start(dir, "lighttpd-http", 80, Tools.require("lighttpd").toString(), "-D", "-f", dir.resolve("http.conf").toString()));
        write("https.conf", "server.document-root = \"" + dir.resolve("www") + "\"", "server.port = 443", "server.modules = (\"mod_openssl\")",
                "server.errorlog = \"" + dir.resolve("https-error.log") + "\"", "ssl.engine = \"enable\"",
                "ssl.pemfile = \"" + pki.serverCert() + "\"", "ssl.privkey = \"" + pki.serverKey() + "\"");
        daemons.add(device.start(dir, "lighttpd-https", 443, Tools.require("lighttpd").toString(), "-D", "-f", dir.resolve("https.conf").toString()));

        write("mosquitto.conf", "user root", "log_dest stderr", "persistence false", "listener 1883", "allow_anonymous true",
                "listener 8883", "certfile " + pki.serverCert(), "keyfile " + pki.serverKey());
        daemons.add(device.start(dir, "mosquitto", 8883, Tools.require("mosquitto").toString(), "-c", dir.resolve("mosquitto.conf").toString()));

        daemons.add(device.start(dir, "dnsmasq", 53, Tools.require("dnsmasq").toString(), "-d", "-k", "--conf-file=/dev/null", "--no-resolv",
                "--no-hosts", "--user=root", "--listen-address=" + address, "--bind-interfaces", "--pid-file=" + dir.resolve("dnsmasq.pid")));
        write("chrony.conf", "allow all", "local stratum 8", "cmdport 0", "bindaddress " + address, "pidfile " + dir.resolve("chronyd.pid"));
        daemons.add(device.startUdp(dir, "chronyd", 123, Tools.require("chronyd").toString(), "-d", "-x", "-f", dir.resolve("chrony.conf").toString()));
        write("snmpd.conf", "rocommunity public", "sysDescr ACME T1 Thermostat firmware 2.4.1");
        daemons.add(device.startUdp(dir, "snmpd", 161, Tools.require("snmpd").toString(), "-f", "-Lo", "-C", "-c", dir.resolve("snmpd.conf").toString(),
                "-p", dir.resolve("snmpd.pid").toString(), "udp:" + address + ":161"));
        write("avahi.conf", "[server]", "use-ipv6=no", "allow-interfaces=" + device.deviceLink(), "enable-dbus=no", "host-name=acme-t1-0042");
        daemons.add(device.startUdp(dir, "avahi", 5353, Tools.require("avahi-daemon").toString(), "--no-drop-root", "--no-chroot", "--no-rlimits",
                "-f", dir.resolve("avahi.conf").toString()));
        daemons.add(device.startUdp(dir, "minissdpd", 1900, Tools.require("minissdpd").toString(), "-d", "-i", device.deviceLink(), "-s",
                dir.resolve("ssdp.sock").toString(), "-p", dir.resolve("ssdp.pid").toString()));
        announceUpnpRootDevice(dir.resolve("ssdp.sock"), address);
        daemons.add(device.startUdp(dir, "coap-server", 5683, Tools.require("coap-server-openssl").toString(), "-A", address, "-p", "5683",
                "-k", "device-psk"));
    }

    private static void write(String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    /** Registers a UPnP root device with minissdpd, as miniupnpd does (request type 4: ST, USN, server, location). */
    private static void announceUpnpRootDevice(Path socket, String address) throws IOException {
        java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
        request.write(4);
        for (String field : new String[] {"upnp:rootdevice", "uuid:acme-t1-0042::upnp:rootdevice", "ACME/1.0 UPnP/1.1 T1/2.4.1",
            "http://" + address + ":49152/desc.xml"}) {
            byte[] bytes = field.getBytes(StandardCharsets.US_ASCII);
            request.write(bytes.length);
            request.writeBytes(bytes);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request.toByteArray()));
        }
    }

    @AfterAll
    static void stopDevice() {
        daemons.forEach(Daemon::close);
        if (device != null) {
            device.close();
        }
    }

    @Test
    void theTcpScanFindsTheSameOpenPortsAsNmap() throws Exception {
        PortScan scan = new TcpPortScanner(ScanOptions.DEFAULT).scan(device.address(), PortRange.ALL, Deadline.NONE);
        String xml = Tools.run(dir, Tools.require("nmap").toString(), "-sT", "-p-", "-T4", "-n", "-Pn", "--open", "-oX", "-", device.address());
        TreeSet<Integer> nmap = new TreeSet<>();
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("<port protocol=\"tcp\" portid=\"(\\d+)\"><state state=\"open\"").matcher(xml);
        while (port.find()) {
            nmap.add(Integer.parseInt(port.group(1)));
        }

        assertThat(scan.open()).contains(21, 22, 23, 53, 80, 443, 1883, 5683, 8883);
        assertThat(scan.open()).isEqualTo(nmap);
    }

    @Test
    void eachTcpServiceIsNamedBySpeakingItsProtocol() {
        ServiceIdentifier identifier = new ServiceIdentifier(Duration.ofSeconds(2));
        Map<Integer, ServiceGuess> guesses = List.of(1, 21, 22, 23, 80, 443, 1883, 8883).stream()
                .map(p -> identifier.identify(device.address(), p, Deadline.in(Duration.ofSeconds(30))))
                .collect(Collectors.toMap(ServiceGuess::port, Function.identity()));

        assertThat(guesses.get(1).reachable()).as("nothing listens on 1/tcp").isFalse();
        assertThat(guesses.get(21).service()).isEqualTo("ftp");
        assertThat(guesses.get(21).banner()).contains("ACME T1 FTP service");
        assertThat(guesses.get(22).service()).isEqualTo("ssh");
        assertThat(guesses.get(22).banner()).startsWith("SSH-2.0-OpenSSH");
        assertThat(guesses.get(23).service()).isEqualTo("telnet");
        assertThat(guesses.get(80).service()).isEqualTo("http");
        assertThat(guesses.get(80).banner()).contains("Server: ACME-T1-web");
        assertThat(guesses.get(443).service()).isEqualTo("https");
        assertThat(guesses.get(443).tls()).isTrue();
        assertThat(guesses.get(1883).service()).isEqualTo("mqtt");
        assertThat(guesses.get(8883).service()).isEqualTo("mqtts");
    }

    @Test
    void udpPortsAreNamedByTheirAnswersAndSilenceIsNotOpen() throws Exception {
        int silent = 40_000;
        try (Daemon sink = device.startUdp(dir, "udp-sink", silent, Tools.require("socat").toString(), "-u", "UDP-RECV:" + silent, "/dev/null")) {
            List<UdpPortResult> results = new UdpProber(Duration.ofSeconds(3))
                    .probe(device.address(), List.of(53, 123, 161, 1900, 5353, 5683, 5684, silent, 40001), Deadline.in(Duration.ofSeconds(60)));
            Map<Integer, UdpPortResult> byPort = results.stream().collect(Collectors.toMap(UdpPortResult::port, Function.identity()));

            assertThat(byPort.get(53).protocol()).isEqualTo(UdpProtocol.DNS);
            assertThat(byPort.get(123).protocol()).isEqualTo(UdpProtocol.NTP);
            assertThat(byPort.get(123).summary()).contains("stratum");
            assertThat(byPort.get(161).protocol()).isEqualTo(UdpProtocol.SNMP);
            assertThat(byPort.get(161).summary()).contains("community 'public'").contains("sysDescr=ACME T1 Thermostat firmware 2.4.1");
            assertThat(byPort.get(1900).protocol()).isEqualTo(UdpProtocol.SSDP);
            assertThat(byPort.get(1900).summary()).contains("SERVER: ACME/1.0 UPnP/1.1 T1/2.4.1");
            assertThat(byPort.get(5353).protocol()).as(byPort.get(5353).summary()).isEqualTo(UdpProtocol.MDNS);
            assertThat(byPort.get(5683).protocol()).as(byPort.get(5683).summary()).isEqualTo(UdpProtocol.COAP);
            assertThat(byPort.get(5684).protocol()).isEqualTo(UdpProtocol.DTLS);
            assertThat(byPort.get(silent).state()).as(byPort.get(silent).summary()).isEqualTo(UdpPortResult.State.NO_ANSWER);
            assertThat(byPort.get(40001).state()).isEqualTo(UdpPortResult.State.CLOSED);
        }
    }
}
