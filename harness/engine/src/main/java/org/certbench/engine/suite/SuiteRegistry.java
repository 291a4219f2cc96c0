package org.certbench.engine.suite;

import java.util.ArrayList;
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
        ClassLoader loader = RegistryLists.loader();
        Set<Class<?>> suites = new LinkedHashSet<>();
        RegistryLists.read(loader, RESOURCE).forEach((url, names) -> {
            for (String name : names) {
                Class<?> suite;
                try {
                    suite = Class.forName(name, false, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(url + " lists a class that is not on the class path: " + e.getMessage(), e);
                }
                if (!suite.isAnnotationPresent(Standard.class)) {
                    throw new IllegalStateException(url + " lists " + name + ", which has no @Standard");
                }
                suites.add(suite);
            }
        });
        return new ArrayList<>(suites);
    }
}
