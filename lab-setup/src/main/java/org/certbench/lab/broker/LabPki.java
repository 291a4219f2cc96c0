package org.certbench.lab.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of a lab broker made for one campaign: a lab CA, the broker's certificate from
 * it, and the rogue listener's certificate, which carries the same subject and names but comes from a
 * look-alike CA that nobody trusts. Keys live in memory and in PKCS#12 files under a private working
 * folder with a random password; none of it is a lab secret, and none of it reaches the bundle.
 *
 * <pre>{@code
 * LabPki pki = LabPki.create(workDir, List.of("127.0.0.1", "lab-broker"));
 * Files.writeString(deviceDir.resolve("ca.pem"), pki.caPem());
 * }</pre>
 */
public final class LabPki {

    private static final String CA_NAME = "CN=certbench lab CA (generated for this campaign),O=certbench";
    private static final String BROKER_NAME = "CN=lab-broker,O=certbench lab";

    private final X509Certificate ca;
    private final Path brokerKeystore;
    private final KeyStore brokerStore;
    private final KeyStore rogueStore;
    private final char[] password;

    private LabPki(X509Certificate ca, Path brokerKeystore, KeyStore brokerStore, KeyStore rogueStore, char[] password) {
        this.ca = ca;
        this.brokerKeystore = brokerKeystore;
        this.brokerStore = brokerStore;
        this.rogueStore = rogueStore;
        this.password = password;
    }

    /**
     * Makes the lab CA, the broker certificate and the rogue certificate.
     *
     * @param dir where the two PKCS#12 files go (created if missing)
     * @param names the broker's names: IP addresses become IP SANs, the rest DNS SANs
     */
    public static LabPki create(Path dir, List<String> names) throws IOException {
        return create(dir, names, 0);
    }

    /**
     * As {@link #create(Path, List)}, the leaf's key RSA of {@code rsaLeafBits} bits instead of EC P-256: a
     * virtual device's deliberately weak key ({@code 1024}) for the TLS cases to find.
     */
    public static LabPki create(Path dir, List<String> names, int rsaLeafBits) throws IOException {
        return create(dir, names, rsaLeafBits, false);
    }

    /**
     * As {@link #create(Path, List, int)}; with {@code firmwareKey} the leaf's key is not made for this
     * certificate but is the one key of its kind that every such certificate of this process carries: the key a
     * careless manufacturer bakes into the firmware image, for the key-uniqueness case (5.4-4) to find.
     *
     * <pre>{@code
     * LabPki a = LabPki.create(dirA, List.of("127.0.10.2"), 0, true);
     * LabPki b = LabPki.create(dirB, List.of("127.0.10.16"), 0, true);  // another certificate, the same key
     * }</pre>
     */
    public static LabPki create(Path dir, List<String> names, int rsaLeafBits, boolean firmwareKey) throws IOException {
        try {
            Files.createDirectories(dir);
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            char[] password = HexFormat.of().formatHex(secret).toCharArray();
            KeyPair caKeys = ecKeys();
            X509Certificate ca = certificate(CA_NAME, caKeys, CA_NAME, caKeys, true, names);
            KeyPair brokerKeys = firmwareKey ? FIRMWARE_KEYS.computeIfAbsent(rsaLeafBits, LabPki::leafKeys) : leafKeys(rsaLeafBits);
            X509Certificate broker = certificate(BROKER_NAME, brokerKeys, CA_NAME, caKeys, false, names);
            // The impostor's CA has the lab CA's very name: only a client that checks the signature tells them apart.
            KeyPair rogueCaKeys = ecKeys();
            KeyPair rogueKeys = ecKeys();
            X509Certificate rogueCa = certificate(CA_NAME, rogueCaKeys, CA_NAME, rogueCaKeys, true, names);
            X509Certificate rogue = certificate(BROKER_NAME, rogueKeys, CA_NAME, rogueCaKeys, false, names);
            KeyStore brokerStore = store(brokerKeys, password, broker, ca);
            KeyStore rogueStore = store(rogueKeys, password, rogue, rogueCa);
            Path brokerFile = dir.resolve("broker.p12");
            save(brokerStore, brokerFile, password);
            return new LabPki(ca, brokerFile, brokerStore, rogueStore, password);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not make the lab broker's certificates: " + e.getMessage(), e);
        }
    }

    /** The lab CA certificate. */
    public X509Certificate ca() {
        return ca;
    }

    /** The lab CA certificate as PEM, the file a device is given to trust the broker. */
    public String caPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(ca);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A TLS server context presenting the leaf certificate (with its CA in the chain), for a
     * virtual device's HTTPS service made from its own {@code LabPki}.
     */
    public SSLContext serverContext() throws IOException {
        return context(brokerStore);
    }

    /** The rogue listener's context: the look-alike certificate from the impostor CA. */
    SSLContext rogueContext() throws IOException {
        return context(rogueStore);
    }

    private SSLContext context(KeyStore store) throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("could not make a TLS context: " + e.getMessage(), e);
        }
    }

    Path brokerKeystore() {
        return brokerKeystore;
    }

    char[] password() {
        return password.clone();
    }

    /** The firmware image's keys, by RSA size (0: EC P-256), made once per process. */
    private static final Map<Integer, KeyPair> FIRMWARE_KEYS = new ConcurrentHashMap<>();

    private static KeyPair leafKeys(int rsaBits) {
        try {
            return rsaBits > 0 ? rsaKeys(rsaBits) : ecKeys();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not make a key pair: " + e.getMessage(), e);
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyPair rsaKeys(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean ca,
            List<String> names) throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), new BigInteger(1, serial),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            GeneralName[] sans = names.stream().map(LabPki::san).toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static GeneralName san(String name) {
        boolean ip = name.matches("[0-9.]+") || name.contains(":");
        if (ip) {
            try {
                return new GeneralName(GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress());
            } catch (IOException e) {
                throw new IllegalArgumentException("not an IP address: " + name, e);
            }
        }
        return new GeneralName(GeneralName.dNSName, name);
    }

    private static KeyStore store(KeyPair keys, char[] password, X509Certificate... chain) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("broker", keys.getPrivate(), password, (Certificate[]) chain);
        return store;
    }

    private static void save(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }
}
