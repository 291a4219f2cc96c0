package org.certbench.probes.coap;

import java.util.List;
import java.util.Map;

/**
 * One link of a {@code /.well-known/core} answer (RFC 6690).
 *
 * <pre>{@code
 * link.uri();               // "/sensors/temp"
 * link.attributes().get("rt"); // ["temperature-c"]
 * }</pre>
 *
 * @param uri the resource path
 * @param attributes its link attributes ({@code rt}, {@code if}, {@code ct}, {@code obs} …)
 */
public record WebLink(String uri, Map<String, List<String>> attributes) {
    public WebLink {
        attributes = Map.copyOf(attributes);
    }

    public boolean observable() {
        return attributes.containsKey("obs");
    }
}
