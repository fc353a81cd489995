package org.openebr.ui.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.SameSiteCookieHandler;
import io.undertow.server.handlers.SecureCookieHandler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.openebr.api.JsonbConfiguration;
import org.openebr.api.Problem;

/**
 * Browser and transport security of every answer, installed into the web container (Undertow) in
 * front of authentication: so the authentication mechanism's 401s and redirects, the container's own
 * redirects and error pages carry the same headers as pages and API answers (they are added when the
 * answer is committed, after everything else has had its say), the session cookie is {@code Secure}
 * on HTTPS and {@code SameSite=Lax} (no cross-site POST carries it; {@code Strict} would also drop it
 * when a person follows a link to a screen from another site, and the sign-in would forget where they
 * were going), no redirect echoes the request's Host header, and outside demo mode nothing but the
 * health check is served over plain HTTP.
 * Registered in META-INF/services/io.undertow.servlet.ServletExtension.
 */
public class WebSecurity implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(WebSecurity.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        Config config = ConfigProvider.getConfig(deployment.getClassLoader());
        boolean demoMode = config.getOptionalValue("ebr.demo.mode", Boolean.class).orElse(false);
        // The HTTPS listener's port as the socket bindings compute it: 8443 plus the port offset.
        HttpsOnly https = new HttpsOnly(config.getOptionalValue("ebr.tls.hostname", String.class).orElse("localhost"),
                Integer.getInteger("jboss.https.port", 8443) + Integer.getInteger("jboss.socket.binding.port-offset", 0));
        Jsonb jsonb = JsonbConfiguration.create();
        if (!demoMode) {
            LOG.info(() -> "HTTPS only: plain HTTP requests are sent to " + https.origin() + ", API calls over plain HTTP refused");
        }
        String sessionCookie = servletContext.getSessionCookieConfig().getName() == null ? "JSESSIONID"
                : servletContext.getSessionCookieConfig().getName();
        // Outer handlers run once per request, before the security handlers (authentication).
        deployment.addOuterHandlerChainWrapper(next -> new SameSiteCookieHandler(new SecureCookieHandler(exchange -> {
            HttpServletRequest request = (HttpServletRequest) exchange
                    .getAttachment(ServletRequestContext.ATTACHMENT_KEY).getServletRequest();
            String path = EbrAuthenticationMechanism.applicationPath(request);
            boolean secure = exchange.isSecure();
            exchange.addResponseCommitListener(committing -> protect(committing, path, secure, demoMode));
            if (!demoMode && !secure && https.verdict(path) != HttpsOnly.Verdict.ANSWER) {
                HttpServletResponse response = (HttpServletResponse) exchange
                        .getAttachment(ServletRequestContext.ATTACHMENT_KEY).getServletResponse();
                if (https.verdict(path) == HttpsOnly.Verdict.REFUSE) {
                    refuse(request, response, https, jsonb);
                } else {
                    redirect(exchange, request, response, https);
                }
                return;
            }
            next.handleRequest(exchange);
        }), "Lax", sessionCookie));
    }

    private static void protect(HttpServerExchange exchange, String path, boolean secure, boolean demoMode) {
        HeaderMap headers = exchange.getResponseHeaders();
        BrowserHeaders.forAnswer(path, secure, demoMode, headers.contains(BrowserHeaders.CONTENT_SECURITY_POLICY),
                        exchange.getStatusCode())
                .forEach((name, value) -> headers.put(new HttpString(name), value));
        String location = headers.getFirst(Headers.LOCATION);
        if (location != null) {
            headers.put(Headers.LOCATION, BrowserHeaders.relativeLocation(location,
                    exchange.getRequestScheme() + "://" + exchange.getHostAndPort()));
        }
    }

    private static void redirect(HttpServerExchange exchange, HttpServletRequest request, HttpServletResponse response,
                                 HttpsOnly https) {
        String method = request.getMethod();
        // GET and HEAD may become GET; anything else keeps its method and body (308).
        response.setStatus("GET".equals(method) || "HEAD".equals(method) ? 301 : 308);
        response.setHeader("Location", https.httpsLocation(exchange.getRequestURI(), exchange.getQueryString()));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpsOnly https, Jsonb jsonb)
            throws IOException {
        String user = basicUser(request.getHeader("Authorization"));
        LOG.warning(() -> "API call over plain HTTP refused: " + request.getMethod() + " " + request.getRequestURI()
                + " from " + request.getRemoteAddr() + (user == null ? "" : ", with credentials of '" + user
                + "' sent in clear (the password may have been read on the network)"));
        Problem problem = new Problem("https://openebr.org/problems/https-required", "Forbidden", 403,
                "This server takes API calls only over HTTPS; credentials sent over plain HTTP can be read on the network."
                        + " Use " + https.httpsLocation(request.getRequestURI(), null) + ".",
                request.getRequestURI(), null, null);
        response.setStatus(403);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(jsonb.toJson(problem));
    }

    /** The user name of HTTP Basic credentials, for the log only; null when there are none. */
    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon).replaceAll("\\p{Cntrl}", "?");
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
