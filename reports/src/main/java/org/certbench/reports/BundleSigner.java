package org.certbench.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Signs a bundle: a CMS (PKCS#7) detached signature over {@code MANIFEST.sha256}, DER, with the signer's
 * certificate chain inside, written as {@code MANIFEST.sha256.p7s}.
 *
 * <pre>{@code
 * BundleSigner signer = BundleSigner.fromPkcs12(Path.of("keys/lab-signing.p12"), password);
 * signer.sign(bundle); // writes MANIFEST.sha256 and MANIFEST.sha256.p7s
 * }</pre>
 */
public final class BundleSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public BundleSigner(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signer needs its certificate");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** The first key entry of a PKCS#12 keystore. The password is used, never kept or logged. */
    public static BundleSigner fromPkcs12(Path keystoreFile, char[] password) throws IOException, GeneralSecurityException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystoreFile)) {
            keystore.load(in, password);
        }
        for (String alias : Collections.list(keystore.aliases())) {
            if (keystore.isKeyEntry(alias)) {
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate certificate : keystore.getCertificateChain(alias)) {
                    chain.add((X509Certificate) certificate);
                }
                return new BundleSigner((PrivateKey) keystore.getKey(alias, password), chain);
            }
        }
        throw new GeneralSecurityException(keystoreFile + " holds no private key");
    }

    /** The signing certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Writes the manifest of the bundle and its detached signature. */
    public void sign(Path bundle) throws IOException, GeneralSecurityException {
        byte[] manifest = Manifest.write(bundle);
        Files.write(bundle.resolve(Manifest.SIGNATURE_NAME), signature(manifest));
    }

    /** The DER detached CMS signature over {@code content}. */
    public byte[] signature(byte[] content) throws GeneralSecurityException, IOException {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, key, chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CMSException e) {
            throw new GeneralSecurityException("cannot sign: " + e.getMessage(), e);
        }
    }
}
