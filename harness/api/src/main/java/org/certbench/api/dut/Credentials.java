package org.certbench.api.dut;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device's credentials by name. Holding them reveals nothing: each {@link Secret} is read only
 * when a case needs it.
 *
 * <pre>{@code
 * dut.credentials().get("owner").map(Credential::username) // Optional[owner]
 * }</pre>
 */
public final class Credentials {

    /** No credentials. */
    public static final Credentials NONE = new Credentials(Map.of());

    private final Map<String, Credential> byName;

    public Credentials(Map<String, Credential> byName) {
        this.byName = Map.copyOf(new LinkedHashMap<>(byName));
    }

    public Optional<Credential> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
