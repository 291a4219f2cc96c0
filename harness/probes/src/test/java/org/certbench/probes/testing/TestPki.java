package org.certbench.probes.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A lab CA and certificates made with Debian's openssl for the tests: a server certificate the CA
 * signed for {@code device.lab} and 127.0.0.1, and a self-signed one with the same name (what a rogue
 * server would present).
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(dir);
 * pki.serverCert(); pki.serverKey(); pki.caCert();
 * }</pre>
 */
public final class TestPki {

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    public static TestPki create(Path dir) {
        String openssl = Tools.require("openssl").toString();
        Tools.run(dir, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "30",
                "-subj", "/CN=certbench test lab CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Tools.run(dir, openssl, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=device.lab");
        Path extensions = dir.resolve("server.ext");
        try {
            Files.writeString(extensions, "subjectAltName=DNS:device.lab,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Tools.run(dir, openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "30", "-sha256", "-extfile", "server.ext");
        Tools.run(dir, openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "server-ec.key",
                "-out", "server-ec.csr", "-subj", "/CN=device.lab");
        Tools.run(dir, openssl, "x509", "-req", "-in", "server-ec.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server-ec.crt", "-days", "30", "-sha256", "-extfile", "server.ext");
        Tools.run(dir, openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "rogue.key", "-out", "rogue.crt", "-days", "30", "-subj", "/CN=device.lab",
                "-addext", "subjectAltName=DNS:device.lab,IP:127.0.0.1");
        return new TestPki(dir);
    }

    public Path caCert() {
        return dir.resolve("ca.crt");
    }

    public Path serverCert() {
        return dir.resolve("server.crt");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** A P-256 server certificate the CA signed for the same names, as constrained devices use. */
    public Path serverEcCert() {
        return dir.resolve("server-ec.crt");
    }

    public Path serverEcKey() {
        return dir.resolve("server-ec.key");
    }

    /** A self-signed P-256 certificate for the same names: what a rogue server presents. */
    public Path rogueCert() {
        return dir.resolve("rogue.crt");
    }

    public Path rogueKey() {
        return dir.resolve("rogue.key");
    }

    /** Reads a PEM certificate. */
    public static X509Certificate load(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pem, e);
        }
    }
}
