package org.certbench.probes.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The facts of one certificate of a chain that a lab judges: who, by whom, until when, key type and
 * size, signature algorithm.
 *
 * <pre>{@code
 * CertificateInfo leaf = scan.chain().get(0);
 * leaf.keyType(); leaf.keyBits(); // "RSA", 2048
 * }</pre>
 *
 * @param subject subject distinguished name
 * @param issuer issuer distinguished name
 * @param serial serial number, hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param signatureAlgorithm e.g. {@code SHA256withRSA}
 * @param keyType {@code RSA}, {@code EC}, {@code EdDSA}, {@code DSA}
 * @param keyBits modulus or field size in bits
 * @param subjectAltNames DNS names and IP addresses
 * @param sha256 fingerprint of the DER encoding, hex
 * @param publicKeySha256 fingerprint of the SubjectPublicKeyInfo, hex: the key itself, whatever certificate carries
 *     it, so two units that share a key show the same value under certificates of their own
 * @param selfSigned whether subject equals issuer
 */
public record CertificateInfo(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
        String signatureAlgorithm, String keyType, int keyBits, List<String> subjectAltNames, String sha256,
        String publicKeySha256, boolean selfSigned) {

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    static CertificateInfo of(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unparsable subjectAltName)");
        }
        String fingerprint;
        try {
            fingerprint = sha256(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            fingerprint = "";
        }
        PublicKey key = certificate.getPublicKey();
        byte[] spki = key.getEncoded();
        return new CertificateInfo(certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), certificate.getSigAlgName(), key.getAlgorithm(), keyBits(key), names,
                fingerprint, spki == null ? "" : sha256(spki), certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        return switch (key.getAlgorithm()) {
            case "EdDSA", "Ed25519", "XDH", "X25519" -> 255;
            case "Ed448", "X448" -> 448;
            default -> 0;
        };
    }

    /** Whether the certificate is within its validity at the given moment. */
    public boolean validAt(Instant moment) {
        return !moment.isBefore(notBefore) && !moment.isAfter(notAfter);
    }
}
