/**
 * The CoAP probe (Eclipse Californium, Scandium for DTLS): resource discovery through
 * {@code /.well-known/core}, GET/PUT/POST, observe, blockwise transfers, confirmable and not, DTLS with a
 * pre-shared key or X.509, and telling a port that answers plain CoAP from one that answers only DTLS.
 */
@NullMarked
package org.certbench.probes.coap;

import org.jspecify.annotations.NullMarked;
