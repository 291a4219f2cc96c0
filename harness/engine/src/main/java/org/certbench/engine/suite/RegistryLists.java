package org.certbench.engine.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the registry lists jars carry under {@code META-INF/certbench/} (one entry per line, {@code #}
 * comments), for {@link SuiteRegistry} and {@link SchemeRegistry}.
 *
 * <pre>{@code
 * Map<URL, List<String>> lists = RegistryLists.read(loader, "META-INF/certbench/suites");
 * }</pre>
 */
final class RegistryLists {

    private RegistryLists() {
    }

    /** The class loader registries read through: the thread's, else certbench's own. */
    static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader == null ? RegistryLists.class.getClassLoader() : loader;
    }

    /** Every copy of {@code resource} on the class path with its entries, in class-path order. */
    static Map<URL, List<String>> read(ClassLoader loader, String resource) {
        Map<URL, List<String>> lists = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = loader.getResources(resource);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                List<String> entries = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        String entry = line.replaceAll("#.*", "").strip();
                        if (!entry.isEmpty()) {
                            entries.add(entry);
                        }
                    }
                }
                lists.put(url, entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lists;
    }
}
