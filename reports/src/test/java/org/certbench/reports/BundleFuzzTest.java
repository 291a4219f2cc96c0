package org.certbench.reports;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.certbench.api.Verdict;

/**
 * Fuzzes what a certification body runs on a bundle it was sent: the report.json reader and its schema
 * check, the bundle verifier over a signed bundle whose manifest, signature and report the fuzzer writes,
 * and the unpacking of a zipped bundle. Each must answer with problems (or, for an archive, an IOException
 * naming it), never throw anything else or accept what it was not signed for. Without {@code JAZZER_FUZZ}
 * these run their seeds only; {@code scripts/fuzz.sh} fuzzes each for longer.
 */
class BundleFuzzTest {

    private static final char[] PASSWORD = "fuzz-keystore".toCharArray();
    private static Path keys;
    private static X509Certificate ca;
    private static BundleSigner signer;

    @FuzzTest(maxDuration = "30s")
    void reportJson(byte[] input) throws IOException {
        Path file = Files.createTempFile("certbench-fuzz-report", ".json");
        try {
            Files.write(file, input);
            if (ReportSchema.check(file).isEmpty()) {
                // What the schema accepts must read: a report that passes the schema and then fails to load means
                // the two disagree about what a report is.
                Report.read(file).rollUpProblems();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void verifier(FuzzedDataProvider data) throws Exception {
        Path bundle = Files.createTempDirectory("certbench-fuzz-bundle");
        try {
            Files.createDirectories(bundle.resolve("evidence"));
            Files.writeString(bundle.resolve("evidence/scan.txt"), "443/tcp open\n");
            ReportFixture.report(Verdict.FAIL).write(bundle.resolve(Report.FILE_NAME));
            signer().sign(bundle);
            boolean changed = false;
            switch (data.consumeInt(0, 3)) {
                case 0 -> Files.write(bundle.resolve(Manifest.FILE_NAME), data.consumeBytes(4096));
                case 1 -> Files.write(bundle.resolve(Manifest.SIGNATURE_NAME), data.consumeBytes(8192));
                case 2 -> Files.write(bundle.resolve(Report.FILE_NAME), data.consumeBytes(8192));
                default -> {
                    byte[] signature = Files.readAllBytes(bundle.resolve(Manifest.SIGNATURE_NAME));
                    int at = data.consumeInt(0, signature.length - 1);
                    signature[at] ^= (byte) data.consumeInt(1, 255);
                    Files.write(bundle.resolve(Manifest.SIGNATURE_NAME), signature);
                }
            }
            BundleVerifier.Result result = BundleVerifier.verify(bundle, ca);
            if (result.valid() && !unchangedBySignature(bundle)) {
                throw new AssertionError("a bundle the fuzzer changed was accepted");
            }
        } finally {
            delete(bundle);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void zippedBundle(byte[] input) throws IOException {
        Path zip = Files.createTempFile("certbench-fuzz", ".zip");
        try {
            Files.write(zip, input);
            try (BundleZip.Opened opened = BundleZip.open(zip)) {
                BundleVerifier.verify(opened.folder(), null);
            } catch (IOException refused) {
                if (refused.getMessage() == null) {
                    throw new AssertionError("an archive refused without a reason", refused);
                }
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** Whether the bundle still holds exactly what was signed (a flip inside an unsigned part of the CMS may leave it valid). */
    private static boolean unchangedBySignature(Path bundle) throws Exception {
        Path fresh = Files.createTempDirectory("certbench-fuzz-fresh");
        try {
            Files.createDirectories(fresh.resolve("evidence"));
            Files.writeString(fresh.resolve("evidence/scan.txt"), "443/tcp open\n");
            ReportFixture.report(Verdict.FAIL).write(fresh.resolve(Report.FILE_NAME));
            return java.util.Arrays.equals(Manifest.write(fresh), Files.readAllBytes(bundle.resolve(Manifest.FILE_NAME)))
                    && java.util.Arrays.equals(Files.readAllBytes(fresh.resolve(Report.FILE_NAME)), Files.readAllBytes(bundle.resolve(Report.FILE_NAME)));
        } finally {
            delete(fresh);
        }
    }

    private static synchronized BundleSigner signer() throws Exception {
        if (signer == null) {
            keys = Files.createTempDirectory("certbench-fuzz-keys");
            TestKeys.Made made = TestKeys.create(keys, PASSWORD);
            ca = SigningTest.certificate(made.caCertificate());
            signer = BundleSigner.fromPkcs12(made.keystore(), PASSWORD);
        }
        return signer;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
