package org.certbench.probes.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The TLS scanner against real servers (lighttpd with OpenSSL in three configurations, mosquitto's TLS
 * listener), each compared with sslscan on the same server.
 */
class TlsScannerTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static int modern;
    private static int legacy;
    private static int tls13Only;
    private static int mqtts;
    private static Daemon modernServer;
    private static Daemon legacyServer;
    private static Daemon tls13Server;
    private static Daemon mosquitto;

    @BeforeAll
    static void startServers() throws IOException {
        Tools.require("sslscan");
        pki = TestPki.create(dir);
        Files.createDirectories(dir.resolve("www"));
        modern = Tools.freePort();
        modernServer = lighttpd("modern", modern, "\"MinProtocol\" => \"TLSv1.2\"");
        legacy = Tools.freePort();
        legacyServer = lighttpd("legacy", legacy, "\"MinProtocol\" => \"TLSv1\", \"CipherString\" => \"ALL:@SECLEVEL=0\"");
        tls13Only = Tools.freePort();
        tls13Server = lighttpd("tls13", tls13Only, "\"MinProtocol\" => \"TLSv1.3\"");
        mqtts = Tools.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", "listener " + mqtts + " 127.0.0.1", "allow_anonymous true",
                "user root", "cafile " + pki.caCert(), "certfile " + pki.serverCert(), "keyfile " + pki.serverKey(),
                "log_dest stderr", "persistence false", ""));
        mosquitto = Daemon.start(dir, "mosquitto", mqtts, Tools.require("mosquitto").toString(), "-c", conf.toString());
    }

    private static Daemon lighttpd(String name, int port, String sslConf) throws IOException {
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, String.join("\n",
                "server.document-root = \"" + dir.resolve("www") + "\"",
                "server.port = " + port,
                "server.bind = \"127.0.0.1\"",
                "server.modules = (\"mod_openssl\")",
                "server.errorlog = \"" + dir.resolve(name + "-error.log") + "\"",
                "ssl.engine = \"enable\"",
                "ssl.pemfile = \"" + pki.serverCert() + "\"",
                "ssl.privkey = \"" + pki.serverKey() + "\"",
                "ssl.openssl.ssl-conf-cmd = (" + sslConf + ")", ""));
        return Daemon.start(dir, "lighttpd-" + name, port, Tools.require("lighttpd").toString(), "-D", "-f", conf.toString());
    }

    @AfterAll
    static void stopServers() {
        for (Daemon daemon : new Daemon[] {modernServer, legacyServer, tls13Server, mosquitto}) {
            if (daemon != null) {
                daemon.close();
            }
        }
    }

    private static TlsScan scan(int port) {
        return new TlsScanner(TlsScanOptions.DEFAULT).scan("127.0.0.1", port, Deadline.in(Duration.ofMinutes(2)), null);
    }

    /** Accepted suite codes per version, as sslscan reports them in its XML. */
    private static Map<String, Set<Integer>> sslscan(int port) {
        return parseSslscan(Tools.run(dir, Tools.require("sslscan").toString(), "--xml=-", "--no-colour", "127.0.0.1:" + port));
    }

    private static Map<String, Set<Integer>> parseSslscan(String xml) {
        Map<String, Set<Integer>> accepted = new TreeMap<>();
        Matcher protocol = Pattern.compile("<protocol type=\"(ssl|tls)\" version=\"([0-9.]+)\" enabled=\"1\"").matcher(xml);
        while (protocol.find()) {
            String label = protocol.group(1).equals("ssl") ? "SSLv" + protocol.group(2) : "TLSv" + protocol.group(2);
            accepted.put(label, new TreeSet<>());
        }
        Matcher cipher = Pattern.compile("<cipher status=\"(?:accepted|preferred)\" sslversion=\"([^\"]+)\"[^>]* id=\"0x([0-9A-Fa-f]+)\"")
                .matcher(xml);
        while (cipher.find()) {
            accepted.computeIfAbsent(cipher.group(1), v -> new TreeSet<>()).add(Integer.parseInt(cipher.group(2), 16));
        }
        return accepted;
    }

    private static Map<String, Set<Integer>> asCodes(TlsScan scan) {
        Map<String, Set<Integer>> accepted = new TreeMap<>();
        scan.suites().forEach((version, suites) -> {
            Set<Integer> codes = new TreeSet<>();
            suites.forEach(s -> codes.add(s.code()));
            accepted.put(version.label(), codes);
        });
        return accepted;
    }

    @Test
    void aModernServerAcceptsOnlyTls12And13AndMatchesSslscan() {
        TlsScan scan = scan(modern);

        assertThat(scan.complete()).as(scan.problems().toString()).isTrue();
        assertThat(scan.versions()).containsExactly(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
        assertThat(scan.weakSuites()).isEmpty();
        assertThat(asCodes(scan)).isEqualTo(sslscan(modern));
    }

    @Test
    void aLegacyServerDownToTls10AtSecurityLevel0MatchesSslscanIncludingItsWeakSuites() {
        TlsScan scan = scan(legacy);

        assertThat(scan.versions()).contains(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)
                .doesNotContain(TlsVersion.SSL_3_0);
        assertThat(scan.versions()).filteredOn(TlsVersion::deprecated).containsExactly(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1);
        assertThat(scan.suites(TlsVersion.TLS_1_0)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(asCodes(scan)).isEqualTo(sslscan(legacy));
    }

    @Test
    void rc4And3desThatOpenSslNoLongerSpeaksAreFoundOnAGnuTlsServerAsSslscanFindsThem() {
        try (NamespaceHost device = NamespaceHost.create();
                Daemon gnutls = device.start(dir, "gnutls-serv", 4433, Tools.require("gnutls-serv").toString(),
                        "--x509certfile", pki.serverCert().toString(), "--x509keyfile", pki.serverKey().toString(), "-p", "4433",
                        "--priority", "NORMAL:+ARCFOUR-128:+3DES-CBC:+VERS-TLS1.0:+VERS-TLS1.1:+RSA:+SHA1:+MD5:%COMPAT")) {
            TlsScan scan = new TlsScanner(TlsScanOptions.DEFAULT).scan(device.address(), 4433, Deadline.in(Duration.ofMinutes(2)), null);

            assertThat(scan.suites(TlsVersion.TLS_1_2)).extracting(CipherSuite::ianaName)
                    .contains("TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_RC4_128_MD5", "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
            assertThat(scan.weakSuites()).anyMatch(w -> w.contains("RC4")).anyMatch(w -> w.contains("TRIPLE_DES"));
            String xml = Tools.run(dir, Tools.require("sslscan").toString(), "--xml=-", "--no-colour", device.address() + ":4433");
            assertThat(asCodes(scan)).isEqualTo(parseSslscan(xml));
        }
    }

    @Test
    void mosquittosTlsListenerMatchesSslscan() {
        TlsScan scan = scan(mqtts);

        assertThat(scan.accepts(TlsVersion.TLS_1_2)).isTrue();
        assertThat(asCodes(scan)).isEqualTo(sslscan(mqtts));
    }

    @Test
    void theChainIsReadWithKeySignatureValidityNameAndTrust() {
        TlsScanOptions forDevice = TlsScanOptions.DEFAULT.withServerName("device.lab").withTrustAnchor(TestPki.load(pki.caCert()));
        TlsScan scan = new TlsScanner(forDevice).scan("127.0.0.1", modern, Deadline.NONE, null);

        assertThat(scan.chain()).isNotEmpty();
        CertificateInfo leaf = scan.chain().get(0);
        assertThat(leaf.subject()).isEqualTo("CN=device.lab");
        assertThat(leaf.issuer()).isEqualTo("CN=certbench test lab CA");
        assertThat(leaf.keyType()).isEqualTo("RSA");
        assertThat(leaf.keyBits()).isEqualTo(2048);
        assertThat(leaf.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(leaf.subjectAltNames()).contains("device.lab", "127.0.0.1");
        assertThat(leaf.validAt(java.time.Instant.now())).isTrue();
        assertThat(scan.nameMatches()).contains(true);
        assertThat(scan.trust()).get().extracting(TlsScan.Trust::trusted).isEqualTo(true);

        TlsScan wrongName = new TlsScanner(TlsScanOptions.DEFAULT.withServerName("other.lab")
                .withTrustAnchor(TestPki.load(pki.rogueCert()))).scan("127.0.0.1", modern, Deadline.NONE, null);
        assertThat(wrongName.nameMatches()).contains(false);
        assertThat(wrongName.trust()).get().extracting(TlsScan.Trust::trusted).isEqualTo(false);
    }

    @Test
    void aTls13OnlyServerStillYieldsItsChain() {
        TlsScan scan = scan(tls13Only);

        assertThat(scan.versions()).containsExactly(TlsVersion.TLS_1_3);
        assertThat(scan.chain()).extracting(CertificateInfo::subject).first().isEqualTo("CN=device.lab");
        assertThat(asCodes(scan)).isEqualTo(sslscan(tls13Only));
    }

    @Test
    void aPortThatDoesNotSpeakTlsIsReportedNotHung() throws Exception {
        try (ServerSocket banner = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!banner.isClosed()) {
                    try (Socket client = banner.accept(); OutputStream out = client.getOutputStream()) {
                        out.write("220 ftp.device.lab ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            TlsScan scan = scan(banner.getLocalPort());

            assertThat(scan.versions()).isEmpty();
            assertThat(scan.complete()).isFalse();
            assertThat(scan.problems()).anyMatch(p -> p.contains("does not speak TLS"));
        }
    }

    @Test
    void aSilentServerCostsOneReadTimeoutPerVersionNotAHang() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TlsScan scan = new TlsScanner(TlsScanOptions.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)))
                    .scan("127.0.0.1", silent.getLocalPort(), Deadline.in(Duration.ofSeconds(30)), null);

            assertThat(scan.versions()).isEmpty();
            assertThat(scan.connections()).isEqualTo(EnumSet.allOf(TlsVersion.class).size());
            assertThat(scan.problems()).allMatch(p -> p.startsWith("no answer within 200 ms"));
        }
    }
}
