package org.certbench.suites.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.engine.suite.SchemeModel;
import org.certbench.engine.suite.SchemeRegistry;
import org.certbench.engine.suite.SuiteModel;
import org.certbench.engine.suite.SuiteRegistry;
import org.certbench.lab.virtual.InJvmBench;
import org.certbench.lab.virtual.Variant;
import org.certbench.lab.virtual.VirtualBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The mapped schemes: every reference resolves, and one run yields every selected scheme's verdicts with no case run twice. */
class SchemesTest {

    @TempDir
    Path dir;

    @Test
    void theFourSchemesAreRegisteredAndEveryCoverResolvesToASuiteCase() {
        List<SchemeModel> schemes = SchemeRegistry.registered();
        Map<String, SuiteModel> suites = SuiteRegistry.registered().stream().map(SuiteModel::of)
                .collect(Collectors.toMap(SuiteModel::id, Function.identity()));

        assertThat(schemes).extracting(SchemeModel::id)
                .containsExactlyInAnyOrder("iot-minimum-security", "iot-spp-baseline", "nistir-8259a", "uk-psti");
        for (SchemeModel scheme : schemes) {
            for (SchemeModel.Requirement requirement : scheme.requirements()) {
                assertThat(requirement.covers()).as(scheme.id() + " " + requirement.id()).isNotEmpty().allSatisfy(ref -> {
                    SuiteModel suite = suites.get(ref.standard());
                    assertThat(suite).as(ref.toString()).isNotNull();
                    assertThat(suite.provision(ref.id()).isPresent() || suite.testCase(ref.id()).isPresent()).as(ref.toString()).isTrue();
                });
            }
        }
        assertThat(schemes.stream().filter(s -> s.id().equals("uk-psti")).findFirst().orElseThrow().requirements())
                .extracting(r -> r.covers().stream().map(SchemeModel.Ref::id).toList())
                .containsExactly(List.of("5.1-1", "5.1-2"), List.of("5.2-1"), List.of("5.3-13"));
    }

    @Test
    void oneRunGivesEverySelectedSchemesVerdictsAndNoCaseRunsTwice() throws Exception {
        Path out = dir.resolve("run");
        try (VirtualBench bench = InJvmBench.start(List.of(Variant.secure(), Variant.flawed()), dir.resolve("bench"))) {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(SuiteRegistry.registered().stream().map(DiscoverySelectors::selectClass).toList())
                    .configurationParameter("certbench.devices",
                            bench.profiles().values().stream().map(Path::toString).collect(Collectors.joining(",")))
                    .configurationParameter("certbench.bench", bench.benchFile().toString())
                    .configurationParameter("certbench.standards", "nistir-8259a,uk-psti,iot-minimum-security")
                    .configurationParameter("certbench.answers", bench.answersFile().toString())
                    .configurationParameter("certbench.out", out.toString())
                    .configurationParameter("certbench.interactive", "false")
                    .enableImplicitConfigurationParameters(false)
                    .build());
        }
        List<LedgerRow> ledger = LedgerReader.read(out.resolve(Ledger.FILE_NAME));
        List<LedgerRow.CaseVerdict> cases = LedgerReader.rows(ledger, LedgerRow.CaseVerdict.class);
        List<LedgerRow.SchemeVerdict> schemes = LedgerReader.rows(ledger, LedgerRow.SchemeVerdict.class);

        assertThat(cases.stream().collect(Collectors.groupingBy(c -> c.device() + " " + c.standard() + " " + c.caseId(), Collectors.counting())))
                .as("each case once per device").isNotEmpty().allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1L));
        // Only what the selected schemes draw on ran: 5.13-1B is in none of them.
        assertThat(cases).extracting(LedgerRow.CaseVerdict::provision).contains("5.6-1", "5.2-1", "8259A-1").doesNotContain("5.13-1B");
        assertThat(schemes.stream().filter(s -> s.requirement() == null).map(s -> s.device() + " " + s.scheme()).toList())
                .containsExactlyInAnyOrder("virtual-secure nistir-8259a", "virtual-secure uk-psti", "virtual-secure iot-minimum-security",
                        "virtual-flawed nistir-8259a", "virtual-flawed uk-psti", "virtual-flawed iot-minimum-security");

        Map<String, LedgerRow.SchemeVerdict> requirements = schemes.stream().filter(s -> s.requirement() != null)
                .collect(Collectors.toMap(s -> s.device() + " " + s.scheme() + " " + s.requirement(), Function.identity()));
        // The flawed device's undeclared debug port (5.6-1) fails NISTIR's logical-access requirement and nothing in PSTI's passwords one.
        assertThat(requirements.get("virtual-flawed nistir-8259a 4").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(requirements.get("virtual-flawed nistir-8259a 4").reason()).contains("5.6-1-2");
        assertThat(requirements.get("virtual-flawed nistir-8259a 4").cases()).contains("etsi-en-303-645/5.6-1-2",
                "etsi-en-303-645/5.5-4-2");
        assertThat(requirements.get("virtual-flawed iot-minimum-security encrypted-communications").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(requirements.get("virtual-secure nistir-8259a 4").verdict()).isEqualTo(Verdict.PASS);
        assertThat(requirements.get("virtual-secure uk-psti 2").verdict()).isEqualTo(Verdict.PASS);
        // Nobody loaded an older image on the virtual device: rollback stays undecided, never PASS.
        assertThat(requirements.get("virtual-secure nistir-8259a 5").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(requirements.get("virtual-secure nistir-8259a 5").reason()).contains("8259A-5-2 INCONCLUSIVE");
    }
}
