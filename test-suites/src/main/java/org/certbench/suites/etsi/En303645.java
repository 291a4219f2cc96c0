package org.certbench.suites.etsi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certbench.probes.coap.CoapSecurity;
import org.certbench.probes.coap.CoapTarget;
import org.certbench.probes.coap.Discovery;
import org.certbench.probes.coap.WebLink;
import org.certbench.probes.http.HttpAuth;
import org.certbench.probes.http.HttpCall;
import org.certbench.probes.http.HttpResult;
import org.certbench.probes.login.Attempt;
import org.certbench.probes.login.BruteForceResult;
import org.certbench.probes.login.DefaultsResult;
import org.certbench.probes.login.LoginSurface;
import org.certbench.probes.login.UserPass;
import org.certbench.probes.login.Wordlist;
import org.certbench.probes.net.BurstResult;
import org.certbench.probes.net.UdpPortResult;
import org.certbench.probes.net.UdpProtocol;
import org.certbench.api.dut.CoapEndpoint;
import org.certbench.probes.tls.CertificateInfo;
import org.certbench.probes.tls.DtlsScan;
import org.certbench.probes.tls.DtlsVersion;
import org.certbench.probes.tls.TlsScan;
import org.certbench.probes.tls.TlsScanOptions;
import org.certbench.probes.tls.TlsVersion;
import java.util.Set;
import java.util.TreeSet;
import org.certbench.api.Assessment;
import org.certbench.api.Bench;
import org.certbench.api.Condition;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Feature;
import org.certbench.api.Finding;
import org.certbench.api.Level;
import org.certbench.api.Operator;
import org.certbench.api.Provision;
import org.certbench.api.Requirement;
import org.certbench.api.Standard;
import org.certbench.api.TestCase;
import org.certbench.api.Units;
import org.certbench.api.Verdicts;
import org.certbench.api.dut.Credential;
import org.certbench.api.dut.DeclaredPort;
import org.certbench.api.dut.NetworkInterface;
import org.certbench.api.dut.ServiceEndpoint;
import org.certbench.api.dut.Transport;
import org.certbench.probes.Probes;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RefusedConnect;
import org.certbench.probes.broker.RogueAttempt;
import org.certbench.probes.mqtt.ConnectResult;
import org.certbench.probes.mqtt.MqttEndpoint;
import org.certbench.probes.mqtt.MqttLogin;
import org.certbench.probes.mqtt.MqttVersion;
import org.certbench.probes.net.PortRange;
import org.certbench.probes.net.PortScan;
import org.certbench.probes.net.PortWatch;
import org.certbench.probes.net.ServiceGuess;
import org.certbench.probes.serial.ConsoleState;
import org.certbench.probes.serial.SerialEndpoint;
import org.certbench.probes.tls.TrustChoice;

/**
 * ETSI EN 303 645 V3.1.3, Cyber security for consumer Internet of Things: baseline requirements.
 *
 * <pre>{@code
 * certbench run --device acme-t1.yaml --standard etsi-en-303-645 --provision 5.6-1
 * }</pre>
 */
@Standard(id = "etsi-en-303-645", version = "3.1.3", title = "Cyber security for consumer IoT: baseline requirements",
        catalogue = "en-303-645-v3.1.3.yaml", conceptualCases = true)
public final class En303645 {

    /**
     * Test group 5.6-1, functional: every TCP port that accepts a connection must be one the
     * manufacturer declared (IXIT 15-Intf, {@code interfaces.network.ports}). TS 103 701: anything
     * discovered that is not documented is a FAIL. Each open port is a finding.
     */
    @Provision(id = "5.6-1", level = Level.MANDATORY, features = Feature.UNUSED_INTERFACES)
    @TestCase(id = "5.6-1-2", assessment = Assessment.FUNCTIONAL, title = "every open TCP port is declared",
            requires = Requirement.NETWORK, timeout = "PT10M")
    void everyOpenTcpPortIsDeclared(Dut dut, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        PortScan scan = probes.net().scanTcp(network.host(), PortRange.ALL);
        List<Integer> undeclared = new ArrayList<>();
        for (int port : scan.open()) {
            Optional<DeclaredPort> declared = network.declared(port, Transport.TCP);
            if (declared.isPresent()) {
                evidence.finding(Finding.pass("tcp-" + port, "port " + port + "/tcp open, declared as " + declared.get().service()));
            } else {
                undeclared.add(port);
                evidence.finding(Finding.fail("tcp-" + port, "port " + port + "/tcp open, not declared in interfaces.network.ports"));
            }
        }
        Set<Integer> declaredClosed = new TreeSet<>(network.declaredPorts(Transport.TCP));
        declaredClosed.removeAll(scan.open());
        if (!declaredClosed.isEmpty()) {
            evidence.writeText("declared-but-closed.txt", "Declared TCP ports that did not accept a connection: " + declaredClosed + "\n");
        }
        Verdicts.failIf(!undeclared.isEmpty(), "open TCP ports on %s not declared in the IXIT (interfaces.network.ports): %s",
                network.host(), undeclared);
        if (!scan.complete()) {
            Verdicts.inconclusive("the scan of %s decided %d of %d ports before the deadline", network.host(), scan.scanned(),
                    scan.range().size());
        }
        if (scan.open().isEmpty() && scan.closed() == 0) {
            Verdicts.inconclusive("no TCP port of %s answered (%d filtered): the device is unreachable or drops everything",
                    network.host(), scan.filtered().size());
        }
    }

    /** Ports where devices commonly take logins in clear: FTP, telnet, HTTP, MQTT and their usual alternatives. */
    private static final List<Integer> CLEARTEXT_LOGIN_PORTS = List.of(21, 23, 80, 1883, 2323, 8080);

    /**
     * Test group 5.1-3, functional: no login surface takes credentials in clear. Every declared TCP port and
     * the usual cleartext login ports are asked what they speak (the bench's own serial server excepted):
     * telnet, FTP, plain MQTT (a CONNECT carries its password in clear) and plain HTTP that asks for a
     * login (401, or a password field) are FAILs naming the port.
     */
    @Provision(id = "5.1-3", level = Level.MANDATORY, features = Feature.CRYPTOGRAPHIC_AUTHENTICATION)
    @TestCase(id = "5.1-3-2", assessment = Assessment.FUNCTIONAL, title = "no login surface takes credentials in clear",
            requires = Requirement.NETWORK, timeout = "PT2M")
    void noCredentialsInClear(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        List<ServiceGuess> services = DeviceServices.identify(dut, bench, probes, CLEARTEXT_LOGIN_PORTS);
        List<String> inClear = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (ServiceGuess guess : services) {
            String where = guess.service() + " on " + guess.port() + "/tcp";
            if (!guess.understood()) {
                if (mayTakeALogin(network, guess.port())) {
                    undecided.add(guess.port() + "/tcp (" + guess.banner() + ")");
                }
                continue;
            }
            String why = switch (guess.service()) {
                case "telnet", "ftp", "pop3" -> where + " takes its login in clear";
                case "mqtt" -> where + " takes a CONNECT, and its password, over plain TCP";
                case "http" -> guess.banner().matches("(?s).*\\b401\\b.*") || guess.banner().toLowerCase(java.util.Locale.ROOT).contains("password")
                        ? where + " asks for a login over plain HTTP" : null;
                default -> null;
            };
            if (why == null) {
                evidence.finding(Finding.pass("tcp-" + guess.port(), where + (guess.tls() ? " (TLS)" : "") + ": no login in clear"));
            } else {
                inClear.add(why);
                evidence.finding(Finding.fail("tcp-" + guess.port(), why + ": " + guess.banner()));
            }
        }
        Verdicts.failIf(!inClear.isEmpty(), "credentials would cross the network in clear on %s: %s", network.host(),
                String.join("; ", inClear));
        if (services.isEmpty()) {
            throw Verdicts.inconclusive("no port of %s answered of those declared and %s", network.host(), CLEARTEXT_LOGIN_PORTS);
        }
        Set<Integer> answered = services.stream().map(ServiceGuess::port).collect(java.util.stream.Collectors.toSet());
        for (int port : network.declaredPorts(Transport.TCP)) {
            if (!answered.contains(port) && !DeviceServices.benchPorts(network, bench).contains(port) && mayTakeALogin(network, port)) {
                undecided.add(port + "/tcp (declared, but could not be spoken to)");
            }
        }
        if (!undecided.isEmpty()) {
            // A port that says nothing readable may still take a login in clear once spoken to the right way.
            throw Verdicts.inconclusive("%s gave nothing to tell what takes a login on: %s", network.host(), String.join(", ", undecided));
        }
    }

    /** Services one logs in to, by the names profiles give them. */
    private static final Pattern LOGIN_SERVICE = Pattern.compile("(?i).*\\b(https?|mqtts?|telnet|ssh|ftp|pop3|imap|console|login|admin)\\b.*");

    /**
     * Whether a port that said nothing readable could still be a login: one of the usual cleartext login ports, or
     * declared with a service one logs in to. A port the profile declares for something else (a machine service,
     * a sensor stream) decides nothing either way.
     */
    private static boolean mayTakeALogin(NetworkInterface network, int port) {
        Optional<DeclaredPort> declared = network.declared(port, Transport.TCP);
        return declared.map(p -> LOGIN_SERVICE.matcher(p.service()).matches()).orElse(CLEARTEXT_LOGIN_PORTS.contains(port));
    }

    /** How long a case waits for a device that connects out to show itself on the lab broker. */
    private static final Duration UPLINK_WAIT = Duration.ofSeconds(45);

