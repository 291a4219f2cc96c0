package org.certbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.certbench.api.Verdict;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys on a PKCS#11 token (Debian's SoftHSM2) and RFC 3161 time stamps from a local authority built on
 * {@code openssl ts}, each checked by certbench and by openssl.
 */
class SigningTest {

    private static final char[] PASSWORD = ("ks-" + Long.toHexString(System.nanoTime())).toCharArray();
    private static final String SOFTHSM_LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";

    @TempDir
    Path dir;

    private Path bundle;
    private TestKeys.Made keys;
    private X509Certificate ca;
    private HttpServer tsa;
    private Path tsaCert;

    @BeforeEach
    void makeBundle() throws Exception {
        bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.createDirectories(bundle.resolve("evidence"));
        Files.writeString(bundle.resolve("evidence/scan.txt"), "10.0.0.2 9999/tcp open\n");
        ReportFixture.report(Verdict.FAIL).write(bundle.resolve(Report.FILE_NAME));
        keys = TestKeys.create(dir.resolve("keys"), PASSWORD);
        ca = certificate(keys.caCertificate());
    }

    @Test
    void aKeyOnASoftHsm2TokenSignsABundleThatOpensslAccepts() throws Exception {
        Path config = softHsmToken("certbench-lab");
        char[] pin = "4711-lab-pin".toCharArray();
        // Before any login: PKCS#11 keeps a login for the whole process once made.
        assertThatThrownBy(() -> BundleSigner.fromPkcs11(config, null, "wrong-pin".toCharArray())).hasMessageContaining("cannot log in");
        importIntoToken(config, pin, "lab-signing");

        BundleSigner signer = BundleSigner.fromPkcs11(config, null, pin);
        signer.sign(bundle);

        assertThat(signer.certificate().getSubjectX500Principal().getName()).contains(TestKeys.MARK);
        assertThat(BundleVerifier.verify(bundle, ca).problems()).isEmpty();
        assertThat(opensslCmsVerify(keys.caCertificate())).isZero();
        assertThatThrownBy(() -> BundleSigner.fromPkcs11(config, "no-such-key", pin)).hasMessageContaining("holds no key 'no-such-key'")
                .hasMessageContaining("lab-signing");
    }

    @Test
    void aTimeStampFromAnOpensslTsaIsCarriedCheckedAndSeenByOpenssl() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        stampingSigner().sign(bundle);

        BundleVerifier.Result result = BundleVerifier.verify(bundle, ca, certificate(tsaCert));
        assertThat(result.problems()).isEmpty();
        assertThat(result.timeStamp()).contains("CN=certbench test TSA");
        assertThat(Instant.parse(result.timeStamp().split(" ")[0])).isAfter(before).isBefore(Instant.now().plusSeconds(2));
        assertThat(opensslCmsVerify(keys.caCertificate())).isZero().describedAs("the unsigned attribute leaves the CMS signature intact");

