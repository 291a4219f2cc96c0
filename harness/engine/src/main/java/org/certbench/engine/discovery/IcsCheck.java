package org.certbench.engine.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.certbench.api.Dut;
import org.certbench.api.Level;
import org.certbench.api.dut.IcsEntry;
import org.certbench.api.dut.Support;
import org.certbench.engine.suite.ProvisionInfo;
import org.certbench.engine.suite.SuiteModel;

/**
 * The ICS validation of ETSI TS 103 701 (phase 4): no mandatory provision claimed not supported, and no
 * N/A on a provision that is neither conditional nor feature-bound. (A justification for every N and
 * N/A is required by the profile loader.) An invalid ICS makes the standard's overall verdict FAIL.
 *
 * <pre>{@code
 * List<String> problems = IcsCheck.problems(dut, suite); // ["5.1-1 is mandatory but claimed not supported"]
 * }</pre>
 */
public final class IcsCheck {

    private IcsCheck() {
    }

    public static List<String> problems(Dut dut, SuiteModel suite) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, IcsEntry> row : dut.ics().standard(suite.id()).entrySet()) {
            ProvisionInfo provision = suite.provisions().get(row.getKey());
            if (provision == null) {
                continue; // reported as bad input, with its line, by discovery
            }
            Support support = row.getValue().support();
            if (support == Support.NO && provision.level() == Level.MANDATORY) {
                problems.add(row.getKey() + " is mandatory (" + provision.status() + ") but claimed not supported");
            }
            if (support == Support.NOT_APPLICABLE && !provision.conditional()) {
                problems.add(row.getKey() + " is unconditional (" + provision.status() + ") and cannot be claimed n/a");
            }
        }
        return problems;
    }
}
