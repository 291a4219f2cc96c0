package org.certbench.probes.serial;

import java.net.URI;
import java.util.Objects;

/**
 * Where a device's console is: a local serial device, or a TCP port where ser2net exports one (plain
 * telnet, or telnet with RFC 2217 so the probe sets the line speed itself).
 *
 * <pre>{@code
 * SerialEndpoint.parse("/dev/ttyUSB0", 115200)
 * SerialEndpoint.parse("rfc2217://192.168.50.2:3001", 115200)
 * }</pre>
 */
public sealed interface SerialEndpoint {

    /** The line speed. */
    int baud();

    /**
     * A local port.
     *
     * @param device its path, e.g. {@code /dev/ttyUSB0}
     * @param baud line speed
     */
    record Local(String device, int baud) implements SerialEndpoint {
        public Local {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String toString() {
            return device + "@" + baud;
        }
    }

    /**
     * A port exported over TCP by ser2net.
     *
     * @param host ser2net's host
     * @param port its TCP port
     * @param rfc2217 whether to set the line with RFC 2217 (COM-PORT-OPTION)
     * @param baud line speed (set with RFC 2217 only; otherwise ser2net's own setting applies)
     */
    record Remote(String host, int port, boolean rfc2217, int baud) implements SerialEndpoint {
        public Remote {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String toString() {
            return (rfc2217 ? "rfc2217://" : "telnet://") + host + ":" + port;
        }
    }

    /** A bench file's serial-port value: a device path, {@code telnet://host:port} or {@code rfc2217://host:port}. */
    static SerialEndpoint parse(String value, int baud) {
        if (value.startsWith("telnet://") || value.startsWith("rfc2217://")) {
            URI uri = URI.create(value);
            return new Remote(uri.getHost(), uri.getPort(), value.startsWith("rfc2217://"), baud);
        }
        return new Local(value, baud);
    }
}
