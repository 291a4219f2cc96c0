package org.certbench.probes.coap;

import java.util.List;

/**
 * What an observe relation delivered in a bounded window.
 *
 * @param registration the response to the observe registration
 * @param notifications notifications that followed, in order
 */
public record CoapObservation(CoapResult registration, List<CoapResult> notifications) {
    public CoapObservation {
        notifications = List.copyOf(notifications);
    }
}
