package org.certbench.probes.net;

/**
 * What answers on an open TCP port, told by speaking to it.
 *
 * <pre>{@code
 * guess.service(); // "ssh"
 * guess.banner();  // "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"
 * }</pre>
 *
 * @param port the port
 * @param service {@code ssh}, {@code ftp}, {@code telnet}, {@code smtp}, {@code http}, {@code https}, {@code mqtt},
 *     {@code mqtts}, {@code tls}, {@code unknown} (it answered, but in no protocol known here), or
 *     {@link #UNREACHABLE} (nothing could be said to it: closed, filtered or reset)
 * @param banner the first line the service volunteered or answered (printable characters, {@link #UNPRINTABLE} for any
 *     other byte, secrets redacted)
 * @param tls whether the service speaks TLS
 */
public record ServiceGuess(int port, String service, String banner, boolean tls) {

    /** The service of a port that could not be spoken to; the banner then says why. */
    public static final String UNREACHABLE = "unreachable";

    /**
     * What stands for a byte that is no printable ASCII in a banner: the Unicode replacement character, so that the
     * real dots of a version ({@code 1.4.69}) are not taken for noise.
     */
    public static final char UNPRINTABLE = '\uFFFD';

    /** Whether anything listened on the port. */
    public boolean reachable() {
        return !service.equals(UNREACHABLE);
    }

    /**
     * Whether the port said something a case can judge it by: a protocol the identifier recognised, or a banner
     * of readable text. A port that stayed silent, sent a few bytes only, or sent noise ({@link #UNPRINTABLE} stands
     * for each unprintable byte) decides nothing: a case that needs to know what it is must stay undecided.
     */
    public boolean understood() {
        if (!reachable()) {
            return false;
        }
        if (!service.equals("unknown")) {
            return true;
        }
        long unprintable = banner.chars().filter(c -> c == UNPRINTABLE).count();
        return !banner.equals("(silent)") && banner.length() >= 4 && unprintable * 3 < banner.length();
    }
}