    /** The sessions the device opened on the lab broker; INCONCLUSIVE when it opened none in time. */
    private static List<BrokerSession> uplinkSessions(Probes probes, String host) {
        List<BrokerSession> sessions = probes.broker().sessionsFrom(host, UPLINK_WAIT);
        if (sessions.isEmpty()) {
            throw Verdicts.inconclusive("%s opened no session on the lab broker within %s of the campaign's first look for one: "
                    + "point the device at the bench's broker", host, UPLINK_WAIT);
        }
        return sessions;
    }

    /**
     * Test group 5.5-1, functional: a device that reports to a broker does so over TLS. The lab broker
     * records every session the device opens; a session over plain TCP is a FAIL naming it.
     */
    @Provision(id = "5.5-1", level = Level.MANDATORY)
    @TestCase(id = "5.5-1-2", assessment = Assessment.FUNCTIONAL, title = "the device's MQTT uplink runs over TLS",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT2M")
    void uplinkRunsOverTls(Dut dut, Probes probes) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<BrokerSession> sessions = uplinkSessions(probes, host);
        Optional<BrokerSession> plain = sessions.stream().filter(s -> !s.tls()).findFirst();
        if (plain.isPresent()) {
            throw Verdicts.fail("%s reported to the broker over plain TCP%s: %s", host,
                    sessions.stream().anyMatch(s -> !s.tls() && s.passwordSent()) ? ", its password in clear" : "", plain.get().describe());
        }
    }

    /**
     * Test group 5.5-1, functional: a device that connects out must refuse a broker whose certificate
     * no trusted CA signed. The lab's rogue listener presents a look-alike certificate with the
     * broker's name; completing that handshake is a FAIL, refusing it (with an alert) a PASS.
     */
    @Provision(id = "5.5-1", level = Level.MANDATORY)
    @TestCase(id = "5.5-1-3", assessment = Assessment.FUNCTIONAL, title = "the device refuses a rogue broker's certificate",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT2M")
    void refusesARogueBrokersCertificate(Dut dut, Probes probes) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<RogueAttempt> attempts = probes.broker().rogueAttemptsFrom(host, UPLINK_WAIT);
        Optional<RogueAttempt> accepted = attempts.stream().filter(a -> a.outcome() == RogueAttempt.Outcome.ACCEPTED).findFirst();
        Verdicts.failIf(accepted.isPresent(), "%s accepted the rogue broker's untrusted certificate: %s", host,
                accepted.map(RogueAttempt::describe).orElse(""));
        if (attempts.stream().noneMatch(a -> a.outcome() == RogueAttempt.Outcome.REFUSED)) {
            throw Verdicts.inconclusive("%s did not connect to the rogue listener within %s of the campaign's first look for it: "
                    + "point the device's broker name at it", host, UPLINK_WAIT);
        }
    }

    /**
     * Test group 5.5-4, functional: the device's MQTT service refuses a CONNECT without credentials
     * (CONNACK 0x05 / 0x87). An accepted anonymous CONNECT is a FAIL.
     */
    @Provision(id = "5.5-4", level = Level.RECOMMENDED)
    @TestCase(id = "5.5-4-2", assessment = Assessment.FUNCTIONAL, title = "MQTT refuses a client without credentials",
            requires = {Requirement.NETWORK, Requirement.MQTT}, timeout = "PT1M")
    void mqttRefusesAnonymousClients(Dut dut, Probes probes) {
        String host = dut.interfaces().network().orElseThrow().host();
        ServiceEndpoint mqtt = dut.interfaces().mqtt().orElseThrow();
        MqttEndpoint endpoint = new MqttEndpoint(host, mqtt.port(), mqtt.tls() ? TrustChoice.anything() : null, null);
        ConnectResult result = probes.mqtt().connect(endpoint, MqttVersion.V5, MqttLogin.ANONYMOUS);
        Verdicts.failIf(result.accepted(), "the MQTT service on %s:%d accepted a CONNECT without credentials", host, mqtt.port());
        if (result.outcome() != ConnectResult.Outcome.REFUSED) {
            throw Verdicts.inconclusive("no CONNACK from %s:%d: %s", host, mqtt.port(), result.reason());
        }
    }

