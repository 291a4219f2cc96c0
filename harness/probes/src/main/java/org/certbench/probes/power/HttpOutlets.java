package org.certbench.probes.power;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Smart plugs driven over their local HTTP APIs: Shelly (Gen1 {@code /relay/0?turn=}) and Tasmota
 * ({@code /cm?cmnd=Power%20On}).
 */
final class HttpOutlets {

    private static final Pattern SHELLY_ISON = Pattern.compile("\"ison\"\\s*:\\s*(true|false)");
    private static final Pattern TASMOTA_POWER = Pattern.compile("\"POWER\\d?\"\\s*:\\s*\"(ON|OFF)\"");

    private HttpOutlets() {
    }

    static Outlet shelly(URI base, Duration timeout) {
        return new Http(base, timeout, "Shelly", on -> "/relay/0?turn=" + (on ? "on" : "off"), "/relay/0", SHELLY_ISON);
    }

    static Outlet tasmota(URI base, Duration timeout) {
        return new Http(base, timeout, "Tasmota", on -> "/cm?cmnd=Power%20" + (on ? "On" : "Off"), "/cm?cmnd=Power", TASMOTA_POWER);
    }

    private static final class Http implements Outlet {
        private final URI base;
        private final Duration timeout;
        private final String kind;
        private final java.util.function.Function<Boolean, String> switchPath;
        private final String statePath;
        private final Pattern state;
        private final HttpClient client;

        Http(URI base, Duration timeout, String kind, java.util.function.Function<Boolean, String> switchPath, String statePath,
                Pattern state) {
            this.base = base;
            this.timeout = timeout;
            this.kind = kind;
            this.switchPath = switchPath;
            this.statePath = statePath;
            this.state = state;
            // HTTP/1.1 only: the JDK would otherwise offer an h2c upgrade, which a lab outlet's tiny web server may not survive.
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        }

        @Override
        public Optional<Boolean> set(boolean on) throws IOException {
            return parse(get(switchPath.apply(on)));
        }

        @Override
        public Optional<Boolean> state() throws IOException {
            return parse(get(statePath));
        }

        private String get(String path) throws IOException {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException(kind + " plug answered HTTP " + response.statusCode() + " to " + path);
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        private Optional<Boolean> parse(String body) {
            Matcher m = state.matcher(body);
            return m.find() ? Optional.of(m.group(1).equalsIgnoreCase("true") || m.group(1).equals("ON")) : Optional.empty();
        }

        @Override
        public String describe() {
            return kind + " plug at " + base;
        }
    }
}
