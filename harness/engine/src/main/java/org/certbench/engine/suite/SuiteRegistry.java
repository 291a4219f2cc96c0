package org.certbench.engine.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.certbench.api.Standard;

/**
 * The suites on the class path that registered themselves by listing their class names in
 * {@code META-INF/certbench/suites} (one per line, {@code #} comments). The CLI selects them all; the
 * engine uses them to resolve a unique id that names a standard by its logical id.
 *
 * <pre>{@code
 * for (Class<?> suite : SuiteRegistry.registered()) { ... }
 * }</pre>
 */
public final class SuiteRegistry {

    /** The resource every suite jar carries. */
    public static final String RESOURCE = "META-INF/certbench/suites";

    private SuiteRegistry() {
    }

    /** Registered suite classes, in class-path order, without duplicates. */
    public static List<Class<?>> registered() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SuiteRegistry.class.getClassLoader();
        }
        Set<Class<?>> suites = new LinkedHashSet<>();
        try {
            Enumeration<URL> resources = loader.getResources(RESOURCE);
            while (resources.hasMoreElements()) {
                URL url = resources.nextElement();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        String name = line.replaceAll("#.*", "").strip();
                        if (name.isEmpty()) {
                            continue;
                        }
                        Class<?> suite = Class.forName(name, false, loader);
                        if (!suite.isAnnotationPresent(Standard.class)) {
                            throw new IllegalStateException(url + " lists " + name + ", which has no @Standard");
                        }
                        suites.add(suite);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(url + " lists a class that is not on the class path: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(suites);
    }
}
