package org.certbench.lab.virtual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import org.certbench.lab.broker.LabBroker;
import org.certbench.lab.broker.LabImages;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The virtual devices as containers: each a separate network host running Debian's daemons
 * (lighttpd, mosquitto, libcoap's coap-server, busybox telnetd, a console on a raw TCP port), from
 * the image {@code lab-setup/install.sh} builds locally, started by Testcontainers on Docker or on
 * Podman's Docker-compatible API. The harness reaches each device at its own address on the
 * engine's bridge network; the devices reach the lab broker, which binds to the bridge's gateway.
 *
 * <pre>{@code
 * if (ContainerBench.engineReachable()) {
 *     try (ContainerBench bench = ContainerBench.start(List.of(Variant.flawed()), workDir)) { … }
 * }
 * }</pre>
 */
public final class ContainerBench implements VirtualBench {

    /** The device image, built by {@code lab-setup/install.sh}; never pulled. */
    public static final String IMAGE = LabImages.DEVICE;
    /** The label that marks certbench's device containers, for {@code install.sh --clean}. */
    public static final String LABEL = "org.certbench.virtual";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private @Nullable LabBroker broker;
    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final Map<Variant, Path> profiles = new LinkedHashMap<>();
    private final Map<Variant, String> addresses = new LinkedHashMap<>();
    private final Path benchFile;

    private final String kind;

    private ContainerBench(List<Variant> variants, Map<Variant, Hostility> hostile, Path dir) throws IOException {
        Files.createDirectories(dir);
        kind = hostile.isEmpty() ? "containers" : "hostile, containers";
        LabBroker started = null;
        try {
            StringBuilder consoles = new StringBuilder();
            for (Variant variant : variants) {
                DeviceSecrets secrets = DeviceSecrets.fresh(variant);
                GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                        .withLabel(LABEL, "true")
                        .withEnv("CERTBENCH_DEVICE_ID", variant.deviceId())
                        .withEnv("CERTBENCH_FLAWS", variant.flawList())
                        .withEnv("CERTBENCH_OWNER_PASSWORD", secrets.ownerPassword())
                        .withEnv("CERTBENCH_PSK", secrets.pskKey())
                        .waitingFor(Wait.forLogMessage(".*certbench-dut: .* up on .*", 1).withStartupTimeout(STARTUP));
                if (hostile.containsKey(variant)) {
                    container.withEnv("CERTBENCH_HOSTILITY", hostile.get(variant).id());
                }
                containers.add(container);
                container.start();
                String address = container.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
                addresses.put(variant, address);
                consoles.append(VirtualProfiles.write(dir, variant, address, secrets, List.of(), profiles));
            }
            // The bridge's gateway address exists on this machine only once a container runs on it.
            String gateway = gateway();
            started = LabBroker.builder().bindAddress(gateway).start();
            String brokerEnv = "CERTBENCH_BROKER_HOST=%s\nCERTBENCH_BROKER_PORT=%d\nCERTBENCH_BROKER_TLS_PORT=%d\nCERTBENCH_ROGUE_PORT=%d\n"
                    .formatted(gateway, started.plainEndpoint().getPort(), started.tlsEndpoint().getPort(), started.rogueEndpoint().getPort());
            for (GenericContainer<?> container : containers) {
                container.copyFileToContainer(Transferable.of(started.caCertificatePem()), "/etc/certbench/broker-ca.pem");
                container.copyFileToContainer(Transferable.of(brokerEnv), "/etc/certbench/broker.env");
            }
            benchFile = VirtualProfiles.writeBench(dir, kind(), gateway, consoles.toString());
            broker = started;
        } catch (IOException | RuntimeException e) {
            broker = started;
            close();
            throw e instanceof IOException io ? io : new IOException("the device containers did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the given variants, each in its own container, and the lab broker on the bridge's gateway.
     *
     * @param dir a folder for the bench file, the profiles and the devices' secrets (owner-only)
     */
    public static ContainerBench start(List<Variant> variants, Path dir) throws IOException {
        return new ContainerBench(variants, Map.of(), dir);
    }

    /**
     * Starts one hostile device per hostility, each in its own container (the image's {@code hostile.sh}: the secure
     * device's ports and profile, broken as the in-JVM {@link HostileBench} devices are, by real processes behind a
     * real TCP stack), and the lab broker on the bridge's gateway, which the flooding device floods.
     */
    public static ContainerBench startHostile(List<Hostility> hostilities, Path dir) throws IOException {
        Map<Variant, Hostility> hostile = new LinkedHashMap<>();
        hostilities.forEach(h -> hostile.put(h.variant(), h));
        return new ContainerBench(List.copyOf(hostile.keySet()), hostile, dir);
    }

    /**
     * Whether a container engine answers and Testcontainers is set up for this lab (no Ryuk: its image
     * cannot be pulled here; certbench removes its own containers). Quiet when none does.
     */
    public static boolean engineReachable() {
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return false;
        }
        Logger testcontainers = Logger.getLogger("org.testcontainers");
        Level level = testcontainers.getLevel();
        testcontainers.setLevel(Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        } finally {
            testcontainers.setLevel(level);
        }
    }

    /** Whether the device image is built. */
    public static boolean imagePresent() {
        return imagePresent(IMAGE);
    }

    /** Whether an image is in the engine's local store (certbench never pulls). */
    public static boolean imagePresent(String image) {
        DockerClient client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The address of each variant's container. */
    public Map<Variant, String> addresses() {
        return Map.copyOf(addresses);
    }

    /** The lab broker this bench started, on the bridge's gateway. */
    public LabBroker broker() {
        return Objects.requireNonNull(broker);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Path benchFile() {
        return benchFile;
    }

    @Override
    public Map<Variant, Path> profiles() {
        return Map.copyOf(profiles);
    }

    /** The profile of a hostility's device, on a bench from {@link #startHostile}. */
    public Path profile(Hostility hostility) {
        return Objects.requireNonNull(profiles.get(hostility.variant()), () -> "no device for " + hostility.id() + " on this bench");
    }

    @Override
    public void close() {
        for (GenericContainer<?> container : containers) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                // install.sh --clean removes what is left
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static String gateway() throws IOException {
        List<Network> networks = DockerClientFactory.instance().client().listNetworksCmd().exec();
        Optional<String> gateway = networks.stream().filter(n -> n.getName().equals("bridge") || n.getName().equals("podman"))
                .flatMap(n -> n.getIpam() == null || n.getIpam().getConfig() == null ? java.util.stream.Stream.empty()
                        : n.getIpam().getConfig().stream())
                .map(Network.Ipam.Config::getGateway).filter(g -> g != null && !g.isBlank() && !g.contains(":")).findFirst();
        return gateway.orElseThrow(() -> new IOException("the container engine's bridge network has no IPv4 gateway"));
    }
}
