package org.certbench.lab.broker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.certbench.api.Bench;
import org.certbench.probes.broker.BrokerLog;
import org.jspecify.annotations.Nullable;

/**
 * Serves a bench whose broker is {@code container} (a {@link ContainerLabBroker} for the campaign) or
 * {@code embedded}: joins the lab broker already running in this JVM
 * (the in-JVM virtual bench starts one with its devices' listeners), or starts one on the harness
 * address with the bench's ports (1883, 8883 and 8884 unless the bench says otherwise) and stops it
 * with the campaign. Registered for {@link java.util.ServiceLoader}.
 */
public final class LabBrokerProvider implements BrokerLog.Provider {

    /** The ports a lab's devices are usually pointed at. */
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_TLS_PORT = 8883;
    public static final int DEFAULT_ROGUE_PORT = 8884;

    @Override
    public BrokerLog.@Nullable Lease open(Bench bench, Path runFolder) throws IOException {
        if (bench.broker().equals("container")) {
            return lease(ContainerLabBroker.start(), true);
        }
        if (!bench.broker().startsWith("embedded")) {
            return null;
        }
        Optional<LabBroker> running = LabBroker.running();
        if (running.isPresent()) {
            LabBroker shared = running.get();
            return lease(shared, false);
        }
        Map<String, Integer> ports = ports(bench.broker());
        LabBroker broker = LabBroker.builder().bindAddress(bench.harnessAddress())
                .plainPort(ports.getOrDefault("port", DEFAULT_PORT))
                .tlsPort(ports.getOrDefault("tls-port", DEFAULT_TLS_PORT))
                .roguePort(ports.getOrDefault("rogue-port", DEFAULT_ROGUE_PORT))
                .start();
        return lease(broker, true);
    }

    private static <B extends BrokerLog & AutoCloseable> BrokerLog.Lease lease(B broker, boolean owned) {
        return new BrokerLog.Lease() {
            @Override
            public BrokerLog log() {
                return broker;
            }

            @Override
            public void close() {
                if (owned) {
                    try {
                        broker.close();
                    } catch (Exception e) {
                        // stopping the broker is best effort once the campaign is over
                    }
                }
            }
        };
    }

    /** The ports in {@code embedded?port=1883&tls-port=8883&rogue-port=8884}. */
    static Map<String, Integer> ports(String broker) {
        Map<String, Integer> ports = new HashMap<>();
        int question = broker.indexOf('?');
        if (question >= 0) {
            for (String pair : broker.substring(question + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    ports.put(kv[0], Integer.parseInt(kv[1]));
                }
            }
        }
        return ports;
    }
}
