package org.certbench.engine.descriptor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.certbench.api.Verdict;
import org.certbench.engine.execution.Campaign;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;
import org.junit.platform.engine.TestDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * Rolls a container's children's recorded verdicts up to the container's verdict and writes the
 * roll-up row. A child with no recorded verdict (its lane broke before it ran) counts as INCONCLUSIVE.
 * Containers never fail in JUnit for a rolled-up verdict: that would count one failure twice.
 */
final class RollUps {

    private RollUps() {
    }

    static Verdict record(Campaign campaign, TestDescriptor container, String level, String device,
            @Nullable String standard, @Nullable String provision, List<String> extraFailures) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        List<String> failed = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (TestDescriptor child : container.getChildren()) {
            Verdict verdict = campaign.verdict(child.getUniqueId()).orElse(Verdict.INCONCLUSIVE);
            counts.merge(verdict, 1, Integer::sum);
            String name = child.getUniqueId().getLastSegment().getValue();
            if (verdict == Verdict.FAIL) {
                failed.add(name);
            } else if (verdict == Verdict.INCONCLUSIVE || verdict == Verdict.ERROR) {
                undecided.add(name + " " + verdict);
            }
        }
        Verdict verdict = extraFailures.isEmpty() ? Verdict.rollUp(listOf(counts)) : Verdict.FAIL;
        String reason = reason(verdict, extraFailures, failed, undecided,
                container.getChildren().isEmpty() ? "nothing selected" : "no case applies");
        campaign.record(container.getUniqueId(), verdict, reason);
        campaign.decide(new LedgerRow.RollUp(Ledger.now(), container.getUniqueId().toString(), level, device,
                standard, provision, verdict, reason, counts));
        return verdict;
    }

    /**
     * The reason a roll-up gives for its verdict: what failed (after any failures of its own, such as an
     * invalid ICS), what stayed undecided, or why nothing applied; none for PASS.
     */
    static @Nullable String reason(Verdict verdict, List<String> ownFailures, List<String> failed, List<String> undecided,
            String notApplicable) {
        return switch (verdict) {
            case FAIL -> String.join("; ", join(ownFailures, failed.isEmpty() ? List.of() : List.of("failed: " + String.join(", ", failed))));
            case INCONCLUSIVE, ERROR -> "undecided: " + String.join(", ", undecided);
            case NOT_APPLICABLE -> notApplicable;
            case PASS -> null;
        };
    }

    private static List<Verdict> listOf(Map<Verdict, Integer> counts) {
        List<Verdict> verdicts = new ArrayList<>();
        counts.forEach((verdict, n) -> {
            for (int i = 0; i < n; i++) {
                verdicts.add(verdict);
            }
        });
        return verdicts;
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
