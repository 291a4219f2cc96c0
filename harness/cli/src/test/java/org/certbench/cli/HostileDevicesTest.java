package org.certbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.certbench.lab.virtual.ContainerBench;
import org.certbench.lab.virtual.HostileBench;
import org.certbench.lab.virtual.Hostility;
import org.certbench.lab.virtual.VirtualBench;
import org.certbench.probes.testing.Tools;
import org.certbench.reports.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One campaign (the functional EN 303 645 cases that speak to a device, {@link #CASES}) on eight hostile devices at once: silent, one byte a second,
 * handshakes cut, random bytes everywhere, a PUBLISH flood at the lab broker, CoAP lies, a garbage console, and a
 * device that keeps rebooting; once inside this JVM and once as containers. The campaign finishes within the sum of its deadlines, every case has a verdict
 * with a reason and no harness error, no case passes on an answer the device never gave, no thread or socket
 * of the harness outlives the run, and the signed bundle verifies.
 */
class HostileDevicesTest {

    /** A case's deadline in this campaign: short, since a hostile device gives no case a reason to need more. */
    private static final String DEADLINE = "40s";

    /**
     * What a case of {@link #CASES} may still pass on while the device misbehaves, because it is decided by what the
     * device does not do: no port beyond those declared (5.6-1-2), no password in clear on the uplink it never opens
     * (5.5-6-2), no shell or plain CoAP discovery (5.5-4-3). Anything else passing would be a verdict the device did not earn.
     */
    private static final Set<String> DECIDED_BY_ABSENCE = Set.of("5.6-1-2", "5.5-6-2", "5.5-4-3");

    /**
     * One functional case per interface a hostile device can break: the logins on every service and the console
     * (5.1-1-2), what each port says (5.1-3-2), TLS (5.5-1-4), MQTT (5.5-4-2), CoAP (5.5-4-3), a scan of every port
     * (5.6-1-2), the console alone (5.6-4A-2); and, for the flooding device, its uplink on the lab broker it floods.
     * The uplink cases wait 45 s for a session that no other hostile device opens, and would add only that wait; the
     * other cases use the same probes (CI's thirty minutes do not hold them all: measured 288 s for 13 cases a device).
     */
    private static final List<String> CASES = List.of("5.1-1-2", "5.1-3-2", "5.5-1-4", "5.5-4-2", "5.5-4-3", "5.6-1-2", "5.6-4A-2");

    private static List<String> cases(Hostility hostility) {
        List<String> cases = new ArrayList<>(CASES);
        if (hostility == Hostility.BROKER_FLOOD) {
            cases.add("5.5-6-2");
        }
        if (hostility == Hostility.SLOW) {
            // Banners one byte a second: what the identifier read of them ("HT") once passed as naming no version.
            cases.add("5.6-2-2");
        }
        return cases;
    }

    private static String uid(Hostility hostility, String caseId) {
        return "[engine:certbench]/[device:" + HostileBench.deviceId(hostility) + "]/[standard:etsi-en-303-645]/[provision:"
                + caseId.substring(0, caseId.lastIndexOf('-')) + "]/[case:" + caseId + "]";
    }

    /**
     * The device that cuts TLS handshakes still answers its TLS ports with a TLS record: no login can cross them in
     * clear, which is what 5.1-3-2 asks.
     */
    private static final Map<String, Set<String>> DECIDED_BY_WHAT_IT_SAID = Map.of(HostileBench.deviceId(Hostility.HANDSHAKE_CUT),
            Set.of("5.1-3-2"));

    @TempDir
    Path dir;

    @Test
    void everyHostileDeviceGetsAVerdictForEveryCaseWithinItsDeadlinesAndNothingLeaks() throws Exception {
        List<Hostility> hostilities = List.of(Hostility.values());
        try (HostileBench bench = HostileBench.start(hostilities, dir.resolve("bench"))) {
            certify(bench, hostilities, bench::profile, bench::floodPublishes, 10_000, UPLINK_CASES);
        }
        // The silent device never shows up on the broker: the second uplink case went on with the first one's watch
        // instead of waiting the whole time again, and its evidence says so.
        String silent = HostileBench.deviceId(Hostility.SILENT);
        assertThat(Files.readString(dir.resolve("run/evidence").resolve(silent).resolve("etsi-en-303-645/5.8-1-2/broker-publishes.txt")))
                .contains("watched since").contains("(case 5.5-1-2 on " + silent + ")").contains("none");
    }

    /**
     * The uplink cases, on the in-JVM devices only: each waits for the device on the lab broker, and a device that
     * never comes is waited for once a campaign (the broker watch), so two cost one wait, not two.
     */
    private static final List<String> UPLINK_CASES = List.of("5.5-1-2", "5.8-1-2");

    /**
     * The same campaign on the same hostile devices as containers (the device image's {@code hostile.sh}): socat and
     * shell behind a real TCP stack instead of Java sockets, and a reboot that cuts the container's power (killed and
     * started again on its address, at least once in the middle of one of its cases). The
     * flood is counted where the lab broker recorded it (it keeps the first 10,000 PUBLISHes of a session).
     */
    @Test
    void everyHostileContainerGetsAVerdictForEveryCaseWithinItsDeadlinesAndNothingLeaks() throws Exception {
        Tools.requireThat(ContainerBench.engineReachable() && ContainerBench.imagePresent(),
                "no container engine with " + ContainerBench.IMAGE + " (run lab-setup/install.sh and export what it prints)");
        List<Hostility> hostilities = List.of(Hostility.values());
        try (ContainerBench bench = ContainerBench.startHostile(hostilities, dir.resolve("bench"))) {
            certify(bench, hostilities, bench::profile, () -> bench.broker().sessions().stream()
                    .filter(s -> s.clientId().equals("virtual-hostile-broker-flood")).mapToLong(s -> s.publishes().size()).sum(), 1_000,
                    List.of());

            // The rebooting container's power was really cut (killed, started again) while its cases ran.
            String rebooting = HostileBench.deviceId(Hostility.REBOOTING);
            List<LedgerRow.CaseVerdict> itsCases = LedgerReader.rows(LedgerReader.read(dir.resolve("run").resolve(Ledger.FILE_NAME)),
                    LedgerRow.CaseVerdict.class).stream().filter(v -> v.device().equals(rebooting)).toList();
            assertThat(bench.powerCuts()).as("power cuts of " + rebooting)
                    .anySatisfy(cut -> assertThat(itsCases).anySatisfy(v -> assertThat(cut.off())
                            .isBetween(Instant.parse(v.started()), Instant.parse(v.ended()))));
        }
    }

    private void certify(VirtualBench bench, List<Hostility> hostilities, Function<Hostility, Path> profile, LongSupplier floodPublishes,
            long floodAtLeast, List<String> moreCases) throws Exception {
        Path password = Files.writeString(dir.resolve("keystore-password"), "hostile-test-keystore-pw");
        assertThat(CertbenchCliTest.certbench("keys", "init", "--out", dir.resolve("keys").toString(), "--password-file",
                password.toString()).exit()).isZero();
        Path out = dir.resolve("run");
        // A first short run starts what the JVM keeps once started (the MQTT client's schedulers, the common pool):
        // the count that matters is what the campaign leaves beyond that.
        CertbenchCliTest.Result warmUp = CertbenchCliTest.certbench("run", "--bench", bench.benchFile().toString(), "--device",
                profile.apply(Hostility.RANDOM_BYTES).toString(), "--unattended", "--plain",
                "--out", dir.resolve("warm-up").toString(), "--select", uid(Hostility.RANDOM_BYTES, "5.5-4-2"),
                "--select", uid(Hostility.RANDOM_BYTES, "5.5-4-3"), "--select", uid(Hostility.RANDOM_BYTES, "5.1-1-2"));
        assertThat(warmUp.exit()).as(warmUp.out() + warmUp.err()).isIn(ExitCodes.FAIL, ExitCodes.INCONCLUSIVE);
        Baseline before = Baseline.now();
        List<String> run = new ArrayList<>(List.of("run", "--bench", bench.benchFile().toString(), "--timeout", DEADLINE, "--unattended",
                "--login-budget", "12", "--plain", "--out", out.toString(), "--sign-with",
                dir.resolve("keys").resolve(TestKeys.KEYSTORE_FILE).toString(), "--password-file", password.toString()));
        bench.profiles().values().forEach(p -> {
            run.add("--device");
            run.add(p.toString());
        });
        int planned = 0;
        for (Hostility hostility : hostilities) {
            List<String> ids = new ArrayList<>(cases(hostility));
            ids.addAll(moreCases);
            for (String id : ids) {
                run.add("--select");
                run.add(uid(hostility, id));
                planned++;
            }
        }
        Instant started = Instant.now();
        CertbenchCliTest.Result result = CertbenchCliTest.certbench(run.toArray(String[]::new));
        Duration took = Duration.between(started, Instant.now());
        System.out.println(result.out());
        assertThat(result.exit()).as(result.out() + result.err()).isIn(ExitCodes.FAIL, ExitCodes.INCONCLUSIVE);
        assertThat(result.err()).doesNotContain("\tat ");

        List<LedgerRow> rows = LedgerReader.read(out.resolve(Ledger.FILE_NAME));
        List<LedgerRow.Plan> plan = LedgerReader.rows(rows, LedgerRow.Plan.class);
        List<LedgerRow.CaseVerdict> verdicts = LedgerReader.rows(rows, LedgerRow.CaseVerdict.class);
        assertThat(LedgerReader.rows(rows, LedgerRow.End.class)).hasSize(1);
        assertThat(verdicts.stream().map(LedgerRow.CaseVerdict::uid).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(plan.stream().map(LedgerRow.Plan::uid).toList());
        assertThat(plan).hasSize(planned);
        assertThat(verdicts).as("harness errors").noneMatch(v -> v.verdict() == Verdict.ERROR);
        assertThat(verdicts).as("a verdict without its reason").allMatch(v -> v.verdict() == Verdict.PASS || v.reason() != null
                && !v.reason().isBlank());
        assertThat(verdicts).as("a reason that reads \"null\" where a failure had no message")
                .noneMatch(v -> v.reason() != null && v.reason().matches("(?s).*:\\s*null\\b.*"));
        List<String> unearned = verdicts.stream().filter(v -> v.verdict() == Verdict.PASS && !DECIDED_BY_ABSENCE.contains(v.caseId())
                        && !DECIDED_BY_WHAT_IT_SAID.getOrDefault(v.device(), Set.of()).contains(v.caseId()))
                .map(v -> v.device() + " " + v.caseId()).toList();
        assertThat(unearned).as("cases passed on answers the devices never gave").isEmpty();
        assertThat(verdicts).filteredOn(v -> v.device().equals(HostileBench.deviceId(Hostility.SLOW)) && v.caseId().equals("5.6-2-2"))
                .singleElement().satisfies(v -> {
                    assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
                    assertThat(v.reason()).contains("no readable banner");
                });

        // Devices run in parallel lanes: the run must end within the longest lane's sum of deadlines.
        Map<String, Long> deadlines = new TreeMap<>(plan.stream().filter(p -> p.planned().equals("RUN"))
                .collect(Collectors.groupingBy(LedgerRow.Plan::device, Collectors.summingLong(LedgerRow.Plan::deadlineMs))));
        long longestLane = deadlines.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(took.toMillis()).as("wall time against the deadlines " + deadlines).isLessThan(longestLane);
        assertThat(floodPublishes.getAsLong()).as("the flood reached the broker").isGreaterThan(floodAtLeast);

        CertbenchCliTest.Result verified = CertbenchCliTest.certbench("verify", out.toString(), "--ca",
                dir.resolve("keys").resolve(TestKeys.CA_FILE).toString());
        assertThat(verified.exit()).as(verified.out() + verified.err()).isEqualTo(ExitCodes.PASS);
        before.assertNothingLeaked();
    }

    /** The harness's threads and this process's open files, before the run; the hostile devices' own are left out. */
    private record Baseline(int threads, int files) {

        static Baseline now() throws IOException {
            return new Baseline(harnessThreads().size(), openFiles());
        }

        static List<String> harnessThreads() {
            return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> !name.startsWith("hostile-")).sorted().toList();
        }

        static int openFiles() throws IOException {
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                return (int) fds.count();
            }
        }

        /** Threads and files end when the run does; a few seconds are given to those already closing. */
        void assertNothingLeaked() throws Exception {
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && (harnessThreads().size() > threads + 2 || openFiles() > files + 8)) {
                Thread.sleep(250);
            }
            assertThat(harnessThreads().size()).as("threads of the harness after the run: " + harnessThreads()).isLessThanOrEqualTo(threads + 2);
            assertThat(openFiles()).as("open files after the run").isLessThanOrEqualTo(files + 8);
        }
    }
}
