package org.certbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.certbench.api.Verdict;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing and verifying a bundle, by certbench and by the tools a certification body has anyway
 * ({@code sha256sum -c}, {@code openssl cms -verify}), untouched and after every kind of tampering.
 */
class BundleTest {

    private static final char[] PASSWORD = ("ks-" + Long.toHexString(System.nanoTime())).toCharArray();

    @TempDir
    Path dir;

    private Path bundle;
    private TestKeys.Made keys;
    private X509Certificate ca;

    @BeforeEach
    void makeSignedBundle() throws Exception {
        bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("ledger.jsonl"), "{\"type\":\"campaign\"}\n{\"type\":\"end\"}\n");
        ReportFixture.report(Verdict.FAIL).write(bundle.resolve(Report.FILE_NAME));
        Files.createDirectories(bundle.resolve("evidence/acme-t1/etsi-en-303-645/5.6-1-2"));
        Files.writeString(bundle.resolve("evidence/acme-t1/etsi-en-303-645/5.6-1-2/tcp-scan-10.0.0.2.txt"), "22/tcp open\n");
        Files.write(bundle.resolve("evidence/acme-t1/etsi-en-303-645/5.6-1-2/serial.raw"), new byte[] {0, 1, 2, (byte) 0xFF});
        keys = TestKeys.create(dir.resolve("keys"), PASSWORD);
        ca = SigningTest.certificate(keys.caCertificate());
        BundleSigner.fromPkcs12(keys.keystore(), PASSWORD).sign(bundle);
    }

    @Test
    void aReportWhoseRollUpsContradictItsCasesIsRejectedEvenWhenSigned() throws Exception {
        ReportFixture.report(Verdict.PASS).write(bundle.resolve(Report.FILE_NAME));
        BundleSigner.fromPkcs12(keys.keystore(), PASSWORD).sign(bundle);

        assertThat(BundleVerifier.verify(bundle, ca).problems()).containsExactly(
                "report.json: acme-t1 etsi-en-303-645 5.6-1 says PASS but its cases roll up to FAIL",
                "report.json: acme-t1 etsi-en-303-645 says FAIL but its provisions roll up to PASS");
    }

    @Test
    void aSchemeVerdictThatDoesNotFollowFromItsCasesIsRejected() throws Exception {
        Report honest = ReportFixture.report(Verdict.FAIL);
        Report.Device device = honest.devices().get(0);
        Report.Device forged = new Report.Device(device.id(), device.manufacturer(), device.model(), device.firmware(), device.overall(),
                device.profile(), device.standards(), List.of(ReportFixture.scheme(Verdict.PASS)));
        new Report(honest.schema(), honest.campaign(), honest.bench(), honest.tools(), honest.suites(), List.of(forged))
                .write(bundle.resolve(Report.FILE_NAME));
        BundleSigner.fromPkcs12(keys.keystore(), PASSWORD).sign(bundle);

        assertThat(honest.rollUpProblems()).isEmpty();
        assertThat(BundleVerifier.verify(bundle, ca).problems()).containsExactly(
                "report.json: acme-t1 scheme nistir-8259a requirement 4 says PASS but its cases roll up to FAIL");
    }

    private static int run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private int sha256sum() throws Exception {
        return run(bundle, "sha256sum", "--quiet", "-c", Manifest.FILE_NAME);
    }

    private int opensslVerify() throws Exception {
        return run(bundle, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", Manifest.SIGNATURE_NAME, "-content",
                Manifest.FILE_NAME, "-CAfile", keys.caCertificate().toString(), "-out", "/dev/null");
    }

    @Test
    void aSignedReportThatBreaksTheSchemaIsRejectedWithThePlaceNamed() throws Exception {
        Path report = bundle.resolve(Report.FILE_NAME);
        Files.writeString(report, Files.readString(report).replace("\"verdict\" : \"FAIL\"", "\"verdict\" : \"MAYBE\"")
                .replace("\"operator\" : \"jane\",", ""));
        BundleSigner.fromPkcs12(keys.keystore(), PASSWORD).sign(bundle);

        List<String> problems = BundleVerifier.verify(bundle, ca).problems();

        assertThat(problems).anyMatch(p -> p.startsWith("report.json: /devices/0/standards/0/provisions/0/cases/0/verdict: "));
        assertThat(problems).anyMatch(p -> p.startsWith("report.json: /campaign: ") && p.contains("operator"));
        assertThat(ReportSchema.check(report)).isEqualTo(problems);
    }

    @Test
    void anUntouchedBundleVerifiesWithCertbenchSha256sumAndOpenssl() throws Exception {
        BundleVerifier.Result result = BundleVerifier.verify(bundle, ca);

        assertThat(result.problems()).isEmpty();
        assertThat(result.signer()).contains(TestKeys.MARK);
        assertThat(Files.readString(bundle.resolve(Manifest.FILE_NAME))).contains("  evidence/acme-t1/etsi-en-303-645/5.6-1-2/serial.raw\n")
                .doesNotContain(Manifest.SIGNATURE_NAME);
        assertThat(sha256sum()).isZero();
        assertThat(opensslVerify()).isZero();
    }

    @Test
    void oneChangedByteInAnyFileIsCaughtByAllThree() throws Exception {
        for (String path : List.of("ledger.jsonl", "report.json", "evidence/acme-t1/etsi-en-303-645/5.6-1-2/serial.raw", Manifest.FILE_NAME,
                Manifest.SIGNATURE_NAME)) {
            Path file = bundle.resolve(path);
            byte[] original = Files.readAllBytes(file);
            byte[] changed = original.clone();
            changed[changed.length / 2] ^= 0x01;
            Files.write(file, changed);
            try {
                assertThat(BundleVerifier.verify(bundle, ca).valid()).as(path).isFalse();
                // The third-party pair: sha256sum sees a changed file, openssl a changed manifest. A byte changed
                // in the signature file may fall in the copy of the CA certificate it carries, which openssl
                // does not use (it trusts -CAfile); certbench checks every certificate it carries.
                if (!path.equals(Manifest.SIGNATURE_NAME)) {
                    assertThat(path.equals(Manifest.FILE_NAME) ? opensslVerify() : sha256sum()).as(path).isNotZero().isNotNegative();
                }
            } finally {
                Files.write(file, original);
            }
        }
        assertThat(BundleVerifier.verify(bundle, ca).valid()).isTrue();
    }

    @Test
    void aRemovedOrAddedFileIsCaught() throws Exception {
        Path evidence = bundle.resolve("evidence/acme-t1/etsi-en-303-645/5.6-1-2/tcp-scan-10.0.0.2.txt");
        byte[] original = Files.readAllBytes(evidence);
        Files.delete(evidence);
        assertThat(BundleVerifier.verify(bundle, ca).problems()).contains(
                "evidence/acme-t1/etsi-en-303-645/5.6-1-2/tcp-scan-10.0.0.2.txt: listed in the manifest but missing");
        assertThat(sha256sum()).isNotZero();
        Files.write(evidence, original);

        Files.writeString(bundle.resolve("evidence/extra.txt"), "slipped in\n");
        assertThat(BundleVerifier.verify(bundle, ca).problems()).containsExactly("evidence/extra.txt: a file the manifest does not list");
    }

    @Test
    void pathsOutOfTheBundleSymlinksAndUntrustedSignersAreRejected() throws Exception {
        Files.writeString(dir.resolve("outside.txt"), "secret lab file\n");
        Files.createSymbolicLink(bundle.resolve("evidence/link.txt"), dir.resolve("outside.txt"));
        assertThat(BundleVerifier.verify(bundle, ca).problems()).anyMatch(p -> p.startsWith("evidence/link.txt: a symbolic link"));
        Files.delete(bundle.resolve("evidence/link.txt"));

        String manifest = Files.readString(bundle.resolve(Manifest.FILE_NAME));
        Files.writeString(bundle.resolve(Manifest.FILE_NAME), manifest + "0".repeat(64) + "  ../outside.txt\n");
        assertThat(BundleVerifier.verify(bundle, ca).problems()).contains("../outside.txt: not a plain path inside the bundle");
        Files.writeString(bundle.resolve(Manifest.FILE_NAME), manifest);

        TestKeys.Made other = TestKeys.create(dir.resolve("other-keys"), PASSWORD);
        X509Certificate otherCa;
        try (InputStream in = Files.newInputStream(other.caCertificate())) {
            otherCa = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(BundleVerifier.verify(bundle, otherCa).problems()).anyMatch(p -> p.contains("does not lead to the trusted CA"));
        assertThat(BundleVerifier.verify(bundle, null).problems()).anyMatch(p -> p.startsWith("no trusted CA given"));
    }

    @Test
    void theKeystorePasswordAppearsInNoFile() throws Exception {
        String password = new String(PASSWORD);
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(password);
            }
        }
    }
}
