package org.certbench.lab.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.certbench.probes.broker.BrokerLog;
import org.certbench.probes.broker.BrokerPublish;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RefusedConnect;
import org.certbench.probes.broker.RogueAttempt;
import org.jspecify.annotations.Nullable;

/**
 * The instrumented lab broker: embedded HiveMQ Community Edition with a plain listener, a TLS
 * listener presenting a certificate from a lab CA made for the campaign, and beside it the
 * {@link RogueListener}. An embedded extension records every client: client id, protocol version,
 * whether a user name and password were sent, TLS version, cipher suite and SNI, and every topic
 * published with its payload size. HiveMQ keeps process-wide state, so one runs per JVM.
 *
 * <pre>{@code
 * try (LabBroker broker = LabBroker.builder().bindAddress("127.0.0.1").build().start()) {
 *     // point devices at broker.tlsEndpoint(), give them broker.caCertificatePem()
 *     broker.sessions().forEach(s -> System.out.println(s.describe()));
 * }
 * }</pre>
 */
public final class LabBroker implements BrokerLog, AutoCloseable {

    private static final AtomicReference<@Nullable LabBroker> RUNNING = new AtomicReference<>();
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Path workDir;
    private final LabPki pki;
    private final EmbeddedHiveMQ hivemq;
    private final RogueListener rogue;
    private final InetSocketAddress plain;
    private final InetSocketAddress tls;
    private final Map<String, DeviceListener> deviceListeners;
    private final List<Recording> recordings = new CopyOnWriteArrayList<>();
    private final Map<String, Recording> current = new ConcurrentHashMap<>();
    private final Map<String, LoginLockout> lockouts = new ConcurrentHashMap<>();
    private final Map<String, Long> refusedUntil = new ConcurrentHashMap<>();
    private final List<RefusedConnect> refused = new CopyOnWriteArrayList<>();

    private LabBroker(Builder builder) throws IOException {
        InetAddress bind = InetAddress.getByName(builder.bindAddress);
        this.workDir = Files.createTempDirectory("certbench-broker");
        List<String> names = new ArrayList<>(builder.names);
        names.add(0, bind.getHostAddress());
        this.pki = LabPki.create(workDir.resolve("pki"), names);
        this.plain = new InetSocketAddress(bind, builder.plainPort == 0 ? freePort(bind) : builder.plainPort);
        this.tls = new InetSocketAddress(bind, builder.tlsPort == 0 ? freePort(bind) : builder.tlsPort);
        this.deviceListeners = new ConcurrentHashMap<>();
        builder.deviceListeners.forEach(l -> deviceListeners.put(l.name(), l));
        writeConfig(builder.deviceListeners);
        this.rogue = new RogueListener(pki, bind, builder.roguePort);
        this.hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(workDir.resolve("conf"))
                .withDataFolder(workDir.resolve("data"))
                .withExtensionsFolder(workDir.resolve("extensions"))
                .withoutLoggingBootstrap()
                .withEmbeddedExtension(EmbeddedExtension.builder().withId("certbench-recorder").withName("certbench recorder")
                        .withVersion("1").withPriority(1000).withStartPriority(1000).withExtensionMain(new Recorder()).build())
                .build();
    }

    /** A builder; every port defaults to 0, a free port chosen at start. */
    public static Builder builder() {
        return new Builder();
    }

    /** The broker running in this JVM, if one is. */
    public static Optional<LabBroker> running() {
        return Optional.ofNullable(RUNNING.get());
    }

