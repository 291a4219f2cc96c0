package org.certbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certbench.api.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles made to fool {@code certbench verify}: signatures from an expired certificate (with its signing
 * time back-dated into the certificate's life), with SHA-1, from a key the CA never certified, or over
 * another manifest; manifests that reach out of the bundle; and zips with two entries of one name, an
 * entry that climbs out, a link, or a directory that lists other entries than the archive holds (so that
 * {@code unzip} and certbench would read different bundles). Every one is rejected with its reason.
 */
class CraftedBundleTest {

    @TempDir
    Path dir;

    private Path bundle;
    private X509Certificate ca;
    private KeyPair caKeys;
    private X500Name caName;

    @BeforeEach
    void bundle() throws Exception {
        bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("ledger.jsonl"), "{\"type\":\"campaign\"}\n{\"type\":\"end\"}\n");
        ReportFixture.report(Verdict.FAIL).write(bundle.resolve(Report.FILE_NAME));
        Files.createDirectories(bundle.resolve("evidence/acme-t1/etsi-en-303-645/5.6-1-2"));
        Files.writeString(bundle.resolve("evidence/acme-t1/etsi-en-303-645/5.6-1-2/tcp-scan.txt"), "443/tcp open\n");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        caKeys = generator.generateKeyPair();
        caName = new X500Name("CN=crafted test CA");
        Instant now = Instant.now();
        ca = certificate(caName, caName, caKeys, caKeys, now.minus(Duration.ofDays(800)), now.plus(Duration.ofDays(800)), true);
    }

    @Test
    void aSignatureByAnExpiredCertificateIsRejectedEvenWithItsSigningTimeBackDated() throws Exception {
        Instant now = Instant.now();
        KeyPair keys = keys();
        X509Certificate expired = certificate(new X500Name("CN=expired signer"), caName, keys, caKeys, now.minus(Duration.ofDays(730)),
                now.minus(Duration.ofDays(365)), false);
        sign(keys, expired, "SHA256withECDSA", Date.from(now));
        assertThat(problems()).anyMatch(p -> p.contains("was not valid when it signed"));
        sign(keys, expired, "SHA256withECDSA", Date.from(now.minus(Duration.ofDays(500))));
        assertThat(problems()).anyMatch(p -> p.contains("is not valid now") && p.contains("no time stamp proves"));
        // The same chain, valid today, is accepted: the rejection is for the expiry.
        X509Certificate valid = certificate(new X500Name("CN=valid signer"), caName, keys, caKeys, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), false);
        sign(keys, valid, "SHA256withECDSA", Date.from(now));
        assertThat(problems()).isEmpty();
    }

    @Test
    void aSha1SignatureIsAWeakDigest() throws Exception {
        KeyPair keys = keys();
        X509Certificate signer = certificate(new X500Name("CN=sha1 signer"), caName, keys, caKeys, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), false);
        sign(keys, signer, "SHA1withECDSA", new Date());
        assertThat(problems()).anyMatch(p -> p.startsWith("the signature uses a weak digest (1.3.14.3.2.26)"));
    }

    @Test
    void aSelfMadeSignerOrASignatureOverAnotherManifestIsRejected() throws Exception {
        KeyPair keys = keys();
        X500Name self = new X500Name("CN=self-made signer");
        X509Certificate selfSigned = certificate(self, self, keys, keys, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), false);
        sign(keys, selfSigned, "SHA256withECDSA", new Date());
        assertThat(problems()).anyMatch(p -> p.contains("does not lead to the trusted CA"));

        X509Certificate signer = certificate(new X500Name("CN=signer"), caName, keys, caKeys, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), false);
        sign(keys, signer, "SHA256withECDSA", new Date());
        byte[] signature = Files.readAllBytes(bundle.resolve(Manifest.SIGNATURE_NAME));
        Files.writeString(bundle.resolve("evidence/acme-t1/etsi-en-303-645/5.6-1-2/tcp-scan.txt"), "443/tcp open\n23/tcp open\n");
        Manifest.write(bundle); // a fresh manifest over the changed file, under the old signature
        Files.write(bundle.resolve(Manifest.SIGNATURE_NAME), signature);
        assertThat(problems()).contains("the signature does not match the manifest");
    }

    @Test
    void manifestsThatReachOutOfTheBundleOrListAFileTwiceAreRejected() throws Exception {
        signValid();
        String manifest = Files.readString(bundle.resolve(Manifest.FILE_NAME));
        String zeros = "0".repeat(64);
        for (String path : List.of("/etc/passwd", "evidence/../../outside.txt", "evidence\\..\\x", "./report.json", "evidence//x")) {
            Files.writeString(bundle.resolve(Manifest.FILE_NAME), manifest + zeros + "  " + path + "\n");
            assertThat(problems()).as(path).contains(path + ": not a plain path inside the bundle");
        }
        String first = manifest.lines().findFirst().orElseThrow();
        Files.writeString(bundle.resolve(Manifest.FILE_NAME), manifest + first + "\n");
        assertThat(problems()).anyMatch(p -> p.endsWith("is listed twice"));
        Files.writeString(bundle.resolve(Manifest.FILE_NAME), manifest);
        Files.createSymbolicLink(bundle.resolve("evidence/escape"), Path.of("/etc"));
        assertThat(problems()).anyMatch(p -> p.startsWith("evidence/escape: a symbolic link"));
    }

    @Test
    void zipsWithTwinEntriesClimbingEntriesLinksOrALyingDirectoryAreRejected() throws Exception {
        signValid();
        Path good = BundleZip.write(bundle);
        try (BundleZip.Opened opened = BundleZip.open(good)) {
            assertThat(BundleVerifier.verify(opened.folder(), ca).problems()).isEmpty();
        }
        byte[] zip = Files.readAllBytes(good);

        // Two entries of one name: the second one would silently replace the first for one reader, not another.
        Path twins = write("twins.zip", List.of("bundle/report.json", "bundle/report.jsoX"), "bundle/report.jsoX", "bundle/report.json", true);
        assertThatThrownBy(() -> BundleZip.open(twins)).hasMessageContaining("entry 'bundle/report.json' appears twice");

        Path climbing = write("climb.zip", List.of("zz/zz/evil.txt"), "zz/zz/", "../../", true);
        assertThatThrownBy(() -> BundleZip.open(climbing)).hasMessageContaining("would be written outside the bundle");

        // The directory lists a name the entries do not hold (unzip would show one file, certbench read another).
        Path lying = write("lying.zip", List.of("bundle/a.txt"), "bundle/a.txt", "bundle/b.txt", false);
        assertThatThrownBy(() -> BundleZip.open(lying)).hasMessageContaining("does not list the entries it holds");

        // A link entry (Unix mode 0120777 in the directory's external attributes), as unzip would restore it.
        Path link = write("link.zip", List.of("bundle/evidence/passwd"), null, null, false);
        byte[] bytes = Files.readAllBytes(link);
        int central = indexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        bytes[central + 5] = 3; // made by Unix
        int mode = 0120777 << 16;
        bytes[central + 38] = (byte) mode;
        bytes[central + 39] = (byte) (mode >> 8);
        bytes[central + 40] = (byte) (mode >> 16);
        bytes[central + 41] = (byte) (mode >> 24);
        Files.write(link, bytes);
        assertThatThrownBy(() -> BundleZip.open(link)).hasMessageContaining("entry 'bundle/evidence/passwd' is a symbolic link");

        Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(zip, zip.length / 2));
        assertThatThrownBy(() -> BundleZip.open(dir.resolve("cut.zip"))).hasMessageContaining("not a zip archive");
    }

    /** A zip of the given entries, with {@code from} replaced by {@code to} (same length) in the names: everywhere, or only in the directory. */
    private Path write(String name, List<String> entries, String from, String to, boolean everywhere) throws Exception {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(("content of " + entry + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        if (from == null) {
            return zip;
        }
        byte[] bytes = Files.readAllBytes(zip);
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        assertThat(a).hasSameSizeAs(b);
        int central = indexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        for (int i = everywhere ? 0 : central; i <= bytes.length - a.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
            }
        }
        Files.write(zip, bytes);
        return zip;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    private List<String> problems() throws Exception {
        return BundleVerifier.verify(bundle, ca).problems();
    }

    private void signValid() throws Exception {
        KeyPair keys = keys();
        sign(keys, certificate(new X500Name("CN=signer"), caName, keys, caKeys, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), false), "SHA256withECDSA", new Date());
        assertThat(problems()).isEmpty();
    }

    /** Writes the manifest and a detached CMS signature as a forger would: any algorithm, any claimed signing time. */
    private void sign(KeyPair keys, X509Certificate signer, String algorithm, Date signingTime) throws Exception {
        byte[] manifest = Manifest.write(bundle);
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(signingTime))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()), signer));
        generator.addCertificates(new JcaCertStore(List.of(signer, ca)));
        Files.write(bundle.resolve(Manifest.SIGNATURE_NAME), generator.generate(new CMSProcessableByteArray(manifest), false).getEncoded());
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys, Instant from,
            Instant to, boolean isCa) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(from), Date.from(to), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(issuerKeys.getPrivate())));
    }
}
