package org.certbench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a bundle file whole or not at all: into {@code NAME.partial} beside it, then renamed over it. A
 * full disk or a kill while writing leaves the old file (or none), never a cut one that a reader would take
 * for the real thing; the partial file is removed when the write fails.
 *
 * <pre>{@code
 * WholeFile.write(bundle.resolve("report.json"), json);
 * }</pre>
 */
final class WholeFile {

    private WholeFile() {
    }

    static void write(Path file, byte[] content) throws IOException {
        Path partial = partial(file);
        try {
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /** Where a file is written before it is complete. */
    static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }
}
