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
    /** How long a rebooting device stays up between power cuts. */
    public static final Duration POWER_ON = Duration.ofSeconds(8);
    /** How long its power stays off. */
    public static final Duration POWER_OFF = Duration.ofSeconds(4);

    private @Nullable LabBroker broker;
    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final Map<Variant, Path> profiles = new LinkedHashMap<>();
    private final Map<Variant, String> addresses = new LinkedHashMap<>();
    private final Path benchFile;
    private final List<PowerCut> powerCuts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Thread> powerCutters = new ArrayList<>();
    private final List<VirtualOutlet> outlets = new ArrayList<>();
    private volatile boolean closing;

    private final String kind;

    /** One power cut of a device, a rebooting one's or through its outlet: killed at {@code off}, started again at {@code on}. */
    public record PowerCut(String device, java.time.Instant off, java.time.Instant on) {
    }

    private ContainerBench(List<Variant> variants, Map<Variant, Hostility> hostile, Path dir) throws IOException {
        Files.createDirectories(dir);
        kind = hostile.isEmpty() ? "containers" : "hostile, containers";
        LabBroker started = null;
        try {
            StringBuilder consoles = new StringBuilder();
            StringBuilder outletLines = new StringBuilder();
            Addresses plan = Addresses.plan(variants);
            for (Variant variant : variants) {
                String fixed = plan.of(variant);
                DeviceSecrets secrets = DeviceSecrets.fresh(variant);
                GenericContainer<?> container = new DeviceContainer(plan.network(), fixed)
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
                if (!fixed.equals(address)) {
                    throw new IOException("the container engine gave " + variant.deviceId() + " address " + address + ", not " + fixed);
                }
                addresses.put(variant, address);
                String outlet = null;
                if (hostile.isEmpty()) {
                    outlet = variant.deviceId() + "-outlet";
                    outletLines.append("  ").append(outlet).append(": ").append(plug(container, variant.deviceId()).driver()).append('\n');
                }
                consoles.append(VirtualProfiles.write(dir, variant, address, secrets, List.of(), outlet, profiles));
            }
            // The bridge's gateway address exists on this machine only once a container runs on it: bound only now.
            String gateway = plan.gateway();
            started = LabBroker.builder().bindAddress(gateway).start();
            String brokerEnv = "CERTBENCH_BROKER_HOST=%s\nCERTBENCH_BROKER_PORT=%d\nCERTBENCH_BROKER_TLS_PORT=%d\nCERTBENCH_ROGUE_PORT=%d\n"
                    .formatted(gateway, started.plainEndpoint().getPort(), started.tlsEndpoint().getPort(), started.rogueEndpoint().getPort());
            for (GenericContainer<?> container : containers) {
                container.copyFileToContainer(Transferable.of(started.caCertificatePem()), "/etc/certbench/broker-ca.pem");
                container.copyFileToContainer(Transferable.of(brokerEnv), "/etc/certbench/broker.env");
            }
            benchFile = VirtualProfiles.writeBench(dir, kind(), gateway, consoles.toString(), outletLines.toString());
            broker = started;
            for (int i = 0; i < variants.size(); i++) {
                if (hostile.get(variants.get(i)) == Hostility.REBOOTING) {
                    startPowerCutter(containers.get(i), variants.get(i).deviceId());
                }
            }
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

    /**
     * Every power cut so far: those a case made through a device's outlet, and those of a rebooting device, whose
     * power is cut {@link #POWER_ON} after it is up and comes back {@link #POWER_OFF} later. Either way the container
     * is killed (SIGKILL, a pulled plug: no process gets to close a connection) and started again on its address,
     * with its services starting from scratch.
     */
    public List<PowerCut> powerCuts() {
        return List.copyOf(powerCuts);
    }

    /**
     * The device's plug on the bench ({@link VirtualOutlet}): off kills its container (SIGKILL, as a pulled plug), on
     * starts it again on its address; each cut is recorded in {@link #powerCuts()}.
     */
    private VirtualOutlet plug(GenericContainer<?> container, String device) throws IOException {
        DockerClient client = DockerClientFactory.instance().client();
        String id = container.getContainerId();
        java.time.Instant[] off = {null};
        VirtualOutlet outlet = VirtualOutlet.serve(() -> {
            off[0] = java.time.Instant.now();
            client.killContainerCmd(id).withSignal("KILL").exec();
        }, () -> {
            client.startContainerCmd(id).exec();
            powerCuts.add(new PowerCut(device, off[0], java.time.Instant.now()));
        });
        outlets.add(outlet);
        return outlet;
    }

    private void startPowerCutter(GenericContainer<?> container, String device) {
        DockerClient client = DockerClientFactory.instance().client();
        String id = container.getContainerId();
        Thread cutter = new Thread(() -> {
            try {
                while (!closing) {
                    Thread.sleep(POWER_ON.toMillis());
                    java.time.Instant off = java.time.Instant.now();
                    client.killContainerCmd(id).withSignal("KILL").exec();
                    Thread.sleep(POWER_OFF.toMillis());
                    if (closing) {
                        return;
                    }
                    client.startContainerCmd(id).exec();
                    powerCuts.add(new PowerCut(device, off, java.time.Instant.now()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!closing) {
                    java.util.logging.Logger.getLogger(ContainerBench.class.getName()).warning("power cutter of " + device + " stopped: " + e);
                }
            }
        }, "certbench-power-" + device);
        cutter.setDaemon(true);
        powerCutters.add(cutter);
        cutter.start();
    }

    @Override
    public void close() {
        closing = true;
        for (Thread cutter : powerCutters) {
            cutter.interrupt();
            try {
                cutter.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        outlets.forEach(VirtualOutlet::close);
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

    /**
     * A device's container with a fixed address and interface: a device keeps both across a power cut, as a lab's DHCP
     * reservation keeps a real one's, so its profile still points at it (on Podman's default network a restart moved
     * it, .193 -> .194) and the host's neighbour cache still knows it (with a new MAC address at each start, measured
     * here, a device stayed unreachable for up to 43 s after coming back). Set by reconnecting the created container to
     * the network: the engine's create call takes the address but drops the MAC address (Podman's compatible API reads
     * it only from an endpoint's own settings, which docker-java does not send).
     */
    private static final class DeviceContainer extends GenericContainer<DeviceContainer> {
        private final String network;
        private final String address;

        DeviceContainer(String network, String address) {
            super(DockerImageName.parse(IMAGE));
            this.network = network;
            this.address = address;
            withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withNetworkMode(network));
        }

        @Override
        protected void containerIsCreated(String containerId) {
            DockerClient client = getDockerClient();
            client.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(containerId).exec();
            client.connectToNetworkCmd().withNetworkId(network).withContainerId(containerId)
                    .withContainerNetwork(new com.github.dockerjava.api.model.ContainerNetwork()
                            .withIpamConfig(new com.github.dockerjava.api.model.ContainerNetwork.Ipam().withIpv4Address(address))
                            .withMacAddress(Addresses.macOf(address)))
                    .exec();
        }
    }

    /**
     * A fixed address for each device on the bridge network: in a block of the bridge's subnet picked at random, away
     * from the addresses the engine hands out from the start of the subnet, and not held by any running container.
     */
    private record Addresses(String network, String gateway, Map<Variant, String> byVariant) {

        static Addresses plan(List<Variant> variants) throws IOException {
            DockerClient client = DockerClientFactory.instance().client();
            Network bridge = bridge(client).orElseThrow(() -> new IOException("the container engine has no bridge network"));
            Network.Ipam.Config subnet = configs(bridge).filter(c -> c.getSubnet() != null && !c.getSubnet().contains(":"))
                    .findFirst().orElseThrow(() -> new IOException("the container engine's bridge network has no IPv4 subnet"));
            String gateway = subnet.getGateway();
            if (gateway == null || gateway.isBlank()) {
                throw new IOException("the container engine's bridge network has no IPv4 gateway");
            }
            String[] cidr = subnet.getSubnet().split("/");
            int prefix = Integer.parseInt(cidr[1]);
            long base = toLong(cidr[0]);
            java.util.Set<String> taken = new java.util.HashSet<>();
            client.listContainersCmd().exec().forEach(c -> {
                if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
                    c.getNetworkSettings().getNetworks().values().forEach(n -> taken.add(n.getIpAddress()));
                }
            });
            java.util.Random random = new java.util.Random();
            for (int attempt = 0; attempt < 20; attempt++) {
                // a /16 (Podman's and Docker's default) has blocks of 256 to pick from; a smaller subnet only its upper half
                long block = prefix <= 16 ? 256L * (100 + random.nextInt(140)) : (1L << (32 - prefix)) / 2;
                Map<Variant, String> planned = new LinkedHashMap<>();
                for (Variant variant : variants) {
                    planned.put(variant, toAddress(base + block + 10 + variant.index()));
                }
                if (planned.values().stream().noneMatch(taken::contains)) {
                    // By id: Podman lists its default network as "bridge" but knows it only as "podman" or by id. (The
                    // engine sets a fixed address only on a named network: Podman's default one will do, Docker's needs a user's.)
                    return new Addresses(bridge.getId(), gateway, planned);
                }
            }
            throw new IOException("no free block of addresses on the bridge network " + subnet.getSubnet());
        }

        String of(Variant variant) {
            return Objects.requireNonNull(byVariant.get(variant));
        }

        /** A locally administered MAC address made of the IPv4 address, as Docker makes them: 02:42 and its four bytes. */
        static String macOf(String address) {
            long value = toLong(address);
            return "02:42:%02x:%02x:%02x:%02x".formatted(value >> 24 & 255, value >> 16 & 255, value >> 8 & 255, value & 255);
        }

        private static long toLong(String address) {
            long value = 0;
            for (String part : address.split("\\.")) {
                value = value << 8 | Integer.parseInt(part);
            }
            return value;
        }

        private static String toAddress(long value) {
            return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
        }
    }

    /** The engine's default bridge network: {@code podman} on Podman, {@code bridge} on Docker. */
    private static Optional<Network> bridge(DockerClient client) {
        return client.listNetworksCmd().exec().stream().filter(n -> n.getName().equals("bridge") || n.getName().equals("podman"))
                .findFirst();
    }

    private static java.util.stream.Stream<Network.Ipam.Config> configs(Network network) {
        return network.getIpam() == null || network.getIpam().getConfig() == null ? java.util.stream.Stream.empty()
                : network.getIpam().getConfig().stream();
    }

}
