package org.certbench.engine.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.certbench.api.Bench;
import org.certbench.api.Units;
import org.certbench.api.Verdict;
import org.certbench.api.Verdicts;
import org.certbench.engine.config.CampaignSettings;
import org.certbench.engine.input.AnswersFile;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.probes.broker.BrokerLog;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.UniqueId;

/**
 * One run of certbench: its id, output folder and ledger, the verdicts recorded so far (by unique id,
 * for the roll-ups), and a lane per device.
 *
 * <pre>{@code
 * Campaign campaign = new Campaign(settings, bench, answers, new Units(List.of(dut)), List.of("etsi-en-303-645"));
 * campaign.open();
 * ...
 * campaign.close();
 * }</pre>
 */
public final class Campaign {

    /** The version of certbench, as the jar's manifest says (or {@code dev} from a build tree). */
    public static final String VERSION = Optional.ofNullable(Campaign.class.getPackage().getImplementationVersion()).orElse("dev");

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final CampaignSettings settings;
    private final Bench bench;
    private final AnswersFile answers;
    private final Units units;
    private final List<String> standards;
    private String id;
    private final Path out;
    private final Map<UniqueId, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Map<UniqueId, String> reasons = new ConcurrentHashMap<>();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final org.certbench.probes.net.ScanMemory scans;
    private final org.certbench.probes.broker.BrokerWatch brokerWatch = new org.certbench.probes.broker.BrokerWatch();
    private Instant started = Instant.now();
    private @Nullable Ledger ledger;
    private @Nullable Resumption resumed;
    private @Nullable Thread stopHook;
    private BrokerLog.@Nullable Lease broker;
    /** Whether the providers were asked (a null lease then means none serves the bench's broker). */
    private boolean brokerSought;

    public Campaign(CampaignSettings settings, Bench bench, AnswersFile answers, Units units, List<String> standards) {
        this.settings = settings;
        this.bench = bench;
        this.answers = answers;
        this.units = units;
        this.standards = List.copyOf(standards);
        this.id = ID_TIME.format(started) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        this.out = settings.out().orElse(Path.of("certbench-runs", id));
        this.scans = org.certbench.probes.net.ScanMemory.keepingFor(settings.probes().scanReuse());
    }

    /** Since when this run has watched the lab broker for each device (not across a resume: a resumed run watches afresh). */
    public org.certbench.probes.broker.BrokerWatch brokerWatch() {
        return brokerWatch;
    }

    /** The complete port scans this run has made, reused by later cases while recent (not across a resume). */
    public org.certbench.probes.net.ScanMemory scans() {
        return scans;
    }

    /**
     * Creates the output folder and the ledger, and writes the campaign row; or, when the settings say
     * resume, continues the stopped run's ledger and writes a resume row.
     */
    public void open() throws IOException {
        Path ledgerFile = out.resolve(Ledger.FILE_NAME);
        if (settings.resume()) {
            if (!Files.isRegularFile(ledgerFile)) {
                throw new IOException(out + " holds no run to resume (no " + Ledger.FILE_NAME + ")");
            }
            Ledger.Continued continued = Ledger.resume(ledgerFile);
            ledger = continued.ledger();
            Resumption resumption = Resumption.read(out, LedgerReader.read(ledgerFile));
            id = resumption.campaign();
            started = resumption.started();
            ledger.append(new LedgerRow.Resume(Ledger.now(), id, resumption.decided(), resumption.interrupted(),
                    continued.discardedBytes()));
            resumed = resumption;
            watchForStop();
            return;
        }
        Files.createDirectories(out);
        if (Files.exists(ledgerFile)) {
            throw new IOException(out + " already holds a run (" + Ledger.FILE_NAME + "); give another output folder");
        }
        ledger = Ledger.open(ledgerFile);
        ledger.append(new LedgerRow.Campaign(Ledger.now(), id, VERSION, settings.operator(), bench.lab(),
                units.all().stream().map(org.certbench.api.Dut::id).toList(),
                standards, out.toAbsolutePath().toString(), settings.given()));
        watchForStop();
    }

