package org.certbench.probes.login;

import java.util.Objects;

/**
 * A user name and password to try. {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * UserPass.of("admin", "admin")
 * }</pre>
 *
 * @param username user name (may be empty)
 * @param password password (may be empty)
 */
public record UserPass(String username, String password) {

    public UserPass {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public static UserPass of(String username, String password) {
        return new UserPass(username, password);
    }

    /** As findings and transcripts show it: factory defaults are public, so the password shows; else ***. */
    public String describe(boolean showPassword) {
        return username + "/" + (showPassword ? (password.isEmpty() ? "(empty)" : password) : "***");
    }

    @Override
    public String toString() {
        return describe(false);
    }
}
