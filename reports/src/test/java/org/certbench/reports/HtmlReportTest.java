package org.certbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certbench.api.Verdict;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} as a reviewer sees it: rendered by Debian's headless Chromium from the bundle on
 * disk, offline.
 */
class HtmlReportTest {

    private static final String HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    private Path bundle;
    private Report report;

    @BeforeEach
    void makeBundle() throws Exception {
        bundle = Files.createDirectories(dir.resolve("bundle with space"));
        Report base = ReportFixture.report(Verdict.FAIL);
        Report.Case scan = base.devices().get(0).standards().get(0).provisions().get(0).cases().get(0);
        String odd = "evidence/acme-t1/etsi-en-303-645/5.6-1-2/banner #1 ü.txt";
        Report.Case withOddEvidence = new Report.Case(scan.id(), scan.title(), scan.verdict(), scan.reason() + " " + HOSTILE, scan.started(),
                scan.ended(), scan.durationMs(), List.of(scan.evidence().get(0), new Report.EvidenceFile(odd, "0".repeat(64), 10),
                        new Report.EvidenceFile("evidence/acme-t1/etsi-en-303-645/5.6-1-2/capture.bin", "0".repeat(64), 4)),
                scan.findings(), scan.answers());
        report = replaceCase(base, withOddEvidence);
        for (Report.EvidenceFile e : withOddEvidence.evidence()) {
            Files.createDirectories(bundle.resolve(e.file()).getParent());
        }
        Files.writeString(bundle.resolve(withOddEvidence.evidence().get(0).file()), "10.0.0.2 9999/tcp open " + HOSTILE + "\n");
        Files.writeString(bundle.resolve(odd), "SSH-2.0-dropbear\n");
        Files.write(bundle.resolve("evidence/acme-t1/etsi-en-303-645/5.6-1-2/capture.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        HtmlReport.write(report, bundle);
    }

    @Test
    void chromiumRendersTheVerdictsAndEveryEvidenceLinkResolves() throws Exception {
        String dom = chromium("--dump-dom", bundle.resolve(HtmlReport.FILE_NAME).toUri().toString());

        assertThat(dom).contains("<title>certbench report c1</title>");
        assertThat(dom).contains("<span class=\"v FAIL\">FAIL</span> <b>5.6-1-2</b>");
        assertThat(dom).contains("open TCP ports not declared: [9999]");
        assertThat(dom).contains("Is the label on the box?");
        assertThat(dom).contains("<td>5.3-14</td><td>n/a</td><td>updateable</td>").describedAs("the ICS as used");
        // The hostile text stays text: Chromium built no element from it.
        assertThat(dom).doesNotContain("<script>document").doesNotContain("<img src=\"x\"").contains("&lt;script&gt;document.title");

        List<String> links = new ArrayList<>();
        Matcher href = Pattern.compile("<a class=\"evidence\" href=\"([^\"]+)\"").matcher(dom);
        while (href.find()) {
            links.add(href.group(1));
        }
        assertThat(links).hasSize(3);
        for (String link : links) {
            Path target = bundle.resolve(URLDecoder.decode(link.replace("+", "%2B"), StandardCharsets.UTF_8)).normalize();
            assertThat(target).describedAs(link).startsWith(bundle).isRegularFile();
        }
        assertThat(dom).contains("SSH-2.0-dropbear").describedAs("small text evidence is shown inline");
        assertThat(dom).doesNotContain("\u0000").describedAs("binary evidence is linked, not inlined");
    }

    @Test
    void thePageNeedsNothingFromOutsideAndPrints() throws Exception {
        String html = Files.readString(bundle.resolve(HtmlReport.FILE_NAME));
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script").doesNotContain("<link");

        Path pdf = dir.resolve("report.pdf");
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, bundle.resolve(HtmlReport.FILE_NAME).toUri().toString());

        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(5_000);
    }

    private String chromium(String... arguments) {
        Path chromium = Tools.require("chromium");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(arguments));
        return Tools.run(dir, command.toArray(String[]::new));
    }

    private static Report replaceCase(Report r, Report.Case k) {
        Report.Device d = r.devices().get(0);
        Report.Standard s = d.standards().get(0);
        Report.Provision p = s.provisions().get(0);
        Report.Provision p2 = new Report.Provision(p.id(), p.verdict(), p.reason(), List.of(k));
        Report.Standard s2 = new Report.Standard(s.id(), s.overall(), s.reason(), s.icsValid(), s.icsProblems(), List.of(p2));
        Report.Device d2 = new Report.Device(d.id(), d.manufacturer(), d.model(), d.firmware(), d.overall(), d.profile(), List.of(s2), d.schemes());
        return new Report(r.schema(), r.campaign(), r.bench(), r.tools(), r.suites(), List.of(d2));
    }
}
