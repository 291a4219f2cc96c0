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

    /** The 29 IXIT categories of ETSI TS 103 701 V1.1.1 Annex B, as profiles name them; index = number - 1. */
    private static final List<String> CATEGORIES = List.of("1-AuthMech", "2-UserInfo", "3-VulnTypes", "4-Conf",
            "5-VulnMon", "6-SoftComp", "7-UpdMech", "8-UpdProc", "9-ReplSup", "10-SecParam", "11-ComMech", "12-NetSecImpl",
            "13-SoftServ", "14-SecMgmt", "15-Intf", "16-CodeMin", "17-PrivlCtrl", "18-AccCtrl", "19-SecDev", "20-SecBoot",
            "21-PersData", "22-ExtSens", "23-ResMech", "24-TelData", "25-DelFunc", "26-UserDec", "27-UserIntf",
            "28-ExtAPI", "29-InpVal");

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

    /**
     * The profile's name of IXIT category {@code number} (TS 103 701 Table B.1): {@code category(15)} is
     * {@code "15-Intf"}.
     *
     * @throws IllegalArgumentException outside 1..29
     */
    public static String category(int number) {
        if (number < 1 || number > CATEGORIES.size()) {
            throw new IllegalArgumentException("TS 103 701 has IXIT categories 1 to " + CATEGORIES.size() + ", not " + number);
        }
        return CATEGORIES.get(number - 1);
    }

    /** Every category and its content. */
    public Map<String, Object> asMap() {
        return entries;
    }
}
