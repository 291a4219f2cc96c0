package org.certbench.probes.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.DirectoryEvidence;
import org.certbench.probes.testing.NamespaceHost;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login probe against real login services in a namespace device: busybox telnetd with /bin/login
 * and with a device's own locking login program, vsftpd, OpenSSH's sshd, lighttpd with Basic and Digest
 * auth, mosquitto with a password file. The device's users (admin/admin, a factory default, and owner
 * with a random password) live in a passwd/shadow pair bind-mounted over /etc for those daemons only.
 */
class LoginProbeTest {

    private static final String OWNER_PASSWORD = "Own3r-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;

    private static NamespaceHost device;
    private static final List<Daemon> daemons = new ArrayList<>();

    @BeforeAll
    static void startDevice() throws Exception {
        device = NamespaceHost.create();
        // The device's users must reach their home: the folder chain must be searchable by them.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        String adminHash = Tools.run(dir, Tools.require("openssl").toString(), "passwd", "-6", "admin").strip();
        String ownerHash = Tools.run(dir, Tools.require("openssl").toString(), "passwd", "-6", OWNER_PASSWORD).strip();
        Files.writeString(dir.resolve("passwd"), Files.readString(Path.of("/etc/passwd"))
                + "admin:x:4241:4241:admin:" + home + ":/bin/sh\nowner:x:4242:4242:owner:" + home + ":/bin/sh\n");
        Files.writeString(dir.resolve("shadow"), Files.readString(Path.of("/etc/shadow"))
                + "admin:" + adminHash + ":19000:0:99999:7:::\nowner:" + ownerHash + ":19000:0:99999:7:::\n");

        write("pam-vsftpd", "auth required pam_unix.so", "account required pam_unix.so", "session required pam_unix.so");
        Files.createDirectories(Path.of("/var/run/vsftpd/empty"));
        write("vsftpd.conf", "listen=YES", "listen_port=21", "background=NO", "anonymous_enable=NO", "local_enable=YES",
                "secure_chroot_dir=/var/run/vsftpd/empty", "seccomp_sandbox=NO", "pam_service_name=vsftpd", "delay_failed_login=1",
                "check_shell=NO");
        daemons.add(withUsers("vsftpd", 21, Tools.require("vsftpd") + " " + dir.resolve("vsftpd.conf")));

        Tools.run(dir, Tools.require("ssh-keygen").toString(), "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_ed25519").toString());
        Files.createDirectories(Path.of("/run/sshd"));
        write("sshd_config", "Port 22", "HostKey " + dir.resolve("host_ed25519"), "PidFile " + dir.resolve("sshd.pid"), "UsePAM no",
                "PasswordAuthentication yes", "KbdInteractiveAuthentication no", "PermitRootLogin no", "MaxAuthTries 10");
        daemons.add(withUsers("sshd", 22, Tools.require("sshd") + " -D -e -f " + dir.resolve("sshd_config")));

        daemons.add(withUsers("telnetd", 23, Tools.require("busybox") + " telnetd -F -p 23 -l /bin/login"));

        Path login = dir.resolve("locking-login.sh");
        Files.copy(LoginProbeTest.class.getResourceAsStream("locking-login.sh"), login);
        Files.setPosixFilePermissions(login, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("console-credentials"), "owner:" + OWNER_PASSWORD + "\n");
        Files.createDirectories(dir.resolve("console-state"));
        daemons.add(device.start(dir, "telnetd-locking", 2323, "env", "CREDENTIALS=" + dir.resolve("console-credentials"),
                "STATE=" + dir.resolve("console-state"), Tools.require("busybox").toString(), "telnetd", "-F", "-p", "2323", "-l", login.toString()));

