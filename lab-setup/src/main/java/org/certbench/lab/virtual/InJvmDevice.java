package org.certbench.lab.virtual;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.certbench.lab.broker.LabPki;
import org.certbench.lab.broker.LoginLockout;
import org.certbench.probes.broker.BrokerLog;
import org.certbench.probes.tls.RecordingTrustManager;
import org.certbench.probes.tls.TrustChoice;
import org.jspecify.annotations.Nullable;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * One virtual device served from inside the JVM on its own loopback address: HTTPS (and HTTP),
 * CoAP over DTLS with a pre-shared key (and plain CoAP), a console on a TCP port as ser2net gives
 * it, a telnet login, a debug shell, and an MQTT client that reports to the lab broker, each present
 * or flawed as its {@link Variant} says. Its own MQTT service is a listener of the lab broker (see
 * {@link InJvmBench}).
 */
final class InJvmDevice implements AutoCloseable {

    static final String FIRMWARE = "1.4.2";
    static final String DEFAULT_USER = "admin";
    static final String DEFAULT_PASSWORD = "admin";
    private static final Duration UPLINK_PERIOD = Duration.ofSeconds(3);
    private static final Duration ROGUE_PERIOD = Duration.ofSeconds(5);

    private final Variant variant;
    private final String address;
    private final DeviceSecrets secrets;
    private final List<AutoCloseable> services = new ArrayList<>();
    private final ScheduledExecutorService uplink;

