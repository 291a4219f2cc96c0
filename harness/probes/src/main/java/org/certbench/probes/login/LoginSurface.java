package org.certbench.probes.login;

import java.util.Objects;

/**
 * One place a device takes a login.
 *
 * <pre>{@code
 * LoginSurface.telnet("10.0.0.2", 23)
 * LoginSurface.http("10.0.0.2", 80, "/admin", false)   // Basic or Digest, as the 401 asks
 * }</pre>
 *
 * @param kind the protocol
 * @param host the device's address
 * @param port the port (for a serial console, its line speed)
 * @param path for HTTP, the protected path
 * @param tls for HTTP and MQTT, whether to speak TLS (certificates are not judged here)
 */
public record LoginSurface(Kind kind, String host, int port, String path, boolean tls) {

    /** Login protocols the probe speaks. */
    public enum Kind {
        TELNET,
        FTP,
        SSH,
        HTTP,
        MQTT,
        SERIAL
    }

    public LoginSurface {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
    }

    public static LoginSurface telnet(String host, int port) {
        return new LoginSurface(Kind.TELNET, host, port, "", false);
    }

    public static LoginSurface ftp(String host, int port) {
        return new LoginSurface(Kind.FTP, host, port, "", false);
    }

    public static LoginSurface ssh(String host, int port) {
        return new LoginSurface(Kind.SSH, host, port, "", false);
    }

    public static LoginSurface http(String host, int port, String path, boolean tls) {
        return new LoginSurface(Kind.HTTP, host, port, path, tls);
    }

    /** A console's login prompt, at a bench serial port value ({@code /dev/ttyUSB0}, {@code telnet://…}, {@code rfc2217://…}). */
    public static LoginSurface serial(String port, int baud) {
        return new LoginSurface(Kind.SERIAL, port, baud, "", false);
    }

    public static LoginSurface mqtt(String host, int port, boolean tls) {
        return new LoginSurface(Kind.MQTT, host, port, "", tls);
    }

    @Override
    public String toString() {
        if (kind == Kind.SERIAL) {
            return "serial " + host + "@" + port;
        }
        return kind.name().toLowerCase(java.util.Locale.ROOT) + (tls ? "s" : "") + "://" + host + ":" + port + path;
    }
}
