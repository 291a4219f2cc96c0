package org.certbench.engine.execution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The versions of what a verdict depends on besides the suite: certbench, the Java runtime, the
 * operating system and the protocol libraries the probes speak through. A reviewer comparing two
 * bundles can tell whether a changed verdict may come from a changed TLS or MQTT stack.
 *
 * <pre>{@code
 * ToolVersions.current(); // {certbench=0.1.0, java=17.0.13 (Debian), os=Linux 6.1 amd64, bcprov-jdk18on=1.86, …}
 * }</pre>
 */
public final class ToolVersions {

    /** Libraries whose behaviour shows in verdicts, by artifact and a class they hold. */
    private static final String[][] LIBRARIES = {
        {"bcprov-jdk18on", "org.bouncycastle.jce.provider.BouncyCastleProvider"},
        {"hivemq-mqtt-client", "com.hivemq.client.mqtt.MqttClient"},
        {"californium-core", "org.eclipse.californium.core.CoapClient"},
        {"scandium", "org.eclipse.californium.scandium.DTLSConnector"},
        {"commons-net", "org.apache.commons.net.telnet.TelnetClient"},
        {"sshd-core", "org.apache.sshd.client.SshClient"},
        {"jSerialComm", "com.fazecast.jSerialComm.SerialPort"},
        {"junit-platform-engine", "org.junit.platform.engine.TestEngine"},
    };

    private ToolVersions() {
    }

    /** Name to version, in a fixed order; a library not on the class path is left out. */
    public static Map<String, String> current() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("certbench", Campaign.VERSION);
        versions.put("java", Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")");
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        for (String[] library : LIBRARIES) {
            version(library[0], library[1]).ifPresent(v -> versions.put(library[0], v));
        }
        return versions;
    }

    /**
     * From the jar that holds the class, named {@code artifact-version.jar} by Maven (several libraries carry no other
     * record). The jar is found as a resource, without loading the class: loading one from a signed jar (BouncyCastle's)
     * verifies the whole jar first, most of a second before any case runs.
     */
    private static java.util.Optional<String> version(String artifact, String className) {
        ClassLoader loader = ToolVersions.class.getClassLoader();
        java.net.URL resource = loader == null ? null : loader.getResource(className.replace('.', '/') + ".class");
        if (resource == null) {
            return java.util.Optional.empty();
        }
        String location = resource.toString();
        int bang = location.indexOf("!/");
        if (location.startsWith("jar:") && bang > 0) {
            String jar = location.substring(location.lastIndexOf('/', bang) + 1, bang);
            if (jar.startsWith(artifact + "-") && jar.endsWith(".jar")) {
                return java.util.Optional.of(jar.substring(artifact.length() + 1, jar.length() - 4));
            }
        }
        // a renamed jar or a class folder (a module's own build): the package's manifest entry, if any
        try {
            Class<?> type = Class.forName(className, false, loader);
            return java.util.Optional.ofNullable(type.getPackage().getImplementationVersion()).or(() -> java.util.Optional.of("unknown"));
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }
}
