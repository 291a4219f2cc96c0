package org.certbench.probes.mqtt;

import java.util.Objects;
import java.util.Optional;
import org.certbench.probes.tls.TrustChoice;
import org.jspecify.annotations.Nullable;

/**
 * Where an MQTT server listens, and whether and how to speak TLS to it.
 *
 * <pre>{@code
 * MqttEndpoint plain = MqttEndpoint.plain("10.0.0.2", 1883);
 * MqttEndpoint tls = MqttEndpoint.tls("10.0.0.2", 8883, TrustChoice.labCa(ca), "device.lab");
 * }</pre>
 *
 * @param host address of the server
 * @param port its port
 * @param trust the TLS trust, or null for plain MQTT
 * @param serverName name sent as SNI and checked against the certificate; the host when null
 */
public record MqttEndpoint(String host, int port, @Nullable TrustChoice trust, @Nullable String serverName) {

    public MqttEndpoint {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static MqttEndpoint plain(String host, int port) {
        return new MqttEndpoint(host, port, null, null);
    }

    public static MqttEndpoint tls(String host, int port, TrustChoice trust, @Nullable String serverName) {
        return new MqttEndpoint(host, port, trust, serverName);
    }

    public Optional<TrustChoice> tls() {
        return Optional.ofNullable(trust);
    }

    /** The name the certificate must carry. */
    public String expectedName() {
        return serverName != null ? serverName : host;
    }

    @Override
    public String toString() {
        return (trust == null ? "mqtt://" : "mqtts://") + host + ":" + port;
    }
}
