package org.openebr.ui.security;

import java.util.regex.Pattern;

/**
 * Outside demo mode OpenEBR is used over HTTPS only: a page asked for over plain HTTP is sent to the
 * same address on HTTPS, an API call over plain HTTP is refused before its credentials are looked
 * at, and only the health check answers on plain HTTP (for load balancers and monitoring).
 * The HTTPS address is built from configuration, never from the request's Host header.
 *
 * @param host the server's host name [EBR_TLS_HOSTNAME], as in its certificate
 * @param port the HTTPS port of the server (8443 plus the socket-binding port offset)
 */
record HttpsOnly(String host, int port) {

    static final String HEALTH = "/api/v1/health";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");

    /** What happens to a request that came over plain HTTP. */
    enum Verdict { ANSWER, REFUSE, REDIRECT }

    HttpsOnly {
        if (host == null || !HOST_NAME.matcher(host).matches()) {
            throw new IllegalStateException("EBR_TLS_HOSTNAME '" + host
                    + "' is not a host name such as ebr.plant.example or 10.0.0.5: the server sends browsers there for HTTPS");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalStateException("the HTTPS port " + port + " is not a TCP port");
        }
    }

    /** @param path the application path the container dispatched on (servlet path and path info) */
    Verdict verdict(String path) {
        if (path.equals(HEALTH)) {
            return Verdict.ANSWER;
        }
        return path.startsWith("/api/") ? Verdict.REFUSE : Verdict.REDIRECT;
    }

    /** The same resource on the configured HTTPS address. */
    String httpsLocation(String requestUri, String query) {
        return origin() + pathOf(requestUri) + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** {@code https://host[:port]}. */
    String origin() {
        return "https://" + host + (port == 443 ? "" : ":" + port);
    }

    /** The request target's path; an absolute-form target ({@code GET http://other/x}) keeps only its path. */
    private static String pathOf(String requestUri) {
        if (requestUri.startsWith("/")) {
            return requestUri;
        }
        int scheme = requestUri.indexOf("://");
        int path = scheme < 0 ? -1 : requestUri.indexOf('/', scheme + 3);
        return path < 0 ? "/" : requestUri.substring(path);
    }
}
