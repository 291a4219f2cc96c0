package org.certbench.probes.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials an HTTP request carries: none, or a user and password answered as the server's 401
 * challenge asks (Basic, or Digest per RFC 7616 with MD5, SHA-256 and their -sess forms). The password
 * never shows in {@link #toString()}.
 *
 * <pre>{@code
 * HttpAuth.NONE
 * HttpAuth.of("owner", secret.reveal())
 * }</pre>
 *
 * @param username user name, or null for no credentials
 * @param password password, or null for no credentials
 */
public record HttpAuth(String username, String password) {

    /** No credentials. */
    public static final HttpAuth NONE = new HttpAuth("", "");

    public HttpAuth {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public static HttpAuth of(String username, String password) {
        return new HttpAuth(username, password);
    }

    public boolean none() {
        return username.isEmpty() && password.isEmpty();
    }

    /** The Authorization header answering a WWW-Authenticate challenge for a request. */
    public String answer(String challenge, String method, String uri) {
        if (challenge.regionMatches(true, 0, "Digest", 0, 6)) {
            return digest(method, uri, parameters(challenge.substring(6)));
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The parameters of a challenge. */
    static Map<String, String> parameters(String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(\"([^\"]*)\"|[^,\\s]+)").matcher(challenge);
        while (m.find()) {
            parameters.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return parameters;
    }

    private String digest(String method, String uri, Map<String, String> challenge) {
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        String hash = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.getOrDefault("nonce", "");
        String qop = challenge.containsKey("qop") ? "auth" : null;
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String cnonce = HexFormat.of().formatHex(random);
        String nc = "00000001";
        String ha1 = h(hash, username + ":" + realm + ":" + password);
        if (algorithm.toLowerCase(Locale.ROOT).endsWith("-sess")) {
            ha1 = h(hash, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = h(hash, method + ":" + uri);
        String response = qop == null ? h(hash, ha1 + ":" + nonce + ":" + ha2)
                : h(hash, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", algorithm=" + algorithm + ", response=\"" + response + "\"");
        if (qop != null) {
            header.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.containsKey("opaque")) {
            header.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return header.toString();
    }

    private static String h(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return none() ? "no credentials" : "user '" + username + "', password ***";
    }
}
