package org.certbench.probes.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.certbench.probes.tls.TrustChoice;

/**
 * One HTTP request to make: method, URI, headers, body, credentials, whether to follow redirects, and
 * for https the trust to apply. Immutable; the {@code with…} methods return changed copies.
 *
 * <pre>{@code
 * HttpCall.get(URI.create("https://10.0.0.2/api/config")).withAuth(HttpAuth.of("owner", pw)).withTrust(TrustChoice.labCa(ca))
 * }</pre>
 *
 * @param method GET, POST, PUT, DELETE, HEAD …
 * @param uri the target
 * @param headers request headers
 * @param body request body (empty for none)
 * @param auth credentials
 * @param followRedirects how many redirects to follow (0: none)
 * @param trust the TLS trust for https (default: record anything)
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, HttpAuth auth, int followRedirects,
        TrustChoice trust) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(trust, "trust");
    }

    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), new byte[0], HttpAuth.NONE, 5, TrustChoice.anything());
    }

    public HttpCall withMethod(String newMethod, byte[] newBody) {
        return new HttpCall(newMethod, uri, headers, newBody, auth, followRedirects, trust);
    }

    public HttpCall withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new HttpCall(method, uri, all, body, auth, followRedirects, trust);
    }

    public HttpCall withAuth(HttpAuth newAuth) {
        return new HttpCall(method, uri, headers, body, newAuth, followRedirects, trust);
    }

    public HttpCall withRedirects(int max) {
        return new HttpCall(method, uri, headers, body, auth, max, trust);
    }

    public HttpCall withTrust(TrustChoice newTrust) {
        return new HttpCall(method, uri, headers, body, auth, followRedirects, newTrust);
    }
}
