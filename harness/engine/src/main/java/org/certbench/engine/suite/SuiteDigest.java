package org.certbench.engine.suite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SHA-256 of a suite's code: every class and resource in the suite class's package (its cases,
 * helpers and provision catalogue), by name and content in name order, from the jar or the class
 * folder it was loaded from. Two bundles with the same digest ran the same suite code, whatever its
 * version string says.
 *
 * <pre>{@code
 * SuiteDigest.of(En303645.class); // "9f2c…"
 * }</pre>
 */
public final class SuiteDigest {

    private SuiteDigest() {
    }

    /** The digest in hex, or {@code unknown: why} when the code's origin cannot be read. */
    public static String of(Class<?> suiteClass) {
        CodeSource source = suiteClass.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "unknown: the suite class has no code source";
        }
        String packagePath = suiteClass.getPackageName().replace('.', '/') + "/";
        try {
            Path location = Path.of(source.getLocation().toURI());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(packagePath);
                List<Path> files;
                try (Stream<Path> walk = Files.walk(dir)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    add(digest, location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()).stream()
                            .filter(e -> !e.isDirectory() && e.getName().startsWith(packagePath)).toList());
                    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                    for (JarEntry entry : entries) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            add(digest, entry.getName(), in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(MessageDigest digest, String name, byte[] content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        digest.update(content);
    }
}
