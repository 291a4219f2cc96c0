package org.certbench.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
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

/** The HTTP probe against lighttpd: pages, redirects, Basic and Digest auth, and HTTPS with a chosen trust. */
class HttpProbeTest {

    private static final String PASSWORD = "Web-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static int http;
    private static int https;
    private static Daemon plain;
    private static Daemon secure;

    @BeforeAll
    static void startServers() throws Exception {
        pki = TestPki.create(dir);
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "<h1>ACME T1</h1>\n");
        Files.createDirectories(www.resolve("new"));
        Files.writeString(www.resolve("new/index.html"), "moved here\n");
        Files.createDirectories(www.resolve("basic"));
        Files.writeString(www.resolve("basic/index.html"), "basic area\n");
        Files.createDirectories(www.resolve("digest"));
        Files.writeString(www.resolve("digest/index.html"), "digest area\n");
        String ha1 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(("owner:ACME:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("htdigest"), "owner:ACME:" + ha1 + "\n");
        http = Tools.freePort();
        https = Tools.freePort();
        String common = String.join("\n", "server.document-root = \"" + www + "\"", "server.bind = \"127.0.0.1\"",
                "index-file.names = (\"index.html\")", "server.tag = \"ACME-T1-web\"",
                "auth.backend = \"htdigest\"", "auth.backend.htdigest.userfile = \"" + dir.resolve("htdigest") + "\"",
                "auth.require = (\"/basic/\" => (\"method\" => \"basic\", \"realm\" => \"ACME\", \"require\" => \"valid-user\"),",
                "                \"/digest/\" => (\"method\" => \"digest\", \"realm\" => \"ACME\", \"require\" => \"valid-user\"))",
                "url.redirect = (\"^/old$\" => \"/new/\")", "");
        Files.writeString(dir.resolve("http.conf"), common + "server.port = " + http + "\nserver.modules = (\"mod_auth\", \"mod_authn_file\", \"mod_redirect\")\n"
                + "server.errorlog = \"" + dir.resolve("http-error.log") + "\"\n");
        Files.writeString(dir.resolve("https.conf"), common + "server.port = " + https
                + "\nserver.modules = (\"mod_auth\", \"mod_authn_file\", \"mod_redirect\", \"mod_openssl\")\n"
                + "server.errorlog = \"" + dir.resolve("https-error.log") + "\"\nssl.engine = \"enable\"\n"
                + "ssl.pemfile = \"" + pki.serverCert() + "\"\nssl.privkey = \"" + pki.serverKey() + "\"\n");
        plain = Daemon.start(dir, "lighttpd-http", http, Tools.require("lighttpd").toString(), "-D", "-f", dir.resolve("http.conf").toString());
        secure = Daemon.start(dir, "lighttpd-https", https, Tools.require("lighttpd").toString(), "-D", "-f", dir.resolve("https.conf").toString());
    }

    @AfterAll
    static void stopServers() {
        if (plain != null) {
            plain.close();
        }
        if (secure != null) {
            secure.close();
        }
    }

    private static HttpProbe probe(Path evidence) {
        return new HttpProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofSeconds(30)));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http + path);
    }

    @Test
    void aPageComesWithItsStatusHeadersAndBody(@TempDir Path evidence) throws IOException {
        HttpResult page = probe(evidence).request(HttpCall.get(uri("/")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Server")).contains("ACME-T1-web");
        assertThat(page.text()).isEqualTo("<h1>ACME T1</h1>\n");
        assertThat(new DirectoryEvidence(evidence).allText()).contains("> GET http://127.0.0.1:" + http + "/, no credentials")
                .contains("< HTTP 200").contains("server: ACME-T1-web");
    }

    @Test
    void redirectsAreFollowedAndRecordedOrNot(@TempDir Path evidence) {
        HttpResult followed = probe(evidence).request(HttpCall.get(uri("/old")));
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.text()).isEqualTo("moved here\n");
        assertThat(followed.redirects()).containsExactly(uri("/old") + " -> " + uri("/new/"));

        HttpResult held = probe(evidence).request(HttpCall.get(uri("/old")).withRedirects(0));
        assertThat(held.status()).isBetween(301, 308);
        assertThat(held.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/new/"));
    }

    @Test
    void basicAndDigestCredentialsAnswerTheChallengeAndNeverShow(@TempDir Path evidence) throws IOException {
        for (String path : new String[] {"/basic/", "/digest/"}) {
            HttpResult without = probe(evidence).request(HttpCall.get(uri(path)));
            HttpResult wrong = probe(evidence).request(HttpCall.get(uri(path)).withAuth(HttpAuth.of("owner", "nope")));
            HttpResult right = probe(evidence).request(HttpCall.get(uri(path)).withAuth(HttpAuth.of("owner", PASSWORD)));

            assertThat(without.status()).isEqualTo(401);
            assertThat(without.scheme()).isEqualTo(path.equals("/basic/") ? "Basic" : "Digest");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(right.status()).as(path).isEqualTo(200);
        }
        assertThat(new DirectoryEvidence(evidence).allText()).contains("user 'owner', password ***").doesNotContain(PASSWORD)
                .doesNotContainIgnoringCase("authorization:");
    }

    @Test
    void aBodyIsSentWithTheMethodAsked(@TempDir Path evidence) throws IOException {
        HttpResult post = probe(evidence).request(HttpCall.get(uri("/index.html")).withMethod("POST", "setpoint=21".getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(post.answered()).isTrue();
        assertThat(new DirectoryEvidence(evidence).allText()).contains("> POST http://127.0.0.1:" + http + "/index.html (11 bytes)");
    }

    @Test
    void httpsIsJudgedByTheChosenTrust(@TempDir Path evidence) {
        URI secureUri = URI.create("https://127.0.0.1:" + https + "/");
        HttpResult trusted = probe(evidence).request(HttpCall.get(secureUri).withTrust(TrustChoice.labCa(TestPki.load(pki.caCert()))));
        assertThat(trusted.status()).as(trusted.toString()).isEqualTo(200);
        assertThat(trusted.tls()).get().satisfies(f -> assertThat(f.accepted()).isTrue());

        HttpResult refused = probe(evidence).request(HttpCall.get(secureUri).withTrust(TrustChoice.pinned(TestPki.load(pki.rogueCert()))));
        assertThat(refused.answered()).isFalse();
        assertThat(refused.problem()).startsWith("TLS refused: ").contains("is not the pinned one");
    }
}
