package org.certbench.probes.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.certbench.api.Redactions;
import org.certbench.probes.Deadline;
import org.certbench.probes.tls.ClientHello;
import org.certbench.probes.tls.RecordingTrustManager;
import org.certbench.probes.tls.TlsVersion;
import org.certbench.probes.tls.TrustChoice;

/**
 * Tells what service listens on an open TCP port by speaking the likely protocols in turn, the right
 * probe first instead of waiting through a list (nmap -sV spends seconds to minutes per IoT port):
 * a service that talks first (SSH, FTP, SMTP, telnet option negotiation) is read; otherwise a TLS
 * ClientHello, then inside TLS or in the clear an HTTP request and an MQTT CONNECT.
 *
 * <pre>{@code
 * ServiceGuess guess = new ServiceIdentifier(Duration.ofMillis(800)).identify("10.0.0.2", 2323, deadline);
 * }</pre>
 */
public final class ServiceIdentifier {

    /** MQTT 3.1.1 CONNECT, client id "cb", clean session, keep-alive 10 s. */
    private static final byte[] MQTT_CONNECT = {0x10, 0x0E, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x0A, 0x00, 0x02, 'c', 'b'};

    private final Duration wait;

    /** @param wait how long each question waits for an answer */
    public ServiceIdentifier(Duration wait) {
        this.wait = wait;
    }

    public ServiceGuess identify(String host, int port, Deadline deadline) {
        try {
            byte[] volunteered = exchange(host, port, null, deadline);
            if (volunteered.length > 0) {
                return fromBanner(port, volunteered, false);
            }
            byte[] tlsAnswer = exchange(host, port, minimalClientHello(), deadline);
            if (tlsAnswer.length >= 3 && (tlsAnswer[0] == 22 || tlsAnswer[0] == 21) && tlsAnswer[1] == 3) {
                return insideTls(host, port, deadline);
            }
            return inTheClear(host, port, deadline);
        } catch (IOException e) {
            return new ServiceGuess(port, ServiceGuess.UNREACHABLE, "(" + e.getMessage() + ")", false);
        }
    }

    private ServiceGuess inTheClear(String host, int port, Deadline deadline) throws IOException {
        byte[] http = exchange(host, port, httpRequest(host), deadline);
        if (startsWith(http, "HTTP/")) {
            return new ServiceGuess(port, "http", httpBanner(http), false);
        }
        byte[] mqtt = exchange(host, port, MQTT_CONNECT, deadline);
        if (mqtt.length >= 4 && mqtt[0] == 0x20 && mqtt[1] == 0x02) {
            return new ServiceGuess(port, "mqtt", "CONNACK return code " + (mqtt[3] & 0xFF), false);
        }
        return new ServiceGuess(port, "unknown", http.length > 0 ? printable(http) : mqtt.length > 0 ? printable(mqtt) : "(silent)", false);
    }

    private ServiceGuess insideTls(String host, int port, Deadline deadline) {
        byte[] http = tlsExchange(host, port, httpRequest(host), deadline);
        if (startsWith(http, "HTTP/")) {
            return new ServiceGuess(port, "https", httpBanner(http), true);
        }
        byte[] mqtt = tlsExchange(host, port, MQTT_CONNECT, deadline);
        if (mqtt.length >= 4 && mqtt[0] == 0x20 && mqtt[1] == 0x02) {
            return new ServiceGuess(port, "mqtts", "CONNACK return code " + (mqtt[3] & 0xFF), true);
        }
        return new ServiceGuess(port, "tls", "TLS service (neither HTTP nor MQTT inside)", true);
    }

    private static ServiceGuess fromBanner(int port, byte[] banner, boolean tls) {
        if ((banner[0] & 0xFF) == 0xFF) {
            return new ServiceGuess(port, "telnet", "telnet option negotiation" + afterNegotiation(banner), tls);
        }
        String line = printable(banner);
        String upper = line.toUpperCase(Locale.ROOT);
        String service = upper.startsWith("SSH-") ? "ssh"
                : upper.startsWith("220") && upper.contains("FTP") ? "ftp"
                : upper.startsWith("220") && (upper.contains("SMTP") || upper.contains("ESMTP")) ? "smtp"
                : upper.startsWith("220") ? "ftp"
                : upper.contains("LOGIN:") || upper.contains("PASSWORD:") ? "telnet"
                : upper.startsWith("+OK") ? "pop3"
                : "unknown";
        return new ServiceGuess(port, service, line, tls);
    }

    private static String afterNegotiation(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF) {
                i += 2;
                continue;
            }
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            }
        }
        return text.length() == 0 ? "" : ": " + Redactions.apply(text.toString().strip());
    }

    private byte[] exchange(String host, int port, byte[] request, Deadline deadline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoLinger(true, 0);
            socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis((int) wait.toMillis() * 2));
            socket.setSoTimeout(deadline.remainingMillis((int) wait.toMillis()));
            if (request != null) {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            }
            return read(socket.getInputStream());
        }
    }

    private byte[] tlsExchange(String host, int port, byte[] request, Deadline deadline) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {new RecordingTrustManager(TrustChoice.anything(), host)}, null);
            try (Socket plain = new Socket()) {
                plain.setTcpNoDelay(true);
                plain.connect(new InetSocketAddress(host, port), deadline.remainingMillis((int) wait.toMillis() * 2));
                plain.setSoTimeout(deadline.remainingMillis((int) wait.toMillis() * 2));
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
                    socket.startHandshake();
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                    return read(socket.getInputStream());
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            return new byte[0];
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        int n;
        try {
            n = in.read(buffer);
        } catch (SocketTimeoutException e) {
            return new byte[0];
        } catch (IOException e) {
            // A reset after the request is an answer too: the service did not take it.
            return new byte[0];
        }
        return n <= 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, n);
    }

    private static byte[] httpRequest(String host) {
        return ("HEAD / HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: certbench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String httpBanner(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        String status = text.lines().findFirst().orElse("").strip();
        String server = text.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("server:")).findFirst().map(String::strip).orElse("");
        return Redactions.apply(server.isEmpty() ? status : status + "; " + server);
    }

    /** A TLS 1.2 ClientHello with common suites, just to see whether the port answers in TLS. */
    private static byte[] minimalClientHello() {
        return ClientHello.build(TlsVersion.TLS_1_2, List.of(0xC02F, 0xC02B, 0xC030, 0x009C, 0x002F, 0x0035, 0x000A), null);
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return new String(bytes, 0, Math.min(bytes.length, prefix.length()), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    private static String printable(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String first = text.lines().findFirst().orElse("");
        return Redactions.apply(first.replaceAll("[^\\x20-\\x7E]", String.valueOf(ServiceGuess.UNPRINTABLE)).strip());
    }
}
