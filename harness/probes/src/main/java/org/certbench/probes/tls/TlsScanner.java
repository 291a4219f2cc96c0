package org.certbench.probes.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.certbench.api.Transcript;
import org.certbench.probes.Deadline;
import org.jspecify.annotations.Nullable;

/**
 * Finds every protocol version and cipher suite a TLS endpoint accepts, as sslscan does: for each
 * version it offers every suite it knows in a ClientHello of its own, notes the suite the server picks,
 * removes it, and asks again until the server refuses. Only the ServerHello is read (plus, once, the
 * Certificate message), so legacy suites the JDK cannot speak are found as well. Works on any TCP port
 * that speaks TLS from the first byte (HTTPS, MQTTS, a device's own port). Every socket sets
 * TCP_NODELAY: with Nagle on, a handshake on loopback takes 48 ms instead of 4.
 *
 * <pre>{@code
 * TlsScan scan = new TlsScanner(TlsScanOptions.DEFAULT).scan("10.0.0.2", 443, Deadline.in(Duration.ofMinutes(2)), null);
 * }</pre>
 */
public final class TlsScanner {

    private final TlsScanOptions options;

    public TlsScanner(TlsScanOptions options) {
        this.options = options;
    }

    /**
     * Scans one endpoint. Never throws for what the endpoint does: an unreachable or non-TLS endpoint
     * gives an incomplete scan with the problem named.
     *
     * @param transcript where each ClientHello and answer is recorded, or null
     */
    public TlsScan scan(String host, int port, Deadline deadline, @Nullable Transcript transcript) {
        long started = System.nanoTime();
        String serverName = options.serverName() != null ? options.serverName() : host;
        Map<TlsVersion, List<CipherSuite>> accepted = new EnumMap<>(TlsVersion.class);
        List<String> problems = new ArrayList<>();
        List<byte[]> chainDer = new ArrayList<>();
        int connections = 0;
        boolean complete = true;
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            problems.add("cannot resolve " + host + ": " + e.getMessage());
            return new TlsScan(host, port, serverName, accepted, List.of(), Optional.empty(), Optional.empty(), 0, false,
                    Duration.ofNanos(System.nanoTime() - started), problems);
        }
        versions:
        for (TlsVersion version : TlsVersion.values()) {
            List<Integer> remaining = new ArrayList<>();
            if (version == TlsVersion.TLS_1_3) {
                CipherSuites.tls13().forEach(s -> remaining.add(s.code()));
            } else {
                remaining.addAll(CipherSuites.offeredUpToTls12());
            }
            while (!remaining.isEmpty()) {
                if (deadline.expired()) {
                    complete = false;
                    problems.add("deadline passed while scanning " + version.label());
                    break versions;
                }
                byte[] hello = ClientHello.build(version, remaining, serverName);
                note(transcript, true, String.format(Locale.ROOT, "ClientHello %s, %d suites, SNI %s", version.label(),
                        remaining.size(), serverName));
                ServerReply reply;
                connections++;
                try {
                    reply = exchange(address, port, hello, chainDer.isEmpty() && version != TlsVersion.TLS_1_3, deadline);
                } catch (ConnectException e) {
                    problems.add("cannot connect to " + host + ":" + port + ": " + e.getMessage());
                    complete = false;
                    note(transcript, false, "connect refused: " + e.getMessage());
                    break versions;
                } catch (SocketTimeoutException e) {
                    problems.add("no answer within " + options.readTimeout().toMillis() + " ms to a " + version.label() + " ClientHello");
                    note(transcript, false, "no answer (timeout)");
                    break;
                } catch (IOException e) {
                    note(transcript, false, "connection failed: " + e.getMessage());
                    break;
                }
                note(transcript, false, reply.detail());
                if (reply.kind() == ServerReply.Kind.NOT_TLS) {
                    problems.add(host + ":" + port + " does not speak TLS: " + reply.detail());
                    complete = false;
                    break versions;
                }
                if (reply.kind() != ServerReply.Kind.SERVER_HELLO || reply.version() != version) {
                    break;
                }
                if (!remaining.remove(Integer.valueOf(reply.suite()))) {
                    problems.add(version.label() + ": the server chose suite " + CipherSuites.byCode(reply.suite()) + ", which was not offered");
                    break;
                }
                accepted.computeIfAbsent(version, v -> new ArrayList<>()).add(CipherSuites.byCode(reply.suite()));
                if (chainDer.isEmpty()) {
                    chainDer.addAll(reply.certificates());
                }
            }
        }
        List<X509Certificate> decoded = decode(chainDer, problems);
        if (decoded.isEmpty() && !accepted.isEmpty()) {
            connections++;
            decoded = fetchWithJsse(address, port, serverName, deadline, problems);
        }
        List<X509Certificate> chain = decoded;
        List<CertificateInfo> infos = chain.stream().map(CertificateInfo::of).toList();
        Optional<Boolean> nameMatches = chain.isEmpty() ? Optional.empty() : Optional.of(HostnameCheck.matches(chain.get(0), serverName));
        Optional<TlsScan.Trust> trust = chain.isEmpty() ? Optional.empty() : options.anchor().map(anchor -> validate(chain, anchor));
        return new TlsScan(host, port, serverName, accepted, infos, nameMatches, trust, connections, complete,
                Duration.ofNanos(System.nanoTime() - started), problems);
    }

    private ServerReply exchange(InetAddress address, int port, byte[] hello, boolean wantCertificates, Deadline deadline)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoLinger(true, 0);
            socket.connect(new InetSocketAddress(address, port), deadline.remainingMillis((int) options.connectTimeout().toMillis()));
            socket.setSoTimeout(deadline.remainingMillis((int) options.readTimeout().toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(hello);
            out.flush();
            InputStream in = socket.getInputStream();
            return ServerReply.read(in, wantCertificates);
        }
    }

    private static List<X509Certificate> decode(List<byte[]> ders, List<String> problems) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : ders) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException e) {
            problems.add("unparsable certificate in the chain: " + e.getMessage());
        }
        return chain;
    }

    /** TLS 1.3 encrypts the certificate: complete a real handshake, trusting anything, to read it. */
    private List<X509Certificate> fetchWithJsse(InetAddress address, int port, String serverName, Deadline deadline,
            List<String> problems) {
        try {
            return jsseHandshake(address, port, serverName, deadline).chain();
        } catch (IOException | GeneralSecurityException e) {
            problems.add("could not read the certificate chain: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Reads the certificate chain an endpoint presents, in as few connections as it takes: one TLS 1.2
     * ClientHello offering every suite (the chain comes in clear, whatever the key, legacy suites too), and
     * for a server that speaks only TLS 1.3 one full handshake trusting anything. Nothing is judged: a failure
     * gives facts with no chain, not accepted, the failure as the rejection.
     *
     * <pre>{@code
     * HandshakeFacts facts = new TlsScanner(TlsScanOptions.DEFAULT).certificates("10.0.0.2", 8443, deadline, null);
     * facts.chain().get(0).publicKeySha256();
     * }</pre>
     */
    public HandshakeFacts certificates(String host, int port, Deadline deadline, @Nullable Transcript transcript) {
        String serverName = options.serverName() != null ? options.serverName() : host;
        List<String> problems = new ArrayList<>();
        try {
            InetAddress address = InetAddress.getByName(host);
            byte[] hello = ClientHello.build(TlsVersion.TLS_1_2, CipherSuites.offeredUpToTls12(), serverName);
            note(transcript, true, "ClientHello TLS 1.2, every suite, SNI " + serverName + ", for the certificate chain");
            try {
                ServerReply reply = exchange(address, port, hello, true, deadline);
                note(transcript, false, reply.detail());
                if (reply.kind() == ServerReply.Kind.NOT_TLS) {
                    return failed(host + ":" + port + " does not speak TLS: " + reply.detail());
                }
                List<X509Certificate> chain = decode(reply.certificates(), problems);
                if (reply.kind() == ServerReply.Kind.SERVER_HELLO && !chain.isEmpty()) {
                    return new HandshakeFacts(reply.version() == null ? "?" : reply.version().label(),
                            CipherSuites.byCode(reply.suite()).ianaName(), chain.stream().map(CertificateInfo::of).toList(), true, null);
                }
            } catch (ConnectException e) {
                note(transcript, false, "connect refused: " + e.getMessage());
                return failed("cannot connect to " + host + ":" + port + ": " + e.getMessage());
            } catch (IOException e) {
                // a server that speaks only TLS 1.3 may time out or hang up on a 1.2 hello: the full handshake decides
                note(transcript, false, e instanceof SocketTimeoutException ? "no answer (timeout)" : "connection failed: " + e.getMessage());
            }
            note(transcript, true, "full handshake (TLS 1.3 or 1.2), trusting anything, SNI " + serverName);
            Handshake handshake = jsseHandshake(address, port, serverName, deadline);
            note(transcript, false, handshake.protocol() + " " + handshake.cipherSuite() + ", " + handshake.chain().size() + " certificates");
            return new HandshakeFacts(handshake.protocol(), handshake.cipherSuite(),
                    handshake.chain().stream().map(CertificateInfo::of).toList(), true, null);
        } catch (IOException | GeneralSecurityException e) {
            note(transcript, false, "handshake failed: " + e.getMessage());
            return failed("no TLS handshake with " + host + ":" + port + ": " + e.getMessage()
                    + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
        }
    }

    private static HandshakeFacts failed(String why) {
        return new HandshakeFacts("", "", List.of(), false, why);
    }

    private record Handshake(String protocol, String cipherSuite, List<X509Certificate> chain) {
    }

    private Handshake jsseHandshake(InetAddress address, int port, String serverName, Deadline deadline)
            throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new X509TrustManager[] {new RecordingTrustManager(TrustChoice.anything(), serverName)}, null);
        try (Socket plain = new Socket()) {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(address, port), deadline.remainingMillis((int) options.connectTimeout().toMillis()));
            plain.setSoTimeout(deadline.remainingMillis((int) options.readTimeout().toMillis()));
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, serverName, port, false)) {
                SSLParameters parameters = socket.getSSLParameters();
                if (!serverName.matches("[0-9.]+|.*:.*")) {
                    parameters.setServerNames(List.of(new SNIHostName(serverName)));
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate certificate : socket.getSession().getPeerCertificates()) {
                    chain.add((X509Certificate) certificate);
                }
                return new Handshake(socket.getSession().getProtocol(), socket.getSession().getCipherSuite(), chain);
            }
        }
    }

    private static TlsScan.Trust validate(List<X509Certificate> chain, X509Certificate anchor) {
        try {
            List<X509Certificate> path = new ArrayList<>(chain);
            path.removeIf(anchor::equals);
            if (path.isEmpty()) {
                return new TlsScan.Trust(true, null);
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(java.util.Date.from(Instant.now()));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return new TlsScan.Trust(true, null);
        } catch (CertPathValidatorException e) {
            return new TlsScan.Trust(false, e.getReason() + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return new TlsScan.Trust(false, e.getMessage());
        }
    }

    private static void note(@Nullable Transcript transcript, boolean sent, String line) {
        if (transcript != null) {
            if (sent) {
                transcript.sent(line);
            } else {
                transcript.received(line);
            }
        }
    }
}
