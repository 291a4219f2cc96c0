package org.certbench.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * {@code certbench keys init}: a test CA and a signing key it certifies, for demos and tests. Both names
 * say TEST and NOT FOR CERTIFICATION, so a bundle signed with them cannot pass for a lab's real one.
 *
 * <pre>{@code
 * TestKeys.Files files = TestKeys.create(Path.of("keys"), password);
 * BundleSigner signer = BundleSigner.fromPkcs12(files.keystore(), password);
 * }</pre>
 */
public final class TestKeys {

    /** The marking every test certificate carries. */
    public static final String MARK = "TEST - NOT FOR CERTIFICATION";
    /** The alias of the signing key in the keystore. */
    public static final String ALIAS = "certbench-signing";
    /** The test CA's file name in the keys folder. */
    public static final String CA_FILE = "lab-ca.pem";
    /** The signing keystore's file name in the keys folder. */
    public static final String KEYSTORE_FILE = "lab-signing.p12";

    private TestKeys() {
    }

    /**
     * The files made.
     *
     * @param caCertificate the test CA, PEM ({@code lab-ca.pem})
     * @param keystore the signing key and its chain, PKCS#12 ({@code lab-signing.p12})
     */
    public record Made(Path caCertificate, Path keystore) {
    }

    /** Makes the test CA and signing key in {@code dir}; refuses to overwrite existing ones. */
    public static Made create(Path dir, char[] password) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path caFile = dir.resolve(CA_FILE);
        Path keystoreFile = dir.resolve(KEYSTORE_FILE);
        if (Files.exists(caFile) || Files.exists(keystoreFile)) {
            throw new IOException(dir + " already holds keys (lab-ca.pem or lab-signing.p12); remove them or choose another folder");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair signingKeys = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=certbench lab CA " + MARK + ",O=certbench test lab");
        X500Name signerName = new X500Name("CN=certbench signing key " + MARK + ",O=certbench test lab");
        Instant now = Instant.now();
        X509Certificate ca = certificate(caName, caName, caKeys, caKeys, now, true);
        X509Certificate signer = certificate(signerName, caName, signingKeys, caKeys, now, false);

        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(null, null);
        keystore.setKeyEntry(ALIAS, signingKeys.getPrivate(), password, new X509Certificate[] {signer, ca});
        try (OutputStream out = Files.newOutputStream(keystoreFile)) {
            keystore.store(out, password);
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(ca);
        }
        Files.writeString(caFile, pem.toString(), StandardCharsets.US_ASCII);
        return new Made(caFile, keystoreFile);
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys, Instant now,
            boolean ca) throws GeneralSecurityException, IOException {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365))), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            // openssl cms -verify checks the S/MIME purpose by default.
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(issuerKeys.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