        // openssl checks the token on its own: over the signature value, signed by the TSA.
        SignerInformation signer = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(
                Files.readAllBytes(bundle.resolve(Manifest.FILE_NAME))), Files.readAllBytes(bundle.resolve(Manifest.SIGNATURE_NAME)))
                .getSignerInfos().getSigners().iterator().next();
        Files.write(dir.resolve("signature-value.bin"), signer.getSignature());
        Files.write(dir.resolve("token.der"), signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
                .getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded());
        Tools.run(dir, "openssl", "ts", "-verify", "-data", "signature-value.bin", "-in", "token.der", "-token_in", "-CAfile",
                tsaCert.toString());

        // A time stamp from another authority than the trusted one is refused.
        assertThat(BundleVerifier.verify(bundle, ca, ca).problems()).anyMatch(p -> p.contains("does not lead to the trusted TSA"));
    }

    @Test
    void aTimeStampOverAnotherSignatureIsCaught() throws Exception {
        stampingSigner().sign(bundle);
        CMSSignedData first = new CMSSignedData(Files.readAllBytes(bundle.resolve(Manifest.SIGNATURE_NAME)));
        SignerInformation firstSigner = first.getSignerInfos().getSigners().iterator().next();

        // Re-sign (a new ECDSA signature value) and graft the old token onto it.
        BundleSigner.fromPkcs12(keys.keystore(), PASSWORD).sign(bundle);
        CMSSignedData second = new CMSSignedData(Files.readAllBytes(bundle.resolve(Manifest.SIGNATURE_NAME)));
        SignerInformation grafted = SignerInformation.replaceUnsignedAttributes(second.getSignerInfos().getSigners().iterator().next(),
                firstSigner.getUnsignedAttributes());
        Files.write(bundle.resolve(Manifest.SIGNATURE_NAME), CMSSignedData.replaceSigners(second,
                new org.bouncycastle.cms.SignerInformationStore(List.of(grafted))).getEncoded());

        assertThat(BundleVerifier.verify(bundle, ca, certificate(tsaCert)).problems()).containsExactly("the time stamp is not over this signature");
    }

    /** A signer whose signatures a local {@code openssl ts} authority time-stamps; the authority stops after the test. */
    private BundleSigner stampingSigner() throws Exception {
        tsaCert = makeTsa();
        tsa = opensslTsa();
        URI url = URI.create("http://127.0.0.1:" + tsa.getAddress().getPort() + "/tsa");
        return BundleSigner.fromPkcs12(keys.keystore(), PASSWORD).withTimeStamps(new TimeStampClient(url, Duration.ofSeconds(10)));
    }

    @AfterEach
    void stopTsa() {
        if (tsa != null) {
            tsa.stop(0);
        }
    }

    /** A fresh SoftHSM2 token in this test's folder ({@code SOFTHSM2_CONF} is set for the tests by the pom). */
    private Path softHsmToken(String label) throws Exception {
        Tools.require("softhsm2-util");
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path tokens = conf.resolveSibling("tokens");
        Files.createDirectories(tokens);
        try (var old = Files.list(tokens)) {
            for (Path p : old.toList()) {
                Tools.run(dir, "rm", "-rf", p.toString());
            }
        }
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        Tools.run(dir, "softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "12345678", "--pin", "4711-lab-pin");
        Path config = dir.resolve("pkcs11.cfg");
        Files.writeString(config, "name = SoftHSM\nlibrary = " + SOFTHSM_LIBRARY + "\nslotListIndex = 0\n");
        return config;
    }

    private void importIntoToken(Path config, char[] pin, String alias) throws Exception {
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.keystore())) {
            p12.load(in, PASSWORD);
        }
        Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, pin);
        Certificate[] chain = p12.getCertificateChain(TestKeys.ALIAS);
        token.setKeyEntry(alias, (PrivateKey) p12.getKey(TestKeys.ALIAS, PASSWORD), null, chain);
    }

    private Path makeTsa() throws Exception {
        Tools.run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "tsa.key",
                "-out", "tsa.pem", "-subj", "/CN=certbench test TSA", "-days", "2", "-addext", "extendedKeyUsage=critical,timeStamping",
                "-addext", "keyUsage=critical,digitalSignature");
        Files.writeString(dir.resolve("tsaserial"), "01\n");
        Files.writeString(dir.resolve("tsa.cnf"), """
                [ tsa ]
                default_tsa = local_tsa
                [ local_tsa ]
                dir = %s
                serial = $dir/tsaserial
                signer_cert = $dir/tsa.pem
                certs = $dir/tsa.pem
                signer_key = $dir/tsa.key
                signer_digest = sha256
                default_policy = 1.3.6.1.4.1.99999.1
                digests = sha256, sha384, sha512
                accuracy = secs:1
                ess_cert_id_alg = sha256
                """.formatted(dir));
        return dir.resolve("tsa.pem");
    }

    /** An RFC 3161 HTTP front for {@code openssl ts -reply}, on loopback. */
    private HttpServer opensslTsa() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/tsa", exchange -> {
            try (exchange) {
                Path query = Files.createTempFile(dir, "query", ".tsq");
                Path reply = dir.resolve(query.getFileName() + ".tsr");
                Files.write(query, exchange.getRequestBody().readAllBytes());
                Tools.run(dir, "openssl", "ts", "-reply", "-config", "tsa.cnf", "-queryfile", query.toString(), "-out", reply.toString());
                byte[] bytes = Files.readAllBytes(reply);
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
        return server;
    }

    private int opensslCmsVerify(Path caFile) throws Exception {
        Process process = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", Manifest.SIGNATURE_NAME,
                "-content", Manifest.FILE_NAME, "-CAfile", caFile.toString(), "-purpose", "any", "-out", "/dev/null")
                .directory(bundle.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
