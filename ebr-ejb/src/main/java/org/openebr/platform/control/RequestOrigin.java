package org.openebr.platform.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.UUID;

/**
 * Where the current request comes from and who sent it: the channel (UI, API, SYSTEM), the client's
 * address, a correlation id, and the authenticated caller with printed name and roles. The web tier
 * fills it in for every request; work without a request (start-up, timers) keeps the defaults.
 * Recorded with security events and audit revisions.
 */
@RequestScoped
public class RequestOrigin {

    private String channel = "SYSTEM";
    private String clientAddress;
    private String correlationId = UUID.randomUUID().toString();
    private String userName;
    private String fullName;
    private Set<String> roles = Set.of();

    public void set(String channel, String clientAddress) {
        this.channel = channel;
        this.clientAddress = clientAddress;
    }

    /** A correlation id the client sent (e.g. X-Correlation-Id); ignored unless short and plain. */
    public void correlate(String id) {
        if (id != null && id.matches("[A-Za-z0-9._:-]{8,64}")) {
            this.correlationId = id;
        }
    }

    /** The caller, once authenticated for this request. */
    public void identify(String userName, String fullName, Set<String> roles) {
        this.userName = userName;
        this.fullName = fullName;
        this.roles = Set.copyOf(roles);
    }

    public String channel() {
        return channel;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String correlationId() {
        return correlationId;
    }

    /** The authenticated caller's user name, or null before authentication. */
    public String userName() {
        return userName;
    }

    public String fullName() {
        return fullName;
    }

    public Set<String> roles() {
        return roles;
    }
}
