package org.certbench.probes.mqtt;

import java.time.Instant;

/**
 * A PUBLISH the probe received while observing.
 *
 * <pre>{@code
 * observation.messages().get(0).topic(); // "acme/t1/telemetry"
 * }</pre>
 *
 * @param at when it arrived
 * @param topic its topic
 * @param qos its QoS
 * @param retained whether it was a retained message
 * @param payloadBytes payload size
 * @param preview the first bytes of the payload as text (printable characters only, secrets redacted)
 */
public record ReceivedMessage(Instant at, String topic, int qos, boolean retained, int payloadBytes, String preview) {
}
