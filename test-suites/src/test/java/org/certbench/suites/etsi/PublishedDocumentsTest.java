package org.certbench.suites.etsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published-document cases (5.2-1-2, 5.3-13-2, 5.8-3-2, 5.11-3-2, 5.12-2-2, 5.12-3-2, 6-1-2, 6-5-2) against
 * lighttpd serving a manufacturer's documents: a complete set passes; a broken set FAILs each case for what is wrong
 * with its own document (a login, a missing page, a section the address names but the page lacks, a page about
 * something else, a privacy page denying the personal data the profile declares sent).
 */
class PublishedDocumentsTest {

    private static final String HOST = "127.0.22.5";
    private static final int PORT = 8080;
    private static final String PROVISIONS = "5.2-1,5.3-13,5.8-3,5.11-3,5.12-2,5.12-3,6-1,6-5";

    @TempDir
    Path dir;

    private Daemon lighttpd;

    @BeforeEach
    void serve() throws Exception {
        Path good = Files.createDirectories(dir.resolve("www/good"));
        page(good, "disclosure", "Report a vulnerability to mailto:security@example.invalid. We acknowledge each report within 5 working "
                + "days and send a status update every 30 days.");
        page(good, "support", "Security updates until 31 December 2031.");
        page(good, "sensors", "One temperature sensor; no camera, no microphone.");
        page(good, "reset", "Hold the reset button for 10 seconds to erase your data.");
        page(good, "setup", "Set the owner password from the label. <h2 id=\"check\">Checking</h2> The settings page shows whether TLS is on.");
        page(good, "privacy", "Personal data: whether someone is home, sent to your broker. <h2 id=\"telemetry\">Telemetry</h2> "
                + "It sends temperature readings.");
        Path bad = Files.createDirectories(dir.resolve("www/bad"));
        page(bad, "disclosure", "Write to mailto:security@example.invalid.");
        Files.createDirectories(dir.resolve("www/bad/private"));
        page(dir.resolve("www/bad/private"), "support", "Security updates until 31 December 2031.");
        page(bad, "sensors", "This page is left blank.");
        page(bad, "setup", "Welcome! <h2 id=\"overview\">Overview</h2>");
        page(bad, "privacy", "Privacy: the device processes no personal data. <h2 id=\"telemetry\">Telemetry</h2> It sends readings.");
        Files.writeString(dir.resolve("users"), "owner:not-for-readers\n");
        Files.writeString(dir.resolve("lighttpd.conf"), """
                server.document-root = "%s"
                server.bind = "%s"
                server.port = %d
                server.modules = ("mod_auth", "mod_authn_file")
                auth.backend = "plain"
                auth.backend.plain.userfile = "%s"
                auth.require = ("/bad/private/" => ("method" => "basic", "realm" => "docs", "require" => "valid-user"))
                """.formatted(dir.resolve("www"), HOST, PORT, dir.resolve("users")));
        lighttpd = Daemon.startOn(dir, "lighttpd", HOST, PORT, Tools.require("lighttpd").toString(), "-D", "-f",
                dir.resolve("lighttpd.conf").toString());
    }

    @AfterEach
    void stop() {
        if (lighttpd != null) {
            lighttpd.close();
        }
    }

    private static void page(Path folder, String name, String body) throws Exception {
        Files.writeString(folder.resolve(name + ".html"), "<!DOCTYPE html><html><body>" + body + "</body></html>");
    }

    private Map<String, LedgerRow.CaseVerdict> certify(String set, String support) throws Exception {
        String docs = "http://" + HOST + ":" + PORT + "/" + set;
        Path profile = dir.resolve(set + ".yaml");
        Files.writeString(profile, """
                certbench: 1
                device: { id: docs-%s, manufacturer: certbench tests, model: lighttpd documents, firmware: "1.0" }
                interfaces:
                  network:
                    host: %s
                    ports: [{ port: %d, transport: tcp, service: http }]
                features: { external-sensors: true, telemetry: true, personal-data-sent: true }
                ixit:
                  2-UserInfo:
                    vulnerability-disclosure: "%s/disclosure.html"
                    support-period: "%s"
                    external-sensors: "%s/sensors.html"
                    deletion: "%s/reset.html"
                    secure-setup: "%s/setup.html"
                    secure-setup-check: "%s/setup.html#check"
                    personal-data: "%s/privacy.html"
                    telemetry: "%s/privacy.html#telemetry"
                """.formatted(set, HOST, PORT, docs, support, docs, docs, docs, docs, docs, docs));
        Map<String, LedgerRow.CaseVerdict> verdicts = new TreeMap<>();
        for (LedgerRow.CaseVerdict v : LedgerReader.rows(FunctionalRun.of(profile, PROVISIONS, dir.resolve("out-" + set)),
                LedgerRow.CaseVerdict.class)) {
            verdicts.put(v.caseId(), v);
        }
        return verdicts;
    }

    @Test
    void aCompleteSetOfDocumentsPassesEveryCase() throws Exception {
        Map<String, LedgerRow.CaseVerdict> verdicts = certify("good", "http://" + HOST + ":" + PORT + "/good/support.html");

        assertThat(verdicts).containsOnlyKeys("5.2-1-2", "5.3-13-2", "5.8-3-2", "5.11-3-2", "5.12-2-2", "5.12-3-2", "6-1-2", "6-5-2");
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verdict()).as(v.caseId() + ": " + v.reason()).isEqualTo(Verdict.PASS));
        assertThat(dir.resolve("out-good")).isNotEmptyDirectory();
    }

    @Test
    void eachBrokenDocumentFailsItsOwnCaseForWhatIsWrongWithIt() throws Exception {
        Map<String, LedgerRow.CaseVerdict> verdicts = certify("bad", "http://" + HOST + ":" + PORT + "/bad/private/support.html");

        assertThat(verdicts.get("5.2-1-2").reason()).contains("does not state when a report is acknowledged, when status updates follow");
        assertThat(verdicts.get("5.3-13-2").reason()).contains("is not public: HTTP 401");
        assertThat(verdicts.get("5.8-3-2").reason()).contains("names no sensor");
        assertThat(verdicts.get("5.11-3-2").reason()).contains("/bad/reset.html is not published: HTTP 404");
        assertThat(verdicts.get("5.12-2-2").reason()).contains("says nothing of setting the device up");
        assertThat(verdicts.get("5.12-3-2").reason()).contains("the page has no section #check");
        assertThat(verdicts.get("6-1-2").reason()).contains("says \"processes no personal data\"").contains("declares personal data sent");
        assertThat(verdicts.entrySet()).filteredOn(e -> !e.getKey().equals("6-5-2"))
                .allSatisfy(e -> assertThat(e.getValue().verdict()).as(e.getKey()).isEqualTo(Verdict.FAIL));
        // Its telemetry section is there and says what is sent: the one document of the set that passes.
        assertThat(verdicts.get("6-5-2").verdict()).as(verdicts.get("6-5-2").reason()).isEqualTo(Verdict.PASS);
    }
}
