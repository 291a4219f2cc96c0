package org.certbench.api.dut;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named credential of the device: a user name and a {@link Secret}.
 *
 * <pre>{@code
 * Credential owner = dut.credentials().get("owner").orElseThrow();
 * login(owner.username(), owner.password().reveal());
 * }</pre>
 *
 * @param name the credential's name in the profile ({@code owner}, {@code mqtt})
 * @param username user name, when the mechanism has one
 * @param password the secret, by reference
 */
public record Credential(String name, @Nullable String username, Secret password) {
    public Credential {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
    }
}
