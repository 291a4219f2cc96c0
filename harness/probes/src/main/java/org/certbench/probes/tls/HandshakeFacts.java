package org.certbench.probes.tls;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a TLS handshake showed: protocol, cipher suite, the server's chain, and whether the chosen
 * trust accepted it (and why not).
 *
 * <pre>{@code
 * facts.protocol();  // TLSv1.3
 * facts.accepted();  // false: "certificate not issued by the lab CA: ..."
 * }</pre>
 *
 * @param protocol negotiated protocol
 * @param cipherSuite negotiated suite (JSSE name)
 * @param chain the server's chain, leaf first
 * @param accepted whether the trust choice accepted the chain
 * @param rejection why it did not
 */
public record HandshakeFacts(String protocol, String cipherSuite, List<CertificateInfo> chain, boolean accepted,
        @Nullable String rejection) {
    public HandshakeFacts {
        chain = List.copyOf(chain);
    }
}
