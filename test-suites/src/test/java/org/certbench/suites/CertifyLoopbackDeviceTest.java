package org.certbench.suites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.probes.testing.NamespaceHost;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The EN 303 645 suite run as ordinary tests under Maven Surefire, the way a manufacturer's firmware
 * build runs it: the JUnit Platform Suite engine hands the suite to the certbench engine with
 * {@code certbench.devices} set (functional cases only, as a firmware build has no assessor). Surefire reports
 * case 5.6-1-2 like any other test.
 */
@Suite
@IncludeEngines("certbench")
@SelectClasses(org.certbench.suites.etsi.En303645.class)
@ConfigurationParameter(key = "certbench.devices", value = "src/test/resources/surefire/loopback-device.yaml")
@ConfigurationParameter(key = "certbench.provisions", value = "5.6-1")
@ConfigurationParameter(key = "certbench.assessments", value = "functional")
@ConfigurationParameter(key = "certbench.out", value = "target/certbench-surefire")
class CertifyLoopbackDeviceTest {

    private static final Path OUT = Path.of("target/certbench-surefire");
    private static NamespaceHost device;

    @BeforeSuite
    static void startDevice() throws Exception {
        if (Files.exists(OUT)) {
            try (var files = Files.walk(OUT)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        device = NamespaceHost.createFixed(1);
        device.listenTcp(22, 8443);
    }

    @AfterSuite
    static void checkTheLedgerAndStopDevice() throws Exception {
        try {
            List<LedgerRow.CaseVerdict> verdicts = LedgerReader.rows(LedgerReader.read(OUT.resolve(Ledger.FILE_NAME)),
                    LedgerRow.CaseVerdict.class);
            if (verdicts.size() != 1 || verdicts.get(0).verdict() != Verdict.PASS) {
                throw new AssertionError("expected 5.6-1-2 PASS in the ledger, found " + verdicts);
            }
        } finally {
            if (device != null) {
                device.close();
            }
        }
    }
}
