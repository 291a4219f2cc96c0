package org.certbench.probes.power;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.certbench.api.Evidence;
import org.certbench.api.Operator;
import org.certbench.api.Transcript;
import org.certbench.api.Verdicts;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;
import org.jspecify.annotations.Nullable;

/**
 * Switches device outlets, by the driver a bench file names: {@code shelly+http://HOST},
 * {@code tasmota+http://HOST}, {@code tasmota+mqtt://BROKER:PORT/TOPIC}, or {@code manual:} (the operator is
 * asked). Every switch and the state the outlet reports go to {@code power.txt}.
 *
 * <pre>{@code
 * probes.power().cycle(bench.outlet("plug-a").orElseThrow(), operator, Duration.ofSeconds(5));
 * }</pre>
 */
public final class PowerProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final @Nullable Evidence evidence;
    private final Deadline deadline;

    public PowerProbe(Evidence evidence, Deadline deadline) {
        this.evidence = evidence;
        this.deadline = deadline;
    }

    private PowerProbe(Deadline deadline) {
        this.evidence = null;
        this.deadline = deadline;
    }

    /** A probe for use outside certbench's engine: nothing is recorded. */
    public static PowerProbe standalone(Deadline deadline) {
        return new PowerProbe(deadline);
    }

    /** The outlet a bench names; {@code operator} is asked for a {@code manual:} outlet. */
    public static Outlet outlet(String driver, @Nullable Operator operator) {
        if (driver.startsWith("manual:")) {
            if (operator == null) {
                throw new IllegalArgumentException("a manual outlet needs an operator");
            }
            return new ManualOutlet(driver.substring("manual:".length()), operator);
        }
        URI uri = URI.create(driver);
        return switch (uri.getScheme()) {
            case "shelly+http" -> HttpOutlets.shelly(URI.create("http://" + uri.getRawAuthority()), TIMEOUT);
            case "tasmota+http" -> HttpOutlets.tasmota(URI.create("http://" + uri.getRawAuthority()), TIMEOUT);
            case "tasmota+mqtt" -> new MqttOutlet(uri.getHost(), uri.getPort() < 0 ? 1883 : uri.getPort(), uri.getPath().replaceFirst("^/", ""),
                    TIMEOUT);
            default -> throw new IllegalArgumentException("unknown outlet driver " + driver
                    + ": use shelly+http://, tasmota+http://, tasmota+mqtt:// or manual:");
        };
    }

    /** Switches the outlet and checks the state it reports; ends the case INCONCLUSIVE if it cannot. */
    public void set(String driver, @Nullable Operator operator, boolean on) {
        try (Transcript transcript = Transcripts.open(evidence, "power.txt")) {
            switchAndCheck(outlet(driver, operator), on, transcript);
        }
    }

    /** Off, wait {@code offTime}, on: the power cut of a resilience case (EN 303 645 5.9-1). */
    public void cycle(String driver, @Nullable Operator operator, Duration offTime) {
        try (Transcript transcript = Transcripts.open(evidence, "power.txt")) {
            Outlet outlet = outlet(driver, operator);
            switchAndCheck(outlet, false, transcript);
            long until = System.nanoTime() + Math.min(offTime.toNanos(), deadline.remaining().toNanos());
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            transcript.note("off for " + offTime.toMillis() + " ms");
            switchAndCheck(outlet, true, transcript);
        }
    }

    private void switchAndCheck(Outlet outlet, boolean on, Transcript transcript) {
        transcript.sent(outlet.describe() + ": switch " + (on ? "on" : "off"));
        Optional<Boolean> reported;
        try {
            reported = outlet.set(on);
        } catch (IOException e) {
            transcript.received("failed: " + e.getMessage());
            throw Verdicts.inconclusive("cannot switch %s %s: %s", outlet.describe(), on ? "on" : "off", e.getMessage());
        }
        transcript.received("outlet reports " + reported.map(s -> s ? "on" : "off").orElse("nothing"));
        if (reported.isPresent() && reported.get() != on) {
            throw Verdicts.inconclusive("%s reports %s after being switched %s", outlet.describe(), reported.get() ? "on" : "off",
                    on ? "on" : "off");
        }
    }
}
