package org.certbench.suites.etsi;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The functional EN 303 645 cases of some provisions on one profile, through the engine; the ledger they wrote. */
final class FunctionalRun {

    private FunctionalRun() {
    }

    /**
     * @param more further configuration parameters, key then value
     */
    static List<LedgerRow> of(Path profile, String provisions, Path out, String... more) throws IOException {
        return of(List.of(profile), provisions, out, more);
    }

    /** One campaign over several units. */
    static List<LedgerRow> of(List<Path> profiles, String provisions, Path out, String... more) throws IOException {
        var request = EngineTestKit.engine("certbench").selectors(selectClass(En303645.class))
                .configurationParameter("certbench.devices", String.join(",", profiles.stream().map(Path::toString).toList()))
                .configurationParameter("certbench.provisions", provisions)
                .configurationParameter("certbench.assessments", "functional")
                .configurationParameter("certbench.out", out.toString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            request = request.configurationParameter(more[i], more[i + 1]);
        }
        request.execute();
        return LedgerReader.read(out.resolve(Ledger.FILE_NAME));
    }
}
