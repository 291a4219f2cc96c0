package org.certbench.probes.coap;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.certbench.api.Evidence;
import org.certbench.api.Redactions;
import org.certbench.api.Transcript;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;
import org.certbench.probes.net.DtlsClientHello;
import org.certbench.probes.tls.HandshakeFacts;
import org.certbench.probes.tls.RecordingTrustManager;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.DtlsEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.CertificateMessage;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.CertificateVerificationResult;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeException;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.NewAdvancedCertificateVerifier;
import org.eclipse.californium.scandium.util.ServerNames;
import org.jspecify.annotations.Nullable;

/**
 * Talks CoAP to a device as a client with Eclipse Californium (Scandium for DTLS): GET, PUT, POST,
 * resource discovery, observe; blockwise transfers are followed to the end. Every request and answer
 * goes to a transcript ({@code coap-HOST-PORT.txt}); PSK keys never do.
 *
 * <pre>{@code
 * Discovery resources = probes.coap().discover(new CoapTarget(host, 5683, CoapSecurity.none()));
 * Verdicts.failIf(resources.response().success(), "CoAP resources listed without authentication: %s", resources.links());
 * }</pre>
 */
public final class CoapProbe {

    private static final int WAIT_CAP_MILLIS = 15_000;
    private static final Configuration CONFIGURATION = configuration();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final @Nullable Evidence evidence;
    private final Deadline deadline;

    public CoapProbe(Evidence evidence, Deadline deadline) {
        this.evidence = evidence;
        this.deadline = deadline;
    }

    private CoapProbe(Deadline deadline) {
        this.evidence = null;
        this.deadline = deadline;
    }

    /** A probe for use outside certbench's engine: nothing is recorded. */
    public static CoapProbe standalone(Deadline deadline) {
        return new CoapProbe(deadline);
    }

