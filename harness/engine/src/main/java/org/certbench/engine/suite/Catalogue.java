package org.certbench.engine.suite;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certbench.api.Condition;
import org.certbench.api.Feature;
import org.certbench.api.Level;
import org.certbench.api.dut.Ixit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every provision of a standard, in the standard's order, read from the YAML resource a suite's
 * {@code @Standard(catalogue = …)} names:
 *
 * <pre>{@code
 * provisions:
 *   - { id: 5.6-1, status: M F(p), title: Unused interfaces disabled, ixit: [15], check: F }
 *   - id: 5.2-1
 *     status: M
 *     title: Public vulnerability disclosure policy
 *     ixit: [2]
 *     check: W
 *     fields: { 2-UserInfo/vulnerability-disclosure: url }   # what the conceptual case needs
 *     question: Does the policy give a contact point and timelines for acknowledgement and status updates?
 * }</pre>
 *
 * The status is written as in the standard's tables: {@code M}, {@code R}, {@code M C(15)},
 * {@code M C F(14,e)}, {@code R F(g)}.
 */
public final class Catalogue {

    private final Map<String, ProvisionInfo> provisions;
    private final Map<String, Map<String, ProvisionInfo>> editions;

    private Catalogue(Map<String, ProvisionInfo> provisions, Map<String, Map<String, ProvisionInfo>> editions) {
        this.provisions = provisions;
        this.editions = editions;
    }

    /**
     * A provision as another edition of the standard has it: {@code v2.1.1: "M C"} (its status there),
     * {@code v2.1.1: { id: 5.3-4, status: "R C" }} (its id there too), {@code v2.1.1: none} (that edition
     * lacks it: recommended and conditional, so no ICS claim about it is wrong). Absent: the same status.
     */
    private static ProvisionInfo inEdition(ProvisionInfo info, String edition, Object node) {
        if (node == null) {
            return info;
        }
        String status;
        String title = info.title();
        if (node instanceof Map<?, ?> map) {
            status = String.valueOf(map.get("status"));
            if (map.containsKey("id")) {
                title = title + " (V" + edition + ": " + map.get("id") + ")";
            }
        } else if (String.valueOf(node).equals("none")) {
            status = "R C";
            title = title + " (not in V" + edition + ")";
        } else {
            status = String.valueOf(node);
        }
        // The edition decides level and conditionality; the features stay those this catalogue names, so applicability holds.
        ProvisionInfo there = parse(info.id(), status, title, info.ixit(), info.check());
        Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        conditions.addAll(info.conditions());
        conditions.addAll(there.conditions());
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        features.addAll(info.features());
        features.addAll(there.features());
        return new ProvisionInfo(info.id(), there.level(), title, conditions, features, info.ixit(), info.check(), info.fields(),
                info.question());
    }

    /**
     * The provisions with the statuses of another edition the catalogue lists under {@code editions},
     * e.g. {@code 2.1.1}; empty if it lists none such.
     */
    public Optional<Map<String, ProvisionInfo>> edition(String edition) {
        return Optional.ofNullable(editions.get(edition));
    }

    /** Reads a catalogue resource relative to the suite class. */
    public static Catalogue read(Class<?> suite, String resource) {
        try (InputStream in = suite.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("catalogue " + resource + " not found next to " + suite.getName());
            }
            Object document = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            Map<String, ProvisionInfo> provisions = new LinkedHashMap<>();
            Map<String, Map<String, ProvisionInfo>> editions = new LinkedHashMap<>();
            Object listed = ((Map<?, ?>) document).get("editions");
            List<String> otherEditions = listed instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
            for (Object item : (List<?>) ((Map<?, ?>) document).get("provisions")) {
                Map<?, ?> row = (Map<?, ?>) item;
                ProvisionInfo info = parse(String.valueOf(row.get("id")), String.valueOf(row.get("status")),
                        String.valueOf(row.get("title")), row.get("ixit"), String.valueOf(row.get("check")));
                info = new ProvisionInfo(info.id(), info.level(), info.title(), info.conditions(), info.features(), info.ixit(),
                        info.check(), fields(info, row.get("fields")), row.containsKey("question") ? String.valueOf(row.get("question")) : "");
                if (provisions.put(info.id(), info) != null) {
                    throw new IllegalArgumentException("provision " + info.id() + " is listed twice");
                }
                for (String edition : otherEditions) {
                    editions.computeIfAbsent(edition, e -> new LinkedHashMap<>()).put(info.id(), inEdition(info, edition, row.get("v" + edition)));
                }
            }
            return new Catalogue(provisions, editions);
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("catalogue " + resource + " of " + suite.getName() + " is malformed: " + e, e);
        }
    }

    private static Map<String, ProvisionInfo.FieldKind> fields(ProvisionInfo info, Object node) {
        Map<String, ProvisionInfo.FieldKind> fields = new LinkedHashMap<>();
        if (node == null) {
            return fields;
        }
        for (Map.Entry<?, ?> field : ((Map<?, ?>) node).entrySet()) {
            String path = String.valueOf(field.getKey());
            String category = path.split("/", 2)[0];
            if (info.ixit().stream().map(Ixit::category).noneMatch(category::equals)) {
                throw new IllegalArgumentException("provision " + info.id() + ": field " + path + " is not in its IXIT categories "
                        + info.ixit());
            }
            String kind = String.valueOf(field.getValue());
            try {
                fields.put(path, ProvisionInfo.FieldKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("provision " + info.id() + ": field " + path + " has kind '" + kind
                        + "'; expected text or url", e);
            }
        }
        return fields;
    }

    static ProvisionInfo parse(String id, String status, String title, Object ixit, String check) {
        String s = status.strip();
        Level level = switch (s.charAt(0)) {
            case 'M' -> Level.MANDATORY;
            case 'R' -> Level.RECOMMENDED;
            default -> throw new IllegalArgumentException("provision " + id + ": status '" + status + "' is not M or R");
        };
        Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        int open = s.indexOf('(');
        if (open > 0) {
            for (String part : s.substring(open + 1, s.indexOf(')')).split(",")) {
                String p = part.strip();
                if (p.chars().allMatch(Character::isDigit)) {
                    conditions.add(Condition.ofNumber(Integer.parseInt(p)));
                } else {
                    features.add(Feature.fromKey(p).orElseThrow(
                            () -> new IllegalArgumentException("provision " + id + ": unknown feature '" + p + "'")));
                }
            }
        }
        if (conditions.isEmpty() && Arrays.asList(s.split("\\s+")).contains("C")) {
            conditions.add(Condition.STATED);
        }
        List<Integer> ixitNumbers = new ArrayList<>();
        if (ixit instanceof List<?> list) {
            list.forEach(n -> ixitNumbers.add(((Number) n).intValue()));
        }
        return new ProvisionInfo(id, level, title, conditions, features, ixitNumbers, check);
    }

    /** Provisions in the standard's order. */
    public Map<String, ProvisionInfo> provisions() {
        return provisions;
    }
}
