package org.certbench.probes.net;

import org.jspecify.annotations.Nullable;

/**
 * What one UDP port did when spoken to.
 *
 * <pre>{@code
 * result.state();    // ANSWERED
 * result.protocol(); // SNMP
 * result.summary();  // "SNMP v2c community 'public' answered: sysDescr=ACME T1 firmware 2.4.1"
 * }</pre>
 *
 * @param port the port
 * @param state answered, closed (ICMP port unreachable), or no answer (open or filtered: silence proves nothing)
 * @param protocol the protocol that answered
 * @param summary what came back, or what was tried
 */
public record UdpPortResult(int port, State state, @Nullable UdpProtocol protocol, String summary) {

    /** How a UDP port responded. */
    public enum State {
        ANSWERED,
        CLOSED,
        NO_ANSWER
    }
}
