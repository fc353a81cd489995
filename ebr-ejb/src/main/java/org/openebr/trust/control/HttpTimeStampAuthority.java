package org.openebr.trust.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * An external RFC 3161 time-stamp authority, reached by the HTTP transport of RFC 3161 section
 * 3.4: POST of {@code application/timestamp-query}, answer {@code application/timestamp-reply}.
 * An answer is only accepted when it is a granted time-stamp of exactly this request (same nonce,
 * same message imprint); anything else is a {@link TimeStampUnavailable}, never a silent retry or a
 * fallback to the internal clock. Trust in the authority's certificate is the
 * {@link TrustVerifier}'s business, with the authority's CA certificate.
 */
public final class HttpTimeStampAuthority implements TimeStampAuthority {

    static final String QUERY_TYPE = "application/timestamp-query";
    static final String REPLY_TYPE = "application/timestamp-reply";

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    /** @param timeout for connecting and, again, for the whole answer */
    public HttpTimeStampAuthority(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public byte[] timeStamp(byte[] data) {
        TimeStampRequest request = TimeStampRequests.forData(data);
        HttpResponse<byte[]> answer = post(encoded(request));
        if (answer.statusCode() != 200) {
            throw unavailable("answered HTTP " + answer.statusCode());
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("(none)");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(REPLY_TYPE)) {
            throw unavailable("answered with content type " + contentType + ", not " + REPLY_TYPE);
        }
        TimeStampResponse response = parse(answer.body());
        int status = response.getStatus();
        // RFC 3161: granted (0) and grantedWithMods (1) both carry a token; every other status refuses
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            throw unavailable("refused the request: status " + status
                    + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")"));
        }
        try {
            // BouncyCastle checks the nonce, the imprint's algorithm and digest, and the token's
            // signing-certificate attribute against the request
            response.validate(request);
        } catch (TSPException e) {
            throw unavailable("answered with a time-stamp that does not match the request: " + e.getMessage(), e);
        }
        try {
            return response.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw unavailable("answered with a time-stamp that cannot be re-encoded: " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> post(byte[] query) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", QUERY_TYPE)
                .header("Accept", REPLY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(query))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw unavailable("did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw unavailable("cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was not waited for: the thread was interrupted", e);
        }
    }

    private TimeStampResponse parse(byte[] body) {
        try {
            return new TimeStampResponse(body);
        } catch (TSPException | IOException | RuntimeException e) {
            // BouncyCastle reports some malformed encodings as IllegalArgumentException or ClassCastException
            throw unavailable("answered with something that is not an RFC 3161 time-stamp response", e);
        }
    }

    private static byte[] encoded(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a time-stamp request", e);
        }
    }

    private TimeStampUnavailable unavailable(String what) {
        return new TimeStampUnavailable("The time-stamp authority at " + url + " " + what);
    }

    private TimeStampUnavailable unavailable(String what, Throwable cause) {
        return new TimeStampUnavailable("The time-stamp authority at " + url + " " + what, cause);
    }
}
