package org.certbench.probes.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.certbench.api.Evidence;
import org.certbench.api.Transcript;
import org.certbench.api.Verdicts;
import org.certbench.probes.Deadline;
import org.jspecify.annotations.Nullable;

/**
 * The probe a case uses to read the lab broker: it waits for a device to show up, and writes
 * every session or rogue attempt it returns into the case's evidence. The broker starts on first
 * use, so campaigns whose cases never ask for it do not pay for it.
 *
 * <pre>{@code
 * List<BrokerSession> seen = probes.broker().sessionsFrom(network.host(), Duration.ofSeconds(30));
 * Verdicts.failIf(seen.stream().anyMatch(s -> s.passwordSent() && !s.tls()),
 *         "the device sent its MQTT password over plain TCP");
 * }</pre>
 */
public final class BrokerWitness {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Evidence evidence;
    private final Deadline deadline;
    private final Supplier<Optional<BrokerLog>> broker;
    private final BrokerWatch watch;
    private final String caseLabel;

    public BrokerWitness(Evidence evidence, Deadline deadline, Supplier<Optional<BrokerLog>> broker) {
        this(evidence, deadline, broker, BrokerWatch.NONE, "");
    }

    /**
     * @param watch the campaign's watch: how long each device has been waited for already
     * @param caseLabel the case, as a later case's evidence names it when it goes on with this case's watch
     */
    public BrokerWitness(Evidence evidence, Deadline deadline, Supplier<Optional<BrokerLog>> broker, BrokerWatch watch,
            String caseLabel) {
        this.evidence = evidence;
        this.deadline = deadline;
        this.broker = broker;
        this.watch = watch;
        this.caseLabel = caseLabel;
    }

    /** The lab broker, if the bench has one certbench can read (not an external broker). */
    public Optional<BrokerLog> log() {
        return broker.get();
    }

    /**
     * The sessions a host opened, waiting up to {@code wait} from when the campaign first watched for them (and
     * never past the case's deadline) for the first one; written to {@code broker-sessions.txt}.
     *
     * @throws org.certbench.api.VerdictException INCONCLUSIVE when the bench's broker cannot be read
     */
    public List<BrokerSession> sessionsFrom(String host, Duration wait) {
        BrokerLog log = required();
        BrokerWatch.Watched watched = watch.watch("sessions " + host, caseLabel);
        List<BrokerSession> seen = await(left(wait, watched), () -> log.sessions().stream().filter(s -> s.remoteAddress().equals(host)).toList());
        write("broker-sessions.txt", host, wait, watched, seen, BrokerWitness::withPublishes);
        return seen;
    }

    private static String withPublishes(BrokerSession s) {
        StringBuilder line = new StringBuilder(s.connected() + " " + s.describe());
        s.publishes().forEach(p -> line.append("\n    ").append(p.at()).append(" PUBLISH ").append(p.topic()).append(' ')
                .append(p.payloadBytes()).append(" bytes qos ").append(p.qos()).append(p.retain() ? " retained" : ""));
        return line.toString();
    }

    /**
     * The sessions of a host that published something, waiting up to {@code wait} from when the campaign first watched
     * for one (and never past the case's deadline); written, with their PUBLISHes, to {@code broker-publishes.txt}.
     */
    public List<BrokerSession> publishingSessionsFrom(String host, Duration wait) {
        BrokerLog log = required();
        // one watch with sessionsFrom: a device given the whole wait to show up on the broker has had it to publish too
        BrokerWatch.Watched watched = watch.watch("sessions " + host, caseLabel);
        List<BrokerSession> seen = await(left(wait, watched), () -> log.sessions().stream()
                .filter(s -> s.remoteAddress().equals(host) && !s.publishes().isEmpty()).toList());
        write("broker-publishes.txt", host, wait, watched, seen, BrokerWitness::withPublishes);
        return seen;
    }

    /**
     * The sessions a host opened after {@code since}, waiting up to {@code wait} for the first (never past the case's
     * deadline): a device coming back after a power cut. The campaign's watch does not shorten this wait, since it
     * is for something new. Written to {@code broker-sessions.txt}.
     */
    public List<BrokerSession> sessionsSince(String host, Instant since, Duration wait) {
        BrokerLog log = required();
        List<BrokerSession> seen = await(wait, () -> log.sessions().stream()
                .filter(s -> s.remoteAddress().equals(host) && s.connected().isAfter(since)).toList());
        write("broker-sessions.txt", host, wait, null, seen, s -> s.connected() + " " + s.describe(), "sessions opened after " + since);
        return seen;
    }

