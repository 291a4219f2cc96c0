package org.certbench.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code MANIFEST.sha256}: one line per file of the bundle, {@code HEX␣␣relative/path}, sorted, exactly
 * what {@code sha256sum -c} reads. The manifest and its signature are not listed.
 *
 * <pre>{@code
 * Manifest.write(bundle);                 // hashes every file
 * Map<String, String> entries = Manifest.read(bundle);
 * }</pre>
 */
public final class Manifest {

    public static final String FILE_NAME = "MANIFEST.sha256";
    public static final String SIGNATURE_NAME = "MANIFEST.sha256.p7s";

    private Manifest() {
    }

    /** Hashes every regular file under the bundle and writes the manifest; returns its bytes. */
    public static byte[] write(Path bundle) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Path> files = files(bundle);
        List<String> digests = sha256(files);
        for (int i = 0; i < files.size(); i++) {
            text.append(digests.get(i)).append("  ").append(relative(bundle, files.get(i))).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        WholeFile.write(bundle.resolve(FILE_NAME), bytes);
        return bytes;
    }

    /** The bundle's files that the manifest covers, sorted by relative path. */
    static List<Path> files(Path bundle) throws IOException {
        try (Stream<Path> walk = Files.walk(bundle)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .filter(p -> !p.equals(bundle.resolve(FILE_NAME)) && !p.equals(bundle.resolve(SIGNATURE_NAME)))
                    .sorted((a, b) -> relative(bundle, a).compareTo(relative(bundle, b)))
                    .toList();
        }
    }

    /** The entries of a manifest text, path to digest, in order; malformed lines are reported. */
    static Map<String, String> parse(String text, List<String> problems) {
        Map<String, String> entries = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  [^\\r\\n]+")) {
                problems.add(FILE_NAME + ":" + number + ": not a SHA-256 line (\"<64 hex>  <path>\")");
                continue;
            }
            String path = line.substring(66);
            if (entries.put(path, line.substring(0, 64)) != null) {
                problems.add(FILE_NAME + ":" + number + ": " + path + " is listed twice");
            }
        }
        return entries;
    }

    static String relative(Path bundle, Path file) {
        return bundle.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The SHA-256 of each file, in the order given: files are hashed on every core at once, as hashing
     * a large bundle is bound by the CPU, not the disk.
     */
    static List<String> sha256(List<Path> files) throws IOException {
        try {
            return files.parallelStream().map(file -> {
                try {
                    return sha256(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
