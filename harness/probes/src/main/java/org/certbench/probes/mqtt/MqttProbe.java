package org.certbench.probes.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.certbench.api.Evidence;
import org.certbench.api.Redactions;
import org.certbench.api.Transcript;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;
import org.certbench.probes.tls.HandshakeFacts;
import org.certbench.probes.tls.RecordingTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Talks MQTT 3.1.1 or 5 to a device's broker or to the lab broker, as a client, with the HiveMQ MQTT
 * client: connects with chosen credentials and reports the CONNACK, observes topic filters for a
 * bounded window, publishes. Every exchange goes to a transcript ({@code mqtt-HOST-PORT.txt}) with
 * passwords blanked; every wait is bounded by the case deadline.
 *
 * <pre>{@code
 * ConnectResult anonymous = probes.mqtt().connect(MqttEndpoint.plain(host, 1883), MqttVersion.V3_1_1, MqttLogin.ANONYMOUS);
 * Verdicts.failIf(anonymous.accepted(), "the broker on %s accepts CONNECT without credentials", host);
 * }</pre>
 */
public final class MqttProbe {

    /** How much of a payload a transcript shows. */
    static final int PREVIEW_BYTES = 64;
    private static final int WAIT_CAP_MILLIS = 10_000;

    private final @Nullable Evidence evidence;
    private final Deadline deadline;

    /** A probe that records to the case's evidence. */
    public MqttProbe(Evidence evidence, Deadline deadline) {
        this.evidence = evidence;
        this.deadline = deadline;
    }

    private MqttProbe(Deadline deadline) {
        this.evidence = null;
        this.deadline = deadline;
    }

    /** A probe for use outside certbench's engine: nothing is recorded. */
    public static MqttProbe standalone(Deadline deadline) {
        return new MqttProbe(deadline);
    }

    /** Connects, reports the CONNACK (or why there was none), and disconnects. */
    public ConnectResult connect(MqttEndpoint endpoint, MqttVersion version, MqttLogin login) {
        try (Recorder recorder = new Recorder(endpoint); Session session = Session.open(endpoint, version, deadline)) {
            return session.connect(login, recorder);
        }
    }

