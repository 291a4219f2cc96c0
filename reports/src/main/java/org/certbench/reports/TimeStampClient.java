package org.certbench.reports;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 client: sends a SHA-256 message imprint to a time-stamping authority over HTTP
 * ({@code application/timestamp-query}) and returns the token after checking that it answers this
 * request (imprint, nonce, granted status).
 *
 * <pre>{@code
 * TimeStampClient tsa = new TimeStampClient(URI.create("http://127.0.0.1:3180/"), Duration.ofSeconds(10));
 * TimeStampToken token = tsa.stamp(signatureValue);
 * token.getTimeStampInfo().getGenTime();
 * }</pre>
 */
public final class TimeStampClient {

    private final URI authority;
    private final Duration timeout;
    private final HttpClient http;

    public TimeStampClient(URI authority, Duration timeout) {
        this.authority = authority;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A token over the SHA-256 of {@code data}, with the authority's certificate in it. */
    public TimeStampToken stamp(byte[] data) throws IOException, GeneralSecurityException {
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest(data);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint, new BigInteger(64, new SecureRandom()));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(authority).timeout(timeout).header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the time-stamping authority " + authority, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the time-stamping authority " + authority + " answered HTTP " + response.statusCode());
        }
        try {
            TimeStampResponse reply = new TimeStampResponse(response.body());
            reply.validate(request);
            TimeStampToken token = reply.getTimeStampToken();
            if (token == null) {
                throw new IOException("the time-stamping authority " + authority + " granted no token: " + reply.getStatusString());
            }
            return token;
        } catch (TSPException e) {
            throw new GeneralSecurityException("the time-stamping authority " + authority + " gave an unusable answer: " + e.getMessage(), e);
        }
    }
}
