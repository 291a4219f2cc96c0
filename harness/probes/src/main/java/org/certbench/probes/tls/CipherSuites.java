package org.certbench.probes.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every cipher suite certbench knows by name ({@code cipher-suites.txt}: the OpenSSL 3 list plus the
 * legacy suites it dropped). A code not in the table is still reported, as {@code UNKNOWN_0xABCD}.
 *
 * <pre>{@code
 * CipherSuite suite = CipherSuites.byCode(0xC030);
 * }</pre>
 */
public final class CipherSuites {

    private static final Map<Integer, CipherSuite> BY_CODE = load();

    private CipherSuites() {
    }

    /** The suite with the given code, named {@code UNKNOWN_0x…} when the table lacks it. */
    public static CipherSuite byCode(int code) {
        CipherSuite suite = BY_CODE.get(code);
        if (suite != null) {
            return suite;
        }
        String name = String.format(Locale.ROOT, "UNKNOWN_0x%04X", code);
        return new CipherSuite(code, name, name, "?", "?", "?", "?");
    }

    /** Every known suite, by code. */
    public static List<CipherSuite> all() {
        return List.copyOf(BY_CODE.values());
    }

    /** Suites for TLS 1.2 and earlier. */
    public static List<CipherSuite> upToTls12() {
        return BY_CODE.values().stream().filter(s -> !s.tls13()).toList();
    }

    /**
     * The codes a scan offers for TLS 1.2 and earlier: every named suite plus every other code of the
     * classic ranges (0x00xx, 0xC0xx, 0xCCA8-0xCCAE, 0xD001-0xD005), without the signalling values.
     */
    public static List<Integer> offeredUpToTls12() {
        java.util.Set<Integer> codes = new java.util.TreeSet<>();
        upToTls12().forEach(s -> codes.add(s.code()));
        for (int code = 0x0000; code <= 0x00FF; code++) {
            codes.add(code);
        }
        for (int code = 0xC000; code <= 0xC0FF; code++) {
            codes.add(code);
        }
        for (int code = 0xCCA8; code <= 0xCCAE; code++) {
            codes.add(code);
        }
        for (int code = 0xD001; code <= 0xD005; code++) {
            codes.add(code);
        }
        codes.remove(0x00FF); // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
        codes.remove(0x5600); // TLS_FALLBACK_SCSV
        return List.copyOf(codes);
    }

    /**
     * Every accepted suite that has a weakness, as {@code "LABEL NAME [WEAKNESSES]"}, for the versions of a TLS or DTLS
     * scan.
     */
    static <V> List<String> weak(Map<V, List<CipherSuite>> suites, java.util.function.Function<V, String> label) {
        List<String> weak = new java.util.ArrayList<>();
        suites.forEach((version, list) -> list.stream().filter(s -> !s.weaknesses().isEmpty())
                .forEach(s -> weak.add(label.apply(version) + " " + s.ianaName() + " " + s.weaknesses())));
        return weak;
    }

    /** TLS 1.3 suites. */
    public static List<CipherSuite> tls13() {
        return BY_CODE.values().stream().filter(CipherSuite::tls13).toList();
    }

    private static Map<Integer, CipherSuite> load() {
        Map<Integer, CipherSuite> suites = new LinkedHashMap<>();
        try (InputStream in = CipherSuites.class.getResourceAsStream("cipher-suites.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                int code = Integer.parseInt(f[0].substring(2), 16);
                suites.put(code, new CipherSuite(code, f[1], f[2], f[4], f[5], f[6], f[7]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> codes = new ArrayList<>(suites.keySet());
        Collections.sort(codes);
        Map<Integer, CipherSuite> sorted = new LinkedHashMap<>();
        codes.forEach(c -> sorted.put(c, suites.get(c)));
        return Collections.unmodifiableMap(sorted);
    }
}
