package org.certbench.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The bundle as one file to send: {@code <bundle>.zip} beside the folder, holding the folder's files
 * under one top-level folder of the bundle's name, and the same files unpacked by {@link #extract} for
 * verification. Unpacking refuses entries that would leave the target folder, links and oversized
 * archives.
 *
 * <pre>{@code
 * Path zip = BundleZip.write(bundle);           // certbench-runs/20261122T101500Z.zip
 * Path unpacked = BundleZip.extract(zip, tmp);  // tmp/20261122T101500Z
 * }</pre>
 */
public final class BundleZip {

    /** The most an archive may unpack to: a bundle with packet captures stays far below it. */
    static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;
    static final int MAX_ENTRIES = 200_000;

    private BundleZip() {
    }

    /** Zips the bundle folder (every regular file, manifest and signature included) into {@code <bundle>.zip}. */
    public static Path write(Path bundle) throws IOException {
        Path folder = bundle.toAbsolutePath().normalize();
        Path zip = folder.resolveSibling(folder.getFileName() + ".zip");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = new ArrayList<>(walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList());
        }
        Path partial = WholeFile.partial(zip);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(folder.getFileName() + "/" + Manifest.relative(folder, file));
                entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return zip;
    }

    /**
     * Unpacks an archive into {@code target} and returns the bundle folder in it (the archive's one
     * top-level folder, or {@code target} itself when the files are at the top).
     *
     * @throws IOException naming the entry, for an entry outside the target, a link, or an archive too large
     */
    public static Path extract(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        List<String> central = centralDirectory(zip);
        Files.createDirectories(root);
        List<String> local = new ArrayList<>();
        java.util.Set<String> tops = new java.util.HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            unpack(zip, in, root, local, tops);
        } catch (java.util.zip.ZipException | java.io.EOFException | java.nio.file.InvalidPathException e) {
            // The JDK's own words for a damaged archive (an EOFException has none): said with the archive's name (found by fuzzing).
            throw new IOException(zip + ": the archive is damaged or cut short (" + e + ")", e);
        }
        if (!local.equals(central)) {
            // unzip and most viewers read the central directory, certbench the entries themselves: both must see the same files
            throw new IOException(zip + ": the archive's directory does not list the entries it holds (" + central.size()
                    + " listed, " + local.size() + " held): two readers would see different bundles");
        }
        if (tops.size() == 1 && tops.iterator().next().endsWith("/")) {
            return root.resolve(tops.iterator().next().replace("/", ""));
        }
        return root;
    }

    /** Writes each entry under {@code root}, recording the names in order and the top-level folders. */
    private static void unpack(Path zip, ZipInputStream in, Path root, List<String> local, java.util.Set<String> tops) throws IOException {
        long total = 0;
        int count = 0;
        ZipEntry entry;
        while ((entry = nextEntry(zip, in)) != null) {
            if (++count > MAX_ENTRIES) {
                throw new IOException(zip + ": more than " + MAX_ENTRIES + " entries");
            }
            String name = entry.getName();
            local.add(name);
            Path file = root.resolve(name).normalize();
            if (name.startsWith("/") || name.contains("\\") || !file.startsWith(root) || file.equals(root)) {
                throw new IOException(zip + ": entry '" + name + "' would be written outside the bundle");
            }
            tops.add(name.split("/", 2)[0] + (name.contains("/") ? "/" : ""));
            if (entry.isDirectory()) {
                Files.createDirectories(file);
                continue;
            }
            Files.createDirectories(file.getParent());
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(zip + ": entry '" + name + "' appears twice");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new IOException(zip + ": unpacks to more than " + MAX_BYTES + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (entry.getLastModifiedTime() != null) {
                Files.setLastModifiedTime(file, FileTime.from(entry.getLastModifiedTime().toInstant()));
            }
        }
    }

    /** The next entry; a name that is not UTF-8 or a damaged header is an IOException, not the runtime exception the JDK throws. */
    private static @org.jspecify.annotations.Nullable ZipEntry nextEntry(Path zip, ZipInputStream in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new IOException(zip + ": an entry's name is not valid UTF-8 or its header is damaged (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The entry names the archive's central directory lists, in order; an entry listed twice, a link
     * (Unix mode in its external attributes), or a directory that cannot be read is an IOException
     * naming it. Read by hand because {@link java.util.zip.ZipFile} keeps only one of two same-named
     * entries and tells nothing of links, which {@code unzip} would create.
     */
    static List<String> centralDirectory(Path zip) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(zip)) {
            long size = channel.size();
            int tail = (int) Math.min(size, 22 + 65_535);
            java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.read(end, size - tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new IOException(zip + ": not a zip archive (no end of central directory)");
            }
            int entries = Short.toUnsignedInt(end.getShort(eocd + 10));
            long directorySize = Integer.toUnsignedLong(end.getInt(eocd + 12));
            long directoryOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
            if (entries > MAX_ENTRIES || directoryOffset + directorySize > size || directorySize > Integer.MAX_VALUE) {
                throw new IOException(zip + ": the archive's directory is damaged or too large");
            }
            java.nio.ByteBuffer directory = java.nio.ByteBuffer.allocate((int) directorySize).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.read(directory, directoryOffset);
            List<String> names = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            int at = 0;
            for (int n = 0; n < entries; n++) {
                if (at + 46 > directorySize || directory.getInt(at) != 0x02014b50) {
                    throw new IOException(zip + ": the archive's directory is damaged at entry " + (n + 1));
                }
                int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
                int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
                int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
                int madeBy = Short.toUnsignedInt(directory.getShort(at + 4)) >> 8;
                long external = Integer.toUnsignedLong(directory.getInt(at + 38));
                if (at + 46 + nameLength > directorySize) {
                    throw new IOException(zip + ": the archive's directory is damaged at entry " + (n + 1));
                }
                byte[] raw = new byte[nameLength];
                directory.get(at + 46, raw);
                String name = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
                if (!seen.add(name)) {
                    throw new IOException(zip + ": entry '" + name + "' appears twice");
                }
                if (madeBy == 3 && ((external >> 16) & 0170000) == 0120000) {
                    throw new IOException(zip + ": entry '" + name + "' is a symbolic link");
                }
                names.add(name);
                at += 46 + nameLength + extraLength + commentLength;
            }
            return names;
        }
    }

    /**
     * A bundle opened for reading: the folder itself, or a zip unpacked into a temporary folder that
     * {@link #close()} removes.
     *
     * <pre>{@code
     * try (BundleZip.Opened opened = BundleZip.open(path)) {
     *     BundleVerifier.verify(opened.folder(), ca);
     * }
     * }</pre>
     */
    public static final class Opened implements AutoCloseable {
        private final Path folder;
        private final @org.jspecify.annotations.Nullable Path temporary;

        private Opened(Path folder, @org.jspecify.annotations.Nullable Path temporary) {
            this.folder = folder;
            this.temporary = temporary;
        }

        /** The bundle's folder. */
        public Path folder() {
            return folder;
        }

        @Override
        public void close() throws IOException {
            if (temporary != null) {
                try (Stream<Path> walk = Files.walk(temporary)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** Opens a bundle folder as it is, or unpacks a zipped one; a bad archive is an IOException naming the entry. */
    public static Opened open(Path bundle) throws IOException {
        if (!isZip(bundle)) {
            return new Opened(bundle, null);
        }
        Path temporary = Files.createTempDirectory("certbench-bundle");
        try {
            return new Opened(extract(bundle, temporary), temporary);
        } catch (IOException e) {
            new Opened(temporary, temporary).close();
            throw e;
        }
    }

    /** Whether a path names a zipped bundle rather than a folder. */
    public static boolean isZip(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