    private LabBroker startBroker() throws IOException {
        if (!RUNNING.compareAndSet(null, this)) {
            rogue.close();
            deleteWorkDir();
            throw new IOException("a lab broker already runs in this JVM (HiveMQ keeps process-wide state); use LabBroker.running()");
        }
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while the lab broker started", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("the lab broker (HiveMQ CE) did not start on " + plain + " / " + tls + ": " + cause.getMessage(), e);
        }
        return this;
    }

    @Override
    public InetSocketAddress plainEndpoint() {
        return plain;
    }

    @Override
    public InetSocketAddress tlsEndpoint() {
        return tls;
    }

    @Override
    public InetSocketAddress rogueEndpoint() {
        return rogue.endpoint();
    }

    @Override
    public String caCertificatePem() {
        return pki.caPem();
    }

    @Override
    public List<BrokerSession> sessions() {
        return recordings.stream().map(Recording::snapshot).sorted(Comparator.comparing(BrokerSession::connected)).toList();
    }

    @Override
    public void refuse(String host, java.time.Duration window) {
        refusedUntil.put(host, System.nanoTime() + window.toNanos());
        for (Recording recording : current.values()) {
            if (recording.remote.equals(host) && recording.disconnected == null) {
                Services.clientService().disconnectClient(recording.clientId);
            }
        }
    }

    @Override
    public List<RefusedConnect> refusedConnects() {
        return List.copyOf(refused);
    }

    @Override
    public List<RogueAttempt> rogueAttempts() {
        return rogue.attempts();
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // stopping is best effort: the JVM's exit ends what is left
        } finally {
            rogue.close();
            RUNNING.compareAndSet(this, null);
            deleteWorkDir();
        }
    }

    private void deleteWorkDir() {
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind holds only throwaway keys
        }
    }

    private void writeConfig(List<DeviceListener> devices) throws IOException {
        Files.createDirectories(workDir.resolve("conf"));
        Files.createDirectories(workDir.resolve("data"));
        Files.createDirectories(workDir.resolve("extensions"));
        StringBuilder listeners = new StringBuilder();
        listeners.append(tcp("plain", plain.getAddress().getHostAddress(), plain.getPort()));
        listeners.append(tls("tls", tls.getAddress().getHostAddress(), tls.getPort(), pki));
        for (DeviceListener device : devices) {
            LabPki identity = device.tls();
            listeners.append(identity != null ? tls(device.name(), device.bindAddress(), device.port(), identity)
                    : tcp(device.name(), device.bindAddress(), device.port()));
        }
        String xml = """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                %s  </listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(listeners);
        Files.writeString(workDir.resolve("conf/config.xml"), xml, StandardCharsets.UTF_8);
    }

    private static String tcp(String name, String address, int port) {
        return "    <tcp-listener><port>%d</port><bind-address>%s</bind-address><name>%s</name></tcp-listener>\n"
                .formatted(port, address, name);
    }

    private static String tls(String name, String address, int port, LabPki identity) {
        String password = new String(identity.password());
        return ("    <tls-tcp-listener><port>%d</port><bind-address>%s</bind-address><name>%s</name><tls>"
                + "<keystore><path>%s</path><password>%s</password><private-key-password>%s</private-key-password></keystore>"
                + "<client-authentication-mode>NONE</client-authentication-mode></tls></tls-tcp-listener>\n")
                .formatted(port, address, name, identity.brokerKeystore().toAbsolutePath(), password, password);
    }

    private static int freePort(InetAddress bind) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, bind)) {
            return socket.getLocalPort();
        }
    }

    /** The most PUBLISHes recorded per session; what a case needs is the first few. */
    static final int MAX_RECORDED_PUBLISHES = 10_000;

    /** One connection as it is being recorded. */
    private static final class Recording {
        final String clientId;
        final String version;
        final String listener;
        final String remote;
        final boolean username;
        final boolean password;
        final @Nullable String protocol;
        final @Nullable String cipher;
        final @Nullable String sni;
        final Instant connected = Instant.now();
        volatile @Nullable Instant disconnected;
        /** The first {@link #MAX_RECORDED_PUBLISHES}: a device that floods the broker must not exhaust the harness's memory. */
        final List<BrokerPublish> publishes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        Recording(String clientId, ConnectPacket connect, ConnectionInformation connection) {
            this.clientId = clientId;
            this.version = version(connect.getMqttVersion());
            this.listener = connection.getListener().map(l -> l.getName()).orElse("?");
            this.remote = connection.getInetAddress().map(InetAddress::getHostAddress).orElse("?");
            this.username = connect.getUserName().isPresent();
            this.password = connect.getPassword().isPresent();
            Optional<ClientTlsInformation> tlsInfo = connection.getClientTlsInformation();
            this.protocol = tlsInfo.map(ClientTlsInformation::getProtocol).orElse(null);
            this.cipher = tlsInfo.map(ClientTlsInformation::getCipherSuite).orElse(null);
            this.sni = tlsInfo.flatMap(ClientTlsInformation::getHostname).orElse(null);
        }

        void publish(BrokerPublish publish) {
            synchronized (publishes) {
                if (publishes.size() < MAX_RECORDED_PUBLISHES) {
                    publishes.add(publish);
                }
            }
        }

        BrokerSession snapshot() {
            List<BrokerPublish> copy;
            synchronized (publishes) {
                copy = List.copyOf(publishes);
            }
            return new BrokerSession(clientId, version, listener, remote, username, password, protocol, cipher, sni, connected,
                    disconnected, copy);
        }

        private static String version(MqttVersion version) {
            return switch (version) {
                case V_3_1 -> "3.1";
                case V_3_1_1 -> "3.1.1";
                case V_5 -> "5";
            };
        }
    }

    /** The embedded extension: access policy per listener, and the recording. */
    private final class Recorder implements ExtensionMain {

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthenticatorProvider(in -> (SimpleAuthenticator) this::authenticate);
            Services.initializerRegistry().setClientInitializer((in, context) -> context.addPublishInboundInterceptor((publish, out) -> {
                Recording recording = current.get(publish.getClientInformation().getClientId());
                if (recording != null) {
                    PublishPacket packet = publish.getPublishPacket();
                    int size = packet.getPayload().map(ByteBuffer::remaining).orElse(0);
                    recording.publish(new BrokerPublish(packet.getTopic(), size, packet.getQos().getQosNumber(), packet.getRetain(),
                            Instant.now()));
                }
            }));
            Services.eventRegistry().setClientLifecycleEventListener(in -> new ClientLifecycleEventListener() {
                @Override
                public void onMqttConnectionStart(ConnectionStartInput start) {
                    Recording recording = new Recording(start.getClientInformation().getClientId(), start.getConnectPacket(),
                            start.getConnectionInformation());
                    Recording previous = current.put(recording.clientId, recording);
                    if (previous != null && previous.disconnected == null) {
                        previous.disconnected = recording.connected;
                    }
                    recordings.add(recording);
                }

                @Override
                public void onAuthenticationSuccessful(AuthenticationSuccessfulInput success) {
                    // recorded at connection start, whatever the authentication decided
                }

                @Override
                public void onDisconnect(DisconnectEventInput end) {
                    Recording recording = current.get(end.getClientInformation().getClientId());
                    if (recording != null && recording.disconnected == null) {
                        recording.disconnected = Instant.now();
                    }
                }
            });
        }

        private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
            String listener = input.getConnectionInformation().getListener().map(l -> l.getName()).orElse("");
            String remote = input.getConnectionInformation().getInetAddress().map(InetAddress::getHostAddress).orElse("?");
            Long until = refusedUntil.get(remote);
            if (until != null && System.nanoTime() >= until) {
                refusedUntil.remove(remote, until);
                until = null;
            }
            if (until != null && !deviceListeners.containsKey(listener)) {
                refused.add(new RefusedConnect(remote, input.getClientInformation().getClientId(), Instant.now()));
                output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "the lab broker is away (certbench 5.9-3)");
                return;
            }
            DeviceListener device = deviceListeners.get(listener);
            ConnectPacket connect = input.getConnectPacket();
            if (device == null || (device.anonymous() && connect.getUserName().isEmpty() && connect.getPassword().isEmpty())) {
                // The lab listeners take every device: what a device sends is the evidence, not whether it may.
                output.authenticateSuccessfully();
                return;
            }
            boolean user = connect.getUserName().map(device.username()::equals).orElse(false);
            boolean pass = connect.getPassword().map(p -> StandardCharsets.UTF_8.decode(p.duplicate()).toString())
                    .map(p -> Objects.equals(p, device.password())).orElse(false);
            LoginLockout lockout = lockouts.computeIfAbsent(listener, l -> device.lockout() ? LoginLockout.standard() : LoginLockout.none());
            if (lockout.check(connect.getUserName().orElse(""), user && pass)) {
                output.authenticateSuccessfully();
            } else {
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "bad user name or password");
            }
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
            // nothing held
        }
    }

    /** Settings of a lab broker. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int plainPort;
        private int tlsPort;
        private int roguePort;
        private final List<String> names = new ArrayList<>(List.of("localhost", "lab-broker"));
        private final List<DeviceListener> deviceListeners = new ArrayList<>();

        private Builder() {
        }

        /** The address all lab listeners bind to (the harness's address on the bench). */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** The plain MQTT port; 0 picks a free one. */
        public Builder plainPort(int port) {
            this.plainPort = port;
            return this;
        }

        /** The MQTT over TLS port; 0 picks a free one. */
        public Builder tlsPort(int port) {
            this.tlsPort = port;
            return this;
        }

        /** The rogue listener's port; 0 picks a free one. */
        public Builder roguePort(int port) {
            this.roguePort = port;
            return this;
        }

        /** Another name (DNS or IP) the broker and the rogue certificate answer to. */
        public Builder name(String name) {
            this.names.add(name);
            return this;
        }

        /** A virtual device's own MQTT service, served by this broker. */
        public Builder deviceListener(DeviceListener listener) {
            this.deviceListeners.add(listener);
            return this;
        }

        /** Starts the broker and its rogue listener. */
        public LabBroker start() throws IOException {
            return new LabBroker(this).startBroker();
        }
    }
}
