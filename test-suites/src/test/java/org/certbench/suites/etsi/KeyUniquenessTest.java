package org.certbench.suites.etsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5.4-4-2 and 5.4-3-2 against units served by openssl s_server on loopback addresses of their own: two units
 * whose certificates differ but carry one key both FAIL, each naming the other; a unit with a key of its own
 * (speaking TLS 1.3 only, so its certificate is read through a full handshake) passes; a unit alone
 * cannot be decided.
 */
class KeyUniquenessTest {

    private static final int HTTPS = 8443;

    @TempDir
    Path dir;

    private final List<Daemon> daemons = new ArrayList<>();

    @AfterEach
    void stop() {
        daemons.forEach(Daemon::close);
    }

    /** A unit at {@code address} serving HTTPS with a certificate of its own for {@code key}. */
    private Path unit(String id, String address, Path key, String... options) throws IOException, InterruptedException {
        Path certificate = dir.resolve(id + ".crt");
        openssl("req", "-x509", "-key", key.toString(), "-days", "2", "-subj", "/CN=" + id, "-addext", "subjectAltName=IP:" + address,
                "-out", certificate.toString());
        List<String> command = new ArrayList<>(List.of(Tools.require("openssl").toString(), "s_server", "-accept", address + ":" + HTTPS,
                "-cert", certificate.toString(), "-key", key.toString(), "-www", "-quiet"));
        command.addAll(List.of(options));
        daemons.add(Daemon.startOn(dir, "s_server-" + id, address, HTTPS, command.toArray(String[]::new)));
        Path profile = dir.resolve(id + ".yaml");
        Files.writeString(profile, """
                certbench: 1
                device: { id: %s, manufacturer: certbench tests, model: openssl s_server, firmware: "1.0" }
                interfaces:
                  network:
                    host: %s
                    ports: [{ port: %d, transport: tcp, service: https }]
                  http: { port: %d, tls: true }
                """.formatted(id, address, HTTPS, HTTPS));
        return profile;
    }

    private Path key(String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name + ".key");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
        return key;
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Tools.require("openssl").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("openssl %s: %s", arguments[0], output).isZero();
    }

    private static Map<String, LedgerRow.CaseVerdict> verdicts(List<LedgerRow> rows) {
        return verdicts(rows, "5.4-4-2");
    }

    private static Map<String, LedgerRow.CaseVerdict> verdicts(List<LedgerRow> rows, String caseId) {
        return LedgerReader.rows(rows, LedgerRow.CaseVerdict.class).stream().filter(v -> v.caseId().equals(caseId))
                .collect(Collectors.toMap(LedgerRow.CaseVerdict::device, Function.identity()));
    }

    @Test
    void twoUnitsSharingAKeyUnderCertificatesOfTheirOwnBothFailNamingEachOtherAndAUnitWithItsOwnKeyPasses() throws Exception {
        Path firmwareKey = key("firmware");
        List<Path> profiles = List.of(unit("unit-a", "127.0.21.1", firmwareKey), unit("unit-b", "127.0.21.2", firmwareKey),
                unit("unit-c", "127.0.21.3", key("unit-c"), "-tls1_3"));
        Path out = dir.resolve("out");
        List<LedgerRow> rows = FunctionalRun.of(profiles, "5.4-3,5.4-4", out);
        Map<String, LedgerRow.CaseVerdict> verdicts = verdicts(rows);

        assertThat(verdicts).containsOnlyKeys("unit-a", "unit-b", "unit-c");
        assertThat(verdicts.get("unit-a").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdicts.get("unit-a").reason()).contains("8443/tcp (EC 256").contains("also presented by unit-b (127.0.21.2:8443)")
                .doesNotContain("unit-c");
        assertThat(verdicts.get("unit-b").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdicts.get("unit-b").reason()).contains("also presented by unit-a (127.0.21.1:8443)").doesNotContain("unit-c");
        assertThat(verdicts.get("unit-c").verdict()).as(verdicts.get("unit-c").reason()).isEqualTo(Verdict.PASS);
        Map<String, LedgerRow.CaseVerdict> hardCoded = verdicts(rows, "5.4-3-2");
        assertThat(hardCoded.get("unit-a").reason()).contains("as keys hard-coded into the firmware are").contains("unit-b (127.0.21.2:8443)");
        assertThat(hardCoded.get("unit-b").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(hardCoded.get("unit-c").verdict()).isEqualTo(Verdict.PASS);

        // The evidence names every unit's key, and the two shared ones are the same value under different certificates.
        List<String> keys = Files.readAllLines(out.resolve("evidence/unit-c/etsi-en-303-645/5.4-4-2/unit-keys.csv"));
        assertThat(keys).hasSize(4);
        Map<String, String> byUnit = keys.stream().skip(1).map(line -> line.split(", "))
                .collect(Collectors.toMap(f -> f[0], f -> f[4]));
        assertThat(byUnit.get("unit-a")).isEqualTo(byUnit.get("unit-b")).isNotEqualTo(byUnit.get("unit-c")).hasSize(64);
        String transcript = Files.readString(out.resolve("evidence/unit-c/etsi-en-303-645/5.4-4-2/tls-certificates-127.0.21.3-8443.txt"));
        assertThat(transcript).contains("full handshake").contains("TLSv1.3").contains("public key sha256 " + byUnit.get("unit-c"));
    }

    @Test
    void aUnitAloneInItsCampaignCannotBeDecided() throws Exception {
        Path profile = unit("unit-alone", "127.0.21.4", key("alone"));
        LedgerRow.CaseVerdict verdict = verdicts(FunctionalRun.of(profile, "5.4-4", dir.resolve("out-alone"))).get("unit-alone");
        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.reason()).contains("the only unit in this campaign").contains("at least two units");
    }
}
