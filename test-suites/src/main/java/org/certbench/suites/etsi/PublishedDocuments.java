package org.certbench.suites.etsi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Verdicts;
import org.certbench.probes.Probes;
import org.certbench.probes.http.HttpCall;
import org.certbench.probes.http.HttpResult;

/**
 * The documents a manufacturer publishes (IXIT 2-UserInfo): fetched as anyone would, without an
 * account, and kept as evidence. A document behind a login or missing, or an address whose {@code #section}
 * the page lacks, is a FAIL; one that cannot be reached from the bench is INCONCLUSIVE.
 */
final class PublishedDocuments {

    private PublishedDocuments() {
    }

    /**
     * The text of the document IXIT 2-UserInfo names under {@code key}, tags removed.
     *
     * @param what the document, as reasons name it
     */
    static Fetched fetch(Dut dut, Probes probes, Evidence evidence, String key, String what) {
        String address = dut.ixit().text("2-UserInfo", key).orElseThrow(() -> Verdicts.inconclusive(
                "IXIT 2-UserInfo/%s gives no address for the %s", key, what));
        URI uri;
        try {
            uri = URI.create(address.strip());
        } catch (IllegalArgumentException e) {
            throw Verdicts.inconclusive("IXIT 2-UserInfo/%s is not an address: %s", key, address);
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw Verdicts.inconclusive("IXIT 2-UserInfo/%s is not an http(s) address: %s", key, address);
        }
        HttpResult page = probes.http().request(HttpCall.get(uri));
        if (!page.answered()) {
            throw Verdicts.inconclusive("the %s at %s could not be fetched from the bench: %s", what, address, page.problem());
        }
        if (page.status() == 401 || page.status() == 403) {
            throw Verdicts.fail("the %s at %s is not public: HTTP %d, it needs a login", what, address, page.status());
        }
        if (page.status() / 100 != 2) {
            throw Verdicts.fail("the %s at %s is not published: HTTP %d", what, address, page.status());
        }
        evidence.write("document-" + key + ".html", page.body());
        String text = new String(page.body(), StandardCharsets.UTF_8).replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (page.text().toLowerCase(Locale.ROOT).matches("(?s).*type\\s*=\\s*[\"']?password.*")) {
            throw Verdicts.fail("the %s at %s leads to a login form, not the document", what, address);
        }
        // An address with a #section points at a part of a page: the page must have it, or the reader lands nowhere.
        String section = uri.getFragment();
        if (section != null && !section.isEmpty()
                && !Pattern.compile("(?i)\\b(id|name)\\s*=\\s*[\"']?" + Pattern.quote(section) + "[\"'\\s>]").matcher(page.text()).find()) {
            throw Verdicts.fail("the %s at %s is not there: the page has no section #%s", what, address, section);
        }
        return new Fetched(page.uri(), text);
    }

    /**
     * A fetched document.
     *
     * @param address where it was finally read (after redirects)
     * @param text its text without markup
     */
    record Fetched(String address, String text) {
    }
}
