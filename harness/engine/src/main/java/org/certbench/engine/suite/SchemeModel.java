package org.certbench.engine.suite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A scheme mapped onto the cases of certbench's suites (the five minimum security standards, the IoT
 * Security Policy Platform baseline, NISTIR 8259A, UK PSTI): each requirement is the set of cases whose
 * verdicts it rolls up, so one run of the suites yields every scheme's verdicts and no case runs twice.
 * Read from a YAML resource that a suite jar lists in {@code META-INF/certbench/schemes}:
 *
 * <pre>{@code
 * scheme: uk-psti
 * version: SI 2023/1007
 * title: UK PSTI security requirements
 * basis: EN 303 645 V2.1.1 provisions deemed to meet each requirement
 * requirements:
 *   - { id: "1", title: Passwords, covers: [etsi-en-303-645 5.1-1, etsi-en-303-645 5.1-2] }
 * }</pre>
 *
 * A {@code covers} entry names a standard and either a provision (all its cases) or one case.
 */
public final class SchemeModel {

    /** One requirement of the scheme and what covers it. */
    public record Requirement(String id, String title, List<Ref> covers) {
        public Requirement {
            covers = List.copyOf(covers);
        }
    }

    /** A standard's provision or case. */
    public record Ref(String standard, String id) {
        @Override
        public String toString() {
            return standard + " " + id;
        }
    }

    private final String id;
    private final String version;
    private final String title;
    private final String basis;
    private final List<Requirement> requirements;

    private SchemeModel(String id, String version, String title, String basis, List<Requirement> requirements) {
        this.id = id;
        this.version = version;
        this.title = title;
        this.basis = basis;
        this.requirements = List.copyOf(requirements);
    }

    /**
     * Reads a scheme definition.
     *
     * @throws IllegalArgumentException naming the resource when it is malformed
     */
    public static SchemeModel read(URL resource) {
        try (InputStream in = resource.openStream()) {
            Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            List<Requirement> requirements = new ArrayList<>();
            for (Object item : (List<?>) root.get("requirements")) {
                Map<?, ?> row = (Map<?, ?>) item;
                List<Ref> covers = new ArrayList<>();
                for (Object ref : (List<?>) row.get("covers")) {
                    String[] parts = String.valueOf(ref).strip().split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("'" + ref + "' is not 'standard provision-or-case'");
                    }
                    covers.add(new Ref(parts[0], parts[1]));
                }
                requirements.add(new Requirement(text(row, "id"), text(row, "title"), covers));
            }
            return new SchemeModel(text(root, "scheme"), text(root, "version"), text(root, "title"), text(root, "basis"), requirements);
        } catch (IOException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IllegalArgumentException("scheme " + resource + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return String.valueOf(value);
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    /** What the mapping rests on, in words (for the report). */
    public String basis() {
        return basis;
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    /** The standards the scheme's requirements draw cases from. */
    public List<String> standards() {
        return requirements.stream().flatMap(r -> r.covers().stream()).map(Ref::standard).distinct().toList();
    }

    /** Whether the scheme draws on a case of {@code standard}, given the case and its provision. */
    public boolean covers(String standard, CaseModel model) {
        return requirements.stream().anyMatch(r -> r.covers().stream().anyMatch(ref -> matches(ref, standard, model)));
    }

    /** Whether a reference names the case or its provision. */
    public static boolean matches(Ref ref, String standard, CaseModel model) {
        return ref.standard().equals(standard) && (ref.id().equals(model.provision().id()) || ref.id().equals(model.id()));
    }
}
