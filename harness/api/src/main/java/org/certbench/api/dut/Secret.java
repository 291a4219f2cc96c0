package org.certbench.api.dut;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.certbench.api.Redactions;
import org.certbench.api.Verdicts;
import org.jspecify.annotations.Nullable;

/**
 * A secret named by reference in a profile: {@code env:NAME}, {@code file:PATH} or {@code prompt}.
 * The value is read only when a case {@linkplain #reveal() reveals} it, and from then on it is blanked
 * out of all evidence ({@link Redactions}). {@link #toString()} never shows the value.
 *
 * <pre>{@code
 * Secret password = dut.credentials().get("owner").orElseThrow().password();
 * client.login("owner", password.reveal());
 * }</pre>
 */
public final class Secret {

    private final String reference;
    private final @Nullable Path baseDirectory;
    private volatile @Nullable String value;

    /**
     * @param reference {@code env:NAME}, {@code file:PATH} or {@code prompt}
     * @param baseDirectory where relative {@code file:} paths are resolved (the profile's folder)
     */
    public Secret(String reference, @Nullable Path baseDirectory) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.baseDirectory = baseDirectory;
        if (!isReference(reference)) {
            throw new IllegalArgumentException("a secret is given as env:NAME, file:PATH or prompt");
        }
    }

    /** Whether text is a secret reference rather than a literal value. */
    public static boolean isReference(String text) {
        return text.matches("env:[A-Za-z_][A-Za-z0-9_]*") || (text.startsWith("file:") && text.length() > 5)
                || text.equals("prompt");
    }

    /** The reference as written in the profile; safe to print. */
    public String reference() {
        return reference;
    }

    /**
     * Reads the value (once) and registers it for redaction. Ends the case INCONCLUSIVE when the value
     * cannot be had: an unset variable, an unreadable file, or a prompt with no terminal.
     */
    public String reveal() {
        String current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = read();
                    Redactions.register(current);
                    value = current;
                }
            }
        }
        return current;
    }

    private String read() {
        if (reference.startsWith("env:")) {
            String name = reference.substring(4);
            String v = System.getenv(name);
            if (v == null) {
                throw Verdicts.inconclusive("secret %s: environment variable %s is not set", reference, name);
            }
            return v;
        }
        if (reference.startsWith("file:")) {
            Path path = resolveFile();
            try {
                return Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw Verdicts.inconclusive("secret %s: cannot read %s (%s)", reference, path, e.getClass().getSimpleName());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw Verdicts.inconclusive("secret %s: no terminal to prompt on", reference);
        }
        char[] typed = console.readPassword("Secret for %s: ", reference);
        if (typed == null) {
            throw Verdicts.inconclusive("secret %s: prompt closed", reference);
        }
        return new String(typed);
    }

    /** The file a {@code file:} reference points to, resolved against the profile's folder. */
    public Path resolveFile() {
        Path path = Path.of(reference.substring(5));
        return baseDirectory == null || path.isAbsolute() ? path : baseDirectory.resolve(path);
    }

    @Override
    public String toString() {
        return Redactions.MASK;
    }
}