    /**
     * Connects and subscribes to each filter (QoS 0), records what arrives for {@code window} (or until
     * {@code maxMessages}), then disconnects.
     */
    public Observation observe(MqttEndpoint endpoint, MqttVersion version, MqttLogin login, List<String> filters, Duration window,
            int maxMessages) {
        try (Recorder recorder = new Recorder(endpoint); Session session = Session.open(endpoint, version, deadline)) {
            ConnectResult connect = session.connect(login, recorder);
            Map<String, Integer> granted = new LinkedHashMap<>();
            List<ReceivedMessage> messages = Collections.synchronizedList(new ArrayList<>());
            boolean[] truncated = {false};
            if (!connect.accepted()) {
                return new Observation(connect, granted, messages, false);
            }
            Consumer<ReceivedMessage> sink = message -> {
                if (messages.size() < maxMessages) {
                    messages.add(message);
                    recorder.received(String.format("PUBLISH %s qos %d%s, %d bytes: %s", message.topic(), message.qos(),
                            message.retained() ? " retained" : "", message.payloadBytes(), message.preview()));
                } else {
                    truncated[0] = true;
                }
            };
            for (String filter : filters) {
                recorder.sent("SUBSCRIBE " + filter);
                int code = session.subscribe(filter, sink);
                granted.put(filter, code);
                recorder.received(String.format("SUBACK %s 0x%02X%s", filter, code, code >= 0x80 ? " (refused)" : " (granted)"));
            }
            long until = System.nanoTime() + Math.min(window.toNanos(), deadline.remaining().toNanos());
            while (System.nanoTime() < until && messages.size() < maxMessages && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            recorder.note(messages.size() + " messages in " + window.toMillis() + " ms" + (truncated[0] ? " (more arrived, not kept)" : ""));
            return new Observation(connect, granted, List.copyOf(messages), truncated[0]);
        }
    }

    /** Connects and publishes one message. */
    public PublishResult publish(MqttEndpoint endpoint, MqttVersion version, MqttLogin login, String topic, byte[] payload, int qos) {
        try (Recorder recorder = new Recorder(endpoint); Session session = Session.open(endpoint, version, deadline)) {
            ConnectResult connect = session.connect(login, recorder);
            if (!connect.accepted()) {
                return new PublishResult(connect, false, -1, "not connected: " + connect.reason());
            }
            recorder.sent(String.format("PUBLISH %s qos %d, %d bytes: %s", topic, qos, payload.length, preview(payload)));
            PublishResult result = session.publish(connect, topic, payload, qos);
            recorder.received(result.delivered() ? "published" + (result.code() > 0 ? String.format(" (0x%02X)", result.code()) : "")
                    : String.format("not published: 0x%02X %s", result.code(), result.reason()));
            return result;
        }
    }

    static String preview(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, PREVIEW_BYTES), StandardCharsets.UTF_8)
                .replaceAll("[^\\x20-\\x7E]", ".");
        return Redactions.apply(text) + (payload.length > PREVIEW_BYTES ? "…" : "");
    }

    /** The transcript of one probe call. */
    private final class Recorder implements AutoCloseable {
        private final Transcript transcript;

        Recorder(MqttEndpoint endpoint) {
            this.transcript = Transcripts.open(evidence, "mqtt-" + Transcripts.safe(endpoint.host()) + "-" + endpoint.port() + ".txt");
        }

        void sent(String line) {
            transcript.sent(line);
        }

        void received(String line) {
            transcript.received(line);
        }

        void note(String line) {
            transcript.note(line);
        }

        @Override
        public void close() {
            transcript.close();
        }
    }

    /** One client connection, for either protocol version. */
    private abstract static class Session implements AutoCloseable {
        final MqttEndpoint endpoint;
        final MqttVersion version;
        final Deadline deadline;
        final @Nullable RecordingTrustManager trust;
        final MqttClientTransportConfig transport;

        Session(MqttEndpoint endpoint, MqttVersion version, Deadline deadline) {
            this.endpoint = endpoint;
            this.version = version;
            this.deadline = deadline;
            this.trust = endpoint.tls().map(choice -> new RecordingTrustManager(choice, endpoint.expectedName())).orElse(null);
            int wait = deadline.remainingMillis(WAIT_CAP_MILLIS);
            var builder = MqttClientTransportConfig.builder()
                    .serverAddress(address(endpoint))
                    .socketConnectTimeout(wait, TimeUnit.MILLISECONDS)
                    .mqttConnectTimeout(wait, TimeUnit.MILLISECONDS);
            if (trust != null) {
                builder.sslConfig(MqttClientSslConfig.builder()
                        .trustManagerFactory(trust.asFactory())
                        // The recording trust manager checks the name itself, and records why it refused.
                        .hostnameVerifier((host, session) -> true)
                        .handshakeTimeout(wait, TimeUnit.MILLISECONDS)
                        .build());
            }
            this.transport = builder.build();
        }

        static Session open(MqttEndpoint endpoint, MqttVersion version, Deadline deadline) {
            return version == MqttVersion.V5 ? new V5(endpoint, deadline) : new V3(endpoint, deadline);
        }

        /** The address to connect to, carrying the expected name so TLS sends it as SNI. */
        private static InetSocketAddress address(MqttEndpoint endpoint) {
            try {
                InetAddress resolved = InetAddress.getByName(endpoint.host());
                return new InetSocketAddress(InetAddress.getByAddress(endpoint.expectedName(), resolved.getAddress()), endpoint.port());
            } catch (UnknownHostException e) {
                return InetSocketAddress.createUnresolved(endpoint.host(), endpoint.port());
            }
        }

        ConnectResult connect(MqttLogin login, Recorder recorder) {
            long started = System.nanoTime();
            recorder.sent("CONNECT MQTT " + version.label() + " to " + endpoint + " with " + login.describe());
            ConnectResult result;
            try {
                sendConnect(login).get(deadline.remainingMillis(WAIT_CAP_MILLIS * 2), TimeUnit.MILLISECONDS);
                result = result(ConnectResult.Outcome.ACCEPTED, 0, "SUCCESS", started);
            } catch (ExecutionException e) {
                result = failure(e.getCause(), started);
            } catch (TimeoutException e) {
                result = result(ConnectResult.Outcome.TIMEOUT, -1, "no CONNACK before the deadline", started);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = result(ConnectResult.Outcome.TIMEOUT, -1, "interrupted", started);
            }
            if (result.handshake() != null) {
                HandshakeFacts facts = result.handshake();
                recorder.received("TLS " + facts.protocol() + " " + facts.cipherSuite() + ", certificate "
                        + (facts.chain().isEmpty() ? "none" : facts.chain().get(0).subject())
                        + (facts.accepted() ? " accepted" : " refused: " + facts.rejection()));
            }
            recorder.received(result.toString());
            return result;
        }

        private ConnectResult failure(Throwable cause, long started) {
            if (cause instanceof Mqtt3ConnAckException refused) {
                var code = refused.getMqttMessage().getReturnCode();
                return result(ConnectResult.Outcome.REFUSED, code.getCode(), code.name(), started);
            }
            if (cause instanceof Mqtt5ConnAckException refused) {
                var code = refused.getMqttMessage().getReasonCode();
                return result(ConnectResult.Outcome.REFUSED, code.getCode(), code.name(), started);
            }
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                if (root instanceof SSLException) {
                    break;
                }
                root = root.getCause();
            }
            if (root instanceof SSLException || trust != null && trust.facts().isPresent() && !trust.facts().get().accepted()) {
                return result(ConnectResult.Outcome.TLS_FAILED, -1, "TLS handshake failed: " + said(root), started);
            }
            if (root instanceof ConnectException || cause instanceof ConnectionFailedException && root instanceof java.io.IOException) {
                return result(ConnectResult.Outcome.UNREACHABLE, -1, said(root), started);
            }
            if (cause instanceof ConnectionClosedException) {
                return result(ConnectResult.Outcome.CLOSED, -1, "connection closed without CONNACK: " + said(cause), started);
            }
            return result(ConnectResult.Outcome.CLOSED, -1, cause.getClass().getSimpleName() + ": " + cause.getMessage(), started);
        }

        private ConnectResult result(ConnectResult.Outcome outcome, int code, String reason, long started) {
            return new ConnectResult(version, outcome, code, Redactions.apply(reason), trust == null ? null : trust.facts().orElse(null),
                    Duration.ofNanos(System.nanoTime() - started));
        }

        int waitMillis() {
            return deadline.remainingMillis(WAIT_CAP_MILLIS);
        }

        abstract CompletableFuture<?> sendConnect(MqttLogin login);

        abstract int subscribe(String filter, Consumer<ReceivedMessage> sink);

        abstract PublishResult publish(ConnectResult connect, String topic, byte[] payload, int qos);

        /** The client, whichever protocol version it speaks. */
        abstract MqttClient client();

        boolean connected() {
            return client().getState().isConnected();
        }

        abstract CompletableFuture<Void> disconnect();

        @Override
        public void close() {
            if (connected()) {
                try {
                    disconnect().get(1, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // The case is over either way.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** A publish's outcome when sending it threw. */
        static PublishResult failedPublish(ConnectResult connect, Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new PublishResult(connect, false, -1, "interrupted");
            }
            if (e instanceof TimeoutException) {
                return new PublishResult(connect, false, -1, "no acknowledgement before the deadline");
            }
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return new PublishResult(connect, false, -1, said(cause));
        }

        static String clientId() {
            return "certbench-" + UUID.randomUUID().toString().substring(0, 8);
        }

        static ReceivedMessage message(String topic, int qos, boolean retained, byte[] payload) {
            return new ReceivedMessage(Instant.now(), topic, qos, retained, payload.length, preview(payload));
        }

        <T> T await(CompletableFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
            return future.get(waitMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static final class V3 extends Session {
        private final Mqtt3AsyncClient client;

        V3(MqttEndpoint endpoint, Deadline deadline) {
            super(endpoint, MqttVersion.V3_1_1, deadline);
            this.client = MqttClient.builder().useMqttVersion3().identifier(clientId()).transportConfig(transport).buildAsync();
        }

        @Override
        CompletableFuture<?> sendConnect(MqttLogin login) {
            Mqtt3ConnectBuilder.Send<CompletableFuture<com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck>> connect =
                    client.connectWith().cleanSession(true);
            if (login.username() != null) {
                var auth = connect.simpleAuth().username(login.username());
                if (login.password() != null) {
                    auth.password(login.password().getBytes(StandardCharsets.UTF_8));
                }
                return auth.applySimpleAuth().send();
            }
            return connect.send();
        }

        @Override
        int subscribe(String filter, Consumer<ReceivedMessage> sink) {
            try {
                var ack = await(client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_MOST_ONCE)
                        .callback((Mqtt3Publish p) -> sink.accept(message(p.getTopic().toString(), p.getQos().getCode(), p.isRetain(),
                                p.getPayloadAsBytes())))
                        .send());
                return ack.getReturnCodes().get(0).getCode();
            } catch (ExecutionException | TimeoutException e) {
                return 0x80;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0x80;
            }
        }

        @Override
        PublishResult publish(ConnectResult connect, String topic, byte[] payload, int qos) {
            try {
                await(client.publishWith().topic(topic).payload(payload).qos(MqttQos.fromCode(qos)).send());
                return new PublishResult(connect, true, 0, "SUCCESS");
            } catch (ExecutionException | TimeoutException | InterruptedException e) {
                return failedPublish(connect, e);
            }
        }

        @Override
        MqttClient client() {
            return client;
        }

        @Override
        CompletableFuture<Void> disconnect() {
            return client.disconnect();
        }
    }

    private static final class V5 extends Session {
        private final Mqtt5AsyncClient client;

        V5(MqttEndpoint endpoint, Deadline deadline) {
            super(endpoint, MqttVersion.V5, deadline);
            this.client = MqttClient.builder().useMqttVersion5().identifier(clientId()).transportConfig(transport).buildAsync();
        }

        @Override
        CompletableFuture<?> sendConnect(MqttLogin login) {
            Mqtt5ConnectBuilder.Send<CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck>> connect =
                    client.connectWith().cleanStart(true);
            if (login.username() == null && login.password() == null) {
                return connect.send();
            }
            byte[] password = login.password() == null ? null : login.password().getBytes(StandardCharsets.UTF_8);
            com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth auth = login.username() == null
                    ? com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth.builder().password(password).build()
                    : password == null
                            ? com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth.builder().username(login.username()).build()
                            : com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth.builder().username(login.username())
                                    .password(password).build();
            return connect.simpleAuth(auth).send();
        }

        @Override
        int subscribe(String filter, Consumer<ReceivedMessage> sink) {
            try {
                var ack = await(client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_MOST_ONCE)
                        .callback((Mqtt5Publish p) -> sink.accept(message(p.getTopic().toString(), p.getQos().getCode(), p.isRetain(),
                                p.getPayloadAsBytes())))
                        .send());
                return ack.getReasonCodes().get(0).getCode();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException refused) {
                    return refused.getMqttMessage().getReasonCodes().get(0).getCode();
                }
                return 0x80;
            } catch (TimeoutException e) {
                return 0x80;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0x80;
            }
        }

        @Override
        PublishResult publish(ConnectResult connect, String topic, byte[] payload, int qos) {
            try {
                Mqtt5PublishResult result = await(client.publishWith().topic(topic).payload(payload).qos(MqttQos.fromCode(qos)).send());
                if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1) {
                    var code = qos1.getPubAck().getReasonCode();
                    return new PublishResult(connect, !code.isError(), code.getCode(), code.name());
                }
                return result.getError().map(e -> new PublishResult(connect, false, -1, said(e)))
                        .orElse(new PublishResult(connect, true, 0, "SUCCESS"));
            } catch (ExecutionException | TimeoutException | InterruptedException e) {
                return failedPublish(connect, e);
            }
        }

        @Override
        MqttClient client() {
            return client;
        }

        @Override
        CompletableFuture<Void> disconnect() {
            return client.disconnect();
        }
    }

    /** What a failure says, for a reason: its message, or its kind when it has none (a reason never reads "null"). */
    private static String said(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
