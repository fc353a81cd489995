package org.openebr.mde.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OPC UA client's settings (environment variables, see the README, "Machine data"): whether the
 * unsecured policy None may be configured at all [EBR_OPCUA_ALLOW_NONE, false: development servers
 * only], how long to wait before reconnecting at most [EBR_OPCUA_BACKOFF_MAX_SECONDS, 30; the first
 * retry after one second, doubling], and how long a request may take [EBR_OPCUA_TIMEOUT_SECONDS, 5].
 */
@ApplicationScoped
public class MdeSettings {

    /** OpenEBR's application URI: its certificate names it, and servers see it in the session. */
    public static final String APPLICATION_URI = "urn:openebr:client";

    private boolean allowNone;
    private Duration maxBackoff;
    private Duration timeout;

    protected MdeSettings() {
    }

    @Inject
    public MdeSettings(@ConfigProperty(name = "ebr.opcua.allow.none", defaultValue = "false") boolean allowNone,
                       @ConfigProperty(name = "ebr.opcua.backoff.max.seconds", defaultValue = "30") int maxBackoffSeconds,
                       @ConfigProperty(name = "ebr.opcua.timeout.seconds", defaultValue = "5") int timeoutSeconds) {
        if (maxBackoffSeconds < 1 || timeoutSeconds < 1) {
            throw new IllegalStateException("EBR_OPCUA_BACKOFF_MAX_SECONDS and EBR_OPCUA_TIMEOUT_SECONDS must be >= 1");
        }
        this.allowNone = allowNone;
        this.maxBackoff = Duration.ofSeconds(maxBackoffSeconds);
        this.timeout = Duration.ofSeconds(timeoutSeconds);
    }

    public boolean allowNone() {
        return allowNone;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Duration timeout() {
        return timeout;
    }
}
