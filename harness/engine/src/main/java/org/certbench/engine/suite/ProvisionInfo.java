package org.certbench.engine.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.certbench.api.Condition;
import org.certbench.api.Feature;
import org.certbench.api.Level;

/**
 * A provision of a standard as its catalogue (or a case's {@code @Provision}) describes it.
 *
 * <pre>{@code
 * ProvisionInfo p = suite.provision("5.6-1").orElseThrow();
 * p.conditional() // true: F(p)
 * }</pre>
 *
 * @param id provision id
 * @param level mandatory or recommended
 * @param title short title
 * @param conditions conditions of the standard that make it conditional
 * @param features features it applies to
 * @param ixit numbers of the TS 103 701 IXIT categories it needs
 * @param check how it can be checked: F, P, W or D (STANDARDS.md)
 * @param fields IXIT entries the conceptual case needs, as {@code category/key} paths, each with the kind of value
 *     it must hold
 * @param question what the assessor judges in the conceptual case; empty for the catalogue's default
 */
public record ProvisionInfo(String id, Level level, String title, Set<Condition> conditions, Set<Feature> features,
        List<Integer> ixit, String check, Map<String, FieldKind> fields, String question) {

    /** What an IXIT entry named by the catalogue must hold. */
    public enum FieldKind {
        /** Any non-blank value (text, list or map). */
        TEXT,
        /** An absolute http or https address (a published document). */
        URL
    }

    public ProvisionInfo {
        conditions = Set.copyOf(conditions);
        features = Set.copyOf(features);
        ixit = List.copyOf(ixit);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A provision with no conceptual details beyond its IXIT categories. */
    public ProvisionInfo(String id, Level level, String title, Set<Condition> conditions, Set<Feature> features,
            List<Integer> ixit, String check) {
        this(id, level, title, conditions, features, ixit, check, Map.of(), "");
    }

    /** Conditional (C) or feature-bound (F): only such provisions may be claimed N/A in an ICS. */
    public boolean conditional() {
        return !conditions.isEmpty() || !features.isEmpty();
    }

    /** The status as the standard's tables write it, e.g. {@code M C F(14,e)}. */
    public String status() {
        StringBuilder status = new StringBuilder(level.letter());
        if (!conditions.isEmpty()) {
            status.append(" C");
        }
        if (!features.isEmpty() || !conditions.isEmpty()) {
            List<String> parts = new java.util.ArrayList<>();
            conditions.stream().filter(c -> c != Condition.STATED).map(c -> String.valueOf(c.number())).sorted().forEach(parts::add);
            features.stream().map(Feature::letter).sorted().forEach(parts::add);
            if (!parts.isEmpty()) {
                status.append(features.isEmpty() ? "(" : " F(").append(String.join(",", parts)).append(')');
            }
        }
        return status.toString();
    }
}
