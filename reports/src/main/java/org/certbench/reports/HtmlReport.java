package org.certbench.reports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certbench.api.Verdict;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.html}: the report for people, one self-contained file (styles inline, no script, no
 * external asset) that opens offline from the bundle and prints. Per device and standard: the overall
 * verdict, each provision with its verdict and reason, each case with its reason, timings, findings,
 * operator answers and evidence (linked by relative path, small text files also shown inline), and the
 * ICS and IXIT as used; then the bench check, tools and suites with their code digests.
 *
 * <pre>{@code
 * HtmlReport.write(report, bundle); // bundle/report.html, links point into bundle/evidence/
 * }</pre>
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";
    /** Text evidence up to this size is shown inline as well as linked. */
    static final int INLINE_LIMIT = 16 * 1024;

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d1d1f}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.3rem;border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
            h3{font-size:1.1rem;margin-top:1.6rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f5f5f7}
            .v{display:inline-block;font-weight:600;padding:.05rem .5rem;border-radius:.3rem;color:#fff;font-size:.85rem}
            .PASS{background:#1a7f37}.FAIL{background:#cf222e}.INCONCLUSIVE{background:#9a6700}.NOT_APPLICABLE{background:#6e7781}.ERROR{background:#8250df}
            .case{border:1px solid #ddd;border-radius:.4rem;margin:.4rem 0;padding:.2rem .6rem;break-inside:avoid}
            .case summary{cursor:pointer}pre{background:#f6f8fa;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font-size:.8rem}
            .muted{color:#57606a}.warn{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem;border-radius:.3rem}
            code{font-size:.85rem}dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dt{font-weight:600}dd{margin:0}
            @media print{body{margin:0;max-width:none}details{display:block}details>*{display:block}a{color:inherit}
            .case,tr{break-inside:avoid}h2{break-before:page}h2:first-of-type{break-before:auto}}
            """;

    private HtmlReport() {
    }

    /** Writes {@code report.html} into the bundle and returns its path. */
    public static Path write(Report report, Path bundle) throws IOException {
        Path file = bundle.resolve(FILE_NAME);
        WholeFile.write(file, render(report, bundle).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** The page; {@code bundle} is read for text evidence shown inline. */
    public static String render(Report report, Path bundle) {
        StringBuilder h = new StringBuilder(64 * 1024);
        Report.Campaign c = report.campaign();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>certbench report ").append(esc(c.id())).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Certification report</h1><p class=\"muted\">campaign <code>").append(esc(c.id())).append("</code> · ")
                .append(esc(c.lab())).append(" · certbench ").append(esc(c.certbench())).append("</p>\n");
        h.append("<dl><dt>Started</dt><dd>").append(esc(c.started())).append("</dd><dt>Ended</dt><dd>")
                .append(c.ended() == null ? "<span class=\"v INCONCLUSIVE\">run cut short</span>" : esc(c.ended()))
                .append("</dd><dt>Operator</dt><dd>").append(esc(c.operator())).append("</dd><dt>Lab</dt><dd>").append(esc(report.bench().lab()))
                .append(report.bench().accreditation() == null ? "" : " (accreditation " + esc(report.bench().accreditation()) + ")")
                .append("</dd><dt>Standards</dt><dd>").append(esc(String.join(", ", c.standards()))).append("</dd></dl>\n");
        h.append("<p class=\"muted\">The signed <code>MANIFEST.sha256</code> next to this file covers it and every evidence file; "
                + "check it with <code>certbench verify</code> or <code>sha256sum -c MANIFEST.sha256</code> and <code>openssl cms -verify</code>.</p>\n");

        h.append("<h2 id=\"summary\">Summary</h2><table><tr><th>Device</th><th>Standard</th><th>Verdict</th><th>Provisions</th></tr>\n");
        for (Report.Device d : report.devices()) {
            for (Report.Standard s : d.standards()) {
                h.append("<tr><td><a href=\"#").append(anchor(d.id())).append("\">").append(esc(d.id())).append("</a></td><td><a href=\"#")
                        .append(anchor(d.id(), s.id())).append("\">").append(esc(s.id())).append("</a></td><td>").append(badge(s.overall()))
                        .append("</td><td>").append(counts(s.provisions())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");

        for (Report.Device d : report.devices()) {
            device(h, d, bundle);
        }
        bench(h, report);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void device(StringBuilder h, Report.Device d, Path bundle) {
        h.append("<h2 id=\"").append(anchor(d.id())).append("\">").append(esc(d.id())).append(" ").append(badge(d.overall())).append("</h2>\n");
        h.append("<dl><dt>Manufacturer</dt><dd>").append(esc(d.manufacturer())).append("</dd><dt>Model</dt><dd>").append(esc(d.model()))
                .append("</dd><dt>Firmware</dt><dd>").append(esc(d.firmware())).append("</dd><dt>Profile</dt><dd><code>")
                .append(esc(d.profile().file())).append("</code> sha256 <code>").append(esc(d.profile().sha256())).append("</code></dd></dl>\n");
        if (!d.schemes().isEmpty()) {
            h.append("<h3>Mapped schemes</h3>\n<p>Each requirement rolls up the cases named beside it; no case ran twice.</p>\n")
                    .append("<table><tr><th>Scheme</th><th>Requirement</th><th>Verdict</th><th>Reason</th><th>Cases</th></tr>\n");
            for (Report.Scheme scheme : d.schemes()) {
                h.append("<tr><th>").append(esc(scheme.id())).append("</th><th>").append(esc(scheme.title())).append(" (")
                        .append(esc(scheme.version())).append(")</th><td>").append(badge(scheme.overall())).append("</td><td>")
                        .append(scheme.reason() == null ? "" : esc(scheme.reason())).append("</td><td></td></tr>\n");
                for (Report.SchemeRequirement r : scheme.requirements()) {
                    h.append("<tr><td></td><td>").append(esc(r.id())).append(" ").append(esc(r.title())).append("</td><td>")
                            .append(badge(r.verdict())).append("</td><td>").append(r.reason() == null ? "" : esc(r.reason()))
                            .append("</td><td>").append(esc(String.join(", ", r.cases()))).append("</td></tr>\n");
                }
            }
            h.append("</table>\n");
        }
        for (Report.Standard s : d.standards()) {
            h.append("<h3 id=\"").append(anchor(d.id(), s.id())).append("\">").append(esc(s.id())).append(" ").append(badge(s.overall()))
                    .append("</h3>\n");
            if (s.reason() != null) {
                h.append("<p>").append(esc(s.reason())).append("</p>\n");
            }
            if (!s.icsValid()) {
                h.append("<p class=\"warn\">The ICS is invalid (ETSI TS 103 701 makes the standard FAIL): ")
                        .append(esc(String.join("; ", s.icsProblems()))).append("</p>\n");
            }
            h.append("<table><tr><th>Provision</th><th>Verdict</th><th>Reason</th></tr>\n");
            for (Report.Provision p : s.provisions()) {
                h.append("<tr><td><a href=\"#").append(anchor(d.id(), s.id(), p.id())).append("\">").append(esc(p.id())).append("</a></td><td>")
                        .append(badge(p.verdict())).append("</td><td>").append(p.reason() == null ? "" : esc(p.reason())).append("</td></tr>\n");
            }
            h.append("</table>\n");
            for (Report.Provision p : s.provisions()) {
                h.append("<div id=\"").append(anchor(d.id(), s.id(), p.id())).append("\">");
                for (Report.Case k : p.cases()) {
                    testCase(h, k, bundle);
                }
                h.append("</div>\n");
            }
        }
        h.append("<h3>ICS as used</h3>").append(ics(d.profile().ics()));
        h.append("<h3>IXIT as used</h3>").append(json(d.profile().ixit()));
        h.append("<details><summary>Whole profile as certified (credentials appear only as references)</summary>")
                .append(json(d.profile().content())).append("</details>\n");
    }

    private static void testCase(StringBuilder h, Report.Case k, Path bundle) {
        boolean open = k.verdict() != Verdict.PASS && k.verdict() != Verdict.NOT_APPLICABLE;
        h.append("<details class=\"case\"").append(open ? " open" : "").append("><summary>").append(badge(k.verdict())).append(" <b>")
                .append(esc(k.id())).append("</b> ").append(esc(k.title())).append("</summary>\n");
        if (k.reason() != null) {
            h.append("<p>").append(esc(k.reason())).append("</p>");
        }
        h.append("<p class=\"muted\">").append(esc(k.started())).append(" → ").append(esc(k.ended())).append(" (").append(k.durationMs())
                .append(" ms)</p>\n");
        if (!k.findings().isEmpty()) {
            h.append("<table><tr><th>Finding</th><th>Verdict</th><th>Seen</th></tr>");
            for (Report.Finding f : k.findings()) {
                h.append("<tr><td>").append(esc(f.id())).append("</td><td>").append(badge(f.verdict())).append("</td><td>").append(esc(f.summary()))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (!k.answers().isEmpty()) {
            h.append("<table><tr><th>Question</th><th>Answer</th><th>Who, when, how</th></tr>");
            for (Report.Answer a : k.answers()) {
                h.append("<tr><td>").append(esc(a.text())).append("</td><td>").append(esc(a.answer())).append("</td><td>").append(esc(a.operator()))
                        .append(", ").append(esc(a.at())).append(", ").append(esc(a.source())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        for (Report.EvidenceFile e : k.evidence()) {
            h.append("<p>Evidence <a class=\"evidence\" href=\"").append(esc(href(e.file()))).append("\">").append(esc(e.file())).append("</a> <span class=\"muted\">")
                    .append(e.bytes()).append(" bytes, sha256 ").append(esc(e.sha256())).append("</span></p>");
            inlineText(bundle, e).ifPresent(text -> h.append("<pre>").append(esc(text)).append("</pre>"));
        }
        h.append("</details>\n");
    }

    private static void bench(StringBuilder h, Report report) {
        Report.Bench b = report.bench();
        h.append("<h2 id=\"bench\">Bench, tools and suites</h2>\n<dl><dt>Bench file</dt><dd>")
                .append(b.source() == null ? "none (the local bench)" : "<code>" + esc(b.source()) + "</code> sha256 <code>" + esc(b.sha256()) + "</code>")
                .append("</dd><dt>Harness address</dt><dd>").append(esc(b.harnessAddress())).append("</dd><dt>Broker</dt><dd>").append(esc(b.broker()))
                .append("</dd></dl>\n<table><tr><th>Resource</th><th>Kind</th><th>Where</th><th>Check</th><th>Seen</th></tr>\n");
        for (Report.BenchResource r : b.check()) {
            String css = switch (r.status()) {
                case "OK" -> "PASS";
                case "DEAD" -> "FAIL";
                default -> "NOT_APPLICABLE";
            };
            h.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(esc(r.kind())).append("</td><td><code>").append(esc(r.target()))
                    .append("</code></td><td><span class=\"v ").append(css).append("\">").append(esc(r.status())).append("</span></td><td>")
                    .append(esc(r.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n<table><tr><th>Tool</th><th>Version</th></tr>\n");
        for (Map.Entry<String, String> t : report.tools().entrySet()) {
            h.append("<tr><td>").append(esc(t.getKey())).append("</td><td>").append(esc(t.getValue())).append("</td></tr>\n");
        }
        h.append("</table>\n<table><tr><th>Suite</th><th>Version</th><th>Code sha256</th></tr>\n");
        for (Report.Suite s : report.suites()) {
            h.append("<tr><td>").append(esc(s.standard())).append(" — ").append(esc(s.title())).append("<br><code>").append(esc(s.suiteClass()))
                    .append("</code></td><td>").append(esc(s.version())).append("</td><td><code>").append(esc(s.codeSha256())).append("</code></td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** A small, valid UTF-8 text file without control characters other than whitespace is shown inline. */
    static Optional<String> inlineText(Path bundle, Report.EvidenceFile e) {
        Path file = bundle.resolve(e.file()).normalize();
        try {
            if (!file.startsWith(bundle.normalize()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > INLINE_LIMIT) {
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            boolean printable = text.chars().allMatch(ch -> ch >= 0x20 || ch == '\n' || ch == '\r' || ch == '\t');
            return printable ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException ignored) {
            return Optional.empty();
        } catch (IOException ignored) {
            return Optional.empty();
        }
    }

    private static String counts(List<Report.Provision> provisions) {
        StringBuilder text = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            long n = provisions.stream().filter(p -> p.verdict() == v).count();
            if (n > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(v.name().toLowerCase().replace('_', ' '));
            }
        }
        return text.toString();
    }

    /** The ICS as a table (standard, provision, support, justification) when it has the profile's shape. */
    private static String ics(@Nullable JsonNode ics) {
        if (ics == null || !ics.isObject()) {
            return json(ics);
        }
        StringBuilder t = new StringBuilder("<table><tr><th>Standard</th><th>Provision</th><th>Support</th><th>Justification</th></tr>\n");
        for (Map.Entry<String, JsonNode> standard : ics.properties()) {
            if (!standard.getValue().isObject()) {
                return json(ics);
            }
            for (Map.Entry<String, JsonNode> provision : standard.getValue().properties()) {
                JsonNode entry = provision.getValue();
                t.append("<tr><td>").append(esc(standard.getKey())).append("</td><td>").append(esc(provision.getKey())).append("</td><td>")
                        .append(esc(entry.path("support").asString(""))).append("</td><td>").append(esc(entry.path("justification").asString("")))
                        .append("</td></tr>\n");
            }
        }
        return t.append("</table>\n").toString();
    }

    private static String json(@Nullable JsonNode node) {
        return node == null || node.isNull() ? "<p class=\"muted\">none declared</p>\n" : "<pre>" + esc(PRETTY.writeValueAsString(node)) + "</pre>\n";
    }

    private static String badge(Verdict verdict) {
        return "<span class=\"v " + verdict.name() + "\">" + verdict.name().replace('_', ' ') + "</span>";
    }

    /** Each path segment percent-encoded as a URI path needs, so evidence with any name links correctly. */
    static String href(String relativePath) {
        StringBuilder out = new StringBuilder();
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String anchor(String... parts) {
        return "r-" + String.join("--", parts).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static String esc(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
