package org.certbench.suites.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.lab.virtual.ContainerBench;
import org.certbench.lab.virtual.InJvmBench;
import org.certbench.lab.virtual.Variant;
import org.certbench.lab.virtual.VirtualBench;
import org.certbench.probes.testing.Tools;
import org.certbench.suites.etsi.En303645;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The proof table ({@code proof/virtual-devices.csv}): every virtual device variant certified in one
 * campaign, each provision's verdict and reason checked against its row. The secure device gets no
 * FAIL, the flawed one FAILs each provision its flaws break, each single-flaw variant exactly its own.
 */
class ProofTableTest {

    @TempDir
    Path dir;

    @Test
    void theInJvmDevicesGetTheVerdictsOfTheTable() throws IOException {
        try (VirtualBench bench = InJvmBench.start(Variant.all(), dir.resolve("bench"))) {
            check(bench);
        }
    }

    @Test
    void theContainerDevicesGetTheVerdictsOfTheTableThroughTheRealNetworkPath() throws IOException {
        Tools.requireThat(ContainerBench.engineReachable() && ContainerBench.imagePresent(),
                "no container engine with " + ContainerBench.IMAGE + " (run lab-setup/install.sh and export what it prints)");
        try (VirtualBench bench = ContainerBench.start(Variant.all(), dir.resolve("bench"))) {
            check(bench);
        }
    }

    private void check(VirtualBench bench) throws IOException {
        List<Row> table = table();
        Path out = dir.resolve("run");
        String provisions = table.stream().map(Row::provision).distinct().collect(Collectors.joining(","));
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(En303645.class))
                .configurationParameter("certbench.devices",
                        bench.profiles().values().stream().map(Path::toString).collect(Collectors.joining(",")))
                .configurationParameter("certbench.bench", bench.benchFile().toString())
                .configurationParameter("certbench.provisions", provisions)
                .configurationParameter("certbench.out", out.toString())
                .configurationParameter("certbench.answers", bench.answersFile().toString())
                .configurationParameter("certbench.interactive", "false")
                // The public defaults most likely first: a dozen per login keep a container console (3 s per refusal) in CI's time.
                .configurationParameter("certbench.login.budget", "12")
                .enableImplicitConfigurationParameters(false)
                .build());

        List<LedgerRow.CaseVerdict> cases = LedgerReader.rows(LedgerReader.read(out.resolve(Ledger.FILE_NAME)), LedgerRow.CaseVerdict.class);
        assertThat(cases).as("cases run").isNotEmpty();
        List<String> mismatches = new ArrayList<>();
        for (Row row : table) {
            String device = Variant.named(row.variant()).orElseThrow(() -> new AssertionError("no variant " + row.variant())).deviceId();
            List<LedgerRow.CaseVerdict> own = cases.stream().filter(c -> c.device().equals(device) && c.provision().equals(row.provision()))
                    .toList();
            Verdict verdict = own.isEmpty() ? null : Verdict.rollUp(own.stream().map(LedgerRow.CaseVerdict::verdict).toList());
            String reasons = own.stream().filter(c -> c.verdict() == verdict).map(c -> c.caseId() + ": " + c.reason())
                    .collect(Collectors.joining(" | "));
            if (verdict != row.verdict() || (!row.reason().isEmpty() && !java.util.regex.Pattern.compile(row.reason()).matcher(reasons).find())) {
                mismatches.add(row + " but got " + verdict + " (" + reasons + ")");
            }
        }
        assertThat(mismatches).as(bench.kind() + " bench: rows that do not hold").isEmpty();
    }

    record Row(String variant, String provision, Verdict verdict, String reason) {
    }

    private static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ProofTableTest.class.getResourceAsStream("/proof/virtual-devices.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 4);
                rows.add(new Row(f[0].trim(), f[1].trim(), Verdict.valueOf(f[2].trim()), f.length > 3 ? f[3].trim() : ""));
            }
        }
        Map<String, Long> duplicates = rows.stream().collect(Collectors.groupingBy(r -> r.variant() + "/" + r.provision(), LinkedHashMap::new,
                Collectors.counting()));
        assertThat(duplicates.values()).as("one row per variant and provision").containsOnly(1L);
        assertThat(rows).extracting(Row::variant).containsAll(Variant.all().stream().map(Variant::name).toList());
        return rows;
    }
}
