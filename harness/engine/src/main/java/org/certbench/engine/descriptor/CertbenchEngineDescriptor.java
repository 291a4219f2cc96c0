package org.certbench.engine.descriptor;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.certbench.engine.bench.BenchCheck;
import org.certbench.engine.execution.ToolVersions;
import org.certbench.engine.suite.SuiteDigest;
import org.certbench.api.Bench;
import org.certbench.api.Verdict;
import org.certbench.engine.config.CampaignSettings;
import org.certbench.engine.execution.CertbenchExecutionContext;
import org.certbench.engine.input.AnswersFile;
import org.certbench.engine.ledger.Digests;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.jspecify.annotations.Nullable;

/**
 * The root of a campaign. Before anything runs it opens the ledger and writes the plan (a row per
 * case, with its applicability); after everything it writes the end row with each device's verdict.
 */
public final class CertbenchEngineDescriptor extends EngineDescriptor implements Node<CertbenchExecutionContext> {

    /** How long each bench resource has to answer the check before the run. */
    private static final Duration BENCH_CHECK_TIMEOUT = Duration.ofSeconds(3);

    private @Nullable CampaignSettings settings;
    private Bench bench = Bench.LOCAL;
    private AnswersFile answers = AnswersFile.NONE;

    public CertbenchEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "certbench");
    }

    /** Set by discovery once the inputs are read. */
    public void setInputs(CampaignSettings settings, Bench bench, AnswersFile answers) {
        this.settings = settings;
        this.bench = bench;
        this.answers = answers;
    }

    public @Nullable CampaignSettings settings() {
        return settings;
    }

    public Bench bench() {
        return bench;
    }

    public AnswersFile answers() {
        return answers;
    }

    @Override
    public CertbenchExecutionContext before(CertbenchExecutionContext context) throws IOException {
        if (getChildren().isEmpty()) {
            // A launcher that selected nothing of ours (a module's own unit tests) must not leave an empty run behind.
            return context;
        }
        context.campaign().open();
        if (context.campaign().resuming()) {
            // The stopped run wrote the header and the plan; the command checked that profiles and suites are unchanged.
            return context;
        }
        Ledger ledger = context.campaign().ledger();
        ledger.append(new LedgerRow.Tools(Ledger.now(), ToolVersions.current()));
        ledger.append(new LedgerRow.BenchState(Ledger.now(), bench.lab(), bench.accreditation(), bench.harnessAddress(), bench.broker(),
                new TreeMap<>(bench.serialPorts()), new TreeMap<>(bench.outlets()), bench.source() == null ? null : bench.source().toString(),
                bench.source() == null ? null : Digests.sha256(bench.source()), BenchCheck.check(bench, BENCH_CHECK_TIMEOUT)));
        // The suite, device and plan rows (a row per case: 10,000 on a large bench) are written in one go: the plan is one
        // decision, taken at one instant, and a run killed while writing it has run nothing yet.
        String now = Ledger.now();
        Duration timeoutDefault = context.campaign().settings().timeoutDefault();
        Map<String, LedgerRow> suiteRows = new LinkedHashMap<>();
        List<DeviceDescriptor> devices = new ArrayList<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof DeviceDescriptor d) {
                devices.add(d);
                for (TestDescriptor standard : d.getChildren()) {
                    if (standard instanceof StandardDescriptor s && !suiteRows.containsKey(s.suite().id())) {
                        suiteRows.put(s.suite().id(), new LedgerRow.Suite(now, s.suite().id(), s.suite().version(), s.suite().title(),
                                s.suite().suiteClass().getName(), SuiteDigest.of(s.suite().suiteClass())));
                    }
                }
            }
        }
        List<LedgerRow> rows = new ArrayList<>(suiteRows.values());
        devices.stream().map(d -> deviceRow(d, now)).forEach(rows::add);
        devices.forEach(d -> rows.addAll(planRows(d, now, timeoutDefault)));
        ledger.appendAll(rows);
        return context;
    }

    private static LedgerRow deviceRow(DeviceDescriptor d, String now) {
        var root = d.profile().root();
        return new LedgerRow.Device(now, d.dut().id(), d.dut().identity().manufacturer(), d.dut().identity().model(),
                d.dut().identity().firmware(), d.profile().file().toString(), d.profile().sha256(), root,
                root.get("ics"), root.get("ixit"));
    }

    /** A plan row for each of the device's cases, in the order they run. */
    private static List<LedgerRow> planRows(DeviceDescriptor device, String now, Duration timeoutDefault) {
        List<LedgerRow> plan = new ArrayList<>();
        for (TestDescriptor standard : device.getChildren()) {
            for (TestDescriptor provision : standard.getChildren()) {
                for (TestDescriptor descriptor : provision.getChildren()) {
                    if (descriptor instanceof CaseDescriptor c) {
                        Duration deadline = c.model().timeout().orElse(timeoutDefault);
                        plan.add(new LedgerRow.Plan(now, c.getUniqueId().toString(), c.dut().id(),
                                c.standard(), c.model().provision().id(), c.model().id(), c.model().title(),
                                c.model().assessment().name(), c.model().provision().level().name(),
                                c.notApplicable().isPresent() ? Verdict.NOT_APPLICABLE.name() : "RUN", c.notApplicable().orElse(null),
                                deadline.toMillis()));
                    }
                }
            }
        }
        return plan;
    }

    @Override
    public void after(CertbenchExecutionContext context) throws IOException {
        if (getChildren().isEmpty()) {
            return;
        }
        Map<String, Verdict> devices = new LinkedHashMap<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof DeviceDescriptor device) {
                devices.put(device.dut().id(), context.campaign().verdict(device.getUniqueId()).orElse(Verdict.INCONCLUSIVE));
            }
        }
        context.campaign().close(devices);
    }
}
