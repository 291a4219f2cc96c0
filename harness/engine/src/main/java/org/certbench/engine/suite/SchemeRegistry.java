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

    /** Registered schemes, in class-path order, the first of each id. */
    public static List<SchemeModel> registered() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SchemeRegistry.class.getClassLoader();
        }
        Map<String, SchemeModel> schemes = new LinkedHashMap<>();
        try {
            Enumeration<URL> lists = loader.getResources(RESOURCE);
            while (lists.hasMoreElements()) {
                URL list = lists.nextElement();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        String path = line.replaceAll("#.*", "").strip();
                        if (path.isEmpty()) {
                            continue;
                        }
                        URL resource = loader.getResource(path);
                        if (resource == null) {
                            throw new IllegalStateException(list + " lists " + path + ", which is not on the class path");
                        }
                        SchemeModel scheme = SchemeModel.read(resource);
                        schemes.putIfAbsent(scheme.id(), scheme);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(schemes.values());
    }
}
