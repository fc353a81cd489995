package org.openebr.erp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ERP connection (environment variables, see the README): where confirmations are pushed
 * [EBR_ERP_URL; none: nothing is pushed, the ERP pulls the feed], in which format [EBR_ERP_FORMAT
 * json|b2mml], with which credential [EBR_ERP_TOKEN as a bearer token, or EBR_ERP_USER and
 * EBR_ERP_PASSWORD as HTTP Basic], and how hard to try: the first retry after
 * [EBR_ERP_BACKOFF_SECONDS, 2], doubling up to [EBR_ERP_BACKOFF_MAX_SECONDS, 600], parked for an
 * administrator after [EBR_ERP_MAX_ATTEMPTS, 20] failed attempts, each waiting at most
 * [EBR_ERP_TIMEOUT_SECONDS, 10] for the answer.
 */
@ApplicationScoped
public class ErpSettings {

    /** The message formats. */
    public enum Format {
        JSON, B2MML
    }

    private Optional<URI> url;
    private Format format;
    private Optional<String> token;
    private Optional<String> user;
    private Optional<String> password;
    private Duration backoff;
    private Duration maxBackoff;
    private int maxAttempts;
    private Duration timeout;

    protected ErpSettings() {
    }

    @Inject
    public ErpSettings(@ConfigProperty(name = "ebr.erp.url") Optional<String> url,
                       @ConfigProperty(name = "ebr.erp.format", defaultValue = "json") String format,
                       @ConfigProperty(name = "ebr.erp.token") Optional<String> token,
                       @ConfigProperty(name = "ebr.erp.user") Optional<String> user,
                       @ConfigProperty(name = "ebr.erp.password") Optional<String> password,
                       @ConfigProperty(name = "ebr.erp.backoff.seconds", defaultValue = "2") int backoffSeconds,
                       @ConfigProperty(name = "ebr.erp.backoff.max.seconds", defaultValue = "600") int maxBackoffSeconds,
                       @ConfigProperty(name = "ebr.erp.max.attempts", defaultValue = "20") int maxAttempts,
                       @ConfigProperty(name = "ebr.erp.timeout.seconds", defaultValue = "10") int timeoutSeconds) {
        this.url = url.map(String::strip).filter(u -> !u.isEmpty()).map(ErpSettings::uri);
        try {
            this.format = Format.valueOf(format.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("EBR_ERP_FORMAT must be json or b2mml, is " + format);
        }
        this.token = token.filter(t -> !t.isBlank());
        this.user = user.filter(t -> !t.isBlank());
        this.password = password;
        if (backoffSeconds < 1 || maxBackoffSeconds < backoffSeconds || maxAttempts < 1 || timeoutSeconds < 1) {
            throw new IllegalStateException("EBR_ERP_BACKOFF_SECONDS (>= 1), EBR_ERP_BACKOFF_MAX_SECONDS (>= the backoff),"
                    + " EBR_ERP_MAX_ATTEMPTS (>= 1) and EBR_ERP_TIMEOUT_SECONDS (>= 1) are out of range");
        }
        this.backoff = Duration.ofSeconds(backoffSeconds);
        this.maxBackoff = Duration.ofSeconds(maxBackoffSeconds);
        this.maxAttempts = maxAttempts;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
    }

    private static URI uri(String text) {
        URI uri = URI.create(text);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalStateException("EBR_ERP_URL must be an http or https URL, is " + text);
        }
        return uri;
    }

    public Optional<URI> url() {
        return url;
    }

    public Format format() {
        return format;
    }

    public Optional<String> token() {
        return token;
    }

    public Optional<String> user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The wait before the next attempt after {@code failures} failed ones: doubling, capped. */
    public Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration next = backoff.multipliedBy(1L << Math.min(doublings, 20));
        return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }
}
