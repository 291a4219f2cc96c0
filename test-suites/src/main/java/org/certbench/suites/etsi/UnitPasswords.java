package org.certbench.suites.etsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certbench.api.Dut;
import org.certbench.api.dut.Credential;

/**
 * How one unit's pre-installed passwords (the profile's credentials, as read off its label) stand against its own
 * identity and against the other units' (5.1-2): never the same as another unit's, not another unit's with a counter
 * moved on, not made from the unit's id, and as long as the IXIT's generation rule says. Only names and lengths
 * leave this class; a password never does.
 */
final class UnitPasswords {

    /** A counter moved on by at most this much after a common stem makes two passwords one sequence. */
    private static final long INCREMENT = 1000;
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");
    private static final Pattern DECLARED_LENGTH = Pattern.compile("(?i)\\b(\\d{1,3})\\s*(characters|chars|digits|symbols)\\b");
    private static final Pattern ID_DIGITS = Pattern.compile("\\d{4,}");

    private UnitPasswords() {
    }

    /** What is wrong with this unit's own passwords, each problem naming the credential. */
    static List<String> ownProblems(Dut unit) {
        List<String> problems = new ArrayList<>();
        Optional<Integer> declared = unit.ixit().text("1-AuthMech", "password-generation").flatMap(UnitPasswords::declaredLength);
        for (Credential credential : passwords(unit)) {
            String password = credential.password().reveal();
            String lower = password.toLowerCase(Locale.ROOT);
            String id = unit.id().toLowerCase(Locale.ROOT);
            if (lower.contains(id) || ID_DIGITS.matcher(id).results().anyMatch(m -> lower.contains(m.group()))) {
                problems.add("the " + credential.name() + " password is made from the unit's id " + unit.id());
            }
            if (declared.isPresent() && password.length() < declared.get()) {
                problems.add("the " + credential.name() + " password has " + password.length() + " characters where IXIT "
                        + "1-AuthMech/password-generation declares " + declared.get());
            }
        }
        return problems;
    }

    /** How this unit's passwords relate to another's: the same, or the same but for a counter. */
    static List<String> sharedWith(Dut unit, Dut other) {
        List<String> problems = new ArrayList<>();
        for (Credential mine : passwords(unit)) {
            String password = mine.password().reveal();
            for (Credential theirs : passwords(other)) {
                String their = theirs.password().reveal();
                String pair = "the " + mine.name() + " password " + (mine.name().equals(theirs.name()) ? "is " + other.id() + "'s"
                        : "is " + other.id() + "'s " + theirs.name() + " password");
                if (password.equals(their)) {
                    problems.add(pair + " too");
                } else if (sequential(password, their)) {
                    problems.add(pair.replaceFirst(" is ", " differs from ") + " only by a counter");
                }
            }
        }
        return problems;
    }

    /** The unit's credentials (each carries a password), in the profile's order. */
    static List<Credential> passwords(Dut unit) {
        return unit.credentials().names().stream().map(name -> unit.credentials().get(name).orElseThrow()).toList();
    }

    /** A line of evidence about a unit's passwords: names and lengths only. */
    static String describe(Dut unit) {
        StringBuilder line = new StringBuilder(unit.id() + ":");
        for (Credential credential : passwords(unit)) {
            line.append(' ').append(credential.name()).append(" (").append(credential.password().reveal().length()).append(" characters)");
        }
        return line.append('\n').toString();
    }

    private static boolean sequential(String a, String b) {
        Matcher x = TRAILING_NUMBER.matcher(a);
        Matcher y = TRAILING_NUMBER.matcher(b);
        if (!x.matches() || !y.matches() || !x.group(1).equals(y.group(1)) || x.group(2).length() > 18 || y.group(2).length() > 18) {
            return false;
        }
        long step = Math.abs(Long.parseLong(x.group(2)) - Long.parseLong(y.group(2)));
        // Two random numeric PINs often lie within a thousand of each other; a counter on a fixed stem does not happen by chance.
        return x.group(1).length() >= 3 ? step <= INCREMENT : step <= 10;
    }

    private static Optional<Integer> declaredLength(String rule) {
        Matcher m = DECLARED_LENGTH.matcher(rule);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
