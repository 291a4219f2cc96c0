package org.certbench.probes.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certbench.api.Evidence;
import org.certbench.api.Redactions;
import org.certbench.api.Verdicts;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;
import org.jspecify.annotations.Nullable;

/**
 * Opens a device's console and tells what it offers. The transcript ({@code serial-NAME.txt}) has every
 * chunk with its arrival time; the raw bytes are kept as {@code serial-NAME.raw}.
 *
 * <pre>{@code
 * ConsoleState console = probes.serial().classify(SerialEndpoint.parse(bench.serialPort("uart0").orElseThrow(), 115200));
 * }</pre>
 */
public final class SerialProbe {

    static final Pattern LOGIN = Pattern.compile("(?is).*(login|user ?name)\\s*:\\s*$");
    private static final Pattern BOOTLOADER = Pattern.compile("(?is).*(u-boot|hit any key to stop autoboot|autoboot in|cfe>|redboot>|=>\\s*$|barebox).*");
    private static final Pattern SHELL = Pattern.compile("(?s).*[#$]\\s*$");
    /** Any of the answers {@link #classify} tells apart. */
    private static final Pattern RECOGNISED = Pattern.compile(LOGIN.pattern() + "|" + BOOTLOADER.pattern() + "|" + SHELL.pattern());
    /** The cursor after a prompt: a prompt character and at most spaces, no line end (a banner line ends in one). */
    private static final Pattern AT_PROMPT = Pattern.compile("(?s).*(?:[#$>:]|=>)[ \\t]*$");
    private static final Pattern ID = Pattern.compile("uid=(\\d+)\\(([^)]*)\\)");

    private final @Nullable Evidence evidence;
    private final Deadline deadline;

    public SerialProbe(Evidence evidence, Deadline deadline) {
        this.evidence = evidence;
        this.deadline = deadline;
    }

    private SerialProbe(Deadline deadline) {
        this.evidence = null;
        this.deadline = deadline;
    }

    /** A probe for use outside certbench's engine: nothing is recorded. */
    public static SerialProbe standalone(Deadline deadline) {
        return new SerialProbe(deadline);
    }

    /** Opens the console; close the session when done. Ends the case INCONCLUSIVE if it cannot be opened. */
    public SerialSession open(SerialEndpoint endpoint) {
        String name = "serial-" + Transcripts.safe(endpoint.toString().replaceAll("[:/@]+", "_"));
        try {
            return SerialSession.open(endpoint, Transcripts.open(evidence, name + ".txt"), deadline, raw -> {
                if (evidence != null && raw.length > 0) {
                    evidence.write(name + ".raw", raw);
                }
            });
        } catch (IOException e) {
            throw Verdicts.inconclusive("cannot open the console %s: %s", endpoint, e.getMessage());
        }
    }

    /**
     * Listens (waiting a while for a prompt after a banner), then presses Enter if no prompt showed, and tells
     * what answers: a login prompt, a shell (asking {@code id} whose), a bootloader, or silence.
     */
    public ConsoleState classify(SerialEndpoint endpoint) {
        try (SerialSession console = open(endpoint)) {
            String text = awaitPrompt(console, Duration.ofMillis(1200));
            if (!RECOGNISED.matcher(text).matches()) {
                // A loaded device may print its banner well before its prompt (seen on CI: the container console's
                // "virtual device", its login prompt after the first look): wait for a prompt, then press Enter as an
                // operator would and look again.
                if (!text.isBlank()) {
                    text += awaitPrompt(console, Duration.ofSeconds(2));
                }
                if (!RECOGNISED.matcher(text).matches()) {
                    console.sendLine("");
                    text += awaitPrompt(console, Duration.ofSeconds(2));
                }
            }
            String tail = tail(text);
            if (text.strip().isEmpty()) {
                return new ConsoleState(ConsoleState.Kind.SILENT, "nothing in " + 3200 + " ms, also after a newline");
            }
            if (BOOTLOADER.matcher(text).matches()) {
                return new ConsoleState(ConsoleState.Kind.BOOTLOADER, tail);
            }
            if (LOGIN.matcher(text).matches()) {
                return new ConsoleState(ConsoleState.Kind.LOGIN_PROMPT, tail);
            }
            if (SHELL.matcher(text).matches()) {
                console.sendLine("id");
                Optional<String> answer = console.expect(Pattern.compile("(?s).*uid=\\d+\\([^)]*\\).*[#$]\\s*$"), Duration.ofSeconds(3));
                Matcher id = ID.matcher(answer.orElse(""));
                if (id.find()) {
                    boolean root = id.group(1).equals("0");
                    return new ConsoleState(root ? ConsoleState.Kind.ROOT_SHELL : ConsoleState.Kind.USER_SHELL,
                            tail + " / " + id.group(0));
                }
                boolean rootPrompt = text.strip().endsWith("#");
                return new ConsoleState(rootPrompt ? ConsoleState.Kind.ROOT_SHELL : ConsoleState.Kind.USER_SHELL, tail + " (no answer to id)");
            }
            return new ConsoleState(ConsoleState.Kind.OTHER, tail);
        } catch (IOException e) {
            throw Verdicts.inconclusive("console %s failed: %s", endpoint, e.getMessage());
        }
    }

    /** How long nothing may follow a prompt for the console to count as waiting at it. */
    private static final Duration QUIET = Duration.ofMillis(300);

    /**
     * What arrives in {@code wait}, or until the console waits at a prompt: the cursor after a prompt and nothing more
     * for {@link #QUIET}. Waiting the whole window for a console that answered at once cost every classification over
     * a second.
     */
    private static String awaitPrompt(SerialSession console, Duration wait) throws IOException {
        long until = System.nanoTime() + wait.toNanos();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (!AT_PROMPT.matcher(text).matches()) {
                long left = until - System.nanoTime();
                Optional<String> prompt = left > 0 ? console.expect(AT_PROMPT, Duration.ofNanos(left)) : Optional.empty();
                if (prompt.isEmpty()) {
                    return text.append(console.read(Duration.ZERO)).toString();
                }
                text.append(prompt.get());
            }
            String more = console.read(QUIET);
            if (more.isEmpty() || System.nanoTime() >= until) {
                return text.append(more).toString();
            }
            text.append(more);
        }
    }

    /** The last lines of console text, printable, for a finding or a reason. */
    static String tail(String text) {
        String[] lines = text.replace("\r", "").strip().split("\n");
        StringBuilder tail = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
            if (tail.length() > 0) {
                tail.append(" | ");
            }
            tail.append(lines[i].replaceAll("[^\\x20-\\x7E]", "").strip());
        }
        return Redactions.apply(tail.toString());
    }
}
