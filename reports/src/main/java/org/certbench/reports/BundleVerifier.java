package org.certbench.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.security.MessageDigest;
import java.util.Optional;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;
import org.jspecify.annotations.Nullable;

/**
 * {@code certbench verify}: a bundle is accepted only if its manifest is signed by a certificate that
 * leads to the given CA and was valid when it signed, with an accepted digest; every file it lists is
 * there, inside the bundle, not a link, with its digest; nothing else is there; its report is valid
 * against {@code reports/schema/report.schema.json}; and the report's roll-ups follow from the case verdicts.
 *
 * <pre>{@code
 * BundleVerifier.Result result = BundleVerifier.verify(bundle, labCa);
 * result.problems().forEach(System.out::println);
 * }</pre>
 */
public final class BundleVerifier {

    /** Digests a signature may use (SHA-256 and stronger). */
    private static final Set<String> ACCEPTED_DIGESTS = Set.of("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2",
            "2.16.840.1.101.3.4.2.3");

    private BundleVerifier() {
    }

    /**
     * What verification found.
     *
     * @param problems every reason the bundle is not accepted; empty when it is
     * @param signer the signing certificate's subject, when the signature could be read
     * @param timeStamp when an RFC 3161 authority says the signature existed, and who it is, if the
     *     signature carries a valid time stamp
     */
    public record Result(List<String> problems, @Nullable String signer, @Nullable String timeStamp) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result verify(Path bundle, @Nullable X509Certificate trustedCa) throws IOException {
        return verify(bundle, trustedCa, null);
    }

