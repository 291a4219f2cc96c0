package org.certbench.probes.mqtt;

/**
 * The MQTT protocol versions the probe speaks.
 *
 * <pre>{@code
 * probe.connect(endpoint, MqttVersion.V5, MqttLogin.ANONYMOUS);
 * }</pre>
 */
public enum MqttVersion {
    V3_1_1("3.1.1"),
    V5("5");

    private final String label;

    MqttVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