    InJvmDevice(Variant variant, DeviceSecrets secrets, BrokerLog broker, Path workDir) throws IOException {
        this.variant = variant;
        this.address = variant.inJvmAddress();
        this.secrets = secrets;
        this.uplink = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "certbench-virtual-uplink-" + variant.name());
            thread.setDaemon(true);
            return thread;
        });
        try {
            startHttp(workDir);
            startCoap();
            startLines();
            startUplink(broker);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Map<String, String> accounts() {
        Map<String, String> accounts = new HashMap<>();
        accounts.put(DeviceSecrets.OWNER, secrets.ownerPassword());
        if (variant.has(Flaw.DEFAULT_PASSWORD)) {
            accounts.put(DEFAULT_USER, DEFAULT_PASSWORD);
        }
        return accounts;
    }

    private void startHttp(Path workDir) throws IOException {
        LabPki pki = LabPki.create(workDir.resolve(variant.name() + "-pki"), List.of(address), variant.has(Flaw.WEAK_TLS) ? 1024 : 0,
                variant.has(Flaw.SHARED_KEY));
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(address), Variant.HTTPS), 16);
        https.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
        serve(https);
        if (variant.has(Flaw.PLAINTEXT)) {
            serve(HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), Variant.HTTP), 16));
        }
    }

    private void serve(HttpServer server) {
        LoginLockout lockout = lockout();
        BasicAuthenticator login = new BasicAuthenticator("virtual-device") {
            @Override
            public Result authenticate(HttpExchange exchange) {
                boolean lockedBefore = basicUser(exchange).filter(lockout::locked).isPresent();
                Result result = super.authenticate(exchange);
                // A locked account says so (429) rather than inviting another guess.
                return result instanceof Retry && lockedBefore ? new Failure(429) : result;
            }

            @Override
            public boolean checkCredentials(String user, String password) {
                return lockout.check(user, password.equals(accounts().get(user)));
            }
        };
        server.createContext("/", exchange -> respond(exchange, 200, "<html><body><h1>Virtual device</h1>"
                + "<p><a href=\"/admin\">Administration</a> · <a href=\"/.well-known/security.txt\">Security</a></p></body></html>"));
        server.createContext("/.well-known/security.txt", exchange -> respond(exchange, 200,
                "Contact: mailto:security@certbench.invalid\nPolicy: https://certbench.invalid/disclosure\n"));
        server.createContext("/admin", exchange -> respond(exchange, 200, "<html><body><h1>Settings</h1><p>firmware " + FIRMWARE
                + "</p></body></html>")).setAuthenticator(login);
        var config = server.createContext("/api/config", exchange -> {
            boolean change = exchange.getRequestMethod().equals("POST");
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, change ? "{\"applied\":true}\n" : "{\"ntp\":\"pool.ntp.org\",\"tls\":true}\n");
        });
        if (!variant.has(Flaw.OPEN_CONFIG)) {
            config.setAuthenticator(login);
        }
        var docs = server.createContext("/docs/", this::document);
        if (variant.has(Flaw.DOCS_BEHIND_LOGIN)) {
            docs.setAuthenticator(login);
        }
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "certbench-virtual-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        services.add(() -> {
            server.stop(0);
            executor.shutdownNow(); // stop() leaves the executor's idle threads for a minute
        });
    }

    private LoginLockout lockout() {
        return variant.has(Flaw.NO_LOCKOUT) ? LoginLockout.none() : LoginLockout.standard();
    }

    private static Optional<String> basicUser(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return Optional.of(pair.substring(0, Math.max(0, pair.indexOf(':'))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The device's published documents, the same files the container image serves. */
    private void document(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/docs/".length());
        byte[] page = null;
        if (name.matches("[a-z-]+\\.html")) {
            try (var in = InJvmDevice.class.getResourceAsStream("docs/" + name)) {
                page = in == null ? null : in.readAllBytes();
            }
        }
        if (page == null) {
            respond(exchange, 404, "<html><body><h1>404 Not Found</h1></body></html>");
        } else {
            respond(exchange, 200, new String(page, StandardCharsets.UTF_8));
        }
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (variant.has(Flaw.CHATTY_BANNER)) {
            exchange.getResponseHeaders().set("Server", "virtual-device-httpd/" + FIRMWARE + " (firmware " + FIRMWARE + ")");
        }
        respondPlain(exchange, status, body);
    }

    private static void respondPlain(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html; charset=utf-8"
                : body.startsWith("{") ? "application/json" : "text/plain");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    private void startCoap() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration configuration = Configuration.createStandardWithoutFile();
        configuration.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        CoapServer server = new CoapServer(configuration);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(configuration)
                .setAddress(new InetSocketAddress(address, Variant.COAPS))
                .setAdvancedPskStore(new AdvancedSinglePskStore(secrets.pskIdentity(), secrets.pskKey().getBytes(StandardCharsets.US_ASCII)))
                .build();
        server.addEndpoint(CoapEndpoint.builder().setConfiguration(configuration).setConnector(new DTLSConnector(dtls)).build());
        if (variant.has(Flaw.PLAINTEXT)) {
            server.addEndpoint(CoapEndpoint.builder().setConfiguration(configuration)
                    .setInetSocketAddress(new InetSocketAddress(address, Variant.COAP)).build());
        }
        CoapResource sensors = new CoapResource("sensors");
        sensors.add(new CoapResource("temperature") {
            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond("21.5");
            }
        });
        server.add(sensors);
        server.add(new CoapResource("firmware") {
            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond(FIRMWARE);
            }
        });
        server.start();
        services.add(server::destroy);
    }

    private void startLines() throws IOException {
        String banner = variant.has(Flaw.CHATTY_BANNER)
                ? "virtual device " + variant.deviceId() + ": firmware " + FIRMWARE + ", Linux 6.1.0, lighttpd 1.4.69"
                : "virtual device";
        services.add(new LineService(address, Variant.CONSOLE, banner, variant.has(Flaw.ROOT_CONSOLE) ? null : accounts(), false, FIRMWARE,
                lockout()));
        if (variant.has(Flaw.PLAINTEXT)) {
            services.add(new LineService(address, Variant.TELNET, "virtual device login", accounts(), true, FIRMWARE, lockout()));
        }
        services.add(new StatusService(address, Variant.STATUS, variant.deviceId(), variant.has(Flaw.FRAGILE_INPUT)));
        if (variant.has(Flaw.DEBUG_PORT)) {
            services.add(new LineService(address, Variant.DEBUG, "debug shell (factory test build)", null, false, FIRMWARE, LoginLockout.none()));
        }
    }

    /** Reports telemetry to the lab broker, and now and then meets the rogue listener, as a device pointed at it would. */
    private void startUplink(BrokerLog broker) {
        boolean plain = variant.has(Flaw.PLAINTEXT);
        InetSocketAddress target = plain ? broker.plainEndpoint() : broker.tlsEndpoint();
        TrustChoice trust = variant.has(Flaw.ACCEPTS_ANY_BROKER_CERT) ? TrustChoice.anything() : TrustChoice.labCa(ca(broker));
        // Backs off from 1 s to 5 s when the broker is away; the reconnect-storm flaw hammers it every 100 ms.
        boolean storm = variant.has(Flaw.RECONNECT_STORM);
        Mqtt3AsyncClient client = client(target, plain ? null : trust).automaticReconnect()
                .initialDelay(storm ? 100 : 1_000, TimeUnit.MILLISECONDS).maxDelay(storm ? 100 : 5_000, TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect().buildAsync();
        client.connect();
        // occupancy (whether someone is home) is personal data: the profile declares it sent (5.8-1)
        byte[] telemetry = ("{\"device\":\"" + variant.deviceId() + "\",\"temperature\":21.5,\"occupied\":true}")
                .getBytes(StandardCharsets.UTF_8);
        uplink.scheduleWithFixedDelay(() -> {
            if (client.getState().isConnected()) {
                client.publishWith().topic("devices/" + variant.deviceId() + "/telemetry").payload(telemetry).send();
            }
        }, 0, UPLINK_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        uplink.scheduleWithFixedDelay(() -> {
            Mqtt3BlockingClient rogue = client(broker.rogueEndpoint(), trust).buildBlocking();
            try {
                rogue.connect();
                rogue.disconnect();
            } catch (RuntimeException e) {
                // refused the certificate, or the impostor hung up: either way, try again later
            }
        }, 1_000, ROGUE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        services.add(() -> client.disconnect());
    }

    private Mqtt3ClientBuilder client(InetSocketAddress target, @Nullable TrustChoice trust) {
        // From the device's own address, as a separate host would: the broker tells devices apart by it.
        // One transport config holds address, local address and TLS: HiveMQ's builder resets what a second one leaves out.
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder().serverAddress(target).localAddress(localAddress());
        if (trust != null) {
            transport = transport.sslConfig(MqttClientSslConfig.builder()
                    .trustManagerFactory(new RecordingTrustManager(trust, target.getAddress().getHostAddress()).asFactory()).build());
        }
        return Mqtt3Client.builder().identifier(variant.deviceId()).transportConfig(transport.build())
                .simpleAuth().username(variant.deviceId()).password(secrets.ownerPassword().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
    }

    private InetAddress localAddress() {
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("not an address: " + address, e);
        }
    }

    private static X509Certificate ca(BrokerLog broker) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(broker.caCertificatePem().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException("the lab broker's CA certificate does not parse", e);
        }
    }

    @Override
    public void close() {
        uplink.shutdownNow();
        for (AutoCloseable service : services) {
            try {
                service.close();
            } catch (Exception e) {
                // stopping a virtual device is best effort; the JVM's exit ends the rest
            }
        }
    }
}
