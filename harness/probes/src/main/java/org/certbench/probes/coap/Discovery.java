package org.certbench.probes.coap;

import java.util.List;

/**
 * What {@code GET /.well-known/core} revealed.
 *
 * @param response the raw response
 * @param links the parsed links (empty when there was no 2.05 answer)
 */
public record Discovery(CoapResult response, List<WebLink> links) {
    public Discovery {
        links = List.copyOf(links);
    }
}
