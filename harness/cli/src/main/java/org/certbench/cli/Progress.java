package org.certbench.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.certbench.engine.descriptor.Segments;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Live progress of a campaign: on a terminal, one line per device redrawn in place (cases done of
 * total, the case running now); otherwise one plain line per finished case, fit for CI logs. The
 * verdict shown is the one the engine put in the JUnit result's message; the summary reads the ledger.
 */
final class Progress implements TestExecutionListener {

    private final PrintWriter out;
    private final boolean terminal;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private boolean drawn;

    private static final class Lane {
        int total;
        int done;
        int failed;
        String now = "waiting";
    }

    Progress(PrintWriter out, TestPlan plan, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        for (TestIdentifier root : plan.getRoots()) {
            plan.getDescendants(root).stream().filter(Progress::isCase)
                    .forEach(c -> lanes.computeIfAbsent(device(c), d -> new Lane()).total++);
        }
    }

    private static boolean isCase(TestIdentifier identifier) {
        return identifier.getUniqueIdObject().getLastSegment().getType().equals(Segments.CASE);
    }

    private static String device(TestIdentifier identifier) {
        return Segments.value(identifier.getUniqueIdObject(), Segments.DEVICE);
    }

    private static String caseId(TestIdentifier identifier) {
        return identifier.getUniqueIdObject().getLastSegment().getValue();
    }

    @Override
    public synchronized void executionStarted(TestIdentifier identifier) {
        if (isCase(identifier)) {
            lanes.get(device(identifier)).now = "running " + caseId(identifier);
            redraw();
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
        if (isCase(identifier)) {
            finished(identifier, "NOT_APPLICABLE", reason.replaceFirst("^NOT_APPLICABLE: ", ""));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!isCase(identifier)) {
            return;
        }
        String message = result.getThrowable().map(Throwable::getMessage).orElse("");
        String verdict = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "PASS"
                : message.matches("^[A-Z_]+: .*") ? message.substring(0, message.indexOf(':')) : result.getStatus().name();
        finished(identifier, verdict, message.replaceFirst("^[A-Z_]+: ", ""));
    }

    private void finished(TestIdentifier identifier, String verdict, String reason) {
        Lane lane = lanes.get(device(identifier));
        lane.done++;
        if (verdict.equals("FAIL") || verdict.equals("ERROR")) {
            lane.failed++;
        }
        lane.now = lane.done == lane.total ? "done" : "waiting";
        if (terminal) {
            redraw();
        } else {
            out.printf(Locale.ROOT, "[%s %d/%d] %-10s %-14s %s%n", device(identifier), lane.done, lane.total,
                    caseId(identifier), verdict, verdict.equals("PASS") ? "" : reason);
        }
    }

    private void redraw() {
        if (!terminal) {
            return;
        }
        if (drawn) {
            out.print("\033[" + lanes.size() + "A");
        }
        for (Map.Entry<String, Lane> entry : lanes.entrySet()) {
            Lane lane = entry.getValue();
            int width = 20;
            int filled = lane.total == 0 ? width : lane.done * width / lane.total;
            out.printf(Locale.ROOT, "\r\033[K%-24s [%s%s] %d/%d%s  %s%n", entry.getKey(), "#".repeat(filled),
                    ".".repeat(width - filled), lane.done, lane.total, lane.failed > 0 ? " (" + lane.failed + " failing)" : "",
                    lane.now);
        }
        out.flush();
        drawn = true;
    }
}
