package org.certbench.lab.broker;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The names of the images {@code lab-setup/install.sh} builds for this version of certbench; the
 * engine never pulls them, so a missing one is a setup step, not a download.
 *
 * <pre>{@code
 * new GenericContainer<>(DockerImageName.parse(LabImages.DEVICE));
 * }</pre>
 */
public final class LabImages {

    /** The virtual device image, {@code localhost/certbench-dut:<version>}. */
    public static final String DEVICE = load("device-image");
    /** The lab broker image, {@code localhost/certbench-broker:<version>}. */
    public static final String BROKER = load("broker-image");

    private LabImages() {
    }

    private static String load(String key) {
        Properties properties = new Properties();
        try (InputStream in = LabImages.class.getResourceAsStream("/org/certbench/lab/images.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("lab-setup's images.properties is missing from the class path", e);
        }
        return properties.getProperty(key);
    }
}
