package org.certbench.probes.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.certbench.probes.Deadline;
import org.certbench.probes.login.Attempt;
import org.certbench.probes.login.LoginProbe;
import org.certbench.probes.login.LoginSurface;
import org.certbench.probes.login.UserPass;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.DirectoryEvidence;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial probe against pseudo-terminals that socat makes, with a shell, a login program, a
 * bootloader stand-in and nothing at all behind them, read directly (jSerialComm) and through ser2net
 * (telnet, and telnet with RFC 2217).
 */
class SerialProbeTest {

    private static final String PASSWORD = "Console-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;

    private static final List<Daemon> daemons = new ArrayList<>();
    private static int telnetPort;
    private static int rfc2217Port;

    @BeforeAll
    static void startConsoles() throws IOException {
        Path login = copyScript("/org/certbench/probes/login/locking-login.sh", "login.sh");
        Path bootloader = copyScript("/org/certbench/probes/serial/bootloader.sh", "bootloader.sh");
        Files.writeString(dir.resolve("credentials"), "owner:" + PASSWORD + "\n");
        Files.createDirectories(dir.resolve("state"));
        pty("shell", "EXEC:/bin/sh -i");
        // A console respawns its login program, as getty does, until the console itself is gone (exit 2).
        pty("login", "SYSTEM:while true; do env CREDENTIALS=" + dir.resolve("credentials") + " STATE=" + dir.resolve("state") + " "
                + login + "; [ $? -eq 2 ] && exit 0; done");
        pty("bootloader", "EXEC:" + bootloader);
        pty("silent", "EXEC:sleep 600");
        Path hashes = dir.resolve("hashes.sh");
        Files.writeString(hashes, "#!/bin/sh\nprintf '### build 42 #\\n'\nsleep 0.6\nprintf 'login: '\nexec sleep 600\n");
        Files.setPosixFilePermissions(hashes, PosixFilePermissions.fromString("rwxr-xr-x"));
        pty("hashes", "EXEC:" + hashes);
        pty("slow", "SYSTEM:echo virtual device; sleep 2; printf 'login: '; exec sleep 600");
        pty("exported", "EXEC:/bin/sh -i");
        telnetPort = Tools.freePort();
        rfc2217Port = Tools.freePort();
        Files.writeString(dir.resolve("ser2net.yaml"), String.join("\n",
                "connection: &telnet", "  accepter: telnet,tcp,127.0.0.1," + telnetPort,
                "  connector: serialdev," + dir.resolve("tty-exported") + ",115200n81,local",
                "connection: &rfc2217", "  accepter: telnet(rfc2217),tcp,127.0.0.1," + rfc2217Port,
                "  connector: serialdev," + dir.resolve("tty-shell") + ",115200n81,local", ""));
        daemons.add(Daemon.start(dir, "ser2net", rfc2217Port, Tools.require("ser2net").toString(), "-n", "-d", "-c",
                dir.resolve("ser2net.yaml").toString()));
    }

    private static Path copyScript(String resource, String name) throws IOException {
        Path script = dir.resolve(name);
        Files.copy(SerialProbeTest.class.getResourceAsStream(resource), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** A pseudo-terminal at {@code tty-NAME} with a socat EXEC: or SYSTEM: program behind it. */
    private static void pty(String name, String program) {
        Path link = dir.resolve("tty-" + name);
        daemons.add(Daemon.startWhen(dir, "socat-" + name, new String[] {Tools.require("socat").toString(),
            "pty,link=" + link + ",raw,echo=0", program + ",pty,stderr,setsid,sigint,sane"}, () -> Files.exists(link)));
    }

    @AfterAll
    static void stopConsoles() {
        daemons.forEach(Daemon::close);
    }

    private static SerialProbe probe(Path evidence) {
        return new SerialProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofSeconds(60)));
    }

    private static SerialEndpoint local(String name) {
        return new SerialEndpoint.Local(dir.resolve("tty-" + name).toString(), 115200);
    }

    @Test
    void anOpenRootShellIsToldByItsAnswerToId(@TempDir Path evidence) throws IOException {
        ConsoleState state = probe(evidence).classify(local("shell"));

        assertThat(state.kind()).as(state.evidence()).isEqualTo(ConsoleState.Kind.ROOT_SHELL);
        assertThat(state.evidence()).contains("uid=0(root)");
        String transcript = new DirectoryEvidence(evidence).allText();
        assertThat(transcript).containsPattern("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z > id").contains("\\r\\n");
        try (var files = Files.list(evidence)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".raw"));
        }
    }

    @Test
    void aLoginProgramIsALoginPromptAndTakesOnlyTheRightPassword(@TempDir Path evidence) {
        assertThat(probe(evidence).classify(local("login")).kind()).isEqualTo(ConsoleState.Kind.LOGIN_PROMPT);

        LoginProbe login = new LoginProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofSeconds(60)), 5);
        LoginSurface console = LoginSurface.serial(dir.resolve("tty-login").toString(), 115200);
        Attempt wrong = login.attempt(console, UserPass.of("owner", "wrong"));
        Attempt right = login.attempt(console, UserPass.of("owner", PASSWORD));

        assertThat(wrong.outcome()).as(wrong.detail()).isEqualTo(Attempt.Outcome.REJECTED);
        assertThat(right.outcome()).as(right.detail()).isEqualTo(Attempt.Outcome.ACCEPTED);
    }

    @Test
    void anUnprotectedBootloaderIsRecognised(@TempDir Path evidence) {
        ConsoleState state = probe(evidence).classify(local("bootloader"));

        assertThat(state.kind()).isEqualTo(ConsoleState.Kind.BOOTLOADER);
        assertThat(state.evidence()).containsIgnoringCase("autoboot");
    }

    @Test
    void aBannerLongBeforeTheLoginPromptIsStillALoginPrompt(@TempDir Path evidence) {
        ConsoleState state = probe(evidence).classify(local("slow"));

        assertThat(state.kind()).as(state.evidence()).isEqualTo(ConsoleState.Kind.LOGIN_PROMPT);
        assertThat(state.evidence()).contains("virtual device").contains("login:");
    }

    @Test
    void aBannerLineEndingInAHashIsNotTakenForAShellPrompt(@TempDir Path evidence) {
        ConsoleState state = probe(evidence).classify(local("hashes"));

        assertThat(state.kind()).as(state.evidence()).isEqualTo(ConsoleState.Kind.LOGIN_PROMPT);
    }

    @Test
    void aSilentConsoleIsSilentAfterANewline(@TempDir Path evidence) {
        assertThat(probe(evidence).classify(local("silent")).kind()).isEqualTo(ConsoleState.Kind.SILENT);
    }

    @Test
    void ser2netExportsAreReadOverTelnetAndRfc2217(@TempDir Path evidence) throws IOException {
        ConsoleState telnet = probe(evidence).classify(new SerialEndpoint.Remote("127.0.0.1", telnetPort, false, 115200));
        ConsoleState rfc2217 = probe(evidence).classify(SerialEndpoint.parse("rfc2217://127.0.0.1:" + rfc2217Port, 115200));

        assertThat(telnet.kind()).as(telnet.evidence()).isEqualTo(ConsoleState.Kind.ROOT_SHELL);
        assertThat(rfc2217.kind()).as(rfc2217.evidence()).isEqualTo(ConsoleState.Kind.ROOT_SHELL);
        assertThat(new DirectoryEvidence(evidence).allText()).contains("RFC 2217: 115200 baud, 8 data bits, no parity, 1 stop bit");
    }
}
