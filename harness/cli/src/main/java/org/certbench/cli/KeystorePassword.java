package org.certbench.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where a keystore password comes from: an environment variable, a file, or a prompt; never a command
 * argument (it would show in the process list).
 *
 * <pre>{@code
 * @Mixin KeystorePassword password;
 * char[] secret = password.read(); // from $CERTBENCH_KEYSTORE_PASSWORD, --password-file or the terminal
 * }</pre>
 */
final class KeystorePassword {

    /** The environment variable read by default. */
    static final String DEFAULT_ENV = "CERTBENCH_KEYSTORE_PASSWORD";

    @Option(names = "--password-env", paramLabel = "NAME", description = "Environment variable holding the keystore password "
            + "(default " + DEFAULT_ENV + ").")
    String env = DEFAULT_ENV;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the keystore password (first line).")
    @Nullable Path file;

    /** @throws IOException with a message for the user when no password can be had */
    char[] read(String purpose) throws IOException {
        if (file != null) {
            String text = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (text.isEmpty()) {
                throw new IOException("the password file " + file + " is empty");
            }
            return text.toCharArray();
        }
        String fromEnv = System.getenv(env);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IOException("no keystore password: set " + env + ", give --password-file, or run on a terminal to be asked");
        }
        char[] typed = console.readPassword("%s: ", purpose);
        if (typed == null || typed.length == 0) {
            throw new IOException("no keystore password given");
        }
        return typed;
    }
}
