package org.certbench.lab.broker;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An extra listener of the lab broker that stands for a virtual device's own MQTT service, with
 * that device's access policy: one user name and password, and, if the device allows it, clients
 * that send no credentials at all (wrong credentials are refused either way). Used by the in-JVM
 * virtual bench, which cannot run a second broker in the same JVM.
 *
 * <pre>{@code
 * new DeviceListener("flawed-mqtt", "127.0.10.2", 1883, null, true, "owner", password, false);   // plain, anonymous too
 * }</pre>
 *
 * @param name the listener's name, as sessions record it
 * @param bindAddress the device's address
 * @param port the device's MQTT port
 * @param tls the device's own certificate and key, if it speaks TLS: each unit's own, as a real device's (a key shared
 *     by every listener would make every in-JVM device break EN 303 645 5.4-4); {@code null} for plain MQTT
 * @param anonymous whether a client that sends no credentials is let in
 * @param username the one user allowed
 * @param password that user's password
 * @param lockout whether five failed logins in a row lock the account ({@link LoginLockout})
 */
public record DeviceListener(String name, String bindAddress, int port, @Nullable LabPki tls, boolean anonymous, String username,
        String password, boolean lockout) {

    public DeviceListener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DeviceListener[" + name + " " + bindAddress + ":" + port + (tls != null ? " tls" : "") + (anonymous ? " anonymous too" : "") + " user " + username + "]";
    }
}
