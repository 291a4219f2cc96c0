package org.certbench.probes;

import org.certbench.api.Evidence;
import org.certbench.api.Transcript;
import org.jspecify.annotations.Nullable;

/**
 * Where a probe writes its transcript: the case's evidence, or nowhere for a probe used on its own.
 *
 * <pre>{@code
 * try (Transcript transcript = Transcripts.open(evidence, "mqtt-10.0.0.2-1883.txt")) { ... }
 * }</pre>
 */
public final class Transcripts {

    private static final Transcript DISCARD = new Transcript() {
        @Override
        public void sent(String line) {
        }

        @Override
        public void received(String line) {
        }

        @Override
        public void note(String line) {
        }

        @Override
        public void close() {
        }
    };

    private Transcripts() {
    }

    /** A transcript in the evidence, or one that keeps nothing when there is no evidence. */
    public static Transcript open(@Nullable Evidence evidence, String name) {
        return evidence == null ? DISCARD : evidence.transcript(name);
    }

    /**
     * A transcript that several workers of one probe call write to: each line whole, none lost.
     *
     * <pre>{@code
     * try (Transcript transcript = Transcripts.shared(Transcripts.open(evidence, "services-10.0.0.2.txt"))) { ... }
     * }</pre>
     */
    public static Transcript shared(Transcript transcript) {
        return new Transcript() {
            @Override
            public synchronized void sent(String line) {
                transcript.sent(line);
            }

            @Override
            public synchronized void received(String line) {
                transcript.received(line);
            }

            @Override
            public synchronized void note(String line) {
                transcript.note(line);
            }

            @Override
            public synchronized void close() {
                transcript.close();
            }
        };
    }

    /** A file-name-safe form of a host for transcript names. */
    public static String safe(String host) {
        return host.replaceAll("[^A-Za-z0-9.\\-]", "_");
    }
}
