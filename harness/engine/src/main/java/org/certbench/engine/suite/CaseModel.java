package org.certbench.engine.suite;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.certbench.api.Assessment;
import org.certbench.api.Requirement;

/**
 * One test case of a suite, as its annotations declare it.
 *
 * <pre>{@code
 * CaseModel c = suite.cases().get(0);
 * c.id();        // 5.6-1-2
 * c.provision(); // 5.6-1 with its level and features
 * }</pre>
 *
 * @param method the suite method
 * @param id case id
 * @param assessment conceptual or functional
 * @param title purpose of the case
 * @param requires what the profile must declare
 * @param timeout own deadline, when the case sets one
 * @param provision the provision it belongs to
 * @param runsLast whether it runs after every other case of its device ({@link org.certbench.api.TestCase#runsLast()})
 */
public record CaseModel(Method method, String id, Assessment assessment, String title, Set<Requirement> requires,
        Optional<Duration> timeout, ProvisionInfo provision, boolean runsLast) {

    public CaseModel {
        requires = Set.copyOf(requires);
    }
}
