package org.certbench.lab.virtual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certbench.lab.broker.LabBroker;

/**
 * A bench of hostile devices inside this JVM, one per {@link Hostility}, each on a loopback address of its own
 * with the secure device's profile (so every case meets it as it would a real device), and the lab broker the
 * campaign shares (the flooding device floods it). The reliability tests certify them all at once.
 *
 * <pre>{@code
 * try (HostileBench bench = HostileBench.start(List.of(Hostility.values()), workDir)) {
 *     certbench run --bench bench.benchFile() --device bench.profiles().values() …
 * }
 * }</pre>
 */
public final class HostileBench implements VirtualBench {

    private final LabBroker broker;
    private final Map<Hostility, HostileDevice> devices = new LinkedHashMap<>();
    private final Map<Variant, Path> profiles = new LinkedHashMap<>();
    private final Path benchFile;

    private HostileBench(List<Hostility> hostilities, Path dir) throws IOException {
        Files.createDirectories(dir);
        broker = LabBroker.builder().bindAddress("127.0.0.1").start();
        try {
            List<Integer> machinePorts = WildcardListeners.tcp();
            StringBuilder consoles = new StringBuilder();
            for (Hostility hostility : hostilities) {
                Variant variant = hostility.variant();
                devices.put(hostility, new HostileDevice(hostility, variant.inJvmAddress(), broker.plainEndpoint()));
                consoles.append(VirtualProfiles.write(dir, variant, variant.inJvmAddress(), DeviceSecrets.fresh(variant), machinePorts, profiles));
            }
            benchFile = VirtualProfiles.writeBench(dir, kind(), "127.0.0.1", consoles.toString());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts one hostile device per hostility, and the lab broker. */
    public static HostileBench start(List<Hostility> hostilities, Path dir) throws IOException {
        return new HostileBench(hostilities, dir);
    }

    @Override
    public String kind() {
        return "hostile, in-JVM";
    }

    @Override
    public Path benchFile() {
        return benchFile;
    }

    @Override
    public Map<Variant, Path> profiles() {
        return Map.copyOf(profiles);
    }

    /** The profile of a hostility's device. */
    public Path profile(Hostility hostility) {
        return profiles.get(hostility.variant());
    }

    /** The device id of a hostility's device. */
    public static String deviceId(Hostility hostility) {
        return hostility.variant().deviceId();
    }

    /** How many PUBLISHes the flooding device has sent so far (zero without one). */
    public long floodPublishes() {
        HostileDevice flood = devices.get(Hostility.BROKER_FLOOD);
        return flood == null ? 0 : flood.floodPublishes();
    }

    @Override
    public void close() {
        devices.values().forEach(HostileDevice::close);
        broker.close();
    }
}
