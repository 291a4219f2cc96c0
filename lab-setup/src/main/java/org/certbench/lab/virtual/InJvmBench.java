package org.certbench.lab.virtual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certbench.lab.broker.DeviceListener;
import org.certbench.lab.broker.LabBroker;
import org.certbench.lab.broker.LabPki;

/**
 * The virtual devices served from inside this JVM, each on its own loopback address
 * (127.0.10.x): for machines with no container engine, so the demo needs nothing but Java. One
 * embedded lab broker serves the lab's listeners and each device's own MQTT service (HiveMQ runs
 * once per JVM); campaigns in this JVM join it.
 *
 * <pre>{@code
 * try (InJvmBench bench = InJvmBench.start(Variant.all(), Files.createTempDirectory("bench"))) {
 *     bench.profiles().get(Variant.flawed());   // a profile to certify
 * }
 * }</pre>
 */
public final class InJvmBench implements VirtualBench {

    private final LabBroker broker;
    private final List<InJvmDevice> devices = new ArrayList<>();
    private final Map<Variant, Path> profiles = new LinkedHashMap<>();
    private final Path benchFile;

    private InJvmBench(List<Variant> variants, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<Variant, DeviceSecrets> secrets = new LinkedHashMap<>();
        LabBroker.Builder builder = LabBroker.builder().bindAddress("127.0.0.1");
        for (Variant variant : variants) {
            DeviceSecrets s = DeviceSecrets.fresh(variant);
            secrets.put(variant, s);
            boolean anonymous = variant.has(Flaw.ANONYMOUS_MQTT);
            // the device's MQTTS presents a certificate and key of its own, not the lab broker's (the firmware's with shared-key)
            LabPki identity = LabPki.create(dir.resolve(variant.name() + "-mqtts-pki"), List.of(variant.inJvmAddress()), 0,
                    variant.has(Flaw.SHARED_KEY));
            builder.deviceListener(new DeviceListener(variant.deviceId() + "-mqtts", variant.inJvmAddress(), Variant.MQTTS, identity, anonymous,
                    DeviceSecrets.OWNER, s.ownerPassword(), !variant.has(Flaw.NO_LOCKOUT)));
            if (variant.has(Flaw.PLAINTEXT)) {
                builder.deviceListener(new DeviceListener(variant.deviceId() + "-mqtt", variant.inJvmAddress(), Variant.MQTT, null, anonymous,
                        DeviceSecrets.OWNER, s.ownerPassword(), !variant.has(Flaw.NO_LOCKOUT)));
            }
        }
        broker = builder.start();
        try {
            List<Integer> machinePorts = WildcardListeners.tcp();
            StringBuilder consoles = new StringBuilder();
            for (Variant variant : variants) {
                DeviceSecrets s = secrets.get(variant);
                devices.add(new InJvmDevice(variant, s, broker, dir));
                consoles.append(VirtualProfiles.write(dir, variant, variant.inJvmAddress(), s, machinePorts, profiles));
            }
            benchFile = VirtualProfiles.writeBench(dir, kind(), "127.0.0.1", consoles.toString());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the given variants and the lab broker.
     *
     * @param dir a folder for the bench file, the profiles and the devices' secrets (owner-only)
     */
    public static InJvmBench start(List<Variant> variants, Path dir) throws IOException {
        return new InJvmBench(variants, dir);
    }

    @Override
    public String kind() {
        return "in-JVM";
    }

    @Override
    public Path benchFile() {
        return benchFile;
    }

    @Override
    public Map<Variant, Path> profiles() {
        return Map.copyOf(profiles);
    }

    /** The lab broker this bench started. */
    public LabBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        devices.forEach(InJvmDevice::close);
        broker.close();
    }
}
