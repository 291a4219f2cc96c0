package org.certbench.api.dut;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The implementation conformance statement: per standard id, per provision id, an {@link IcsEntry}.
 *
 * <pre>{@code
 * dut.ics().entry("etsi-en-303-645", "5.3-14").map(IcsEntry::support) // Optional[NOT_APPLICABLE]
 * }</pre>
 */
public final class Ics {

    /** An ICS that claims nothing. */
    public static final Ics EMPTY = new Ics(Map.of());

    private final Map<String, Map<String, IcsEntry>> byStandard;

    public Ics(Map<String, Map<String, IcsEntry>> byStandard) {
        Map<String, Map<String, IcsEntry>> copy = new LinkedHashMap<>();
        byStandard.forEach((standard, rows) -> copy.put(standard, Map.copyOf(rows)));
        this.byStandard = Map.copyOf(copy);
    }

    /** The row for one provision of one standard. */
    public Optional<IcsEntry> entry(String standardId, String provisionId) {
        return Optional.ofNullable(byStandard.getOrDefault(standardId, Map.of()).get(provisionId));
    }

    /** All rows of one standard, by provision id. */
    public Map<String, IcsEntry> standard(String standardId) {
        return byStandard.getOrDefault(standardId, Map.of());
    }

    /** The standards the ICS has rows for. */
    public java.util.Set<String> standardIds() {
        return byStandard.keySet();
    }

    /** Whether the ICS has any row for the standard. */
    public boolean covers(String standardId) {
        return byStandard.containsKey(standardId);
    }
}
