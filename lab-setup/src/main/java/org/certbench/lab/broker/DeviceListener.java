package org.certbench.lab.broker;

import java.util.Objects;

/**
 * An extra listener of the lab broker that stands for a virtual device's own MQTT service, with
 * that device's access policy: one user name and password, and, if the device allows it, clients
 * that send no credentials at all (wrong credentials are refused either way). Used by the in-JVM
 * virtual bench, which cannot run a second broker in the same JVM.
 *
 * <pre>{@code
 * new DeviceListener("flawed-mqtt", "127.0.10.2", 1883, false, true, "owner", password, false);   // plain, anonymous too
 * }</pre>
 *
 * @param name the listener's name, as sessions record it
 * @param bindAddress the device's address
 * @param port the device's MQTT port
 * @param tls whether it speaks TLS (with the lab CA's broker certificate)
 * @param anonymous whether a client that sends no credentials is let in
 * @param username the one user allowed
 * @param password that user's password
 * @param lockout whether five failed logins in a row lock the account ({@link LoginLockout})
 */
public record DeviceListener(String name, String bindAddress, int port, boolean tls, boolean anonymous, String username, String password,
        boolean lockout) {

    public DeviceListener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DeviceListener[" + name + " " + bindAddress + ":" + port + (tls ? " tls" : "") + (anonymous ? " anonymous too" : "") + " user " + username + "]";
    }
}
