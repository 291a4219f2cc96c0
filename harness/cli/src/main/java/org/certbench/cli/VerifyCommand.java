package org.certbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.certbench.reports.BundleVerifier;
import org.certbench.reports.BundleZip;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certbench verify BUNDLE --ca FILE}: exit 0 for an intact bundle signed under the CA, 4 otherwise. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a report bundle: the signature and its chain to the trusted CA, every file's digest, no missing,",
            "extra or linked file. Exit 0 when it holds, 4 with every problem otherwise."})
final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle folder, or its zip.")
    Path bundle;

    @Option(names = "--ca", paramLabel = "FILE", description = "The lab CA certificate (PEM) the signer must lead to.")
    Path ca;

    @Option(names = "--tsa-ca", paramLabel = "FILE", description = "The certificate (PEM) a time stamp's authority must lead to.")
    Path tsaCa;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        X509Certificate trusted;
        X509Certificate trustedTsa;
        try {
            trusted = certificate(ca);
            trustedTsa = certificate(tsaCa);
        } catch (IOException | GeneralSecurityException e) {
            spec.commandLine().getErr().println("certbench: cannot read the certificate: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        BundleVerifier.Result result;
        try (BundleZip.Opened opened = BundleZip.open(bundle)) {
            result = BundleVerifier.verify(opened.folder(), trusted, trustedTsa);
        } catch (IOException e) {
            result = new BundleVerifier.Result(java.util.List.of(e.getMessage()), null, null);
        }
        if (result.valid()) {
            out.println("verified: " + bundle + " signed by " + result.signer());
            if (result.timeStamp() != null) {
                out.println("time-stamped: " + result.timeStamp() + (trustedTsa == null ? " (authority not checked: give --tsa-ca)" : ""));
            }
            return ExitCodes.PASS;
        }
        result.problems().forEach(p -> out.println("FAILED   " + p));
        out.println(result.problems().size() + " problem(s): " + bundle + " does not verify");
        return ExitCodes.VERIFICATION_FAILED;
    }

    private static @org.jspecify.annotations.Nullable X509Certificate certificate(@org.jspecify.annotations.Nullable Path file)
            throws IOException, GeneralSecurityException {
        if (file == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new java.security.cert.CertificateException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
