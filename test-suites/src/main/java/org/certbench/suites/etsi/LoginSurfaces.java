package org.certbench.suites.etsi;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certbench.api.Bench;
import org.certbench.api.Dut;
import org.certbench.api.dut.Ixit;
import org.certbench.probes.Probes;
import org.certbench.probes.http.HttpCall;
import org.certbench.probes.http.HttpResult;
import org.certbench.probes.login.LoginSurface;
import org.certbench.probes.net.ServiceGuess;
import org.certbench.probes.serial.ConsoleState;
import org.certbench.probes.serial.SerialEndpoint;

/**
 * Every place a device takes a login, found by speaking to it: telnet, FTP, SSH and MQTT services on its
 * declared and usual ports, HTTP(S) pages that answer 401 (the start page's links and the usual admin
 * paths), and the console when it shows a login prompt.
 */
final class LoginSurfaces {

    /** Ports where devices commonly take logins, besides the declared ones. */
    static final List<Integer> USUAL_PORTS = List.of(21, 22, 23, 80, 1883, 2323, 8080);
    /** Paths where devices commonly keep a login, besides the links of their start page. */
    private static final List<String> USUAL_PATHS = List.of("/", "/admin", "/admin/", "/login", "/setup", "/cgi-bin/");
    private static final Pattern LINK = Pattern.compile("(?i)href\\s*=\\s*\"(/[^\"#?]*)");

    /**
     * One login surface and the name of its service as IXIT 13-SoftServ would list it.
     *
     * @param service {@code https}, {@code mqtts}, {@code telnet}, {@code console} …
     */
    record Found(String service, LoginSurface surface) {
    }

    private LoginSurfaces() {
    }

    static List<Found> find(Dut dut, Bench bench, Probes probes) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<Found> found = new ArrayList<>();
        for (ServiceGuess guess : DeviceServices.identify(dut, bench, probes, USUAL_PORTS)) {
            switch (guess.service()) {
                case "telnet" -> found.add(new Found("telnet", LoginSurface.telnet(host, guess.port())));
                case "ftp" -> found.add(new Found("ftp", LoginSurface.ftp(host, guess.port())));
                case "ssh" -> found.add(new Found("ssh", LoginSurface.ssh(host, guess.port())));
                case "mqtt", "mqtts" -> found.add(new Found(guess.service(), LoginSurface.mqtt(host, guess.port(), guess.tls())));
                case "http", "https" -> found.addAll(httpLogins(probes, host, guess));
                default -> {
                }
            }
        }
        console(dut, bench, probes).ifPresent(found::add);
        return found;
    }

    /** The pages of one HTTP(S) service that ask for a login, one per distinct challenge. */
    private static List<Found> httpLogins(Probes probes, String host, ServiceGuess guess) {
        String base = DeviceServices.baseUri(host, guess);
        Set<String> paths = new LinkedHashSet<>(USUAL_PATHS);
        HttpResult start = probes.http().request(HttpCall.get(URI.create(base + "/")).withRedirects(0));
        Matcher link = LINK.matcher(start.answered() ? start.text() : "");
        while (link.find() && paths.size() < 32) {
            paths.add(link.group(1));
        }
        List<Found> found = new ArrayList<>();
        Set<String> challenges = new HashSet<>();
        for (String path : paths) {
            HttpResult page = path.equals("/") ? start : probes.http().request(HttpCall.get(URI.create(base + path)).withRedirects(0));
            if (page.status() == 401 && challenges.add(page.header("WWW-Authenticate").orElse(""))) {
                found.add(new Found(guess.service(), LoginSurface.http(host, guess.port(), path, guess.tls())));
            }
        }
        return found;
    }

    /** The console, when the bench has it and it shows a login prompt (a shell without login is 5.6-4A's finding). */
    private static Optional<Found> console(Dut dut, Bench bench, Probes probes) {
        Optional<String> port = dut.interfaces().serialPort().flatMap(bench::serialPort);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        ConsoleState state = probes.serial().classify(SerialEndpoint.parse(port.get(), 115200));
        return state.kind() == ConsoleState.Kind.LOGIN_PROMPT ? Optional.of(new Found("console", LoginSurface.serial(port.get(), 115200)))
                : Optional.empty();
    }

    /**
     * Whether the manufacturer documented this login: its service is a key of IXIT 13-SoftServ not marked disabled, or
     * else 1-AuthMech names it as a word.
     */
    static boolean documented(Ixit ixit, String service) {
        Optional<Object> entry = ixit.get("13-SoftServ", service);
        if (entry.isPresent()) {
            Object status = entry.get() instanceof java.util.Map<?, ?> fields ? fields.get("status") : "enabled";
            return !String.valueOf(status).toLowerCase(Locale.ROOT).startsWith("disabled");
        }
        String mechanisms = String.valueOf(ixit.get("1-AuthMech").orElse("")).toLowerCase(Locale.ROOT);
        return Pattern.compile("\\b" + Pattern.quote(service) + "\\b").matcher(mechanisms).find();
    }
}
