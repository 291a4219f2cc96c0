package org.certbench.probes.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certbench.probes.tls.HandshakeFacts;
import org.jspecify.annotations.Nullable;

/**
 * How an HTTP request ended.
 *
 * <pre>{@code
 * HttpResult page = probes.http().request(HttpCall.get(uri));
 * page.status();                    // 200
 * page.header("Server");            // Optional["lighttpd/1.4.69"]
 * page.redirects();                 // ["http://dev/ -> https://dev/"]
 * }</pre>
 *
 * @param uri the URI finally answered (after redirects)
 * @param status the status code, -1 when there was no answer
 * @param headers response headers (names lower-case)
 * @param body the body, cut at the probe's limit
 * @param redirects every redirect followed, as {@code from -> to}
 * @param scheme the authentication scheme the server asked for (Basic, Digest), or null
 * @param handshake TLS handshake facts of the last hop, for https
 * @param elapsed total time
 * @param problem what went wrong, when there was no answer
 */
public record HttpResult(String uri, int status, Map<String, List<String>> headers, byte[] body, List<String> redirects,
        @Nullable String scheme, @Nullable HandshakeFacts handshake, Duration elapsed, @Nullable String problem) {

    public HttpResult {
        headers = Map.copyOf(headers);
        redirects = List.copyOf(redirects);
    }

    public boolean answered() {
        return status > 0;
    }

    public Optional<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream().findFirst();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<HandshakeFacts> tls() {
        return Optional.ofNullable(handshake);
    }

    @Override
    public String toString() {
        return answered() ? "HTTP " + status + " " + uri : "no answer from " + uri + ": " + problem;
    }
}
