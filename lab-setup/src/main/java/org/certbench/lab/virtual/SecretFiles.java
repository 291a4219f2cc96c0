package org.certbench.lab.virtual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold a secret for a profile's {@code file:} reference (a virtual device's password,
 * the demo's keystore password): readable by the owner only.
 *
 * <pre>{@code
 * Path owner = SecretFiles.write(SecretFiles.privateDir(dir.resolve("secrets")).resolve("owner"), password);
 * }</pre>
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** Creates the folder if needed and makes it the owner's alone. */
    public static Path privateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's inherited protection applies
        }
        return dir;
    }

    /** Writes the secret as one line, readable by the owner only. */
    public static Path write(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // as above
        }
        Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
        return file;
    }
}
