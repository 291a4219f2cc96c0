package org.certbench.probes.broker;

import java.time.Instant;
import java.util.Objects;

/**
 * One PUBLISH a client sent to the lab broker. The payload is not kept: a device's telemetry may
 * hold personal data, and its size is what the cases need.
 *
 * <pre>{@code
 * session.publishes().stream().map(BrokerPublish::topic).distinct().toList();
 * }</pre>
 *
 * @param topic the topic name
 * @param payloadBytes the payload's size
 * @param qos the QoS level, 0 to 2
 * @param retain whether the retain flag was set
 * @param at when the broker received it
 */
public record BrokerPublish(String topic, int payloadBytes, int qos, boolean retain, Instant at) {
    public BrokerPublish {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(at, "at");
    }
}
