package org.certbench.lab.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.certbench.probes.broker.BrokerLog;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RefusedConnect;
import org.certbench.probes.broker.RogueAttempt;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The lab broker in a container, for a bench whose broker is {@code container}: the same
 * {@link LabBroker} (HiveMQ CE, recorder, rogue listener), run by Testcontainers from
 * {@code localhost/certbench-broker} (a Java runtime built by {@code lab-setup/install.sh}) with
 * certbench's own jars copied in. It is a host of its own on the engine's bridge; what it records
 * comes back as {@link RecordLines} on its output.
 *
 * <pre>{@code
 * try (ContainerLabBroker broker = ContainerLabBroker.start()) {
 *     broker.tlsEndpoint();   // the container's address, port 8883
 * }
 * }</pre>
 */
public final class ContainerLabBroker implements BrokerLog, AutoCloseable {

    /** The broker image, built by {@code lab-setup/install.sh}; never pulled. */
    public static final String IMAGE = LabImages.BROKER;
    /** The label that marks the broker container, for {@code install.sh --clean}. */
    public static final String LABEL = "org.certbench.broker";
    private static final String LIB = "/opt/certbench/lib/";
    /** Where {@link ContainerBrokerMain} takes commands from. */
    static final String CONTROL_FILE = "/tmp/certbench-control";

    private final GenericContainer<?> container;
    private final RecordLines records = new RecordLines();
    private final String address;
    private final String caPem;

    private ContainerLabBroker() throws IOException {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(IMAGE)).withLabel(LABEL, "true")
                .waitingFor(Wait.forLogMessage(".*" + RecordLines.READY + ".*", 1).withStartupTimeout(Duration.ofSeconds(60)));
        int index = 0;
        List<String> classPath = new ArrayList<>();
        for (Path entry : classPath()) {
            // Numbered, so two jars of one name stay apart; a class folder (a Maven or IDE run) goes in as a jar.
            Path jar = Files.isDirectory(entry) ? jarOf(entry) : entry;
            String target = LIB + (index++) + "-" + jar.getFileName();
            c = c.withCopyFileToContainer(MountableFile.forHostPath(jar), target);
            classPath.add(target);
        }
        container = c.withCommand("java", "-XX:+UseSerialGC", "-cp", String.join(":", classPath), ContainerBrokerMain.class.getName());
        try {
            container.start();
        } catch (RuntimeException e) {
            close();
            throw new IOException("the lab broker's container did not start: " + e.getMessage(), e);
        }
        container.followOutput(frame -> records.read(frame.getUtf8String()));
        String ready = null;
        String ca = null;
        for (String line : container.getLogs().split("\n")) {
            if (line.startsWith(RecordLines.READY)) {
                ready = line;
            } else if (line.startsWith(RecordLines.CA)) {
                ca = new String(Base64.getDecoder().decode(String.valueOf(RecordLines.decode(line.split("\t")[1].strip()))), StandardCharsets.US_ASCII);
            }
        }
        if (ready == null || ca == null) {
            close();
            throw new IOException("the lab broker's container did not say where it listens");
        }
        this.address = ready.split("\t")[1].strip();
        this.caPem = ca;
    }

    /** Starts the broker's container. */
    public static ContainerLabBroker start() throws IOException {
        return new ContainerLabBroker();
    }

    @Override
    public InetSocketAddress plainEndpoint() {
        return new InetSocketAddress(address, LabBrokerProvider.DEFAULT_PORT);
    }

    @Override
    public InetSocketAddress tlsEndpoint() {
        return new InetSocketAddress(address, LabBrokerProvider.DEFAULT_TLS_PORT);
    }

    @Override
    public InetSocketAddress rogueEndpoint() {
        return new InetSocketAddress(address, LabBrokerProvider.DEFAULT_ROGUE_PORT);
    }

    @Override
    public String caCertificatePem() {
        return caPem;
    }

    @Override
    public List<BrokerSession> sessions() {
        return records.sessions();
    }

    @Override
    public List<RogueAttempt> rogueAttempts() {
        return records.rogueAttempts();
    }

    @Override
    public void refuse(String host, Duration window) {
        try {
            var result = container.execInContainer("sh", "-c", "echo 'refuse " + host + " " + window.toMillis() + "' >> " + CONTROL_FILE);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("the lab broker's container did not take the command: " + result.getStderr());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while telling the lab broker's container to refuse " + host, e);
        }
    }

    @Override
    public List<RefusedConnect> refusedConnects() {
        return records.refusedConnects();
    }

    @Override
    public void close() {
        try {
            container.stop();
        } catch (RuntimeException e) {
            // install.sh --clean removes what is left
        }
    }

    /** The jars and class folders this JVM runs from, following the Class-Path of a jar's manifest (the CLI's). */
    static Set<Path> classPath() throws IOException {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.exists(path)) {
                continue;
            }
            entries.add(path);
            if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    Manifest manifest = jar.getManifest();
                    String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (classPath != null) {
                        for (String relative : classPath.trim().split("\\s+")) {
                            // Relative paths (the CLI's lib/), or file: URLs (Surefire's manifest-only jar).
                            Path dependency = relative.startsWith("file:") ? Path.of(java.net.URI.create(relative))
                                    : path.getParent().resolve(java.net.URLDecoder.decode(relative, java.nio.charset.StandardCharsets.UTF_8)).normalize();
                            if (Files.exists(dependency)) {
                                entries.add(dependency);
                            }
                        }
                    }
                }
            }
        }
        return entries;
    }

    private static Path jarOf(Path folder) throws IOException {
        Path jar = Files.createTempFile("certbench-classes", ".jar");
        jar.toFile().deleteOnExit();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace(java.io.File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
