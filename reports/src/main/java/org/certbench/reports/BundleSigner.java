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
import java.security.Provider;
import java.security.Security;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.jspecify.annotations.Nullable;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Signs a bundle: a CMS (PKCS#7) detached signature over {@code MANIFEST.sha256}, DER, with the signer's
 * certificate chain inside, written as {@code MANIFEST.sha256.p7s}. The key comes from a PKCS#12 file or
 * a PKCS#11 token (a lab HSM; the key never leaves it). With a time-stamping authority, the signature
 * carries an RFC 3161 time stamp token over its signature value, so when it was made does not rest on
 * the lab's own clock.
 *
 * <pre>{@code
 * BundleSigner signer = BundleSigner.fromPkcs12(Path.of("keys/lab-signing.p12"), password)
 *         .withTimeStamps(new TimeStampClient(URI.create("http://tsa.example/"), Duration.ofSeconds(10)));
 * signer.sign(bundle); // writes MANIFEST.sha256 and MANIFEST.sha256.p7s
 * }</pre>
 */
public final class BundleSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final @Nullable Provider provider;
    private final @Nullable TimeStampClient timeStamps;

    public BundleSigner(PrivateKey key, List<X509Certificate> chain) {
        this(key, chain, null, null);
    }

    private BundleSigner(PrivateKey key, List<X509Certificate> chain, @Nullable Provider provider, @Nullable TimeStampClient timeStamps) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signer needs its certificate");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
        this.provider = provider;
        this.timeStamps = timeStamps;
    }

    /** The same key, its signatures time-stamped by the given authority. */
    public BundleSigner withTimeStamps(TimeStampClient client) {
        return new BundleSigner(key, chain, provider, client);
    }

    /**
     * A key on a PKCS#11 token, through the JDK's SunPKCS11 provider.
     *
     * @param config a SunPKCS11 configuration file ({@code name}, {@code library}, {@code slot} or
     *     {@code slotListIndex}), as the JDK's PKCS#11 guide describes
     * @param alias the key's alias (its CKA_LABEL), or {@code null} for the token's only key
     * @param pin the user PIN; used to log in, never kept
     */
    public static BundleSigner fromPkcs11(Path config, @Nullable String alias, char[] pin) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(config)) {
            throw new IOException("the PKCS#11 configuration " + config + " does not exist");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new GeneralSecurityException("this Java runtime has no SunPKCS11 provider");
        }
        Provider provider;
        try {
            provider = base.configure(config.toAbsolutePath().toString());
        } catch (java.security.InvalidParameterException | java.security.ProviderException e) {
            throw new GeneralSecurityException("cannot load the PKCS#11 token of " + config + ": " + rootMessage(e), e);
        }
        KeyStore keystore = KeyStore.getInstance("PKCS11", provider);
        try {
            keystore.load(null, pin);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot log in to the PKCS#11 token of " + config + ": " + rootMessage(e), e);
        }
        List<String> keys = Collections.list(keystore.aliases()).stream().filter(a -> isKey(keystore, a)).toList();
        String chosen = alias;
        if (chosen == null) {
            if (keys.size() != 1) {
                throw new GeneralSecurityException("the token holds " + keys.size() + " keys " + keys + "; name one with --key-alias");
            }
            chosen = keys.get(0);
        } else if (!keys.contains(chosen)) {
            throw new GeneralSecurityException("the token holds no key '" + chosen + "' (it holds " + keys + ")");
        }
        List<X509Certificate> chain = new ArrayList<>();
        Certificate[] certificates = keystore.getCertificateChain(chosen);
        if (certificates == null) {
            throw new GeneralSecurityException("the key '" + chosen + "' on the token has no certificate");
        }
        for (Certificate certificate : certificates) {
            chain.add((X509Certificate) certificate);
        }
        return new BundleSigner((PrivateKey) keystore.getKey(chosen, null), chain, provider, null);
    }

    private static boolean isKey(KeyStore keystore, String alias) {
        try {
            return keystore.isKeyEntry(alias);
        } catch (java.security.KeyStoreException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
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
        WholeFile.write(bundle.resolve(Manifest.SIGNATURE_NAME), signature(manifest));
    }

    /** The DER detached CMS signature over {@code content}, time-stamped if a time-stamping authority was given. */
    public byte[] signature(byte[] content) throws GeneralSecurityException, IOException {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            JcaContentSignerBuilder contentSigner = new JcaContentSignerBuilder(algorithm);
            if (provider != null) {
                contentSigner.setProvider(provider);
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(contentSigner.build(key), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            if (timeStamps != null) {
                signed = timeStamped(signed, timeStamps);
            }
            return signed.getEncoded();
        } catch (OperatorCreationException | CMSException e) {
            throw new GeneralSecurityException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** Adds to each signer an RFC 3161 token over its signature value (the signature time-stamp attribute of RFC 3161 appendix A). */
    private static CMSSignedData timeStamped(CMSSignedData signed, TimeStampClient client) throws IOException, GeneralSecurityException {
        List<SignerInformation> stamped = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            TimeStampToken token = client.stamp(signer.getSignature());
            Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure()));
            stamped.add(SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute)));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }
}
