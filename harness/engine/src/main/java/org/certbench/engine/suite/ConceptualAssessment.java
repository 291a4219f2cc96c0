package org.certbench.engine.suite;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Operator;
import org.certbench.api.Verdicts;
import org.certbench.api.dut.IcsEntry;
import org.certbench.api.dut.Ixit;
import org.certbench.api.dut.Support;

/**
 * The conceptual test case (ETSI TS 103 701: "the IXIT design conforms to the provision") that the engine
 * gives every catalogue provision the suite writes no conceptual case for, as {@code <provision>-1}.
 * Its test units: a) every IXIT category that TS 103 701 Table B.1 ties to the provision is present;
 * b) every entry the catalogue names ({@code fields}) is there and of the right kind (a published
 * document is an http(s) address); c) the assessor judges the design, shown the IXIT excerpt, at the
 * prompt or through the answers file ({@code <case>.meets: yes|no}, with {@code <case>.reason} for a no).
 * Missing IXIT or a missing judgement is INCONCLUSIVE; the assessor's "no" is a FAIL with their reason.
 *
 * <pre>{@code
 * # answers.yaml for an unattended run
 * answers:
 *   5.2-1-1.meets: yes
 *   5.6-2-1.meets: no
 *   5.6-2-1.reason: the IXIT discloses the firmware version before login
 * }</pre>
 */
public final class ConceptualAssessment {

    /** The method the engine runs for every conceptual case it supplies. */
    static final Method ASSESS;

    static {
        try {
            ASSESS = ConceptualAssessment.class.getMethod("assess", CaseModel.class, Dut.class, Operator.class, Evidence.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Whether a case is one the engine supplied rather than a suite method. */
    public static boolean supplied(CaseModel model) {
        return model.method().equals(ASSESS);
    }

    /** Runs the conceptual case of {@code model}'s provision. */
    public void assess(CaseModel model, Dut dut, Operator operator, Evidence evidence) {
        ProvisionInfo provision = model.provision();
        StringBuilder excerpt = new StringBuilder();
        List<String> missing = new ArrayList<>();
        for (int number : provision.ixit()) {
            String category = Ixit.category(number);
            Optional<Object> content = dut.ixit().get(category).filter(v -> !blank(v));
            if (content.isEmpty()) {
                missing.add(category);
            } else {
                excerpt.append(category).append(": ").append(content.get()).append('\n');
            }
        }
        List<String> malformed = new ArrayList<>();
        for (Map.Entry<String, ProvisionInfo.FieldKind> field : provision.fields().entrySet()) {
            String[] path = field.getKey().split("/");
            Optional<Object> value = dut.ixit().get(path[0], java.util.Arrays.copyOfRange(path, 1, path.length)).filter(v -> !blank(v));
            if (value.isEmpty()) {
                missing.add(field.getKey());
            } else if (field.getValue() == ProvisionInfo.FieldKind.URL && !webAddress(String.valueOf(value.get()))) {
                malformed.add(field.getKey() + " is '" + value.get() + "', not an http(s) address");
            }
        }
        if (provision.ixit().isEmpty()) {
            excerpt.append(claimsNotMade(dut));
        }
        evidence.writeText("ixit-excerpt.txt", "IXIT entries read for " + provision.id() + " (" + provision.title() + "):\n"
                + (excerpt.length() == 0 ? "(none)\n" : excerpt));
        if (!missing.isEmpty()) {
            throw Verdicts.inconclusive("the IXIT lacks what TS 103 701 needs for %s: %s", provision.id(), String.join(", ", missing));
        }
        if (!malformed.isEmpty()) {
            throw Verdicts.inconclusive("the IXIT for %s cannot be assessed: %s", provision.id(), String.join("; ", malformed));
        }
        String question = "Does the design described below meet " + provision.id() + " (" + provision.title() + ")?"
                + (provision.question().isEmpty() ? "" : " " + provision.question()) + "\n" + excerpt;
        boolean meets = operator.confirm(model.id() + ".meets", question.strip()).orElseThrow(() -> Verdicts.inconclusive(
                "no assessor judgement for %s: answer %s.meets (yes or no) at the prompt or in the answers file",
                provision.id(), model.id()));
        if (!meets) {
            String reason = operator.ask(model.id() + ".reason", "Why does the design not meet " + provision.id() + "?")
                    .filter(r -> !r.isBlank()).orElse("no reason recorded");
            throw Verdicts.fail("the assessor judged that the design does not meet %s (%s): %s", provision.id(),
                    provision.title(), reason);
        }
    }

    /** For 5.0-1 and the like: the ICS claims that need a justification, as the assessor reviews them. */
    private static String claimsNotMade(Dut dut) {
        StringBuilder claims = new StringBuilder();
        for (String standard : dut.ics().standardIds()) {
            for (Map.Entry<String, IcsEntry> entry : dut.ics().standard(standard).entrySet()) {
                IcsEntry ics = entry.getValue();
                if (ics.support() != Support.YES) {
                    claims.append("ICS ").append(standard).append(' ').append(entry.getKey()).append(": ")
                            .append(ics.support().key()).append(" (").append(ics.justification()).append(")\n");
                }
            }
        }
        return claims.length() == 0 ? "ICS: every listed provision claimed supported\n" : claims.toString();
    }

    private static boolean blank(Object value) {
        return value instanceof String text ? text.isBlank()
                : value instanceof Map<?, ?> map ? map.isEmpty()
                : value instanceof List<?> list && list.isEmpty();
    }

    private static boolean webAddress(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
