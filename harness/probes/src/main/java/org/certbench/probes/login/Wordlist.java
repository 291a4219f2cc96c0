package org.certbench.probes.login;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A list of credentials to try, {@code user:password} per line ({@code #} comments, empty password as
 * {@code user:}). certbench ships the public factory defaults of IoT devices; a lab adds its own.
 *
 * <pre>{@code
 * Wordlist list = Wordlist.vendorDefaults().with(Wordlist.load(Path.of("lab-defaults.txt")));
 * }</pre>
 */
public final class Wordlist {

    private final List<UserPass> entries;

    private Wordlist(List<UserPass> entries) {
        this.entries = List.copyOf(new LinkedHashSet<>(entries));
    }

    /** The shipped list of public factory defaults, most common first. */
    public static Wordlist vendorDefaults() {
        try (InputStream in = Wordlist.class.getResourceAsStream("vendor-defaults.txt")) {
            return new Wordlist(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lab's own list. */
    public static Wordlist load(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Wordlist(parse(reader));
        }
    }

    public static Wordlist of(List<UserPass> entries) {
        return new Wordlist(entries);
    }

    /** This list followed by another's entries not already in it. */
    public Wordlist with(Wordlist other) {
        List<UserPass> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new Wordlist(all);
    }

    public List<UserPass> entries() {
        return entries;
    }

    private static List<UserPass> parse(BufferedReader reader) throws IOException {
        List<UserPass> entries = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                entries.add(UserPass.of(line.strip(), ""));
            } else {
                entries.add(UserPass.of(line.substring(0, colon), line.substring(colon + 1)));
            }
        }
        return entries;
    }
}
