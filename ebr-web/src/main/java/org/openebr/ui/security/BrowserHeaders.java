package org.openebr.ui.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser security headers of every answer of the application: pages, API answers, problem
 * documents, redirects and error pages alike. Decided from the answer's path, status and transport
 * only, so that one rule covers what the authentication mechanism and the server write themselves.
 */
final class BrowserHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /**
     * Answers that are not Faces pages run no script and embed nothing. Faces pages carry the policy
     * PrimeFaces sends with a fresh nonce per page (web.xml, {@code primefaces.CSP_POLICY}), so an
     * answer that already has a policy keeps it.
     */
    static final String NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** HTTPS only, for a year, once a browser has seen the site over HTTPS. */
    static final String STRICT_TRANSPORT = "max-age=31536000";
    /**
     * Demo mode serves plain HTTP on purpose (http://localhost:8080): a browser told to use only HTTPS
     * for localhost would break it and every other local HTTP server for a year, so the demo tells
     * browsers to remember nothing.
     */
    static final String STRICT_TRANSPORT_DEMO = "max-age=0";
    private static final String STATIC_RESOURCES = "/jakarta.faces.resource/";

    private BrowserHeaders() {
    }

    /**
     * @param path the application path the container dispatched on (servlet path and path info)
     * @param https the request came over HTTPS
     * @param demoMode the server runs in demo mode (EBR_DEMO_MODE)
     * @param policySet the answer carries a Content-Security-Policy already (a Faces page)
     * @param status the answer's HTTP status
     */
    static Map<String, String> forAnswer(String path, boolean https, boolean demoMode, boolean policySet, int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        // Nobody frames a page of OpenEBR: a framed signature dialog could be overlaid (click-jacking).
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        // Record ids and filters in URLs never travel to another site.
        headers.put("Referrer-Policy", "no-referrer");
        if (!policySet) {
            headers.put(CONTENT_SECURITY_POLICY, NON_PAGE_POLICY);
        }
        // Pages and API answers hold GMP data: no copy in browser or proxy caches. Scripts, styles
        // and fonts hold none and may be cached.
        if (!(path.startsWith(STATIC_RESOURCES) && status < 400)) {
            headers.put("Cache-Control", "no-store");
        }
        if (https) {
            headers.put("Strict-Transport-Security", demoMode ? STRICT_TRANSPORT_DEMO : STRICT_TRANSPORT);
        }
        return headers;
    }

    /**
     * A redirect's absolute location on the request's own origin, made relative: the servlet
     * container builds absolute locations from the request's Host header, which a client chooses
     * freely. Any other location is returned unchanged.
     *
     * @param origin the request's scheme and Host header as the container read them, e.g. {@code http://evil.example}
     */
    static String relativeLocation(String location, String origin) {
        if (location.length() > origin.length() && location.regionMatches(true, 0, origin, 0, origin.length())
                && location.charAt(origin.length()) == '/') {
            // one leading slash: "//other.example/x" would name another host
            return "/" + location.substring(origin.length()).replaceFirst("^/+", "");
        }
        return location;
    }
}