        Files.createDirectories(dir.resolve("www/basic"));
        Files.createDirectories(dir.resolve("www/digest"));
        Files.writeString(dir.resolve("www/index.html"), "open\n");
        Files.writeString(dir.resolve("www/basic/index.html"), "basic\n");
        Files.writeString(dir.resolve("www/digest/index.html"), "digest\n");
        String ha1 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(("owner:ACME:" + OWNER_PASSWORD).getBytes()));
        Files.writeString(dir.resolve("htdigest"), "owner:ACME:" + ha1 + "\n");
        write("lighttpd.conf", "server.document-root = \"" + dir.resolve("www") + "\"", "server.port = 80",
                "server.modules = (\"mod_auth\", \"mod_authn_file\")", "index-file.names = (\"index.html\")",
                "server.errorlog = \"" + dir.resolve("lighttpd-error.log") + "\"",
                "auth.backend = \"htdigest\"", "auth.backend.htdigest.userfile = \"" + dir.resolve("htdigest") + "\"",
                "auth.require = (\"/basic/\" => (\"method\" => \"basic\", \"realm\" => \"ACME\", \"require\" => \"valid-user\"),",
                "                \"/digest/\" => (\"method\" => \"digest\", \"realm\" => \"ACME\", \"require\" => \"valid-user\"))");
        daemons.add(device.start(dir, "lighttpd", 80, Tools.require("lighttpd").toString(), "-D", "-f", dir.resolve("lighttpd.conf").toString()));

        Tools.run(dir, Tools.require("mosquitto_passwd").toString(), "-c", "-b", dir.resolve("mqtt-passwords").toString(), "owner", OWNER_PASSWORD);
        write("mosquitto.conf", "user root", "log_dest stderr", "persistence false", "listener 1883", "allow_anonymous false",
                "password_file " + dir.resolve("mqtt-passwords"));
        daemons.add(device.start(dir, "mosquitto", 1883, Tools.require("mosquitto").toString(), "-c", dir.resolve("mosquitto.conf").toString()));
    }

    /**
     * Runs a daemon in the device with the device's own passwd, shadow and a plain pam_unix stack for
     * vsftpd in place of the machine's (Debian's vsftpd stack also consults ftpusers and shells).
     */
    private static Daemon withUsers(String name, int port, String command) {
        String script = "mount --bind " + dir.resolve("passwd") + " /etc/passwd && mount --bind " + dir.resolve("shadow")
                + " /etc/shadow && mount --bind " + dir.resolve("pam-vsftpd") + " /etc/pam.d/vsftpd && exec " + command;
        return device.start(dir, name, port, "unshare", "--mount", "--propagation", "private", "sh", "-c", script);
    }

    private static void write(String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @AfterAll
    static void stopDevice() {
        daemons.forEach(Daemon::close);
        if (device != null) {
            device.close();
        }
    }

    private static LoginProbe probe(Path evidence, int budget) {
        return new LoginProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofMinutes(2)), budget);
    }

    @Test
    void telnetWithLoginAcceptsTheFactoryDefaultFirstInTheShippedList(@TempDir Path evidence) throws IOException {
        DefaultsResult result = probe(evidence, 5).tryDefaults(LoginSurface.telnet(device.address(), 23), Wordlist.vendorDefaults());

        assertThat(result.accepted()).contains(UserPass.of("admin", "admin"));
        assertThat(new DirectoryEvidence(evidence).allText()).contains("> TELNET login admin/admin").contains("< ACCEPTED");
    }

    @Test
    void ftpRejectsAWrongDefaultThenAcceptsTheRealOne(@TempDir Path evidence) {
        DefaultsResult result = probe(evidence, 10).tryDefaults(LoginSurface.ftp(device.address(), 21),
                Wordlist.of(List.of(UserPass.of("root", "root"), UserPass.of("admin", "admin"), UserPass.of("guest", "guest"))));

        assertThat(result.attempts()).extracting(Attempt::outcome).containsExactly(Attempt.Outcome.REJECTED, Attempt.Outcome.ACCEPTED);
        assertThat(result.attempts().get(0).detail()).startsWith("530");
        assertThat(result.attempts().get(1).detail()).startsWith("230");
    }

    @Test
    void fourAtOnceOnFtpTryEveryCredentialOnceAndFindTheRightOneLast(@TempDir Path evidence) throws IOException {
        List<UserPass> list = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            list.add(UserPass.of("owner", "wrong-" + i));
        }
        list.add(UserPass.of("owner", OWNER_PASSWORD));

        DefaultsResult result = probe(evidence, 100).tryDefaults(LoginSurface.ftp(device.address(), 21), Wordlist.of(list), 4);

        assertThat(result.attempts()).extracting(Attempt::credential).containsExactlyElementsOf(list);
        assertThat(result.attempts().subList(0, 11)).extracting(Attempt::outcome).containsOnly(Attempt.Outcome.REJECTED);
        assertThat(result.accepted()).contains(UserPass.of("owner", OWNER_PASSWORD));
        assertThat(result.budgetExhausted()).isFalse();
        String transcript = new DirectoryEvidence(evidence).allText();
        assertThat(transcript).contains("4 at once").doesNotContain(OWNER_PASSWORD);
        // Each answer names its credential (hidden), so interleaved lines stay readable: 12 answers, each whole.
        assertThat(transcript.lines().filter(l -> l.contains("< REJECTED in ") || l.contains("< ACCEPTED in "))
                .filter(l -> l.contains("(owner/***)"))).hasSize(12);
    }

    @Test
    void sshTellsTheRightPasswordFromAWrongOne(@TempDir Path evidence) throws IOException {
        LoginProbe probe = probe(evidence, 10);
        Attempt right = probe.attempt(LoginSurface.ssh(device.address(), 22), UserPass.of("owner", OWNER_PASSWORD));
        Attempt wrong = probe.attempt(LoginSurface.ssh(device.address(), 22), UserPass.of("owner", "nope"));

        assertThat(right.outcome()).as(right.detail()).isEqualTo(Attempt.Outcome.ACCEPTED);
        assertThat(right.detail()).contains("OpenSSH");
        assertThat(wrong.outcome()).as(wrong.detail()).isEqualTo(Attempt.Outcome.REJECTED);
        assertThat(new DirectoryEvidence(evidence).allText()).contains("owner/***").doesNotContain(OWNER_PASSWORD);
    }

    @Test
    void httpBasicAndDigestAreAnsweredAsThe401Asks(@TempDir Path evidence) {
        LoginProbe probe = probe(evidence, 10);
        for (String path : List.of("/basic/", "/digest/")) {
            LoginSurface surface = LoginSurface.http(device.address(), 80, path, false);
            Attempt right = probe.attempt(surface, UserPass.of("owner", OWNER_PASSWORD));
            Attempt wrong = probe.attempt(surface, UserPass.of("owner", "nope"));
            assertThat(right.outcome()).as(path + " " + right.detail()).isEqualTo(Attempt.Outcome.ACCEPTED);
            assertThat(wrong.outcome()).as(path + " " + wrong.detail()).isEqualTo(Attempt.Outcome.REJECTED);
            assertThat(right.detail()).contains(path.equals("/basic/") ? "Basic" : "Digest");
        }
        Attempt open = probe.attempt(LoginSurface.http(device.address(), 80, "/", false), UserPass.of("anyone", "anything"));
        assertThat(open.outcome()).isEqualTo(Attempt.Outcome.ACCEPTED);
        assertThat(open.detail()).contains("without any credential");
    }

    @Test
    void neverMoreAttemptsThanTheBudgetOnMqtt(@TempDir Path evidence) {
        DefaultsResult result = probe(evidence, 5).tryDefaults(LoginSurface.mqtt(device.address(), 1883, false), Wordlist.vendorDefaults());

        assertThat(result.attempts()).hasSize(5).allMatch(a -> a.outcome() == Attempt.Outcome.REJECTED);
        assertThat(result.budgetExhausted()).isTrue();
        assertThat(result.accepted()).isEmpty();
        Attempt right = probe(evidence, 1).attempt(LoginSurface.mqtt(device.address(), 1883, false), UserPass.of("owner", OWNER_PASSWORD));
        assertThat(right.accepted()).isTrue();
    }

    @Test
    void aFixedDelayAfterEachFailureIsMeasured(@TempDir Path evidence) {
        BruteForceResult result = probe(evidence, 10).bruteForce(LoginSurface.ftp(device.address(), 21), "owner", 4,
                UserPass.of("owner", OWNER_PASSWORD));

        assertThat(result.attempts()).hasSize(5);
        assertThat(result.lockedOutAfter()).isEmpty();
        // vsftpd waits delay_failed_login = 1 s before answering a failure: a lower bound, whatever the load.
        assertThat(result.medianRejection()).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(result.attempts().get(4).accepted()).isTrue();
    }

    @Test
    void aConsoleThatLocksAfterThreeFailuresIsSeenToLock(@TempDir Path evidence) throws IOException {
        BruteForceResult result = probe(evidence, 10).bruteForce(LoginSurface.telnet(device.address(), 2323), "owner", 4,
                UserPass.of("owner", OWNER_PASSWORD));

        assertThat(result.attempts().subList(0, 3)).extracting(Attempt::outcome).containsOnly(Attempt.Outcome.REJECTED);
        assertThat(result.attempts().get(result.attempts().size() - 1).accepted()).isFalse();
        assertThat(result.lockedOutAfter()).hasValueSatisfying(n -> assertThat(n).isBetween(3, 4));
        assertThat(new DirectoryEvidence(evidence).allText()).contains("locked out: after").doesNotContain(OWNER_PASSWORD);
    }
}
