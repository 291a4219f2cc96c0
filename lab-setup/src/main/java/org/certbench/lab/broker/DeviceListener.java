package org.certbench.lab.broker;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An extra listener of the lab broker that stands for a virtual device's own MQTT service, with
 * that device's access policy: anonymous, or one user name and password. Used by the in-JVM
 * virtual bench, which cannot run a second broker in the same JVM.
 *
 * <pre>{@code
 * new DeviceListener("flawed-mqtt", "127.0.10.2", 1883, false, null, null);   // anonymous, plain
 * }</pre>
 *
 * @param name the listener's name, as sessions record it
 * @param bindAddress the device's address
 * @param port the device's MQTT port
 * @param tls whether it speaks TLS (with the lab CA's broker certificate)
 * @param username the one user allowed, {@code null} for anonymous access
 * @param password that user's password
 */
public record DeviceListener(String name, String bindAddress, int port, boolean tls, @Nullable String username, @Nullable String password) {

    public DeviceListener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
    }

    @Override
    public String toString() {
        return "DeviceListener[" + name + " " + bindAddress + ":" + port + (tls ? " tls" : "") + (username == null ? " anonymous" : " user " + username) + "]";
    }
}