    /**
     * Test group 5.6-4A, functional: the console (UART, through the bench's serial port) must not
     * give a shell without login. A root shell or a bootloader prompt that takes commands is a FAIL.
     */
    @Provision(id = "5.6-4A", level = Level.MANDATORY, features = Feature.DEBUG_INTERFACES)
    @TestCase(id = "5.6-4A-2", assessment = Assessment.FUNCTIONAL, title = "the console asks for a login",
            requires = Requirement.SERIAL, timeout = "PT1M")
    void consoleAsksForALogin(Dut dut, Bench bench, Probes probes) {
        String name = dut.interfaces().serialPort().orElseThrow();
        String port = bench.serialPort(name).orElseThrow(() -> Verdicts.inconclusive(
                "the bench has no serial port named %s (the profile's interfaces.serial.port)", name));
        ConsoleState state = probes.serial().classify(SerialEndpoint.parse(port, 115200));
        switch (state.kind()) {
            case ROOT_SHELL, USER_SHELL, BOOTLOADER -> throw Verdicts.fail("the console on %s gives %s without login: %s", name,
                    state.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), state.evidence());
            case LOGIN_PROMPT -> {
            }
            default -> throw Verdicts.inconclusive("the console on %s showed neither a login nor a shell: %s", name, state.evidence());
        }
    }

    /**
     * Test group 5.1-1, functional: no login surface accepts a public factory default. Every login the
     * device offers (telnet, FTP, SSH, MQTT, HTTP pages that answer 401, a console with a login prompt)
     * is tried with the shipped list of public defaults, within the login budget; an accepted one is a
     * FAIL naming it. TS 103 701: a login mechanism found that the IXIT does not document (13-SoftServ,
     * 1-AuthMech) is a FAIL too.
     */
    @Provision(id = "5.1-1", level = Level.MANDATORY, features = Feature.PASSWORDS)
    @TestCase(id = "5.1-1-2", assessment = Assessment.FUNCTIONAL, title = "no login surface accepts a public default credential",
            requires = Requirement.NETWORK, timeout = "PT15M")
    void noLoginAcceptsAPublicDefault(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<LoginSurfaces.Found> surfaces = LoginSurfaces.find(dut, bench, probes);
        if (surfaces.isEmpty()) {
            throw Verdicts.inconclusive("no login surface found on %s or its console, though the profile says passwords are used", host);
        }
        List<String> problems = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (LoginSurfaces.Found found : surfaces) {
            String where = found.service() + " " + found.surface();
            if (!LoginSurfaces.documented(dut.ixit(), found.service())) {
                undocumented.add(where);
                evidence.finding(Finding.fail("login-" + found.service() + "-" + found.surface().port(),
                        where + " takes a login the IXIT does not document"));
            }
            DefaultsResult result = probes.login().tryDefaults(found.surface(), Wordlist.vendorDefaults());
            Optional<UserPass> accepted = result.accepted();
            if (accepted.isPresent()) {
                problems.add(where + " accepts the public factory default " + accepted.get().describe(true));
                evidence.finding(Finding.fail("default-" + found.service() + "-" + found.surface().port(),
                        where + " accepts " + accepted.get().describe(true)));
            } else {
                evidence.finding(Finding.pass("default-" + found.service() + "-" + found.surface().port(), where + " refused "
                        + result.attempts().size() + " public defaults" + (result.budgetExhausted() ? " (budget reached)" : "")));
            }
        }
        if (!undocumented.isEmpty()) {
            problems.add("logins not documented in IXIT 13-SoftServ or 1-AuthMech: " + String.join(", ", undocumented));
        }
        Verdicts.failIf(!problems.isEmpty(), "%s", String.join("; ", problems));
    }

    /** Who to write to: a mail address, a mailto: link, or a page named as the contact. */
    private static final Pattern CONTACT = Pattern.compile("(?i)mailto:|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|\\bcontact\\b|report (form|page)");
    private static final String SPAN = "\\b\\d+\\s*(working |business |calendar )?(hours?|days?|weeks?|months?)\\b";
    private static final Pattern ACKNOWLEDGEMENT = Pattern.compile("(?is)acknowledg\\w*.{0,100}?" + SPAN + "|" + SPAN + ".{0,60}?acknowledg");
    private static final Pattern STATUS_UPDATES = Pattern.compile("(?is)(status|progress)\\w*.{0,100}?" + SPAN + "|" + SPAN + ".{0,60}?(status|progress)");

    /**
     * Test group 5.2-1, functional: the vulnerability disclosure policy the IXIT names (2-UserInfo) is
     * published where anyone can read it without an account, and states a contact and timelines for
     * acknowledgement and status updates. The assessor judges the rest in 5.2-1-1.
     */
    @Provision(id = "5.2-1", level = Level.MANDATORY)
    @TestCase(id = "5.2-1-2", assessment = Assessment.FUNCTIONAL, title = "the vulnerability disclosure policy is public and complete",
            timeout = "PT1M")
    void disclosurePolicyIsPublished(Dut dut, Probes probes, Evidence evidence) {
        PublishedDocuments.Fetched policy = PublishedDocuments.fetch(dut, probes, evidence, "vulnerability-disclosure",
                "vulnerability disclosure policy");
        List<String> missing = new ArrayList<>();
        if (!CONTACT.matcher(policy.text()).find()) {
            missing.add("a contact point");
        }
        if (!ACKNOWLEDGEMENT.matcher(policy.text()).find()) {
            missing.add("when a report is acknowledged");
        }
        if (!STATUS_UPDATES.matcher(policy.text()).find()) {
            missing.add("when status updates follow");
        }
        Verdicts.failIf(!missing.isEmpty(), "the vulnerability disclosure policy at %s does not state %s", policy.address(),
                String.join(", ", missing));
    }

    /** A period or an end date: "5 years", "until 31 December 2031", "2031-12-31". */
    private static final Pattern SUPPORT_PERIOD = Pattern.compile(
            "(?is)(support|updates?).{0,120}?(\\b(19|20)\\d{2}\\b|\\b\\d+\\s*(years?|months?)\\b)");

    /**
     * Test group 5.3-13, functional: the support period the IXIT names (2-UserInfo) is published without
     * registration and states a period or an end date.
     */
    @Provision(id = "5.3-13", level = Level.MANDATORY)
    @TestCase(id = "5.3-13-2", assessment = Assessment.FUNCTIONAL, title = "the defined support period is public and states its end",
            timeout = "PT1M")
    void supportPeriodIsPublished(Dut dut, Probes probes, Evidence evidence) {
        PublishedDocuments.Fetched period = PublishedDocuments.fetch(dut, probes, evidence, "support-period", "support period");
        Verdicts.failIf(!SUPPORT_PERIOD.matcher(period.text()).find(),
                "the support period at %s states neither a period nor an end date", period.address());
    }

    /** What a description of sensors names: a sensor, or the kinds a reader looks for. */
    private static final Pattern SENSORS = Pattern.compile("(?i)\\bsensors?\\b|\\bcameras?\\b|\\bmicrophones?\\b|\\bmotion\\b|\\bdetectors?\\b");
    private static final Pattern DELETION = Pattern.compile("(?i)\\b(delet|eras|remov|wip|reset)\\w*");
    private static final Pattern SETUP = Pattern.compile("(?i)\\bset\\s*up\\b|\\bsetup\\b|\\bpassword\\b|\\bconfigur\\w*");
    private static final Pattern CHECKING = Pattern.compile("(?i)\\b(check|verif|confirm|shows?)\\w*");
    private static final Pattern PERSONAL_DATA = Pattern.compile("(?i)personal data|privacy");
    /** A document saying the device handles no personal data, read against a profile that declares it does. */
    private static final Pattern NO_PERSONAL_DATA = Pattern.compile(
            "(?i)\\b(processes|collects|sends|stores|handles) no personal data|\\bno personal data (is|are) (processed|collected|sent|stored)");
    private static final Pattern TELEMETRY = Pattern.compile("(?i)\\btelemetry\\b|\\b(sends?|collects?|reports?)\\b");

    /**
     * Test group 5.8-3, functional: the external sensors are described where a buyer can read it: the document IXIT
     * 2-UserInfo/external-sensors names is public and names the sensors. The assessor compares it with the device.
     */
    @Provision(id = "5.8-3", level = Level.MANDATORY, features = Feature.EXTERNAL_SENSORS)
    @TestCase(id = "5.8-3-2", assessment = Assessment.FUNCTIONAL, title = "the external sensors are described in public", timeout = "PT1M")
    void sensorsAreDescribed(Dut dut, Probes probes, Evidence evidence) {
        publishedAndAbout(dut, probes, evidence, "external-sensors", "description of the external sensors", SENSORS, "names no sensor");
    }

    /**
     * Test group 5.11-3, functional: the instructions for deleting personal data are public (IXIT
     * 2-UserInfo/deletion) and say how to delete, erase or reset.
     */
    @Provision(id = "5.11-3", level = Level.RECOMMENDED)
    @TestCase(id = "5.11-3-2", assessment = Assessment.FUNCTIONAL, title = "the deletion instructions are public", timeout = "PT1M")
    void deletionInstructionsArePublished(Dut dut, Probes probes, Evidence evidence) {
        publishedAndAbout(dut, probes, evidence, "deletion", "instructions for deleting user data", DELETION,
                "say nothing of deleting, erasing or resetting");
    }

    /** Test group 5.12-2, functional: the secure-setup guidance (IXIT 2-UserInfo/secure-setup) is public and about setting up. */
    @Provision(id = "5.12-2", level = Level.RECOMMENDED)
    @TestCase(id = "5.12-2-2", assessment = Assessment.FUNCTIONAL, title = "the secure-setup guidance is public", timeout = "PT1M")
    void setupGuidanceIsPublished(Dut dut, Probes probes, Evidence evidence) {
        publishedAndAbout(dut, probes, evidence, "secure-setup", "secure-setup guidance", SETUP, "says nothing of setting the device up");
    }

    /**
     * Test group 5.12-3, functional: the guidance on checking that the device is set up securely (IXIT
     * 2-UserInfo/secure-setup-check) is public, the section its address names exists, and it says how to check.
     */
    @Provision(id = "5.12-3", level = Level.RECOMMENDED)
    @TestCase(id = "5.12-3-2", assessment = Assessment.FUNCTIONAL, title = "the guidance to check the setup is public", timeout = "PT1M")
    void setupCheckGuidanceIsPublished(Dut dut, Probes probes, Evidence evidence) {
        publishedAndAbout(dut, probes, evidence, "secure-setup-check", "guidance to check the setup", CHECKING,
                "says nothing of checking the setup");
    }

    /**
     * Test group 6-1, functional: the information on personal data (IXIT 2-UserInfo/personal-data) is public and
     * about personal data; a document saying the device handles none, for a device whose profile declares personal
     * data sent or processed, is a FAIL quoting it. The assessor judges the rest in 6-1-1.
     */
    @Provision(id = "6-1", level = Level.MANDATORY)
    @TestCase(id = "6-1-2", assessment = Assessment.FUNCTIONAL, title = "the personal-data information is public and agrees "
            + "with the profile", timeout = "PT1M")
    void personalDataInformationIsPublished(Dut dut, Probes probes, Evidence evidence) {
        PublishedDocuments.Fetched document = publishedAndAbout(dut, probes, evidence, "personal-data",
                "information on personal data", PERSONAL_DATA, "says nothing of personal data or privacy");
        boolean sent = dut.feature(Feature.PERSONAL_DATA_SENT).orElse(false);
        boolean processed = dut.feature(Feature.PERSONAL_DATA_PROCESSED).orElse(false);
        Matcher none = NO_PERSONAL_DATA.matcher(document.text());
        if ((sent || processed) && none.find()) {
            throw Verdicts.fail("the information on personal data at %s says \"%s\", but the profile declares personal data %s",
                    document.address(), none.group(), sent ? "sent" : "processed");
        }
    }

    /** Test group 6-5, functional: what telemetry is collected is told in public (IXIT 2-UserInfo/telemetry). */
    @Provision(id = "6-5", level = Level.MANDATORY, features = Feature.TELEMETRY)
    @TestCase(id = "6-5-2", assessment = Assessment.FUNCTIONAL, title = "the telemetry collected is told in public", timeout = "PT1M")
    void telemetryIsTold(Dut dut, Probes probes, Evidence evidence) {
        publishedAndAbout(dut, probes, evidence, "telemetry", "information on telemetry", TELEMETRY, "says nothing of what is sent");
    }

    /** The document IXIT 2-UserInfo names under {@code key}, public and about {@code subject}, or a FAIL saying it is not. */
    private static PublishedDocuments.Fetched publishedAndAbout(Dut dut, Probes probes, Evidence evidence, String key, String what,
            Pattern subject, String otherwise) {
        PublishedDocuments.Fetched document = PublishedDocuments.fetch(dut, probes, evidence, key, what);
        Verdicts.failIf(!subject.matcher(document.text()).find(), "the %s at %s %s", what, document.address(), otherwise);
        return document;
    }

    /**
     * Test group 5.5-1, functional: every TLS and DTLS service of the device offers only best-practice
     * cryptography: no SSLv3, TLS 1.0 or 1.1, DTLS 1.0; no NULL, export, anonymous, RC4, DES, 3DES or MD5 suites
     * (raw ClientHellos, so suites the JDK cannot speak are seen too, and PSK suites without the key); an RSA
     * or DSA key of at least 2048 bits, an EC key of at least 256; no MD5 or SHA-1 signature on the device's
     * certificate.
     */
    @Provision(id = "5.5-1", level = Level.MANDATORY)
    @TestCase(id = "5.5-1-4", assessment = Assessment.FUNCTIONAL, title = "TLS and DTLS services offer best-practice versions, suites and keys",
            requires = Requirement.NETWORK, timeout = "PT5M")
    void tlsServicesUseBestPracticeCryptography(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<ServiceGuess> services = DeviceServices.identify(dut, bench, probes, List.of());
        List<ServiceGuess> tls = services.stream().filter(ServiceGuess::tls).toList();
        // The profile's HTTPS and MQTTS ports must speak TLS: one that does not complete a handshake leaves the case undecided.
        List<String> silentTls = new ArrayList<>();
        for (ServiceEndpoint declared : java.util.stream.Stream.of(dut.interfaces().http(), dut.interfaces().mqtt())
                .flatMap(Optional::stream).filter(ServiceEndpoint::tls).toList()) {
            if (tls.stream().noneMatch(s -> s.port() == declared.port())) {
                silentTls.add(declared.port() + "/tcp (" + services.stream().filter(s -> s.port() == declared.port()).findFirst()
                        .map(ServiceGuess::banner).orElse("not scanned") + ")");
            }
        }
        // DTLS: every declared UDP port that answers a ClientHello; one the profile declares as DTLS (CoAPS, a dtls or
        // coaps service) must answer one.
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        Set<Integer> dtlsDeclared = new TreeSet<>();
        network.ports().stream().filter(p -> p.transport() == Transport.UDP && p.service().toLowerCase(java.util.Locale.ROOT)
                .matches("dtls|coaps")).forEach(p -> dtlsDeclared.add(p.port()));
        dut.interfaces().coap().filter(c -> c.security() != CoapEndpoint.Security.NONE).ifPresent(c -> dtlsDeclared.add(c.port()));
        Set<Integer> udpPorts = new TreeSet<>(network.declaredPorts(Transport.UDP));
        udpPorts.addAll(dtlsDeclared);
        List<Integer> dtls = udpPorts.isEmpty() ? List.of() : probes.net().probeUdp(host, udpPorts).stream()
                .filter(u -> u.state() == UdpPortResult.State.ANSWERED && u.protocol() == UdpProtocol.DTLS).map(UdpPortResult::port).toList();
        dtlsDeclared.stream().filter(port -> !dtls.contains(port)).forEach(port -> silentTls.add(port + "/udp (no DTLS answer)"));
        if (tls.isEmpty() && dtls.isEmpty() && silentTls.isEmpty()) {
            throw Verdicts.notApplicable("no declared port of %s speaks TLS or DTLS (plaintext services are judged by 5.5-1-2 and 5.1-3-2)",
                    host);
        }
        List<String> problems = new ArrayList<>();
        List<String> cutShort = new ArrayList<>();
        for (int port : dtls) {
            DtlsScan scan = probes.tls().scanDtls(host, port);
            if (scan.versions().isEmpty()) {
                silentTls.add(port + "/udp (no DTLS version completed a ServerHello"
                        + (scan.problems().isEmpty() ? "" : ": " + String.join("; ", scan.problems())) + ")");
                continue;
            }
            List<String> own = new ArrayList<>();
            scan.versions().stream().filter(DtlsVersion::deprecated).forEach(v -> own.add(v.label() + " accepted"));
            own.addAll(scan.weakSuites());
            if (!scan.complete()) {
                cutShort.add(port + "/udp: " + String.join("; ", scan.problems()));
            }
            String where = "DTLS on " + port + "/udp";
            if (own.isEmpty()) {
                evidence.finding(Finding.pass("dtls-" + port, where + ": " + scan.versions() + ", no weak suite"));
            } else {
                problems.add(where + ": " + String.join(", ", own));
                evidence.finding(Finding.fail("dtls-" + port, where + ": " + String.join(", ", own)));
            }
        }
        for (ServiceGuess service : tls) {
            TlsScan scan = probes.tls().scan(host, service.port(), TlsScanOptions.DEFAULT);
            if (scan.versions().isEmpty()) {
                silentTls.add(service.port() + "/tcp (no TLS version completed a handshake"
                        + (scan.problems().isEmpty() ? "" : ": " + String.join("; ", scan.problems())) + ")");
                continue;
            }
            List<String> own = new ArrayList<>();
            scan.versions().stream().filter(TlsVersion::deprecated).forEach(v -> own.add(v.label() + " accepted"));
            own.addAll(scan.weakSuites());
            if (!scan.chain().isEmpty()) {
                CertificateInfo leaf = scan.chain().get(0);
                int least = leaf.keyType().equals("EC") ? 256 : leaf.keyType().startsWith("Ed") ? 0 : 2048;
                if (leaf.keyBits() < least) {
                    own.add(leaf.keyType() + " " + leaf.keyBits() + "-bit key (at least " + least + ")");
                }
                if (leaf.signatureAlgorithm().toUpperCase(java.util.Locale.ROOT).matches("(MD5|SHA1)WITH.*")) {
                    own.add("certificate signed with " + leaf.signatureAlgorithm());
                }
            }
            if (!scan.complete()) {
                cutShort.add(service.port() + "/tcp: " + String.join("; ", scan.problems()));
            }
            String where = service.service() + " on " + service.port() + "/tcp";
            if (own.isEmpty()) {
                evidence.finding(Finding.pass("tls-" + service.port(), where + ": " + scan.versions() + ", no weak suite or key"));
            } else {
                problems.add(where + ": " + String.join(", ", own));
                evidence.finding(Finding.fail("tls-" + service.port(), where + ": " + String.join(", ", own)));
            }
        }
        Verdicts.failIf(!problems.isEmpty(), "TLS or DTLS below best practice on %s: %s", host, String.join("; ", problems));
        if (!silentTls.isEmpty()) {
            throw Verdicts.inconclusive("the profile's TLS and DTLS ports of %s completed no handshake: %s", host, String.join(", ", silentTls));
        }
        if (!cutShort.isEmpty()) {
            throw Verdicts.inconclusive("the TLS or DTLS scan of %s was cut short: %s", host, String.join(" | ", cutShort));
        }
    }

    /** A product and its version: "lighttpd/1.4.69", "OpenSSH_9.2p1", "Linux 6.1.0", "firmware 1.4.2". */
    private static final Pattern VERSIONED = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*?)[/ _-]v?(\\d+\\.\\d+(\\.\\d+)*[a-z0-9]*)");
    /** Names followed by a protocol or markup version, not the device's software. */
    private static final Set<String> PROTOCOLS = Set.of("http", "https", "ssh", "tls", "tlsv", "ssl", "sslv", "mqtt", "coap", "rtsp", "sip",
            "html", "xhtml", "xml", "dtd", "utf", "iso");

    /**
     * Test group 5.6-2, functional: what the device volunteers before anyone logs in (service banners,
     * the web server's headers, its start and error pages, the console before its login prompt) names no
     * software or firmware version, unless IXIT 15-Intf/disclosed-information declares that very text.
     */
    @Provision(id = "5.6-2", level = Level.MANDATORY)
    @TestCase(id = "5.6-2-2", assessment = Assessment.FUNCTIONAL, title = "nothing before a login names software versions",
            requires = Requirement.NETWORK, timeout = "PT2M")
    void noVersionsBeforeLogin(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        String host = dut.interfaces().network().orElseThrow().host();
        Map<String, String> volunteered = new java.util.LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        for (ServiceGuess service : DeviceServices.identify(dut, bench, probes, List.of())) {
            String where = service.service() + " on " + service.port() + "/tcp";
            if (service.reachable() && !service.understood() && !service.banner().equals("(silent)")) {
                // A few bytes or noise: a banner cut short (a device answering slowly) may yet name a version.
                unread.add(where + " (\"" + service.banner() + "\")");
                continue;
            }
            if (service.service().startsWith("http")) {
                String base = DeviceServices.baseUri(host, service);
                for (String path : List.of("/", "/certbench-no-such-page")) {
                    HttpResult page = probes.http().request(HttpCall.get(java.net.URI.create(base + path)).withRedirects(0));
                    if (page.answered()) {
                        volunteered.put(where + " " + path, page.header("Server").map(v -> "Server: " + v + " ").orElse("")
                                + page.header("X-Powered-By").map(v -> "X-Powered-By: " + v + " ").orElse("")
                                + page.text().replaceAll("(?s)<[^>]*>", " "));
                    }
                }
            } else {
                volunteered.put(where, service.banner());
            }
        }
        dut.interfaces().serialPort().flatMap(bench::serialPort).ifPresent(port -> {
            ConsoleState console = probes.serial().classify(SerialEndpoint.parse(port, 115200));
            if (console.kind() == ConsoleState.Kind.LOGIN_PROMPT) {
                volunteered.put("the console before its login prompt", console.evidence());
            }
        });
        if (volunteered.isEmpty() && unread.isEmpty()) {
            throw Verdicts.inconclusive("nothing on %s answered: no banner to judge", host);
        }
        String declared = String.valueOf(dut.ixit().get("15-Intf", "disclosed-information").orElse(""));
        String firmware = dut.identity().firmware();
        List<String> disclosed = new ArrayList<>();
        volunteered.forEach((where, text) -> {
            Set<String> versions = new java.util.LinkedHashSet<>();
            Matcher m = VERSIONED.matcher(text);
            while (m.find()) {
                if (!PROTOCOLS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                    versions.add(m.group().strip());
                }
            }
            if (firmware.matches(".*\\d.*") && text.contains(firmware) && versions.stream().noneMatch(v -> v.contains(firmware))) {
                versions.add("firmware " + firmware);
            }
            versions.removeIf(declared::contains);
            String id = "banner-" + where.replaceAll("[^A-Za-z0-9]+", "-");
            if (versions.isEmpty()) {
                evidence.finding(Finding.pass(id, where + ": no version"));
            } else {
                disclosed.add(where + " names " + String.join(", ", versions));
                evidence.finding(Finding.fail(id, where + " names " + String.join(", ", versions)));
            }
        });
        Verdicts.failIf(!disclosed.isEmpty(), "%s discloses versions without a login, not declared in IXIT 15-Intf/disclosed-information: %s",
                host, String.join("; ", disclosed));
        if (!unread.isEmpty()) {
            throw Verdicts.inconclusive("%s: no readable banner from %s, so what it tells before a login is not known", host,
                    String.join(", ", unread));
        }
    }

    /**
     * Test group 5.6-5, functional: every service that answers on the device (all TCP ports, the declared
     * UDP ports) is one IXIT 13-SoftServ lists as enabled, by its name or its {@code ports}; a service the
     * IXIT marks disabled must not answer. The bench's serial server is not the device's.
     */
    @Provision(id = "5.6-5", level = Level.RECOMMENDED)
    @TestCase(id = "5.6-5-2", assessment = Assessment.FUNCTIONAL, title = "only the services IXIT 13-SoftServ enables answer",
            requires = Requirement.NETWORK, timeout = "PT10M")
    void onlyListedServicesAnswer(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        Map<?, ?> listed = dut.ixit().get("13-SoftServ").filter(Map.class::isInstance).map(Map.class::cast)
                .orElseThrow(() -> Verdicts.inconclusive("IXIT 13-SoftServ lists no services to compare with"));
        DeviceServices.Scanned scanned = DeviceServices.scanAll(dut, bench, probes);
        if (!scanned.scan().complete()) {
            throw Verdicts.inconclusive("the scan of %s decided %d of %d ports before the deadline", network.host(),
                    scanned.scan().scanned(), scanned.scan().range().size());
        }
        List<String> problems = new ArrayList<>();
        for (ServiceGuess guess : scanned.services()) {
            String where = (guess.service().equals("unknown") ? "an unidentified service (" + guess.banner() + ")" : guess.service())
                    + " on " + guess.port() + "/tcp";
            judgeService(listed, Set.of(guess.service()), guess.port(), where, problems, evidence);
        }
        for (UdpPortResult udp : probes.net().probeUdp(network.host(), network.declaredPorts(Transport.UDP))) {
            if (udp.state() == UdpPortResult.State.ANSWERED) {
                Set<String> names = udp.protocol() == UdpProtocol.DTLS ? Set.of("dtls", "coaps")
                        : udp.protocol() == null ? Set.of() : Set.of(udp.protocol().name().toLowerCase(java.util.Locale.ROOT));
                String name = names.isEmpty() ? "an unidentified service" : names.iterator().next();
                judgeService(listed, names, udp.port(), name + " on " + udp.port() + "/udp", problems, evidence);
            }
        }
        Verdicts.failIf(!problems.isEmpty(), "services answer on %s that IXIT 13-SoftServ does not enable: %s", network.host(),
                String.join("; ", problems));
    }

    private static void judgeService(Map<?, ?> listed, Set<String> names, int port, String where, List<String> problems, Evidence evidence) {
        Optional<? extends Map.Entry<?, ?>> entry = listed.entrySet().stream().map(e -> (Map.Entry<?, ?>) e).filter(e -> names.contains(String.valueOf(e.getKey()).toLowerCase(
                java.util.Locale.ROOT)) || e.getValue() instanceof Map<?, ?> m && m.get("ports") instanceof List<?> ports
                        && ports.stream().anyMatch(p -> String.valueOf(p).equals(String.valueOf(port)))).findFirst();
        String status = entry.map(e -> e.getValue() instanceof Map<?, ?> m ? String.valueOf(m.get("status")) : "enabled").orElse("");
        String id = "service-" + port;
        if (entry.isEmpty()) {
            problems.add(where + " is not listed");
            evidence.finding(Finding.fail(id, where + " is not listed in IXIT 13-SoftServ"));
        } else if (status.toLowerCase(java.util.Locale.ROOT).startsWith("disabled")) {
            problems.add(where + " is listed as disabled (" + entry.get().getKey() + ") but answers");
            evidence.finding(Finding.fail(id, where + " answers though IXIT 13-SoftServ/" + entry.get().getKey() + " is disabled"));
        } else {
            evidence.finding(Finding.pass(id, where + " is IXIT 13-SoftServ/" + entry.get().getKey()));
        }
    }

    /**
     * Test group 5.13-1B, functional: every network service of the device survives malformed input. Each
     * open TCP port gets the generic bursts and those of its protocol (HTTP, MQTT, TLS, telnet), each
     * declared UDP port that answers those of CoAP or DTLS, and after every burst the port must still
     * answer; at the end each TCP service must still answer as what it was. Bounded: a fixed set of
     * bursts per port, random content from a seed the evidence records. TS 103 701: an open port the
     * profile does not declare is an undocumented interface, a FAIL.
     */
    @Provision(id = "5.13-1B", level = Level.MANDATORY)
    @TestCase(id = "5.13-1B-2", assessment = Assessment.FUNCTIONAL, title = "every network service survives malformed input",
            requires = Requirement.NETWORK, timeout = "PT10M")
    void servicesSurviveMalformedInput(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        DeviceServices.Scanned scanned = DeviceServices.scanAll(dut, bench, probes);
        List<ServiceGuess> before = scanned.services();
        List<String> problems = new ArrayList<>();
        List<Integer> undocumented = before.stream().map(ServiceGuess::port).filter(p -> network.declared(p, Transport.TCP).isEmpty()).toList();
        if (!undocumented.isEmpty()) {
            problems.add("open TCP ports not documented as interfaces: " + undocumented);
        }
        List<Integer> survivors = new ArrayList<>();
        boolean cutShort = !scanned.scan().complete();
        for (ServiceGuess service : before) {
            BurstResult result = probes.net().malformedTcp(network.host(), service.port(), service.service(), seed(dut, service.port()));
            cutShort |= result.cutShort();
            judgeBursts(service.service() + " on " + service.port() + "/tcp", result, problems, evidence);
            if (result.killedBy().isEmpty()) {
                survivors.add(service.port());
            }
        }
        for (UdpPortResult udp : probes.net().probeUdp(network.host(), network.declaredPorts(Transport.UDP))) {
            if (udp.state() == UdpPortResult.State.ANSWERED && udp.protocol() != null) {
                BurstResult result = probes.net().malformedUdp(network.host(), udp.port(), udp.protocol(), seed(dut, -udp.port()));
                cutShort |= result.cutShort();
                judgeBursts(udp.protocol().name().toLowerCase(java.util.Locale.ROOT) + " on " + udp.port() + "/udp", result, problems, evidence);
            }
        }
        Map<Integer, String> was = new java.util.HashMap<>();
        before.forEach(g -> was.put(g.port(), g.service()));
        for (ServiceGuess after : probes.net().identify(network.host(), survivors)) {
            if (!after.service().equals(was.get(after.port()))) {
                problems.add(was.get(after.port()) + " on " + after.port() + "/tcp answers as " + after.service() + " after the bursts");
            }
        }
        Verdicts.failIf(!problems.isEmpty(), "malformed input on %s: %s", network.host(), String.join("; ", problems));
        if (before.isEmpty()) {
            throw Verdicts.inconclusive("no TCP service of %s answered: nothing to send malformed input to", network.host());
        }
        if (cutShort) {
            throw Verdicts.inconclusive("the deadline cut the malformed-input run on %s short", network.host());
        }
    }

    private static void judgeBursts(String where, BurstResult result, List<String> problems, Evidence evidence) {
        String id = "malformed-" + result.transport() + "-" + result.port();
        if (result.killedBy().isPresent()) {
            problems.add(where + " stopped answering after burst " + result.killedBy().get() + " (seed " + result.seed() + ")");
            evidence.finding(Finding.fail(id, where + " stopped answering after " + result.killedBy().get()));
        } else {
            evidence.finding(Finding.pass(id, where + " still answers after " + result.sent().size() + " malformed bursts"));
        }
    }

    /** The bursts' random content is the same for the same device and port, so a run can be repeated byte for byte. */
    private static long seed(Dut dut, int port) {
        return ((long) dut.identity().id().hashCode() << 32) ^ port;
    }

    /** "5 failed logins lock …": the number of failures the IXIT says lock an account. */
    private static final Pattern DECLARED_LOCKOUT = Pattern.compile("(?i)(\\d+)\\s+(failed|wrong|unsuccessful|bad)");

    /**
     * Test group 5.1-5, functional: brute force over the network is impracticable. Every network login
     * (telnet, FTP, SSH, MQTT, HTTP pages that answer 401) gets wrong passwords for the profile's own
     * account, then the right one: the device must lock the account (refusing even the right password)
     * or slow down markedly. When IXIT 1-AuthMech/brute-force-prevention names a number of failures, the
     * lock must come by then. TS 103 701: an undocumented login is a FAIL. Runs last: it locks accounts.
     */
    @Provision(id = "5.1-5", level = Level.MANDATORY, conditions = Condition.BRUTE_FORCE_PROTECTION_NOT_CONSTRAINED,
            features = Feature.NETWORK_AUTHENTICATION)
    @TestCase(id = "5.1-5-2", assessment = Assessment.FUNCTIONAL, title = "network logins lock or slow down under brute force",
            requires = Requirement.NETWORK, timeout = "PT15M", runsLast = true)
    void bruteForceIsImpracticable(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<LoginSurfaces.Found> surfaces = LoginSurfaces.find(dut, bench, probes).stream()
                .filter(f -> f.surface().kind() != LoginSurface.Kind.SERIAL).toList();
        if (surfaces.isEmpty()) {
            throw Verdicts.inconclusive("no network login found on %s to try", host);
        }
        Optional<Credential> account = dut.credentials().get("owner").filter(c -> c.username() != null)
                .or(() -> dut.credentials().names().stream().map(n -> dut.credentials().get(n).orElseThrow()).filter(c -> c.username() != null)
                        .findFirst());
        String declaration = dut.ixit().text("1-AuthMech", "brute-force-prevention").orElse("");
        Matcher declared = DECLARED_LOCKOUT.matcher(declaration);
        Optional<Integer> limit = declared.find() ? Optional.of(Integer.parseInt(declared.group(1))) : Optional.empty();
        // With a declared limit, exactly that many failures and then the right password: refused means locked in time.
        int wrong = limit.orElse(10);
        List<String> problems = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (LoginSurfaces.Found found : surfaces) {
            String where = found.service() + " " + found.surface();
            if (!LoginSurfaces.documented(dut.ixit(), found.service())) {
                problems.add(where + " takes a login the IXIT does not document");
            }
            String user = account.map(Credential::username).orElse("admin");
            UserPass right = account.map(c -> UserPass.of(c.username(), c.password().reveal())).orElse(null);
            String id = "brute-force-" + found.service() + "-" + found.surface().port();
            if (right != null && !probes.login().attempt(found.surface(), right).accepted()) {
                // Without a working right password a refusal at the end would prove nothing.
                undecided.add(where + ": the profile's credential " + account.get().name() + " is not accepted to begin with");
                continue;
            }
            BruteForceResult result = probes.login().bruteForce(found.surface(), user, wrong, right);
            if (result.attempts().stream().limit(result.attempts().size() - (right == null ? 0 : 1)).anyMatch(Attempt::accepted)) {
                problems.add(where + " accepted a wrong password");
                evidence.finding(Finding.fail(id, where + " accepted a wrong password"));
                continue;
            }
            if (result.attempts().stream().anyMatch(a -> a.outcome() == Attempt.Outcome.FAILED)) {
                undecided.add(where + ": " + result.attempts().stream().filter(a -> a.outcome() == Attempt.Outcome.FAILED)
                        .map(Attempt::detail).findFirst().orElse(""));
                continue;
            }
            String timing = String.format(java.util.Locale.ROOT, "%d wrong passwords at %d ms each%s", result.attempts().size()
                    - (right == null ? 0 : 1), result.medianRejection().toMillis(), right == null ? "" : ", then the right one");
            Optional<Integer> lockedAfter = result.lockedOutAfter();
            String problem;
            if (lockedAfter.isPresent()) {
                problem = null;
            } else if (limit.isPresent()) {
                problem = where + " took " + timing + " and let it in: not locked after the " + limit.get() + " failures the IXIT declares";
            } else {
                problem = result.slowdown() >= 2 || result.medianRejection().toMillis() >= 1000 ? null
                        : where + " took " + timing + ": no lockout or delay";
            }
            if (problem == null) {
                evidence.finding(Finding.pass(id, where + lockedAfter.map(n -> " locked after " + n + " failures").orElse(
                        String.format(java.util.Locale.ROOT, " slowed down %.1fx", result.slowdown()))));
            } else {
                problems.add(problem);
                evidence.finding(Finding.fail(id, problem));
            }
        }
        Verdicts.failIf(!problems.isEmpty(), "brute force over the network is not prevented on %s: %s", host, String.join("; ", problems));
        if (!undecided.isEmpty()) {
            throw Verdicts.inconclusive("logins that did not answer every attempt: %s", String.join("; ", undecided));
        }
    }

    /**
     * Test group 5.5-4, functional: nothing on the network gives access without authentication: plain
     * CoAP (declared UDP ports and 5683) must not answer resource discovery, and no TCP service on any
     * port may hand out a shell without a login.
     */
    @Provision(id = "5.5-4", level = Level.RECOMMENDED)
    @TestCase(id = "5.5-4-3", assessment = Assessment.FUNCTIONAL, title = "no CoAP resource or shell without authentication",
            requires = Requirement.NETWORK, timeout = "PT2M")
    void nothingWithoutAuthentication(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        List<String> open = new ArrayList<>();
        Set<Integer> udp = new TreeSet<>(network.declaredPorts(Transport.UDP));
        udp.add(5683);
        for (UdpPortResult port : probes.net().probeUdp(network.host(), udp)) {
            if (port.state() != UdpPortResult.State.ANSWERED || port.protocol() != UdpProtocol.COAP) {
                continue;
            }
            Discovery discovery = probes.coap().discover(new CoapTarget(network.host(), port.port(), CoapSecurity.none()));
            String where = "CoAP on " + port.port() + "/udp";
            if (discovery.response().success()) {
                String resources = discovery.links().stream().map(WebLink::uri).collect(java.util.stream.Collectors.joining(" "));
                open.add(where + " lists its resources to anyone: " + resources);
                evidence.finding(Finding.fail("coap-" + port.port(), where + " answers /.well-known/core without authentication"));
            } else {
                evidence.finding(Finding.pass("coap-" + port.port(), where + " refused discovery: " + discovery.response()));
            }
        }
        for (ServiceGuess service : DeviceServices.scanAll(dut, bench, probes).services()) {
            if (!service.service().equals("unknown")) {
                continue;
            }
            ConsoleState state = probes.serial().classify(new SerialEndpoint.Remote(network.host(), service.port(), false, 0));
            if (state.kind() == ConsoleState.Kind.ROOT_SHELL || state.kind() == ConsoleState.Kind.USER_SHELL) {
                open.add("a shell without login on " + service.port() + "/tcp (" + state.evidence() + ")");
                evidence.finding(Finding.fail("shell-" + service.port(), "shell without login on " + service.port() + "/tcp"));
            }
        }
        Verdicts.failIf(!open.isEmpty(), "%s gives access without authentication: %s", network.host(), String.join("; ", open));
    }

    /**
     * Test group 5.5-5, functional: security-relevant configuration over the network needs authentication.
     * Every service IXIT 13-SoftServ marks {@code configuration: yes} gets its configuration requests
     * ({@code configuration-paths}, else the pages that ask for a login) without credentials and with
     * wrong ones: any change accepted is a FAIL; with the profile's credential it must be accepted.
     * TS 103 701: a service answering that IXIT 13-SoftServ does not list is an undocumented mechanism, a FAIL.
     */
    @Provision(id = "5.5-5", level = Level.MANDATORY, features = Feature.NETWORK_SECURITY_CONFIGURATION)
    @TestCase(id = "5.5-5-2", assessment = Assessment.FUNCTIONAL, title = "configuration over the network needs authentication",
            requires = Requirement.NETWORK, timeout = "PT5M")
    void configurationNeedsAuthentication(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        Map<?, ?> listed = dut.ixit().get("13-SoftServ").filter(Map.class::isInstance).map(Map.class::cast)
                .orElseThrow(() -> Verdicts.inconclusive("IXIT 13-SoftServ lists no services, so none says which take configuration"));
        List<ServiceGuess> services = DeviceServices.scanAll(dut, bench, probes).services();
        List<String> problems = new ArrayList<>();
        for (ServiceGuess guess : services) {
            judgeService(listed, Set.of(guess.service()), guess.port(), (guess.service().equals("unknown") ? "an unidentified service"
                    : guess.service()) + " on " + guess.port() + "/tcp", problems, evidence);
        }
        Optional<Credential> account = dut.credentials().get("owner").filter(c -> c.username() != null);
        byte[] change = "{\"ntp\":\"ntp.certbench.invalid\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<LoginSurfaces.Found> logins = null;
        int checked = 0;
        for (ServiceGuess guess : services) {
            if (!guess.service().startsWith("http") || !(listed.get(guess.service()) instanceof Map<?, ?> entry)
                    || !String.valueOf(entry.get("configuration")).matches("(?i)yes|true")) {
                continue;
            }
            List<String> paths;
            if (entry.get("configuration-paths") instanceof List<?> declared) {
                paths = declared.stream().map(String::valueOf).toList();
            } else {
                // The pages that ask for a login stand in for the configuration paths the IXIT did not name.
                logins = logins == null ? LoginSurfaces.find(dut, bench, probes) : logins;
                paths = logins.stream().filter(f -> f.surface().port() == guess.port()).map(f -> f.surface().path()).toList();
            }
            for (String path : paths) {
                java.net.URI uri = java.net.URI.create(DeviceServices.baseUri(network.host(), guess) + path);
                HttpCall post = HttpCall.get(uri).withRedirects(0).withMethod("POST", change).withHeader("Content-Type", "application/json");
                HttpResult anonymous = probes.http().request(post);
                HttpResult wrong = probes.http().request(post.withAuth(HttpAuth.of(account.map(Credential::username).orElse("admin"),
                        "certbench-wrong-password")));
                checked++;
                String where = "POST " + guess.service() + " " + guess.port() + path;
                if (anonymous.status() / 100 == 2 || wrong.status() / 100 == 2) {
                    String how = anonymous.status() / 100 == 2 ? "without credentials" : "with a wrong password";
                    problems.add(where + " accepted a change " + how + " (HTTP " + (anonymous.status() / 100 == 2 ? anonymous.status()
                            : wrong.status()) + ")");
                    evidence.finding(Finding.fail("config-" + guess.port() + path.replaceAll("[^A-Za-z0-9]+", "-"), where
                            + " accepted a change " + how));
                    continue;
                }
                String authorised = account.map(c -> probes.http().request(post.withAuth(HttpAuth.of(c.username(), c.password().reveal()))))
                        .map(r -> ", with the owner's credential HTTP " + r.status()).orElse("");
                evidence.finding(Finding.pass("config-" + guess.port() + path.replaceAll("[^A-Za-z0-9]+", "-"), where + " refused: HTTP "
                        + anonymous.status() + " without credentials, " + wrong.status() + " with a wrong password" + authorised));
            }
        }
        Verdicts.failIf(!problems.isEmpty(), "configuration over the network on %s: %s", network.host(), String.join("; ", problems));
        if (checked == 0) {
            throw Verdicts.inconclusive("no HTTP(S) service that IXIT 13-SoftServ says takes configuration answered on %s", network.host());
        }
    }

    /**
     * Test group 5.1-2, functional: the unit's pre-installed passwords (its profile's credentials, as read off the
     * label) resist automated attack as far as they can be seen from outside. None is made from the unit's id or
     * shorter than IXIT 1-AuthMech/password-generation declares; none is another unit's, or another unit's with a
     * counter moved on (TS 103 701 compares the labels of at least two units). Names and lengths are recorded;
     * a password never is.
     */
    @Provision(id = "5.1-2", level = Level.MANDATORY, features = Feature.PER_DEVICE_PASSWORDS)
    @TestCase(id = "5.1-2-2", assessment = Assessment.FUNCTIONAL, title = "label passwords differ across units and follow the declared rule",
            timeout = "PT1M")
    void labelPasswordsAreUniqueAcrossUnits(Dut dut, Units units, Evidence evidence) {
        if (UnitPasswords.passwords(dut).isEmpty()) {
            throw Verdicts.inconclusive("the profile of %s gives no pre-installed credential (credentials) to judge", dut.id());
        }
        StringBuilder compared = new StringBuilder(UnitPasswords.describe(dut));
        List<String> problems = new ArrayList<>(UnitPasswords.ownProblems(dut));
        List<Dut> others = units.others(dut).stream().filter(other -> !UnitPasswords.passwords(other).isEmpty()).toList();
        for (Dut other : others) {
            compared.append(UnitPasswords.describe(other));
            problems.addAll(UnitPasswords.sharedWith(dut, other));
        }
        evidence.writeText("label-passwords.txt", "Pre-installed credentials compared (names and lengths only):\n" + compared);
        Verdicts.failIf(!problems.isEmpty(), "pre-installed passwords of %s: %s", dut.id(), String.join("; ", problems));
        if (others.isEmpty()) {
            throw Verdicts.inconclusive("%s is the only unit with pre-installed credentials in this campaign: TS 103 701 compares the "
                    + "labels of at least two units", dut.id());
        }
    }

    /**
     * Test group 5.4-4, functional: the keys a unit communicates with are its own. TS 103 701 compares the
     * credentials of at least two units: every TLS service on the declared ports of every unit in the campaign
     * presents its certificate, and a leaf key (the SubjectPublicKeyInfo's SHA-256, so a key reissued under another
     * certificate still counts) that this unit shares with another is a FAIL naming the other unit and port. All
     * the units are compared, whatever their model: a key shared across models is shared all the same. The same
     * key on two ports of one unit is that unit's own. Alone in its campaign, the case cannot decide.
     */
    @Provision(id = "5.4-4", level = Level.MANDATORY, features = Feature.CSPS_PROTECT_UPDATES_OR_CLOUD)
    @TestCase(id = "5.4-4-2", assessment = Assessment.FUNCTIONAL, title = "no other unit presents the same TLS key",
            requires = Requirement.NETWORK, timeout = "PT3M")
    void keysAreUniquePerUnit(Dut dut, Units units, Bench bench, Probes probes, Evidence evidence) {
        UnitKeys.Comparison comparison = UnitKeys.compare(dut, units, bench, probes, evidence);
        Verdicts.failIf(!comparison.shared().isEmpty(), "%s shares keys with other units: %s", dut.id(),
                String.join("; ", comparison.shared()));
        comparison.requireDecided();
    }

    /**
     * Test group 5.4-3, functional: what can be seen from outside of a critical security parameter hard-coded into
     * the software is the same key on several units. The comparison of 5.4-4-2: a TLS key this unit shares with
     * another unit of the campaign is a FAIL, naming both; STANDARDS.md calls it an indicator, and the assessor
     * judges the source in 5.4-3-1.
     */
    @Provision(id = "5.4-3", level = Level.MANDATORY)
    @TestCase(id = "5.4-3-2", assessment = Assessment.FUNCTIONAL, title = "no key the units share, as a hard-coded one would be",
            requires = Requirement.NETWORK, timeout = "PT3M")
    void noKeyIsCommonToTheUnits(Dut dut, Units units, Bench bench, Probes probes, Evidence evidence) {
        UnitKeys.Comparison comparison = UnitKeys.compare(dut, units, bench, probes, evidence);
        Verdicts.failIf(!comparison.shared().isEmpty(), "%s presents keys other units present too, as keys hard-coded into the "
                + "firmware are: %s", dut.id(), String.join("; ", comparison.shared()));
        comparison.requireDecided();
    }

    /** How long a device may take to come back after a power cut, unless IXIT 23-ResMech/recovery-time says. */
    private static final Duration RECOVERY_DEFAULT = Duration.ofMinutes(2);
    /** How long a device is left without power: long enough to lose what a short dip would leave. */
    private static final Duration POWER_OFF_TIME = Duration.ofSeconds(5);
    private static final Pattern RECOVERY_TIME = Pattern.compile("(?i)(\\d{1,4})\\s*(s|sec|seconds?|min|minutes?)\\b");

    /**
     * Test group 5.9-1, functional: the device comes back by itself after a power outage. Its outlet on the bench
     * (the profile's {@code interfaces.power.outlet}) is switched off; every declared TCP port that answered before
     * must stop answering (else the outlet did not cut it, and nothing is decided), the power stays off 5 s, and once
     * it is back every one of those ports must answer again, and a device that reports to the lab broker must report
     * again, within IXIT 23-ResMech/recovery-time (2 min when it declares none). The outlet is switched on again
     * whatever happens.
     */
    @Provision(id = "5.9-1", level = Level.RECOMMENDED)
    @TestCase(id = "5.9-1-2", assessment = Assessment.FUNCTIONAL, title = "the device comes back by itself after a power cut",
            requires = {Requirement.NETWORK, Requirement.POWER}, timeout = "PT8M")
    void comesBackAfterAPowerCut(Dut dut, Bench bench, Operator operator, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        String host = network.host();
        String outletName = dut.interfaces().powerOutlet().orElseThrow();
        String outlet = bench.outlet(outletName).orElseThrow(() -> Verdicts.inconclusive(
                "the bench has no outlet named %s (the profile's interfaces.power.outlet)", outletName));
        Duration recovery = recoveryTime(dut);
        Set<Integer> up = answeringDeclaredPorts(network, bench, probes, "before the power cut (%s): nothing to see come back");
        boolean reports = dut.interfaces().uplink().isPresent() && probes.broker().log().isPresent();
        Instant on;
        try {
            probes.power().set(outlet, operator, false);
            PortWatch off = probes.net().watchTcp(host, up, Duration.ofSeconds(30), Set::isEmpty);
            if (!off.settled()) {
                throw Verdicts.inconclusive("outlet %s did not cut the power of %s: %s still answer 30 s after it was switched off",
                        outletName, host, off.open());
            }
            sleepFor(POWER_OFF_TIME);
        } finally {
            probes.power().set(outlet, operator, true);
            on = Instant.now();
        }
        PortWatch back = probes.net().watchTcp(host, up, recovery, open -> open.containsAll(up));
        Verdicts.failIf(!back.settled(), "after the power came back, %s did not answer again within %d s on %s (it answered on %s before "
                + "the cut)", host, recovery.toSeconds(), back.missing(up), up);
        String came = String.format(java.util.Locale.ROOT, "ports %s back %.1f s after the power", up, back.elapsed().toMillis() / 1000.0);
        if (reports) {
            Duration left = recovery.minus(Duration.between(on, Instant.now()));
            List<BrokerSession> again = probes.broker().sessionsSince(host, on, left.isNegative() ? Duration.ZERO : left);
            Verdicts.failIf(again.isEmpty(), "%s came back (%s) but did not report to the lab broker again within %d s of the power",
                    host, came, recovery.toSeconds());
            came += String.format(java.util.Locale.ROOT, ", reporting to the broker %.1f s after", Duration.between(on,
                    again.get(0).connected()).toMillis() / 1000.0);
        }
        evidence.finding(Finding.pass("power-cut", "came back by itself: " + came));
    }

    /**
     * The device's declared TCP ports (the bench's own aside) that take a connection now, or INCONCLUSIVE: "no declared
     * TCP port of HOST answers " then {@code none}, given the declared ports.
     */
    private static Set<Integer> answeringDeclaredPorts(NetworkInterface network, Bench bench, Probes probes, String none) {
        Set<Integer> declared = new TreeSet<>(network.declaredPorts(Transport.TCP));
        declared.removeAll(DeviceServices.benchPorts(network, bench));
        Set<Integer> up = probes.net().watchTcp(network.host(), declared, Duration.ZERO, open -> true).open();
        if (up.isEmpty()) {
            throw Verdicts.inconclusive("no declared TCP port of %s answers " + none, network.host(), declared);
        }
        return up;
    }

    /** IXIT 23-ResMech/recovery-time ("60 s", "2 min"), or 2 min when the IXIT declares none. */
    private static Duration recoveryTime(Dut dut) {
        return dut.ixit().text("23-ResMech", "recovery-time").map(RECOVERY_TIME::matcher).filter(Matcher::find)
                .map(m -> m.group(2).toLowerCase(java.util.Locale.ROOT).startsWith("m") ? Duration.ofMinutes(Long.parseLong(m.group(1)))
                        : Duration.ofSeconds(Long.parseLong(m.group(1)))).orElse(RECOVERY_DEFAULT);
    }

    /** The longest the lab broker stands in for a lost internet connection in 5.9-2-2. */
    private static final Duration OFFLINE_WINDOW = Duration.ofSeconds(20);
    /** How long each port that answered before may take to answer while the device is offline. */
    private static final Duration OFFLINE_ANSWER = Duration.ofSeconds(5);

    /**
     * Test group 5.9-2, functional: the device keeps working locally when its connection to its services is lost,
     * and comes back cleanly when the connection does. The lab broker, which stands in for the device's services, drops
     * the device's sessions and turns it away for up to 20 s. Once the device has been refused (it knows it is offline),
     * or halfway through the window if it never tries, every declared TCP port that answered before must still answer;
     * a port that stops is a FAIL naming it. The refusal then ends at once, and the device must report to the broker
     * again within IXIT 23-ResMech/recovery-time (2 min when none is declared).
     */
    @Provision(id = "5.9-2", level = Level.RECOMMENDED)
    @TestCase(id = "5.9-2-2", assessment = Assessment.FUNCTIONAL, title = "local functions go on while the uplink is down, "
            + "and the uplink comes back", requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT4M")
    void worksOfflineAndRecovers(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        String host = network.host();
        uplinkSessions(probes, host);
        Set<Integer> up = answeringDeclaredPorts(network, bench, probes, "(%s): no local function to see go on offline");
        PortWatch[] offline = new PortWatch[1];
        Instant refusing = Instant.now();
        List<RefusedConnect> tries = probes.broker().refuseFor(host, OFFLINE_WINDOW, (seen, left) -> {
            if (offline[0] == null && (!seen.isEmpty() || left.compareTo(OFFLINE_WINDOW.dividedBy(2)) <= 0)) {
                offline[0] = probes.net().watchTcp(host, up, OFFLINE_ANSWER, open -> open.containsAll(up));
            }
            return offline[0] != null && !seen.isEmpty();
        });
        if (offline[0] == null) {
            throw Verdicts.inconclusive("the broker's refusal of %s ended before its local ports could be read", host);
        }
        Verdicts.failIf(!offline[0].settled(), "with its uplink down, %s stopped answering on %s (it answered on %s before)", host,
                offline[0].missing(up), up);
        // A quick device is back before refuseFor returns (measured: 0.6 ms before): the sessions that count are the
        // ones after its last refused try, or after the refusal began when it never tried.
        Instant since = tries.isEmpty() ? refusing : tries.get(tries.size() - 1).at();
        Duration recovery = recoveryTime(dut);
        List<BrokerSession> again = probes.broker().sessionsSince(host, since, recovery);
        Verdicts.failIf(again.isEmpty(), "%s kept its local ports %s while offline, but did not report to the lab broker again within "
                + "%d s of being let back", host, up, recovery.toSeconds());
        evidence.finding(Finding.pass("offline", String.format(java.util.Locale.ROOT, "ports %s answered while the uplink was down "
                + "(%s); reporting again %.1f s after %s", up, tries.isEmpty() ? "it never tried to reconnect" : "refused " + tries.size()
                + " time(s)", Duration.between(since, again.get(0).connected()).toMillis() / 1000.0,
                tries.isEmpty() ? "the refusal began" : "its last refused try")));
    }

    private static void sleepFor(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Verdicts.inconclusive("interrupted while the power was off");
        }
    }

    /** How long the lab broker turns a device away in 5.9-3-2. */
    private static final Duration REFUSAL_WINDOW = Duration.ofSeconds(20);
    private static final Pattern DECLARED_BACKOFF = Pattern.compile("(?i)back.?off|exponential");

    /**
     * Test group 5.9-3, functional: a device that reports to a broker comes back in an orderly way when
     * the broker goes away. The lab broker drops the device's sessions and refuses its CONNECTs for 20 s (less once a
     * storm is settled: the sub-second gaps outnumber all the slower ones the rest of the window could add),
     * recording each try: retries faster than one a second are a reconnect storm (FAIL); when IXIT
     * 11-ComMech/resilience declares a backoff, the gaps must grow.
     */
    @Provision(id = "5.9-3", level = Level.RECOMMENDED)
    @TestCase(id = "5.9-3-2", assessment = Assessment.FUNCTIONAL, title = "the uplink backs off when the broker turns it away",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT3M")
    void reconnectsInAnOrderlyWay(Dut dut, Probes probes, Evidence evidence) {
        String host = dut.interfaces().network().orElseThrow().host();
        uplinkSessions(probes, host);
        java.time.Instant began = java.time.Instant.now();
        // A storm is settled once the sub-second gaps outnumber every slower gap the rest of the window could add.
        List<RefusedConnect> tries = probes.broker().refuseFor(host, REFUSAL_WINDOW, (seen, left) -> {
            int fast = 0;
            for (int i = 1; i < seen.size(); i++) {
                fast += Duration.between(seen.get(i - 1).at(), seen.get(i).at()).toMillis() < 1000 ? 1 : 0;
            }
            int slow = Math.max(0, seen.size() - 1 - fast);
            return fast > slow + left.toSeconds() + 1;
        });
        if (tries.isEmpty()) {
            throw Verdicts.inconclusive("%s did not try to reconnect while the broker was away for %s", host, REFUSAL_WINDOW);
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < tries.size(); i++) {
            gaps.add(Duration.between(tries.get(i - 1).at(), tries.get(i).at()).toMillis());
        }
        String pattern = tries.size() + " tries in " + String.format(java.util.Locale.ROOT, "%.1f",
                Duration.between(began, java.time.Instant.now()).toMillis() / 1000.0) + " s, gaps " + gaps.stream()
                .map(g -> String.format(java.util.Locale.ROOT, "%.1f s", g / 1000.0)).collect(java.util.stream.Collectors.joining(", "));
        evidence.writeText("reconnect-gaps.txt", pattern + "\n");
        List<Long> sorted = gaps.stream().sorted().toList();
        long median = sorted.isEmpty() ? Long.MAX_VALUE : sorted.get(sorted.size() / 2);
        Verdicts.failIf(median < 1000, "%s hammered the broker while it was away: %s (a reconnect storm)", host, pattern);
        boolean declaresBackoff = DECLARED_BACKOFF.matcher(dut.ixit().text("11-ComMech", "resilience").orElse("")).find();
        Verdicts.failIf(declaresBackoff && gaps.size() >= 3 && gaps.get(gaps.size() - 1) < gaps.get(0) * 3 / 2,
                "%s retried without the backoff IXIT 11-ComMech/resilience declares: %s", host, pattern);
        evidence.finding(Finding.pass("reconnect", "backed off: " + pattern));
    }

    /**
     * Test group 5.5-6, functional: critical security parameters that leave the device are encrypted in
     * transit. The lab broker sees the device's uplink: a session over plain TCP that carried a password
     * hands that secret to anyone on the path.
     */
    @Provision(id = "5.5-6", level = Level.RECOMMENDED, features = Feature.CSPS_LEAVE_DEVICE)
    @TestCase(id = "5.5-6-2", assessment = Assessment.FUNCTIONAL, title = "secrets the uplink sends travel encrypted",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT2M")
    void secretsTravelEncrypted(Dut dut, Probes probes) {
        uplinkSendsNoSecretInClear(dut, probes);
    }

    /**
     * Test group 5.5-7, functional: critical security parameters are protected on remote interfaces: the
     * same observation as 5.5-6-2, a password over a plain uplink is unprotected.
     */
    @Provision(id = "5.5-7", level = Level.MANDATORY, features = Feature.CSPS_LEAVE_DEVICE)
    @TestCase(id = "5.5-7-2", assessment = Assessment.FUNCTIONAL, title = "secrets on the remote interface are protected",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT2M")
    void secretsProtectedRemotely(Dut dut, Probes probes) {
        uplinkSendsNoSecretInClear(dut, probes);
    }

    /**
     * Test group 5.8-1, functional: personal data the device sends (IXIT 21-PersData) travels encrypted. The lab
     * broker sees the device's uplink: a session over plain TCP that published anything carried that data in clear,
     * a FAIL naming its topics. The device's own services are judged by 5.5-1-4 and 5.1-3-2.
     */
    @Provision(id = "5.8-1", level = Level.RECOMMENDED, features = Feature.PERSONAL_DATA_SENT)
    @TestCase(id = "5.8-1-2", assessment = Assessment.FUNCTIONAL, title = "personal data on the uplink travels encrypted",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT2M")
    void personalDataTravelsEncrypted(Dut dut, Probes probes) {
        uplinkPublishesNothingInClear(dut, probes, "personal data");
    }

    /**
     * Test group 5.8-2, functional: sensitive personal data the device sends to its services is encrypted: the
     * observation of 5.8-1-2, for a device that declares sending sensitive personal data.
     */
    @Provision(id = "5.8-2", level = Level.MANDATORY, features = Feature.SENSITIVE_PERSONAL_DATA_SENT)
    @TestCase(id = "5.8-2-2", assessment = Assessment.FUNCTIONAL, title = "sensitive personal data to services travels encrypted",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT2M")
    void sensitivePersonalDataTravelsEncrypted(Dut dut, Probes probes) {
        uplinkPublishesNothingInClear(dut, probes, "sensitive personal data");
    }

    private static void uplinkPublishesNothingInClear(Dut dut, Probes probes, String what) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<BrokerSession> publishing = probes.broker().publishingSessionsFrom(host, UPLINK_WAIT);
        if (publishing.isEmpty()) {
            throw Verdicts.inconclusive("%s published nothing on the lab broker within %s of the campaign's first look: no data to see "
                    + "travel (point the device at the bench's broker)", host, UPLINK_WAIT);
        }
        List<String> clear = publishing.stream().filter(s -> !s.tls()).map(s -> s.clientId() + " on " + s.publishes().stream()
                .map(p -> p.topic()).distinct().collect(java.util.stream.Collectors.joining(", "))).toList();
        Verdicts.failIf(!clear.isEmpty(), "%s published over plain TCP, so the %s IXIT 21-PersData says it sends travel in clear: %s",
                host, what, String.join("; ", clear));
    }

    private static void uplinkSendsNoSecretInClear(Dut dut, Probes probes) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<BrokerSession> sessions = uplinkSessions(probes, host);
        Optional<BrokerSession> exposed = sessions.stream().filter(x -> !x.tls() && x.passwordSent()).findFirst();
        Verdicts.failIf(exposed.isPresent(), "%s sent its broker password over plain TCP: %s", host,
                exposed.map(BrokerSession::describe).orElse(""));
    }
}
