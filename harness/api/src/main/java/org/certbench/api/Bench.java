package org.certbench.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lab bench a campaign runs on: the lab, the harness's own address, the MQTT broker, and the
 * serial ports and power outlets by the names that device profiles use.
 *
 * <pre>{@code
 * SerialPortRef console = bench.serialPort(dut.interfaces().serial().orElseThrow().port())
 *         .orElseThrow(() -> Verdicts.inconclusive("bench has no serial port named uart0"));
 * }</pre>
 *
 * @param lab the lab's name
 * @param accreditation the lab's accreditation id, if any
 * @param harnessAddress the address devices reach the harness on
 * @param broker the lab broker: {@code embedded}, optionally with its ports
 *     ({@code embedded?port=1883&tls-port=8883&rogue-port=8884}), {@code container}, or an external
 *     broker's URI such as {@code tcp://192.0.2.5:1883}
 * @param serialPorts serial ports by name: a device path, {@code telnet://host:port} or
 *     {@code rfc2217://host:port}
 * @param outlets power outlets by name, as a driver URI ({@code manual:}, {@code tasmota+http://…})
 * @param source the bench file, or {@code null} for the built-in local bench
 */
public record Bench(
        String lab,
        @Nullable String accreditation,
        String harnessAddress,
        String broker,
        Map<String, String> serialPorts,
        Map<String, String> outlets,
        @Nullable Path source) {

    /** The bench {@code certbench run} uses without a bench file: this machine, loopback. */
    public static final Bench LOCAL =
            new Bench("local bench", null, "127.0.0.1", "embedded", Map.of(), Map.of(), null);

    public Bench {
        Objects.requireNonNull(lab, "lab");
        Objects.requireNonNull(harnessAddress, "harnessAddress");
        Objects.requireNonNull(broker, "broker");
        serialPorts = Map.copyOf(serialPorts);
        outlets = Map.copyOf(outlets);
    }

    /** The serial port with the given name. */
    public Optional<String> serialPort(String name) {
        return Optional.ofNullable(serialPorts.get(name));
    }

    /** The power outlet with the given name. */
    public Optional<String> outlet(String name) {
        return Optional.ofNullable(outlets.get(name));
    }
}
