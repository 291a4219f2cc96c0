package org.certbench.probes.login;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.certbench.api.Evidence;
import org.certbench.api.Redactions;
import org.certbench.api.Transcript;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;
import org.certbench.probes.Workers;
import org.certbench.probes.http.HttpAuth;
import org.certbench.probes.http.HttpCall;
import org.certbench.probes.http.HttpProbe;
import org.certbench.probes.http.HttpResult;
import org.certbench.probes.mqtt.ConnectResult;
import org.certbench.probes.serial.SerialEndpoint;
import org.certbench.probes.serial.SerialSession;
import org.certbench.probes.mqtt.MqttEndpoint;
import org.certbench.probes.mqtt.MqttLogin;
import org.certbench.probes.mqtt.MqttProbe;
import org.certbench.probes.mqtt.MqttVersion;
import org.certbench.probes.tls.TrustChoice;
import org.jspecify.annotations.Nullable;

/**
 * Tries credentials on a device's login surfaces: telnet and FTP (Apache Commons Net), a serial console, SSH (Apache MINA
 * SSHD, password and keyboard-interactive), HTTP Basic and Digest (as the 401 asks), MQTT CONNECT. Never
 * makes more attempts than its budget, whatever the list; every attempt and answer is recorded, the
 * public factory defaults in full and any other password as {@code ***}.
 *
 * <pre>{@code
 * DefaultsResult defaults = probes.login().tryDefaults(LoginSurface.telnet(host, 23), Wordlist.vendorDefaults());
 * defaults.accepted().ifPresent(c -> Verdicts.fail("telnet on %s accepts the factory default %s", host, c.describe(true)));
 * }</pre>
 */
public final class LoginProbe {

    /** Attempts a probe call may make unless told otherwise. */
    public static final int DEFAULT_BUDGET = 100;
    private static final int WAIT_CAP_MILLIS = 10_000;
    private static final Pattern LOGIN_PROMPT = Pattern.compile("(?is).*(login|user ?name)\\s*:\\s*$");
    private static final Pattern PASSWORD_PROMPT = Pattern.compile("(?is).*password\\s*:\\s*$");
    private static final Pattern REJECTED = Pattern.compile("(?is).*(incorrect|invalid|fail|denied|wrong|bad password).*");
    private static final Pattern PASSWORD_OR_SHELL = Pattern.compile("(?is).*(password\\s*:|[#$>%])\\s*$");
    private static final Pattern LOGIN_OR_SHELL = Pattern.compile("(?is).*((login|user ?name)\\s*:|[#$>%])\\s*$");
    /** What may follow a password: a shell, the login prompt again, or a new password prompt (asked again). */
    private static final Pattern AFTER_PASSWORD = Pattern.compile("(?is).*((login|user ?name|password)\\s*:|[#$>%])\\s*$");

    private final @Nullable Evidence evidence;
    private final Deadline deadline;
    private final int budget;
    private final Wordlist publicDefaults = Wordlist.vendorDefaults();

    /**
     * @param budget the most attempts one call makes
     */
    public LoginProbe(Evidence evidence, Deadline deadline, int budget) {
        this.evidence = evidence;
        this.deadline = deadline;
        this.budget = budget;
    }

    private LoginProbe(Deadline deadline, int budget) {
        this.evidence = null;
        this.deadline = deadline;
        this.budget = budget;
    }

    /** A probe for use outside certbench's engine: nothing is recorded. */
    public static LoginProbe standalone(Deadline deadline, int budget) {
        return new LoginProbe(deadline, budget);
    }

    /** Tries the list in order until one is accepted, the budget is spent or the deadline passes. */
    public DefaultsResult tryDefaults(LoginSurface surface, Wordlist list) {
        return tryDefaults(surface, list, 1);
    }

