package org.certbench.probes.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian programs the tests run against (mosquitto, lighttpd, sslscan, nmap, openssl …). When one is
 * missing the test is aborted, except under CI, where it fails: {@code .ci/run} installs them all.
 */
public final class Tools {

    private Tools() {
    }

    /** The absolute path of a program, or abort (fail under CI) when it is not installed. */
    public static Path require(String program) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin", "/usr/local/sbin")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw unavailable(program + " is not installed (.ci/run installs it)");
    }

    /** Goes on when the condition holds; else aborts the test, or fails it under CI, saying why. */
    public static void requireThat(boolean condition, String why) {
        if (!condition) {
            throw unavailable(why);
        }
    }

    private static IllegalStateException unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI must run this test, but " + why);
        }
        Assumptions.abort(why);
        return new IllegalStateException(why);
    }

    /** Runs a program to completion and returns its standard output; fails on a non-zero exit. */
    public static String run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(directory.resolve("tools.log").toFile())).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                        + Files.readString(directory.resolve("tools.log")));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A TCP port free on loopback right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