    /**
     * The connections a host made to the rogue listener, waiting up to {@code wait} from when the campaign first
     * watched for them for the first;
     * written to {@code rogue-listener.txt}.
     */
    public List<RogueAttempt> rogueAttemptsFrom(String host, Duration wait) {
        BrokerLog log = required();
        BrokerWatch.Watched watched = watch.watch("rogue " + host, caseLabel);
        List<RogueAttempt> seen = await(left(wait, watched), () -> log.rogueAttempts().stream().filter(a -> a.remoteAddress().equals(host))
                .toList());
        write("rogue-listener.txt", host, wait, watched, seen, a -> a.at() + " " + a.describe());
        return seen;
    }

    /**
     * Turns {@code host} away for {@code window} and returns when it tried to come back during it;
     * written to {@code broker-refusals.txt}.
     */
    public List<RefusedConnect> refuseFor(String host, Duration window) {
        return refuseFor(host, window, (seen, left) -> false);
    }

    /**
     * As {@link #refuseFor(String, Duration)}, but lets the host back as soon as {@code settled} says the tries so far
     * decide what the case looks for, whatever the rest of the window could bring: a device that storms the broker
     * shows it in its first seconds, and a lab should not wait out the window to be told.
     *
     * <pre>{@code
     * probes.broker().refuseFor(host, Duration.ofSeconds(20), (tries, left) -> tries.size() > 50 + left.toSeconds());
     * }</pre>
     *
     * @param settled given the tries so far and the time left in the window; true ends the refusal
     */
    public List<RefusedConnect> refuseFor(String host, Duration window, BiPredicate<List<RefusedConnect>, Duration> settled) {
        BrokerLog log = required();
        Instant from = Instant.now();
        log.refuse(host, window);
        Deadline until = Deadline.in(window.compareTo(deadline.remaining()) < 0 ? window : deadline.remaining());
        boolean early = false;
        while (!until.expired()) {
            sleep(Math.min(200, until.remainingMillis(200)));
            if (!until.expired() && settled.test(refusedSince(log, host, from), until.remaining())) {
                log.refuse(host, Duration.ZERO);
                early = true;
                break;
            }
        }
        List<RefusedConnect> seen = refusedSince(log, host, from);
        Duration held = Duration.between(from, Instant.now());
        write("broker-refusals.txt", host, window, null, seen, c -> c.at() + " CONNECT from " + c.clientId() + " refused (server unavailable)",
                early ? "the tries settled the case after " + held.toMillis() + " ms: the refusal ended then, not after the window" : null);
        return seen;
    }

    private static List<RefusedConnect> refusedSince(BrokerLog log, String host, Instant from) {
        return log.refusedConnects().stream().filter(c -> c.remoteAddress().equals(host) && !c.at().isBefore(from)).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BrokerLog required() {
        return broker.get().orElseThrow(() -> Verdicts.inconclusive(
                "the bench's MQTT broker cannot be read by certbench (use broker kind embedded to see what devices send)"));
    }

    private <T> List<T> await(Duration wait, Supplier<List<T>> read) {
        Deadline until = Deadline.in(wait.compareTo(deadline.remaining()) < 0 ? wait : deadline.remaining());
        List<T> seen = read.get();
        while (seen.isEmpty() && !until.expired()) {
            try {
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, until.remaining().toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = read.get();
        }
        return seen;
    }

    /** What is left of {@code wait} since the campaign first watched: nothing, once an earlier case waited it out. */
    private static Duration left(Duration wait, BrokerWatch.Watched watched) {
        Duration left = wait.minus(Duration.between(watched.since(), Instant.now()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private <T> void write(String name, String host, Duration wait, BrokerWatch.Watched watched, List<T> seen, Function<T, String> line) {
        write(name, host, wait, watched, seen, line, null);
    }

    private <T> void write(String name, String host, Duration wait, BrokerWatch.@Nullable Watched watched, List<T> seen,
            Function<T, String> line, @Nullable String closing) {
        try (Transcript transcript = evidence.transcript(name)) {
            String since = watched == null || watched.byCase().equals(caseLabel) ? ""
                    : ", watched since " + watched.since() + " (" + watched.byCase() + ")";
            transcript.note("lab broker, connections from " + host + " (waited up to " + wait + since + ", read " + Instant.now() + ")");
            if (seen.isEmpty()) {
                transcript.note("none");
            }
            seen.forEach(s -> transcript.received(line.apply(s)));
            if (closing != null) {
                transcript.note(closing);
            }
        }
    }
}
