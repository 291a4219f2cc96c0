package org.certbench.api.dut;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The implementation extra information for testing, keyed by the TS 103 701 IXIT names
 * ({@code 1-AuthMech}, {@code 15-Intf} …). Values are what the profile holds: strings, numbers,
 * booleans, lists and maps, all unmodifiable.
 *
 * <pre>{@code
 * Optional<Object> rule = dut.ixit().get("1-AuthMech", "passwords"); // Optional[user-set-at-setup]
 * }</pre>
 */
public final class Ixit {

    /** No IXIT at all. */
    public static final Ixit EMPTY = new Ixit(Map.of());

    private final Map<String, Object> entries;

    public Ixit(Map<String, Object> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Whether the IXIT has the category, for example {@code 2-UserInfo}. */
    public boolean has(String category) {
        return entries.containsKey(category);
    }

    /** The value at {@code category/path…}, if present. */
    public Optional<Object> get(String category, String... path) {
        Object node = entries.get(category);
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(key);
        }
        return Optional.ofNullable(node);
    }

    /** The value at {@code category/path…} as text, if it is a scalar. */
    public Optional<String> text(String category, String... path) {
        return get(category, path).filter(v -> !(v instanceof Map) && !(v instanceof List)).map(String::valueOf);
    }

    /** Every category and its content. */
    public Map<String, Object> asMap() {
        return entries;
    }
}
