package org.certbench.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * A view of the run (Allure results, Open Test Reporting XML) that must never cost the run: the first
 * failure of the listener (a full disk) is said in one line and the listener is left out from then on,
 * instead of the launcher logging a stack trace for every case. The ledger, not the views, is the record.
 *
 * <pre>{@code
 * launcher.execute(plan, new GuardedListener("Allure results", allure, stderr));
 * }</pre>
 */
final class GuardedListener implements TestExecutionListener {

    private final String view;
    private final TestExecutionListener delegate;
    private final PrintWriter stderr;
    private volatile boolean broken;

    GuardedListener(String view, TestExecutionListener delegate, PrintWriter stderr) {
        this.view = view;
        this.delegate = delegate;
        this.stderr = stderr;
    }

    private void call(Consumer<TestExecutionListener> event) {
        if (broken) {
            return;
        }
        try {
            event.accept(delegate);
        } catch (RuntimeException e) {
            broken = true;
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            stderr.println("certbench: the " + view + " could not be written and are left out of this run: " + root.getMessage());
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        call(l -> l.testPlanExecutionStarted(plan));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (broken) {
            // still told, so that it closes what it holds open (a half-written file on a full disk)
            try {
                delegate.testPlanExecutionFinished(plan);
            } catch (RuntimeException e) {
                // already reported once
            }
            return;
        }
        call(l -> l.testPlanExecutionFinished(plan));
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier identifier) {
        call(l -> l.dynamicTestRegistered(identifier));
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        call(l -> l.executionSkipped(identifier, reason));
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        call(l -> l.executionStarted(identifier));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        call(l -> l.executionFinished(identifier, result));
    }

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        call(l -> l.reportingEntryPublished(identifier, entry));
    }

    @Override
    public void fileEntryPublished(TestIdentifier identifier, FileEntry file) {
        call(l -> l.fileEntryPublished(identifier, file));
    }
}
