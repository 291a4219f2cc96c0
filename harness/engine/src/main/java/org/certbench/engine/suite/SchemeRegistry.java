package org.certbench.engine.suite;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The schemes on the class path: suite jars list their scheme definitions' resource paths in
 * {@code META-INF/certbench/schemes} (one per line, {@code #} comments), as they list suites in
 * {@link SuiteRegistry#RESOURCE}.
 *
 * <pre>{@code
 * for (SchemeModel scheme : SchemeRegistry.registered()) { ... }
 * }</pre>
 */
public final class SchemeRegistry {

    /** The resource every jar with schemes carries. */
    public static final String RESOURCE = "META-INF/certbench/schemes";

    private SchemeRegistry() {
    }

    /** Read once per class loader: discovery, the roll-ups of every device and the CLI ask again. */
    private static final Map<ClassLoader, List<SchemeModel>> CACHE = new WeakHashMap<>();

    /** Registered schemes, in class-path order, the first of each id. */
    public static List<SchemeModel> registered() {
        ClassLoader loader = RegistryLists.loader();
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(loader, SchemeRegistry::read);
        }
    }

    private static List<SchemeModel> read(ClassLoader loader) {
        Map<String, SchemeModel> schemes = new LinkedHashMap<>();
        RegistryLists.read(loader, RESOURCE).forEach((list, paths) -> {
            for (String path : paths) {
                URL resource = loader.getResource(path);
                if (resource == null) {
                    throw new IllegalStateException(list + " lists " + path + ", which is not on the class path");
                }
                SchemeModel scheme = SchemeModel.read(resource);
                schemes.putIfAbsent(scheme.id(), scheme);
            }
        });
        return List.copyOf(schemes.values());
    }
}
