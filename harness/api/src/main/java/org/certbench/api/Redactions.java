package org.certbench.api;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The secrets revealed so far in this process, and the one place that blanks them out of text bound
 * for evidence, ledgers, reports and logs. A secret is registered the moment it is revealed, so
 * anything a device echoes back is redacted as well.
 *
 * <pre>{@code
 * String safe = Redactions.apply(deviceReply); // "login ok for owner/***"
 * }</pre>
 */
public final class Redactions {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private Redactions() {
    }

    /** Registers a secret value; later text containing it is redacted. */
    public static void register(String secret) {
        if (!secret.isEmpty() && !SECRETS.contains(secret)) {
            SECRETS.add(secret);
            // Longest first, so a secret that contains another is blanked whole.
            SECRETS.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /** The text with every registered secret replaced by {@link #MASK}. */
    public static String apply(String text) {
        return apply(text, UnaryOperator.identity());
    }

    /**
     * The text with every registered secret, as {@code encoding} writes it (JSON escaping, say), replaced
     * by {@link #MASK}: a secret with a quote in it appears escaped in a JSON line.
     */
    public static String apply(String text, UnaryOperator<String> encoding) {
        String result = text;
        for (String secret : SECRETS) {
            String encoded = encoding.apply(secret);
            if (!encoded.isEmpty() && result.contains(encoded)) {
                result = result.replace(encoded, MASK);
            }
        }
        return result;
    }
}