    /**
     * As {@link #verify(Path, X509Certificate)}; a time stamp in the signature must also be intact, over this
     * signature, and, when {@code trustedTsa} is given, issued by a certificate that leads to it.
     */
    public static Result verify(Path bundle, @Nullable X509Certificate trustedCa, @Nullable X509Certificate trustedTsa) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(bundle, LinkOption.NOFOLLOW_LINKS)) {
            return new Result(List.of(bundle + " is not a bundle folder"), null, null);
        }
        Path manifestFile = bundle.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            return new Result(List.of(Manifest.FILE_NAME + " is missing"), null, null);
        }
        byte[] manifest = Files.readAllBytes(manifestFile);
        Map<String, String> entries = Manifest.parse(new String(manifest, StandardCharsets.UTF_8), problems);
        Set<String> listed = new LinkedHashSet<>();
        Map<String, Path> toHash = new java.util.LinkedHashMap<>();
        Path root = bundle.toRealPath();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String path = entry.getKey();
            if (path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
                problems.add(path + ": not a plain path inside the bundle");
                continue;
            }
            Path file = bundle.resolve(path).normalize();
            listed.add(path);
            if (Files.isSymbolicLink(file)) {
                problems.add(path + ": is a symbolic link");
                continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(path + ": listed in the manifest but missing");
                continue;
            }
            if (!file.toRealPath().startsWith(root)) {
                problems.add(path + ": leads out of the bundle");
                continue;
            }
            toHash.put(path, file);
        }
        // The signature, its chain and the report are checked while the files hash: those checks are mostly class
        // loading and parsing on one thread, the hashing keeps every core busy, and neither needs the other.
        java.util.concurrent.FutureTask<Checked> others = new java.util.concurrent.FutureTask<>(
                () -> checkSignatureAndReport(bundle, manifest, trustedCa, trustedTsa));
        Thread checker = new Thread(others, "certbench-verify-signature");
        checker.setDaemon(true);
        checker.start();
        List<String> digests = Manifest.sha256(List.copyOf(toHash.values()));
        int index = 0;
        for (String path : toHash.keySet()) {
            if (!digests.get(index++).equals(entries.get(path))) {
                problems.add(path + ": changed (its SHA-256 differs from the manifest)");
            }
        }
        for (Path file : Manifest.files(bundle)) {
            String path = Manifest.relative(bundle, file);
            if (!listed.contains(path)) {
                problems.add(path + ": " + (Files.isSymbolicLink(file) ? "a symbolic link" : "a file") + " the manifest does not list");
            }
        }
        Checked checked;
        try {
            checked = others.get();
            checker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while checking the signature of " + bundle);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        problems.addAll(checked.problems());
        return new Result(problems, checked.signer(), checked.timeStamp());
    }

    /** What the signature and report checks found: their problems, the signer and the time stamp, if any. */
    private record Checked(List<String> problems, @Nullable String signer, @Nullable String timeStamp) {
    }

    private static Checked checkSignatureAndReport(Path bundle, byte[] manifest, @Nullable X509Certificate trustedCa,
            @Nullable X509Certificate trustedTsa) throws IOException {
        List<String> problems = new ArrayList<>();
        String[] timeStamp = new String[1];
        String signer = checkSignature(bundle, manifest, trustedCa, trustedTsa, problems, timeStamp);
        Path report = bundle.resolve(Report.FILE_NAME);
        if (Files.isRegularFile(report, LinkOption.NOFOLLOW_LINKS)) {
            List<String> schemaProblems = ReportSchema.check(report);
            problems.addAll(schemaProblems);
            if (schemaProblems.isEmpty()) {
                try {
                    problems.addAll(Report.read(report).rollUpProblems());
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
        } else {
            problems.add(Report.FILE_NAME + " is missing");
        }
        return new Checked(problems, signer, timeStamp[0]);
    }

    private static @Nullable String checkSignature(Path bundle, byte[] manifest, @Nullable X509Certificate trustedCa,
            @Nullable X509Certificate trustedTsa, List<String> problems, String[] timeStamp) throws IOException {
        Path signatureFile = bundle.resolve(Manifest.SIGNATURE_NAME);
        if (!Files.isRegularFile(signatureFile, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(Manifest.SIGNATURE_NAME + " is missing: the bundle is not signed");
            return null;
        }
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), Files.readAllBytes(signatureFile));
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certificates = signed.getCertificates();
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                problems.add(Manifest.SIGNATURE_NAME + " has no signer");
                return null;
            }
            String subject = null;
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            checkEmbeddedCertificates(certificates, converter, trustedCa, problems);
            for (SignerInformation info : signers) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = certificates.getMatches(info.getSID());
                if (matches.isEmpty()) {
                    problems.add("the signer's certificate is not in the signature");
                    continue;
                }
                X509Certificate certificate = converter.getCertificate(matches.iterator().next());
                subject = certificate.getSubjectX500Principal().getName();
                if (!ACCEPTED_DIGESTS.contains(info.getDigestAlgOID())) {
                    problems.add("the signature uses a weak digest (" + info.getDigestAlgOID() + "); SHA-256 or stronger is required");
                }
                try {
                    if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                        problems.add("the signature does not match the manifest");
                    }
                } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
                    problems.add("the signature does not match the manifest");
                } catch (org.bouncycastle.cms.CMSVerifierCertificateNotValidException e) {
                    // reported below with the time, once the signing time is known
                }
                Date signedAt = signingTime(info);
                boolean provenTime = false;
                Optional<TimeStampToken> token = timeStampToken(info, problems);
                if (token.isPresent()) {
                    Optional<Date> stamped = checkTimeStamp(info, token.get(), trustedTsa, converter, problems);
                    if (stamped.isPresent()) {
                        signedAt = stamped.get();
                        provenTime = true;
                        timeStamp[0] = signedAt.toInstant() + " by " + tsaSubject(token.get(), converter);
                    }
                }
                try {
                    certificate.checkValidity(signedAt);
                } catch (java.security.cert.CertificateException e) {
                    problems.add("the signing certificate " + subject + " was not valid when it signed (" + signedAt.toInstant() + ")");
                }
                // The signing time without a time stamp is only what the signer says: a stolen, expired key could
                // back-date it. Unless an authority proves the time, the chain must hold now.
                Date chainTime = provenTime ? signedAt : new Date();
                if (!provenTime) {
                    try {
                        certificate.checkValidity(chainTime);
                    } catch (java.security.cert.CertificateException e) {
                        problems.add("the signing certificate " + subject + " is not valid now (valid " + certificate.getNotBefore().toInstant()
                                + " to " + certificate.getNotAfter().toInstant() + ") and no time stamp proves the signature is older");
                    }
                }
                if (trustedCa == null) {
                    problems.add("no trusted CA given (--ca): the signer " + subject + " cannot be trusted");
                } else {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (X509CertificateHolder holder : certificates.getMatches(null)) {
                        X509Certificate c = converter.getCertificate(holder);
                        if (!c.equals(trustedCa)) {
                            chain.add(c);
                        }
                    }
                    chain.remove(certificate);
                    chain.add(0, certificate);
                    try {
                        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(trustedCa, null)));
                        parameters.setRevocationEnabled(false);
                        parameters.setDate(chainTime);
                        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
                    } catch (GeneralSecurityException e) {
                        problems.add("the signer " + subject + " does not lead to the trusted CA: " + e.getMessage());
                    }
                }
            }
            return subject;
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            // Bouncy Castle answers some malformed DER with runtime exceptions (found by fuzzing): still a bad signature.
            problems.add(Manifest.SIGNATURE_NAME + " cannot be read or checked: " + e.getMessage());
            return null;
        }
    }

    /** Every certificate the signature carries must be intact: signed by its issuer (from the set or the trusted CA). */
    private static void checkEmbeddedCertificates(Store<X509CertificateHolder> certificates, JcaX509CertificateConverter converter,
            @Nullable X509Certificate trustedCa, List<String> problems) throws GeneralSecurityException {
        List<X509Certificate> all = new ArrayList<>();
        for (X509CertificateHolder holder : certificates.getMatches(null)) {
            all.add(converter.getCertificate(holder));
        }
        if (trustedCa != null) {
            all.add(trustedCa);
        }
        for (X509Certificate certificate : all) {
            X509Certificate issuer = all.stream().filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                    .findFirst().orElse(null);
            if (issuer == null) {
                continue;
            }
            try {
                certificate.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                problems.add("certificate " + certificate.getSubjectX500Principal().getName() + " in the signature is damaged or forged: "
                        + e.getMessage());
            }
        }
    }

    private static Optional<TimeStampToken> timeStampToken(SignerInformation info, List<String> problems) {
        if (info.getUnsignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute attribute = info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded())));
        } catch (IOException | CMSException | TSPException | RuntimeException e) {
            problems.add("the signature's time stamp cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The time the token vouches for, if it is intact, over this signature, and (given a TSA CA) from a trusted authority. */
    private static Optional<Date> checkTimeStamp(SignerInformation info, TimeStampToken token, @Nullable X509Certificate trustedTsa,
            JcaX509CertificateConverter converter, List<String> problems) {
        try {
            TimeStampTokenInfo tokenInfo = token.getTimeStampInfo();
            MessageDigest digest = MessageDigest.getInstance(tokenInfo.getMessageImprintAlgOID().getId());
            if (!MessageDigest.isEqual(digest.digest(info.getSignature()), tokenInfo.getMessageImprintDigest())) {
                problems.add("the time stamp is not over this signature");
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                problems.add("the time stamp does not carry its authority's certificate");
                return Optional.empty();
            }
            X509Certificate tsa = converter.getCertificate(matches.iterator().next());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            if (trustedTsa != null && !tsa.equals(trustedTsa)) {
                try {
                    tsa.verify(trustedTsa.getPublicKey());
                } catch (GeneralSecurityException e) {
                    problems.add("the time stamp's authority " + tsa.getSubjectX500Principal().getName() + " does not lead to the trusted TSA certificate");
                    return Optional.empty();
                }
            }
            return Optional.of(tokenInfo.getGenTime());
        } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
            problems.add("the time stamp does not hold: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String tsaSubject(TimeStampToken token, JcaX509CertificateConverter converter) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        return matches.isEmpty() ? "an unnamed authority" : matches.iterator().next().getSubject().toString();
    }

    private static Date signingTime(SignerInformation info) {
        if (info.getSignedAttributes() != null) {
            Attribute time = info.getSignedAttributes().get(CMSAttributes.signingTime);
            if (time != null) {
                return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate();
            }
        }
        return new Date();
    }
}