    private static Configuration configuration() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration configuration = Configuration.createStandardWithoutFile();
        configuration.set(CoapConfig.ACK_TIMEOUT, 1000, TimeUnit.MILLISECONDS);
        configuration.set(CoapConfig.MAX_RETRANSMIT, 3);
        configuration.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        configuration.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 1000, TimeUnit.MILLISECONDS);
        configuration.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 3);
        // Devices still offer CBC suites; the probe must be able to talk to them to judge them.
        configuration.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        return configuration;
    }

    /** GET a path, confirmable or not. */
    public CoapResult get(CoapTarget target, String path, boolean confirmable) {
        Request request = Request.newGet();
        request.setConfirmable(confirmable);
        return exchange(target, path, request);
    }

    /** PUT a payload with a content format (e.g. {@code MediaTypeRegistry.TEXT_PLAIN}). */
    public CoapResult put(CoapTarget target, String path, byte[] payload, int contentFormat) {
        Request request = Request.newPut();
        request.setPayload(payload);
        request.getOptions().setContentFormat(contentFormat);
        return exchange(target, path, request);
    }

    /** POST a payload with a content format. */
    public CoapResult post(CoapTarget target, String path, byte[] payload, int contentFormat) {
        Request request = Request.newPost();
        request.setPayload(payload);
        request.getOptions().setContentFormat(contentFormat);
        return exchange(target, path, request);
    }

    /** GET {@code /.well-known/core} and parse the link format. */
    public Discovery discover(CoapTarget target) {
        CoapResult result = get(target, "/.well-known/core", true);
        List<WebLink> links = new ArrayList<>();
        if (result.success()) {
            for (org.eclipse.californium.core.WebLink link : LinkFormat.parse(result.text())) {
                Map<String, List<String>> attributes = new LinkedHashMap<>();
                for (String key : link.getAttributes().getAttributeKeySet()) {
                    attributes.put(key, List.copyOf(link.getAttributes().getAttributeValues(key)));
                }
                links.add(new WebLink(link.getURI(), attributes));
            }
            Collections.sort(links, (a, b) -> a.uri().compareTo(b.uri()));
        }
        return new Discovery(result, links);
    }

    /** Registers an observe relation and collects notifications for the window. */
    public CoapObservation observe(CoapTarget target, String path, Duration window, int maxNotifications) {
        try (Session session = new Session(target)) {
            session.transcript.sent("GET " + target.uri(path) + " (observe)");
            List<CoapResult> notifications = Collections.synchronizedList(new ArrayList<>());
            CoapResult[] registration = new CoapResult[1];
            Request request = Request.newGet();
            request.setObserve();
            long started = System.nanoTime();
            session.client.setURI(target.uri(path));
            session.client.setTimeout((long) deadline.remainingMillis(WAIT_CAP_MILLIS));
            CoapObserveRelation relation;
            try {
                relation = session.client.observeAndWait(request, new CoapHandler() {
                    @Override
                    public void onLoad(CoapResponse response) {
                        CoapResult result = session.result(response, started);
                        if (registration[0] == null) {
                            registration[0] = result;
                        } else if (notifications.size() < maxNotifications) {
                            notifications.add(result);
                            session.transcript.received("notification " + result + ": " + preview(result.payload()));
                        }
                    }

                    @Override
                    public void onError() {
                    }
                });
            } catch (Exception e) {
                CoapResult failed = session.failure(request, started, e);
                session.transcript.received(failed.toString());
                return new CoapObservation(failed, List.of());
            }
            if (registration[0] == null || relation == null || relation.isCanceled()) {
                CoapResult failed = session.failure(request, started, null);
                session.transcript.received(failed.toString());
                return new CoapObservation(failed, List.of());
            }
            session.transcript.received(registration[0] + (request.getOptions().hasObserve() ? ", observe registered" : ""));
            long until = System.nanoTime() + Math.min(window.toNanos(), deadline.remaining().toNanos());
            while (System.nanoTime() < until && notifications.size() < maxNotifications) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            relation.proactiveCancel();
            session.transcript.note(notifications.size() + " notifications in " + window.toMillis() + " ms");
            return new CoapObservation(registration[0], List.copyOf(notifications));
        }
    }

    /**
     * Whether a UDP port answers plain CoAP (a CoAP ping), DTLS (a ClientHello), both or neither; needs no
     * credentials. Each question waits at most one second.
     */
    public TransportCheck transports(String host, int port) {
        try (Transcript transcript = transcript(host, port); DatagramSocket socket = new DatagramSocket()) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            int messageId = RANDOM.nextInt(0x10000);
            byte[] ping = {0x40, 0x00, (byte) (messageId >> 8), (byte) messageId};
            transcript.sent("CoAP ping (empty CON, message id " + messageId + ") to " + host + ":" + port);
            byte[] answer = ask(socket, address, ping);
            boolean plain = answer != null && answer.length >= 4 && (answer[0] & 0xC0) == 0x40 && (answer[0] & 0x30) == 0x30
                    && ((answer[2] & 0xFF) << 8 | (answer[3] & 0xFF)) == messageId;
            transcript.received(answer == null ? "no answer" : plain ? "CoAP reset: plain CoAP answers" : "not a CoAP reset: " + hex(answer));
            transcript.sent("DTLS 1.2 ClientHello to " + host + ":" + port);
            byte[] dtlsAnswer = ask(socket, address, DtlsClientHello.build());
            boolean dtls = dtlsAnswer != null && DtlsClientHello.isDtlsRecord(dtlsAnswer);
            if (dtls) {
                byte[] cancel = DtlsClientHello.cancel(1);
                socket.send(new DatagramPacket(cancel, cancel.length, address));
            }
            String detail = (plain ? "answers plain CoAP" : "no plain CoAP") + ", "
                    + (dtls ? "answers DTLS (" + DtlsClientHello.describe(dtlsAnswer) + ")" : "no DTLS");
            transcript.received(dtlsAnswer == null ? "no answer" : dtls ? "DTLS " + DtlsClientHello.describe(dtlsAnswer) : "not DTLS: " + hex(dtlsAnswer));
            return new TransportCheck(plain, dtls, detail);
        } catch (IOException e) {
            return new TransportCheck(false, false, "cannot probe " + host + ":" + port + ": " + e.getMessage());
        }
    }

    private byte @Nullable [] ask(DatagramSocket socket, InetSocketAddress address, byte[] datagram) throws IOException {
        socket.setSoTimeout(deadline.remainingMillis(1000));
        socket.send(new DatagramPacket(datagram, datagram.length, address));
        byte[] buffer = new byte[2048];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(reply);
            return java.util.Arrays.copyOf(buffer, reply.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /**
     * A client session with one target for several requests: one endpoint (and one DTLS session) for all
     * of them, where {@link #get} makes a new one each time. Close it when done.
     *
     * <pre>{@code
     * try (CoapProbe.Exchanges coap = probes.coap().open(target)) {
     *     for (int i = 0; i < 1000; i++) {
     *         coap.get("/.well-known/core", true);
     *     }
     * }
     * }</pre>
     */
    public Exchanges open(CoapTarget target) {
        return new Exchanges(new Session(target));
    }

    /** Requests over one open session; see {@link #open}. */
    public final class Exchanges implements AutoCloseable {
        private final Session session;

        private Exchanges(Session session) {
            this.session = session;
        }

        /** GET a path, confirmable or not. */
        public CoapResult get(String path, boolean confirmable) {
            Request request = Request.newGet();
            request.setConfirmable(confirmable);
            return exchange(session, path, request);
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private CoapResult exchange(CoapTarget target, String path, Request request) {
        try (Session session = new Session(target)) {
            return exchange(session, path, request);
        }
    }

    private CoapResult exchange(Session session, String path, Request request) {
        CoapTarget target = session.target;
        request.setURI(target.uri(path));
        session.transcript.sent(request.getCode() + (request.isConfirmable() ? " CON " : " NON ") + target.uri(path)
                + (request.getPayloadSize() > 0 ? ", " + request.getPayloadSize() + " bytes: " + preview(request.getPayload()) : "")
                + " (" + describe(target.security()) + ")");
        long started = System.nanoTime();
        session.client.setTimeout((long) deadline.remainingMillis(WAIT_CAP_MILLIS));
        CoapResult result;
        try {
            CoapResponse response = session.client.advanced(request);
            result = response == null ? session.failure(request, started, null) : session.result(response, started);
        } catch (Exception e) {
            result = session.failure(request, started, e);
        }
        session.transcript.received(result + (result.responded() ? ": " + preview(result.payload()) : ""));
        result.dtls().ifPresent(facts -> session.transcript.note("DTLS " + facts.cipherSuite()
                + (facts.chain().isEmpty() ? "" : ", certificate " + facts.chain().get(0).subject())
                + (facts.accepted() ? "" : ", refused: " + facts.rejection())));
        return result;
    }

    private static String describe(CoapSecurity security) {
        return security instanceof CoapSecurity.None ? "plain" : security instanceof CoapSecurity.Psk psk ? "DTLS " + psk : "DTLS X.509";
    }

    static String preview(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 96), StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7E]", ".");
        return Redactions.apply(text) + (payload.length > 96 ? "…" : "");
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 16); i++) {
            hex.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xFF));
        }
        return hex.toString();
    }

    private Transcript transcript(String host, int port) {
        return Transcripts.open(evidence, "coap-" + Transcripts.safe(host) + "-" + port + ".txt");
    }

    /** A client endpoint for one target, torn down after use (Californium starts threads per endpoint). */
    private final class Session implements AutoCloseable {
        final CoapTarget target;
        final Transcript transcript;
        final CoapClient client;
        final Endpoint endpoint;
        final @Nullable RecordingTrustManager trust;

        Session(CoapTarget target) {
            this.target = target;
            this.transcript = transcript(target.host(), target.port());
            this.trust = target.security() instanceof CoapSecurity.X509 x509 ? new RecordingTrustManager(x509.trust(), x509.serverName()) : null;
            CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(CONFIGURATION);
            if (!(target.security() instanceof CoapSecurity.None)) {
                DtlsConnectorConfig.Builder dtls = DtlsConnectorConfig.builder(CONFIGURATION);
                if (target.security() instanceof CoapSecurity.Psk psk) {
                    Redactions.register(psk.key());
                    dtls.setAdvancedPskStore(new AdvancedSinglePskStore(psk.identity(), psk.key().getBytes(StandardCharsets.UTF_8)));
                } else {
                    dtls.setAdvancedCertificateVerifier(new RecordingVerifier(trust));
                }
                builder.setConnector(new DTLSConnector(dtls.build()));
            }
            this.endpoint = builder.build();
            this.client = new CoapClient();
            client.setEndpoint(endpoint);
        }

        CoapResult result(CoapResponse response, long started) {
            var code = response.getCode();
            String cipher = response.advanced().getSourceContext() == null ? null
                    : response.advanced().getSourceContext().getString(DtlsEndpointContext.KEY_CIPHER);
            HandshakeFacts facts = trust != null ? trust.facts().map(f -> new HandshakeFacts("DTLSv1.2", cipher == null ? f.cipherSuite() : cipher,
                    f.chain(), f.accepted(), f.rejection())).orElse(null)
                    : cipher != null ? new HandshakeFacts("DTLSv1.2", cipher, List.of(), true, null) : null;
            return new CoapResult(CoapResult.Outcome.RESPONSE, code.codeClass + "." + String.format("%02d", code.codeDetail), code.name(),
                    response.getOptions().getContentFormat(), response.getPayload() == null ? new byte[0] : response.getPayload(), facts, Duration.ofNanos(System.nanoTime() - started), null);
        }

        CoapResult failure(Request request, long started, @Nullable Exception thrown) {
            Throwable error = request.getSendError() != null ? request.getSendError() : thrown;
            HandshakeFacts facts = trust == null ? null : trust.facts().orElse(null);
            boolean handshake = error instanceof HandshakeException || error != null && error.getCause() instanceof HandshakeException
                    || facts != null && !facts.accepted();
            CoapResult.Outcome outcome = handshake ? CoapResult.Outcome.DTLS_FAILED
                    : error == null || request.isTimedOut() ? CoapResult.Outcome.TIMEOUT : CoapResult.Outcome.FAILED;
            String problem = outcome == CoapResult.Outcome.TIMEOUT ? "no response before the timeout"
                    : facts != null && !facts.accepted() ? "DTLS handshake failed: " + facts.rejection()
                    : String.valueOf(error == null ? "failed" : error.getMessage());
            return new CoapResult(outcome, null, null, -1, new byte[0], facts, Duration.ofNanos(System.nanoTime() - started),
                    Redactions.apply(problem));
        }

        @Override
        public void close() {
            client.shutdown();
            endpoint.destroy();
            transcript.close();
        }
    }

    /** Scandium's certificate check, done by the recording trust manager so refusals are recorded with why. */
    private static final class RecordingVerifier implements NewAdvancedCertificateVerifier {
        private final RecordingTrustManager trust;

        RecordingVerifier(RecordingTrustManager trust) {
            this.trust = trust;
        }

        @Override
        public List<CertificateType> getSupportedCertificateTypes() {
            return List.of(CertificateType.X_509);
        }

        @Override
        public CertificateVerificationResult verifyCertificate(ConnectionId cid, ServerNames serverName, InetSocketAddress remotePeer,
                boolean clientUsage, boolean verifySubject, boolean truncateCertificatePath, CertificateMessage message) {
            X509Certificate[] chain = message.getCertificateChain().getCertificates().toArray(new X509Certificate[0]);
            try {
                trust.verify(chain, "DTLSv1.2", "?");
                return new CertificateVerificationResult(cid, message.getCertificateChain(), null);
            } catch (CertificateException e) {
                return new CertificateVerificationResult(cid, new HandshakeException(e.getMessage(),
                        new AlertMessage(AlertMessage.AlertLevel.FATAL, AlertMessage.AlertDescription.BAD_CERTIFICATE)), null);
            }
        }

        @Override
        public List<X500Principal> getAcceptedIssuers() {
            return List.of();
        }

        @Override
        public void setResultHandler(HandshakeResultHandler resultHandler) {
            // Results are returned at once.
        }
    }
}
