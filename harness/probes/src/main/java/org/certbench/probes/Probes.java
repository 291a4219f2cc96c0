package org.certbench.probes;

import java.util.Optional;
import java.util.function.Supplier;
import org.certbench.api.Evidence;
import org.certbench.probes.broker.BrokerLog;
import org.certbench.probes.broker.BrokerWatch;
import org.certbench.probes.broker.BrokerWitness;
import org.certbench.probes.coap.CoapProbe;
import org.certbench.probes.http.HttpProbe;
import org.certbench.probes.login.LoginProbe;
import org.certbench.probes.mqtt.MqttProbe;
import org.certbench.probes.net.NetProbe;
import org.certbench.probes.net.ScanMemory;
import org.certbench.probes.power.PowerProbe;
import org.certbench.probes.serial.SerialProbe;
import org.certbench.probes.tls.TlsProbe;

/**
 * The probes a test case uses, bound to its evidence and deadline. The engine passes one to every
 * case that declares a {@code Probes} parameter; a manufacturer's own test can build one directly.
 *
 * <pre>{@code
 * Probes probes = new Probes(evidence, Deadline.in(Duration.ofMinutes(5)), ProbeSettings.DEFAULT);
 * PortScan scan = probes.net().scanTcp("192.0.2.10", PortRange.ALL);
 * }</pre>
 */
public final class Probes {

    private final NetProbe net;
    private final TlsProbe tls;
    private final MqttProbe mqtt;
    private final CoapProbe coap;
    private final LoginProbe login;
    private final SerialProbe serial;
    private final PowerProbe power;
    private final HttpProbe http;
    private final BrokerWitness broker;

    public Probes(Evidence evidence, Deadline deadline, ProbeSettings settings) {
        this(evidence, deadline, settings, Optional::empty);
    }

    /**
     * Probes that can also read the lab broker.
     *
     * @param broker the campaign's lab broker, started on first call
     */
    public Probes(Evidence evidence, Deadline deadline, ProbeSettings settings, Supplier<Optional<BrokerLog>> broker) {
        this(evidence, deadline, settings, broker, ScanMemory.NONE, BrokerWatch.NONE, "");
    }

    /**
     * Probes of one case of a campaign: they can read the lab broker, and share complete port scans with the
     * campaign's other cases.
     *
     * @param broker the campaign's lab broker, started on first call
     * @param scans the campaign's scans, reused while recent
     * @param watch since when the campaign has watched the lab broker for each device
     * @param caseLabel the case, as a later case's evidence names it when it reuses a scan or a watch begun here
     */
    public Probes(Evidence evidence, Deadline deadline, ProbeSettings settings, Supplier<Optional<BrokerLog>> broker,
            ScanMemory scans, BrokerWatch watch, String caseLabel) {
        this.broker = new BrokerWitness(evidence, deadline, broker, watch, caseLabel);
        this.net = new NetProbe(evidence, deadline, settings.scan(), scans, caseLabel);
        this.login = new LoginProbe(evidence, deadline, settings.loginBudget());
        this.serial = new SerialProbe(evidence, deadline);
        this.power = new PowerProbe(evidence, deadline);
        this.http = new HttpProbe(evidence, deadline);
        this.tls = new TlsProbe(evidence, deadline);
        this.mqtt = new MqttProbe(evidence, deadline);
        this.coap = new CoapProbe(evidence, deadline);
    }

    /** What devices did on the lab broker and on its rogue listener. */
    public BrokerWitness broker() {
        return broker;
    }

    /** HTTP requests with or without credentials, redirects followed and recorded. */
    public HttpProbe http() {
        return http;
    }

    /** The device's outlet: switch and power-cycle it. */
    public PowerProbe power() {
        return power;
    }

    /** The device's console: login prompt, open shell, bootloader or silence; lines sent and awaited. */
    public SerialProbe serial() {
        return serial;
    }

    /** Default credentials and brute-force resistance on telnet, FTP, SSH, HTTP and MQTT logins. */
    public LoginProbe login() {
        return login;
    }

    /** CoAP and DTLS as a client: discovery, requests, observe, transport check. */
    public CoapProbe coap() {
        return coap;
    }

    /** MQTT 3.1.1 and 5 as a client: CONNECT, subscriptions, publishing. */
    public MqttProbe mqtt() {
        return mqtt;
    }

    /** TLS versions, cipher suites and certificate chains. */
    public TlsProbe tls() {
        return tls;
    }

    /** Port scans and service identification. */
    public NetProbe net() {
        return net;
    }
}
