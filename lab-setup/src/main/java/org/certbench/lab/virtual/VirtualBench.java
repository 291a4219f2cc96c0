package org.certbench.lab.virtual;

import java.nio.file.Path;
import java.util.Map;

/**
 * A running set of virtual devices and the bench file and profiles that describe them: in
 * containers ({@link ContainerBench}) or inside the JVM ({@link InJvmBench}). Closing it stops
 * everything it started.
 *
 * <pre>{@code
 * try (VirtualBench bench = InJvmBench.start(List.of(Variant.secure(), Variant.flawed()), workDir)) {
 *     certbench run --bench bench.benchFile() --device bench.profiles().values() …
 * }
 * }</pre>
 */
public interface VirtualBench extends AutoCloseable {

    /** {@code containers} or {@code in-JVM}, for the operator. */
    String kind();

    /** The bench file: harness address, the embedded broker, the devices' consoles. */
    Path benchFile();

    /**
     * The assessor's answers for the conceptual cases (every variant declares the same design), beside the
     * bench file: pass it as {@code --answers} for an unattended run.
     */
    default Path answersFile() {
        return benchFile().resolveSibling(VirtualProfiles.ANSWERS_FILE);
    }

    /** Each variant's profile, with the device's real address and its secrets as files. */
    Map<Variant, Path> profiles();

    @Override
    void close();
}
