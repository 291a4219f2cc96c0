package org.certbench.probes.mqtt;

/**
 * How a PUBLISH went.
 *
 * <pre>{@code
 * PublishResult sent = probe.publish(endpoint, MqttVersion.V5, login, "acme/t1/cmd", "reboot".getBytes(), 1);
 * sent.delivered(); // false with code 0x87: the server refused the publish
 * }</pre>
 *
 * @param connect how the CONNECT went
 * @param delivered whether the server took the message (QoS 0: it was written; QoS 1: PUBACK success)
 * @param code the PUBACK reason code (MQTT 5, QoS 1), 0 otherwise; -1 when nothing was sent
 * @param reason the code's name, or what went wrong
 */
public record PublishResult(ConnectResult connect, boolean delivered, int code, String reason) {
}
