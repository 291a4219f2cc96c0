package org.certbench.probes.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * A client trust manager that applies a {@link TrustChoice} (including the server-name check, which
 * it does itself) and records the handshake's facts, for any TLS client library that takes a
 * {@link TrustManagerFactory} (the HiveMQ MQTT client, Scandium, the JDK's HttpClient).
 *
 * <pre>{@code
 * RecordingTrustManager trust = new RecordingTrustManager(TrustChoice.labCa(ca), "device.lab");
 * sslConfig.trustManagerFactory(trust.asFactory());
 * ... connect ...
 * trust.facts(); // protocol, suite, chain, accepted or why not
 * }</pre>
 */
public final class RecordingTrustManager extends X509ExtendedTrustManager {

    private final TrustChoice choice;
    private final String serverName;
    private volatile @Nullable HandshakeFacts facts;

    public RecordingTrustManager(TrustChoice choice, String serverName) {
        this.choice = choice;
        this.serverName = serverName;
    }

    /** What the last handshake showed, once the server's chain arrived. */
    public Optional<HandshakeFacts> facts() {
        return Optional.ofNullable(facts);
    }

    /** This trust manager as a factory, for libraries that want one. */
    public TrustManagerFactory asFactory() {
        RecordingTrustManager self = this;
        return new TrustManagerFactory(new TrustManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore) {
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
            }

            @Override
            protected TrustManager[] engineGetTrustManagers() {
                return new TrustManager[] {self};
            }
        }, null, "certbench-recording") {
        };
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        SSLSession session = socket instanceof javax.net.ssl.SSLSocket ssl ? ssl.getHandshakeSession() : null;
        check(chain, session);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null);
    }

    /**
     * Judges a server chain for a TLS stack that is not JSSE (Scandium's DTLS), recording the facts.
     *
     * @throws CertificateException when the trust choice refuses the chain, with the reason
     */
    public void verify(X509Certificate[] chain, String protocol, String cipherSuite) throws CertificateException {
        record(chain, protocol, cipherSuite);
    }

    private void check(X509Certificate[] chain, @Nullable SSLSession session) throws CertificateException {
        record(chain, session == null ? "?" : session.getProtocol(), session == null ? "?" : session.getCipherSuite());
    }

    private void record(X509Certificate[] chain, String protocol, String cipherSuite) throws CertificateException {
        String rejection = judge(chain);
        facts = new HandshakeFacts(protocol, cipherSuite, Arrays.stream(chain).map(CertificateInfo::of).toList(), rejection == null,
                rejection);
        if (rejection != null) {
            throw new CertificateException(rejection);
        }
    }

    private @Nullable String judge(X509Certificate[] chain) {
        if (chain.length == 0) {
            return "the server sent no certificate";
        }
        if (choice instanceof TrustChoice.Anything) {
            return null;
        }
        if (choice instanceof TrustChoice.Pinned pinned) {
            return chain[0].equals(pinned.certificate()) ? null
                    : "certificate " + chain[0].getSubjectX500Principal().getName() + " is not the pinned one";
        }
        X509Certificate ca = ((TrustChoice.LabCa) choice).ca();
        try {
            List<X509Certificate> path = Arrays.stream(chain).filter(c -> !c.equals(ca)).toList();
            if (!path.isEmpty()) {
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
                parameters.setRevocationEnabled(false);
                CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            }
        } catch (GeneralSecurityException e) {
            return "certificate " + chain[0].getSubjectX500Principal().getName() + " does not lead to the lab CA: " + e.getMessage();
        }
        if (!HostnameCheck.matches(chain[0], serverName)) {
            return "certificate " + chain[0].getSubjectX500Principal().getName() + " is not for " + serverName;
        }
        return null;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a probe is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a probe is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a probe is a client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return choice instanceof TrustChoice.LabCa labCa ? new X509Certificate[] {labCa.ca()} : new X509Certificate[0];
    }
}
