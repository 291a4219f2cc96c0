package org.certbench.probes.mqtt;

import java.util.List;
import java.util.Map;

/**
 * What a bounded subscription saw.
 *
 * <pre>{@code
 * Observation seen = probe.observe(endpoint, MqttVersion.V3_1_1, MqttLogin.ANONYMOUS, List.of("#", "$SYS/#"), Duration.ofSeconds(5), 1000);
 * seen.granted().get("#");   // 0: anonymous subscription to everything granted
 * seen.messages();           // what arrived in the window
 * }</pre>
 *
 * @param connect how the CONNECT went (no subscription without it)
 * @param granted per topic filter, the SUBACK code (0-2 granted QoS, 0x80 and up refused)
 * @param messages what arrived, in order
 * @param truncated whether more arrived than the probe keeps
 */
public record Observation(ConnectResult connect, Map<String, Integer> granted, List<ReceivedMessage> messages, boolean truncated) {

    public Observation {
        granted = Map.copyOf(granted);
        messages = List.copyOf(messages);
    }

    /** Whether the server granted the subscription to the filter. */
    public boolean granted(String filter) {
        Integer code = granted.get(filter);
        return code != null && code < 0x80;
    }
}