    /**
     * On Ctrl-C or a polite kill the JVM runs its shutdown hooks: stop the lanes and the lab broker this campaign
     * started (a container outlives a JVM otherwise), force the ledger to disk and say how to continue.
     */
    private void watchForStop() {
        Thread hook = new Thread(() -> {
            System.err.println("certbench: stopped before the end; " + out + " keeps every case decided so far: "
                    + "continue with  certbench run --resume " + out);
            lanes.values().forEach(Lane::close);
            synchronized (this) {
                if (broker != null) {
                    broker.close();
                }
            }
            try {
                ledger().close();
            } catch (IOException | RuntimeException e) {
                // the ledger was written through row by row; forcing it is the last courtesy
            }
        }, "certbench-stopped");
        Runtime.getRuntime().addShutdownHook(hook);
        stopHook = hook;
    }

    /** Whether this run continues a stopped one (its header and plan rows are already in the ledger). */
    public boolean resuming() {
        return resumed != null;
    }

    /** The verdict and findings a stopped run recorded for a case, if it decided it; the case is then not run again. */
    public Optional<Previous> previous(UniqueId uid) {
        if (resumed == null) {
            return Optional.empty();
        }
        return resumed.verdict(uid.toString()).map(v -> new Previous(v.verdict(), v.reason(), resumed.findings(uid.toString())));
    }

    /** A case's decision from the run this one continues. */
    public record Previous(Verdict verdict, @Nullable String reason, List<org.certbench.api.Finding> findings) {
    }

    /**
     * Appends a decision row (a case verdict, roll-up, ICS check or scheme verdict) unless the run this one
     * continues already recorded it: recomputed roll-ups are the same, and one row per decision keeps the
     * ledger's counts honest.
     */
    public void decide(LedgerRow row) {
        if (resumed != null && resumed.recorded(row)) {
            return;
        }
        ledger().append(row);
    }

    public String id() {
        return id;
    }

    public Path out() {
        return out;
    }

    public Ledger ledger() {
        if (ledger == null) {
            throw new IllegalStateException("the campaign is not open");
        }
        return ledger;
    }

    public CampaignSettings settings() {
        return settings;
    }

    public Bench bench() {
        return bench;
    }

    public AnswersFile answers() {
        return answers;
    }

    /** The campaign's units under test, for the cases that judge one against the others. */
    public Units units() {
        return units;
    }

    /** Records the verdict of a case or container, for its parent's roll-up. */
    public void record(UniqueId uid, Verdict verdict, @Nullable String reason) {
        verdicts.put(uid, verdict);
        if (reason != null) {
            reasons.put(uid, reason);
        }
    }

    public Optional<Verdict> verdict(UniqueId uid) {
        return Optional.ofNullable(verdicts.get(uid));
    }

    public Optional<String> reason(UniqueId uid) {
        return Optional.ofNullable(reasons.get(uid));
    }

    /** The lane of a device. */
    public Lane lane(String device) {
        return lanes.computeIfAbsent(device, Lane::new);
    }

    /**
     * The bench's lab broker, started on the first call by whichever {@link BrokerLog.Provider} on the
     * class path serves the bench's broker kind; empty when none does (an external broker).
     */
    public synchronized Optional<BrokerLog> broker() {
        if (!brokerSought) {
            for (BrokerLog.Provider provider : ServiceLoader.load(BrokerLog.Provider.class, Campaign.class.getClassLoader())) {
                try {
                    broker = provider.open(bench, out);
                } catch (IOException e) {
                    throw Verdicts.inconclusive("the lab broker did not start: %s", e.getMessage());
                }
                if (broker != null) {
                    break;
                }
            }
            brokerSought = true; // not when a start failed: the next case tries again and says why
        }
        return Optional.ofNullable(broker).map(BrokerLog.Lease::log);
    }

    /** Writes the end row with every device's overall verdict, stops the lanes and the broker, and closes the ledger. */
    public void close(Map<String, Verdict> deviceVerdicts) throws IOException {
        if (stopHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopHook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs too, and finds everything stopped
            }
        }
        lanes.values().forEach(Lane::close);
        synchronized (this) {
            if (broker != null) {
                broker.close();
            }
        }
        if (ledger != null) {
            try {
                ledger.append(new LedgerRow.End(Ledger.now(), id, Duration.between(started, Instant.now()).toMillis(), deviceVerdicts));
            } finally {
                ledger.close();
            }
        }
    }
}
