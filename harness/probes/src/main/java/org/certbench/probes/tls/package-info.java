/**
 * The TLS scanner: which protocol versions (SSLv3 to TLS 1.3) and which cipher suites a TLS endpoint
 * accepts, found the way sslscan finds them, by sending our own ClientHellos and reading only the
 * ServerHello, so suites the JDK will not speak (RC4, export, NULL, 3DES) are found too; and the
 * certificate chain with key sizes, signature algorithms, validity, name match and trust. The DTLS scanner
 * does the same over UDP for DTLS 1.0 and 1.2 ({@link org.certbench.probes.tls.DtlsScanner}).
 */
@NullMarked
package org.certbench.probes.tls;

import org.jspecify.annotations.NullMarked;
