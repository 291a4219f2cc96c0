package org.certbench.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.certbench.api.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * {@code certbench diff}: which verdicts changed between two reports, per device, standard, provision and
 * case, for a manufacturer re-testing a firmware or a reviewer comparing submissions.
 *
 * <pre>{@code
 * List<ReportDiff.Change> changes = ReportDiff.compare(Report.read(old), Report.read(fresh));
 * }</pre>
 */
public final class ReportDiff {

    private ReportDiff() {
    }

    /**
     * One verdict that differs.
     *
     * @param item what changed: {@code device}, {@code device standard}, {@code device standard provision} or with the case
     * @param before the old verdict, null when the item is new
     * @param after the new verdict, null when the item is gone
     */
    public record Change(String item, @Nullable Verdict before, @Nullable Verdict after) {
        @Override
        public String toString() {
            return item + ": " + (before == null ? "(absent)" : before) + " -> " + (after == null ? "(absent)" : after);
        }
    }

    public static List<Change> compare(Report before, Report after) {
        Map<String, Verdict> old = verdicts(before);
        Map<String, Verdict> fresh = verdicts(after);
        Set<String> items = new LinkedHashSet<>(old.keySet());
        items.addAll(fresh.keySet());
        List<Change> changes = new ArrayList<>();
        for (String item : items) {
            Verdict was = old.get(item);
            Verdict is = fresh.get(item);
            if (was != is) {
                changes.add(new Change(item, was, is));
            }
        }
        return changes;
    }

    private static Map<String, Verdict> verdicts(Report report) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (Report.Device device : report.devices()) {
            verdicts.put(device.id(), device.overall());
            for (Report.Standard standard : device.standards()) {
                String s = device.id() + " " + standard.id();
                verdicts.put(s, standard.overall());
                for (Report.Provision provision : standard.provisions()) {
                    verdicts.put(s + " " + provision.id(), provision.verdict());
                    for (Report.Case testCase : provision.cases()) {
                        verdicts.put(s + " " + provision.id() + " " + testCase.id(), testCase.verdict());
                    }
                }
            }
        }
        return verdicts;
    }
}
