/**
 * The HTTP probe (JDK HttpClient): requests with no, Basic or Digest credentials, redirects followed
 * one by one and recorded, headers and bodies, over TLS with a chosen trust and the handshake facts.
 */
@NullMarked
package org.certbench.probes.http;

import org.jspecify.annotations.NullMarked;
