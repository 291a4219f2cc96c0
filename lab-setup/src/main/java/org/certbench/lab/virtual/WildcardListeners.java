package org.certbench.lab.virtual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The TCP ports this machine listens on for every address (0.0.0.0 or ::), read from Linux's
 * {@code /proc/net/tcp}. Such a port answers on any loopback address too, so on the in-JVM bench it
 * shows up on each virtual device; elsewhere the list is empty.
 */
final class WildcardListeners {

    private static final Pattern ANY_ADDRESS = Pattern.compile("0+");

    private WildcardListeners() {
    }

    static List<Integer> tcp() {
        TreeSet<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    // sl local_address rem_address st …; st 0A is LISTEN
                    if (fields.length > 3 && fields[3].equals("0A")) {
                        String[] local = fields[1].split(":");
                        if (ANY_ADDRESS.matcher(local[0]).matches()) {
                            ports.add(Integer.parseInt(local[1], 16));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or no procfs: nothing known
            }
        }
        return List.copyOf(ports);
    }
}
