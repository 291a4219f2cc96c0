package org.certbench.probes.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509TrustManager;
import org.certbench.api.Evidence;
import org.certbench.api.Redactions;
import org.certbench.api.Transcript;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;
import org.certbench.probes.tls.RecordingTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Makes HTTP requests to a device with the JDK's HttpClient: credentials answered as the 401 asks
 * (Basic or Digest), redirects followed one by one and recorded, TLS judged by the call's trust with the
 * handshake facts kept. Request and response lines, headers and the start of the body go to
 * {@code http-HOST-PORT.txt}; Authorization headers never do.
 *
 * <pre>{@code
 * HttpResult page = probes.http().request(HttpCall.get(URI.create("http://" + host + "/")));
 * Verdicts.failIf(page.status() == 200 && page.text().contains("Settings"), "settings page without login");
 * }</pre>
 */
public final class HttpProbe {

    /** How much of a body the probe keeps. */
    public static final int BODY_LIMIT = 64 * 1024;
    private static final int WAIT_CAP_MILLIS = 15_000;

    private final @Nullable Evidence evidence;
    private final Deadline deadline;

    public HttpProbe(Evidence evidence, Deadline deadline) {
        this.evidence = evidence;
        this.deadline = deadline;
    }

    private HttpProbe(Deadline deadline) {
        this.evidence = null;
        this.deadline = deadline;
    }

    /** A probe for use outside certbench's engine: nothing is recorded. */
    public static HttpProbe standalone(Deadline deadline) {
        return new HttpProbe(deadline);
    }

    public HttpResult request(HttpCall call) {
        try (Transcript transcript = Transcripts.open(evidence, "http-" + Transcripts.safe(call.uri().getHost()) + "-"
                + port(call.uri()) + ".txt")) {
            long started = System.nanoTime();
            URI uri = call.uri();
            List<String> redirects = new ArrayList<>();
            String scheme = null;
            RecordingTrustManager trust = null;
            try {
                for (int hop = 0; ; hop++) {
                    trust = new RecordingTrustManager(call.trust(), uri.getHost());
                    HttpClient client = client(uri, trust);
                    transcript.sent(call.method() + " " + uri + (call.body().length > 0 ? " (" + call.body().length + " bytes)" : "")
                            + ", " + call.auth());
                    HttpResponse<InputStream> response = client.send(build(call, uri, null), HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() == 401 && !call.auth().none()) {
                        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("Basic");
                        scheme = challenge.split("\\s+", 2)[0];
                        drain(response.body());
                        transcript.received("HTTP 401, " + scheme + " asked; answering");
                        String answer = call.auth().answer(challenge, call.method(), uri.getRawPath() == null || uri.getRawPath().isEmpty()
                                ? "/" : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                        response = client.send(build(call, uri, answer), HttpResponse.BodyHandlers.ofInputStream());
                    } else if (response.statusCode() == 401) {
                        scheme = response.headers().firstValue("WWW-Authenticate").map(c -> c.split("\\s+", 2)[0]).orElse(null);
                    }
                    byte[] body = read(response.body());
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                    transcript.received("HTTP " + response.statusCode() + " " + headerLine(headers) + ", " + body.length + " bytes"
                            + (body.length > 0 ? ": " + preview(body) : ""));
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (response.statusCode() / 100 == 3 && location != null && hop < call.followRedirects()) {
                        URI next = uri.resolve(location);
                        redirects.add(uri + " -> " + next);
                        uri = next;
                        continue;
                    }
                    return new HttpResult(uri.toString(), response.statusCode(), headers, body, redirects, scheme,
                            trust.facts().orElse(null), Duration.ofNanos(System.nanoTime() - started), null);
                }
            } catch (IOException e) {
                String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (trust != null && trust.facts().isPresent() && !trust.facts().get().accepted()) {
                    problem = "TLS refused: " + trust.facts().get().rejection();
                }
                transcript.received("no answer: " + problem);
                return new HttpResult(uri.toString(), -1, Map.of(), new byte[0], redirects, scheme,
                        trust == null ? null : trust.facts().orElse(null), Duration.ofNanos(System.nanoTime() - started), Redactions.apply(problem));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HttpResult(uri.toString(), -1, Map.of(), new byte[0], redirects, scheme, null,
                        Duration.ofNanos(System.nanoTime() - started), "interrupted");
            }
        }
    }

    private HttpClient client(URI uri, RecordingTrustManager trust) throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(deadline.remainingMillis(WAIT_CAP_MILLIS))).followRedirects(HttpClient.Redirect.NEVER);
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new X509TrustManager[] {trust}, null);
                builder.sslContext(context);
                SSLParameters parameters = context.getDefaultSSLParameters();
                // Names are checked by the recording trust manager, which says why it refused.
                parameters.setEndpointIdentificationAlgorithm(null);
                builder.sslParameters(parameters);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
        return builder.build();
    }

    private HttpRequest build(HttpCall call, URI uri, @Nullable String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(deadline.remainingMillis(WAIT_CAP_MILLIS)))
                .method(call.method(), call.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        request.header("User-Agent", "certbench");
        call.headers().forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static byte[] read(InputStream body) throws IOException {
        try (InputStream in = body) {
            return in.readNBytes(BODY_LIMIT);
        }
    }

    private static void drain(InputStream body) throws IOException {
        try (InputStream in = body) {
            in.readNBytes(BODY_LIMIT);
        }
    }

    private static String headerLine(Map<String, List<String>> headers) {
        StringBuilder line = new StringBuilder("[");
        headers.forEach((name, values) -> {
            if (!name.equals("set-cookie") && !name.startsWith(":")) {
                line.append(line.length() > 1 ? "; " : "").append(name).append(": ").append(String.join(", ", values));
            }
        });
        return Redactions.apply(line.append(']').toString());
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7E]", ".");
        return Redactions.apply(text) + (body.length > 200 ? "…" : "");
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
