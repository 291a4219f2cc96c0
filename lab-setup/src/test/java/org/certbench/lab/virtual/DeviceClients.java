package org.certbench.lab.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.certbench.probes.tls.RecordingTrustManager;
import org.certbench.probes.tls.TrustChoice;
import org.jspecify.annotations.Nullable;

/** The plain clients the virtual-device tests meet a device with: a TCP connect, an HTTPS request, a console read. */
final class DeviceClients {

    private DeviceClients() {
    }

    static boolean open(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 3_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The public key of the certificate a TLS service presents, whoever signed it. */
    static java.security.PublicKey serverKey(String host, int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new RecordingTrustManager(TrustChoice.anything(), host)}, null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), 3_000);
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0].getPublicKey();
        }
    }

    /** The status of an HTTPS GET on the device's port, with Basic credentials {@code user:password} if given. */
    static int https(String host, String path, @Nullable String userPass) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new RecordingTrustManager(TrustChoice.anything(), host)}, null);
        // HTTP/1.1 as the probes speak it: lighttpd's HTTP/2 (chosen by ALPN otherwise) sometimes ends the
        // stream with GOAWAY before the response, which failed CI once.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://" + host + ":" + Variant.HTTPS + path))
                .timeout(Duration.ofSeconds(10));
        if (userPass != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        int b;
        while (!seen.toString().contains(marker) && (b = in.read()) >= 0) {
            seen.append((char) b);
        }
        return seen.toString();
    }
}
