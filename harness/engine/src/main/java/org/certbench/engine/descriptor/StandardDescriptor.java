package org.certbench.engine.descriptor;

import java.util.List;
import org.certbench.api.Dut;
import org.certbench.engine.execution.CertbenchExecutionContext;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.engine.suite.SuiteModel;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One standard's suite for one device. Its roll-up follows ETSI TS 103 701: PASS needs a valid ICS
 * and every provision that ran passing; an invalid ICS makes it FAIL whatever the cases found.
 */
public final class StandardDescriptor extends AbstractTestDescriptor implements Node<CertbenchExecutionContext> {

    private final SuiteModel suite;
    private final Dut dut;
    private final List<String> icsProblems;

    public StandardDescriptor(UniqueId uniqueId, SuiteModel suite, Dut dut, List<String> icsProblems) {
        super(uniqueId, suite.id() + " " + suite.version() + " — " + suite.title(), ClassSource.from(suite.suiteClass()));
        this.suite = suite;
        this.dut = dut;
        this.icsProblems = List.copyOf(icsProblems);
    }

    public SuiteModel suite() {
        return suite;
    }

    public Dut dut() {
        return dut;
    }

    /** What makes the device's ICS for this standard invalid; empty when it is valid. */
    public List<String> icsProblems() {
        return icsProblems;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public CertbenchExecutionContext before(CertbenchExecutionContext context) {
        context.campaign().decide(new LedgerRow.Ics(Ledger.now(), dut.id(), suite.id(), icsProblems.isEmpty(), icsProblems));
        return context;
    }

    @Override
    public void after(CertbenchExecutionContext context) {
        RollUps.record(context.campaign(), this, "standard", dut.id(), suite.id(), null,
                icsProblems.isEmpty() ? List.of() : List.of("ICS invalid: " + String.join("; ", icsProblems)));
    }
}
