package org.certbench.api.dut;

import java.util.Optional;
import org.certbench.api.Requirement;
import org.jspecify.annotations.Nullable;

/**
 * The interfaces a device profile declares ({@code interfaces:}); each one may be absent.
 *
 * <pre>{@code
 * dut.interfaces().mqtt().filter(MqttInterface::tls).isPresent()
 * }</pre>
 */
public final class Interfaces {

    /** A device that declares no interface at all. */
    public static final Interfaces NONE = new Interfaces(null, null, null, null, null, null, null);

    private final @Nullable NetworkInterface network;
    private final @Nullable ServiceEndpoint mqtt;
    private final @Nullable CoapEndpoint coap;
    private final @Nullable ServiceEndpoint http;
    private final @Nullable String serialPort;
    private final @Nullable String powerOutlet;
    private final @Nullable Uplink uplink;

    /**
     * @param network address and declared ports
     * @param mqtt the device's MQTT endpoint (when it runs a broker) or its client connection facts
     * @param coap the CoAP endpoint
     * @param http the HTTP endpoint
     * @param serialPort name of the bench serial port the console is on
     * @param powerOutlet name of the bench outlet the device is powered from
     * @param uplink the connection the device makes out to a broker
     */
    public Interfaces(
            @Nullable NetworkInterface network,
            @Nullable ServiceEndpoint mqtt,
            @Nullable CoapEndpoint coap,
            @Nullable ServiceEndpoint http,
            @Nullable String serialPort,
            @Nullable String powerOutlet,
            @Nullable Uplink uplink) {
        this.network = network;
        this.mqtt = mqtt;
        this.coap = coap;
        this.http = http;
        this.serialPort = serialPort;
        this.powerOutlet = powerOutlet;
        this.uplink = uplink;
    }

    public Optional<NetworkInterface> network() {
        return Optional.ofNullable(network);
    }

    public Optional<ServiceEndpoint> mqtt() {
        return Optional.ofNullable(mqtt);
    }

    public Optional<CoapEndpoint> coap() {
        return Optional.ofNullable(coap);
    }

    public Optional<ServiceEndpoint> http() {
        return Optional.ofNullable(http);
    }

    /** Name of the bench serial port the device's console is wired to. */
    public Optional<String> serialPort() {
        return Optional.ofNullable(serialPort);
    }

    /** Name of the bench power outlet the device is plugged into. */
    public Optional<String> powerOutlet() {
        return Optional.ofNullable(powerOutlet);
    }

    /** The connection the device makes out to a broker, which the bench points at the lab broker. */
    public Optional<Uplink> uplink() {
        return Optional.ofNullable(uplink);
    }

    /** Whether the profile declares what a test case requires. */
    public boolean satisfies(Requirement requirement) {
        return switch (requirement) {
            case NETWORK -> network != null;
            case MQTT -> mqtt != null;
            case COAP -> coap != null;
            case HTTP -> http != null;
            case SERIAL -> serialPort != null;
            case POWER -> powerOutlet != null;
            case UPLINK -> uplink != null;
        };
    }
}
