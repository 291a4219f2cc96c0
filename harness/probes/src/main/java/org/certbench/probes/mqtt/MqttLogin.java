package org.certbench.probes.mqtt;

import org.jspecify.annotations.Nullable;

/**
 * The credentials a CONNECT carries: none, a user name, or a user name and password. The password is
 * never written to a transcript.
 *
 * <pre>{@code
 * MqttLogin.ANONYMOUS
 * MqttLogin.of("owner", dut.credentials().get("mqtt").orElseThrow().password().reveal())
 * }</pre>
 *
 * @param username user name, or null
 * @param password password, or null
 */
public record MqttLogin(@Nullable String username, @Nullable String password) {

    /** No credentials at all. */
    public static final MqttLogin ANONYMOUS = new MqttLogin(null, null);

    public static MqttLogin of(String username, @Nullable String password) {
        return new MqttLogin(username, password);
    }

    /** How the login shows in a transcript: never the password. */
    public String describe() {
        if (username == null && password == null) {
            return "no credentials";
        }
        return "user '" + username + "'" + (password == null ? ", no password" : ", password ***");
    }

    @Override
    public String toString() {
        return describe();
    }
}
