package org.openebr.platform.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from: the channel (UI, API, SYSTEM) and the client's address.
 * The web tier fills it in for every request; work without a request (start-up, timers) keeps the
 * defaults. Recorded with security events and, later, audit revisions.
 */
@RequestScoped
public class RequestOrigin {

    private String channel = "SYSTEM";
    private String clientAddress;

    public void set(String channel, String clientAddress) {
        this.channel = channel;
        this.clientAddress = clientAddress;
    }

    public String channel() {
        return channel;
    }

    public String clientAddress() {
        return clientAddress;
    }
}