    /**
     * As {@link #tryDefaults(LoginSurface, Wordlist)}, with up to {@code parallelism} attempts in flight at once, as a
     * lab runs hydra with {@code -t}: each worker takes the next credential of the list; once one is accepted no
     * new attempt starts (those already in flight finish and are recorded). Attempts are returned in list order;
     * the accepted credential is the first of the list the device took.
     *
     * <pre>{@code
     * probes.login().tryDefaults(LoginSurface.ftp(host, 21), Wordlist.load(Path.of("lab-list.txt")), 4);
     * }</pre>
     *
     * @param parallelism connections at once, at least 1; a device that locks out or slows down under parallel
     *     attempts is better met with 1, which the suites use
     */
    public DefaultsResult tryDefaults(LoginSurface surface, Wordlist list, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        try (Transcript transcript = Transcripts.shared(transcript(surface))) {
            List<UserPass> planned = list.entries().subList(0, Math.min(budget, list.entries().size()));
            transcript.note("default credentials on " + surface + ": " + list.entries().size() + " in the list, budget " + budget
                    + (parallelism > 1 ? ", " + parallelism + " at once" : ""));
            Attempt[] made = new Attempt[planned.size()];
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean found = new AtomicBoolean();
            Runnable worker = () -> {
                for (int i = next.getAndIncrement(); i < made.length && !found.get() && !deadline.expired(); i = next.getAndIncrement()) {
                    made[i] = attempt(surface, planned.get(i), transcript);
                    if (made[i].accepted()) {
                        found.set(true);
                    }
                }
            };
            try {
                Workers.run("certbench-login", Math.min(parallelism, made.length), worker);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Attempt> attempts = new ArrayList<>();
            for (Attempt attempt : made) {
                if (attempt != null) {
                    attempts.add(attempt);
                }
            }
            boolean exhausted = attempts.size() < list.entries().size() && attempts.stream().noneMatch(Attempt::accepted);
            if (exhausted) {
                transcript.note("stopped after " + attempts.size() + " attempts (budget or deadline)");
            }
            return new DefaultsResult(surface, attempts, exhausted);
        }
    }

    /**
     * Makes {@code wrongAttempts} attempts with wrong passwords for {@code username} (within the budget),
     * then, if given, one with the right credential, to see whether the device slows down or locks out.
     */
    public BruteForceResult bruteForce(LoginSurface surface, String username, int wrongAttempts, @Nullable UserPass right) {
        try (Transcript transcript = transcript(surface)) {
            int wrong = Math.min(wrongAttempts, right == null ? budget : budget - 1);
            transcript.note("brute force on " + surface + ": " + wrong + " wrong passwords for " + username + (right == null ? "" : ", then the right one"));
            List<Attempt> attempts = new ArrayList<>();
            Integer lockedAfter = null;
            byte[] salt = new byte[4];
            new SecureRandom().nextBytes(salt);
            for (int i = 1; i <= wrong && !deadline.expired(); i++) {
                Attempt attempt = attempt(surface, UserPass.of(username, "certbench-wrong-" + HexFormat.of().formatHex(salt) + "-" + i), transcript);
                attempts.add(attempt);
                if (attempt.outcome() == Attempt.Outcome.REFUSED && lockedAfter == null) {
                    lockedAfter = i - 1;
                }
                if (attempt.accepted()) {
                    transcript.note("a wrong password was accepted");
                    break;
                }
            }
            if (right != null && !deadline.expired()) {
                Attempt last = attempt(surface, right, transcript);
                attempts.add(last);
                if (!last.accepted() && lockedAfter == null) {
                    lockedAfter = attempts.size() - 1;
                }
            }
            double slowdown = slowdown(attempts);
            transcript.note(String.format(Locale.ROOT, "locked out: %s; slowdown last/first: %.1f",
                    lockedAfter == null ? "no" : "after " + lockedAfter + " failures", slowdown));
            return new BruteForceResult(surface, attempts, Optional.ofNullable(lockedAfter), slowdown);
        }
    }

    private static double slowdown(List<Attempt> attempts) {
        List<Attempt> failures = attempts.stream().filter(a -> a.outcome() == Attempt.Outcome.REJECTED).toList();
        if (failures.size() < 6) {
            return 1.0;
        }
        double first = median(failures.subList(0, 3));
        double last = median(failures.subList(failures.size() - 3, failures.size()));
        return first <= 0 ? 1.0 : last / first;
    }

    private static double median(List<Attempt> attempts) {
        return attempts.stream().mapToLong(a -> a.elapsed().toNanos()).sorted().skip(attempts.size() / 2).findFirst().orElse(0);
    }

    /** One attempt, recorded. */
    public Attempt attempt(LoginSurface surface, UserPass credential) {
        try (Transcript transcript = transcript(surface)) {
            return attempt(surface, credential, transcript);
        }
    }

    private Attempt attempt(LoginSurface surface, UserPass credential, Transcript transcript) {
        boolean publicDefault = publicDefaults.entries().contains(credential);
        transcript.sent(surface.kind() + " login " + credential.describe(publicDefault));
        long started = System.nanoTime();
        Attempt attempt;
        try {
            attempt = switch (surface.kind()) {
                case TELNET -> console(new SerialEndpoint.Remote(surface.host(), surface.port(), false, 0), "\r\n", credential, started);
                case SERIAL -> console(SerialEndpoint.parse(surface.host(), surface.port()), "\r", credential, started);
                case FTP -> ftp(surface, credential, started);
                case SSH -> ssh(surface, credential, started);
                case HTTP -> http(surface, credential, started);
                case MQTT -> mqtt(surface, credential, started);
            };
        } catch (IOException e) {
            attempt = done(credential, e instanceof java.net.ConnectException ? Attempt.Outcome.REFUSED : Attempt.Outcome.FAILED, started,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        // The credential again: attempts made in parallel interleave their lines.
        transcript.received(attempt.outcome() + " in " + attempt.elapsed().toMillis() + " ms (" + credential.describe(publicDefault) + "): "
                + attempt.detail());
        return attempt;
    }

    private Attempt done(UserPass credential, Attempt.Outcome outcome, long started, String detail) {
        return new Attempt(credential, outcome, Duration.ofNanos(System.nanoTime() - started), Redactions.apply(detail.strip()));
    }

    private int waitMillis() {
        return deadline.remainingMillis(WAIT_CAP_MILLIS);
    }

    /** Logs in at a console (telnet, or a serial port), as a person would: user, password, then see what answers. */
    private Attempt console(SerialEndpoint endpoint, String lineEnding, UserPass credential, long started) throws IOException {
        Duration wait = Duration.ofMillis(waitMillis());
        try (SerialSession console = SerialSession.open(endpoint, Transcripts.open(null, ""), deadline, raw -> { }).lineEnding(lineEnding)) {
            Optional<String> greeting = console.expect(LOGIN_OR_SHELL, Duration.ofMillis(Math.min(wait.toMillis(), 1500)));
            for (int nudge = 0; greeting.isEmpty() && nudge < 2; nudge++) {
                // A console prints its prompt once; pressing Enter (twice, if it was waiting for a password) brings it back.
                console.sendLine("");
                greeting = console.expect(LOGIN_OR_SHELL, wait);
            }
            if (greeting.isEmpty()) {
                return done(credential, Attempt.Outcome.FAILED, started, "no login prompt");
            }
            if (!LOGIN_PROMPT.matcher(greeting.get()).matches()) {
                return done(credential, Attempt.Outcome.ACCEPTED, started, "a shell without any login: " + lastLine(greeting.get()));
            }
            console.sendLine(credential.username());
            Optional<String> afterUser = console.expect(PASSWORD_OR_SHELL, wait);
            if (afterUser.isPresent() && !PASSWORD_PROMPT.matcher(afterUser.get()).matches()) {
                return done(credential, Attempt.Outcome.ACCEPTED, started, "logged in without a password: " + lastLine(afterUser.get()));
            }
            console.sendLine(credential.password());
            Optional<String> verdict = console.expect(AFTER_PASSWORD, wait);
            if (verdict.isEmpty()) {
                String rest = console.read(Duration.ofMillis(200));
                return done(credential, REJECTED.matcher(rest).matches() ? Attempt.Outcome.REJECTED : Attempt.Outcome.REFUSED, started,
                        rest.isBlank() ? "no answer after the password (closed or locked)" : lastLine(rest));
            }
            String text = verdict.get();
            if (REJECTED.matcher(text).matches() || LOGIN_PROMPT.matcher(text).matches() || PASSWORD_PROMPT.matcher(text).matches()) {
                return done(credential, Attempt.Outcome.REJECTED, started, lastLine(text).isEmpty() ? "login prompt again" : lastLine(text));
            }
            return done(credential, Attempt.Outcome.ACCEPTED, started, "shell prompt: " + lastLine(text));
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].replaceAll("[^\\x20-\\x7E]", "").strip();
    }

    private Attempt ftp(LoginSurface surface, UserPass credential, long started) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setConnectTimeout(waitMillis());
        ftp.setDefaultTimeout(waitMillis());
        try {
            ftp.connect(surface.host(), surface.port());
            ftp.setSoTimeout(waitMillis());
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                return done(credential, Attempt.Outcome.REFUSED, started, ftp.getReplyString());
            }
            boolean ok = ftp.login(credential.username(), credential.password());
            String reply = ftp.getReplyString();
            if (ok) {
                ftp.logout();
                return done(credential, Attempt.Outcome.ACCEPTED, started, reply);
            }
            int code = ftp.getReplyCode();
            Attempt.Outcome outcome = code == 530 ? Attempt.Outcome.REJECTED : code == 421 ? Attempt.Outcome.REFUSED : Attempt.Outcome.FAILED;
            return done(credential, outcome, started, reply);
        } finally {
            if (ftp.isConnected()) {
                ftp.disconnect();
            }
        }
    }

    private Attempt ssh(LoginSurface surface, UserPass credential, long started) throws IOException {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE));
        CoreModuleProperties.PASSWORD_PROMPTS.set(client, 1);
        client.start();
        try (ClientSession session = client.connect(credential.username(), surface.host(), surface.port())
                .verify(Duration.ofMillis(waitMillis())).getSession()) {
            session.addPasswordIdentity(credential.password());
            try {
                session.auth().verify(Duration.ofMillis(waitMillis()));
                return done(credential, Attempt.Outcome.ACCEPTED, started, "authenticated (" + session.getServerVersion() + ")");
            } catch (org.apache.sshd.common.SshException e) {
                // Only a refusal of the credential counts as rejected; a failed key exchange decides nothing.
                boolean authentication = session.isOpen() && session.getServerVersion() != null
                        && String.valueOf(e.getMessage()).contains("authentication");
                return done(credential, authentication ? Attempt.Outcome.REJECTED : Attempt.Outcome.FAILED, started,
                        "authentication " + (authentication ? "refused" : "not reached") + " (" + session.getServerVersion() + "): " + e.getMessage());
            }
        } catch (org.apache.sshd.common.SshException e) {
            return done(credential, Attempt.Outcome.REFUSED, started, "no SSH session: " + e.getMessage());
        } finally {
            client.stop();
        }
    }

    private Attempt http(LoginSurface surface, UserPass credential, long started) {
        URI uri = URI.create((surface.tls() ? "https://" : "http://") + (surface.host().contains(":") ? "[" + surface.host() + "]" : surface.host())
                + ":" + surface.port() + (surface.path().isEmpty() ? "/" : surface.path()));
        HttpProbe http = HttpProbe.standalone(deadline);
        HttpResult open = http.request(HttpCall.get(uri).withRedirects(0));
        if (!open.answered()) {
            return done(credential, Attempt.Outcome.REFUSED, started, String.valueOf(open.problem()));
        }
        if (open.status() / 100 == 2) {
            return done(credential, Attempt.Outcome.ACCEPTED, started, "HTTP " + open.status() + " without any credential");
        }
        if (open.status() != 401) {
            return done(credential, Attempt.Outcome.FAILED, started, "HTTP " + open.status() + " instead of a 401 challenge");
        }
        HttpResult answer = http.request(HttpCall.get(uri).withRedirects(0).withAuth(HttpAuth.of(credential.username(), credential.password())));
        int status = answer.status();
        Attempt.Outcome outcome = status / 100 == 2 || status / 100 == 3 ? Attempt.Outcome.ACCEPTED
                : status == 401 || status == 403 ? Attempt.Outcome.REJECTED
                : status == 429 || status == 503 || status < 0 ? Attempt.Outcome.REFUSED : Attempt.Outcome.FAILED;
        return done(credential, outcome, started, "HTTP " + status + " to " + answer.scheme() + " credentials");
    }

    private Attempt mqtt(LoginSurface surface, UserPass credential, long started) {
        MqttEndpoint endpoint = surface.tls() ? MqttEndpoint.tls(surface.host(), surface.port(), TrustChoice.anything(), null)
                : MqttEndpoint.plain(surface.host(), surface.port());
        MqttLogin login = credential.username().isEmpty() && credential.password().isEmpty() ? MqttLogin.ANONYMOUS
                : MqttLogin.of(credential.username(), credential.password());
        ConnectResult result = MqttProbe.standalone(deadline).connect(endpoint, MqttVersion.V3_1_1, login);
        Attempt.Outcome outcome = switch (result.outcome()) {
            case ACCEPTED -> Attempt.Outcome.ACCEPTED;
            case REFUSED -> result.code() == 4 || result.code() == 5 || result.code() == 0x86 || result.code() == 0x87
                    ? Attempt.Outcome.REJECTED : Attempt.Outcome.REFUSED;
            case UNREACHABLE, CLOSED -> Attempt.Outcome.REFUSED;
            default -> Attempt.Outcome.FAILED;
        };
        return done(credential, outcome, started, result.toString());
    }

    private Transcript transcript(LoginSurface surface) {
        return Transcripts.open(evidence, "login-" + surface.kind().name().toLowerCase(Locale.ROOT) + "-" + Transcripts.safe(surface.host())
                + "-" + surface.port() + ".txt");
    }
}
