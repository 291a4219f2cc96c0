/**
 * The TLS scanner: which protocol versions (SSLv3 to TLS 1.3) and which cipher suites a TLS endpoint
 * accepts, found the way sslscan finds them, by sending our own ClientHellos and reading only the
 * ServerHello, so suites the JDK will not speak (RC4, export, NULL, 3DES) are found too; and the
 * certificate chain with key sizes, signature algorithms, validity, name match and trust.
 */
@NullMarked
package org.certbench.probes.tls;

import org.jspecify.annotations.NullMarked;
