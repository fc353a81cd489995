package org.openebr.ui.security;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.openebr.api.JsonbConfiguration;
import org.openebr.api.Problem;
import org.openebr.identity.boundary.ApiTokens;
import org.openebr.identity.boundary.Authentication;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.platform.control.RequestOrigin;

/**
 * The one authentication mechanism of OpenEBR.
 * <ul>
 * <li>API ({@code /api/...}), no session: an API token ({@code Authorization: Bearer}, see
 * {@link BearerTokens}), cheap on every request; or HTTP Basic, which runs the slow password hash
 * and records a sign-in on every request (for scripts, and to get a token). Missing or refused
 * credentials on a protected resource get a 401 problem document.</li>
 * <li>UI: the login page hands the credentials over ({@code SecurityContext.authenticate}); a
 * successful sign-in gets a new session id and an idle timeout. On every later request the
 * account is looked at again, so a lock, deactivation or role change takes effect at once.</li>
 * </ul>
 * Accounts that must change their password get only the pseudo-role
 * {@value #PASSWORD_CHANGE_REQUIRED}: they can reach nothing but the password change.
 * While the database is unreachable, nobody can be authenticated: 503 ({@link DatabaseUnavailable}).
 */
@ApplicationScoped
public class EbrAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";
    /** The one API path an account with a pending password change may reach. */
    static final String PASSWORD_CHANGE_PATH = "/api/v1/me/password";
    static final String SESSION_USER = "org.openebr.user";
    static final String LOGIN_FAILURE = "org.openebr.login.failure";
    static final String CONTINUE_TO = "org.openebr.login.continue";
    private static final String BASIC = "Basic ";

    @Inject
    Authentication authentication;

    @Inject
    IdentitySettings settings;

    @Inject
    RequestOrigin origin;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    DatabaseUnavailable databaseUnavailable;

    @Inject
    SchemaGate schemaGate;

    /** Answers whatever the database's state: monitoring and the operator ask it why the system is DOWN. */
    static final String HEALTH_PATH = "/api/v1/health";

    private final Jsonb jsonb = JsonbConfiguration.create();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = applicationPath(request);
        boolean api = path.startsWith("/api/");
        origin.set(api ? "API" : "UI", request.getRemoteAddr());
        origin.correlate(request.getHeader("X-Correlation-Id"));
        // a database at another schema version (not migrated after an upgrade): nothing is read or written, not
        // even a sign-in; only the health check answers, and says why
        Optional<String> notInService = path.equals(HEALTH_PATH) ? Optional.empty() : schemaGate.refusal();
        if (notInService.isPresent()) {
            if (api) {
                databaseUnavailable.notInService(response, request.getRequestURI(), notInService.get());
            } else {
                databaseUnavailable.notInServicePage(response, notInService.get());
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        try {
            return api ? api(request, response, context, path, request.getRequestURI()) : ui(request, context, path);
        } catch (RuntimeException failure) {
            if (!databaseUnavailable.explains(failure)) {
                throw failure;
            }
            if (api) {
                databaseUnavailable.problem(response, request.getRequestURI());
            } else if (context.getAuthParameters().getCredential() != null) {
                // the login form shows it next to the form
                request.setAttribute(LOGIN_FAILURE, DatabaseUnavailable.SIGN_IN_MESSAGE);
            } else {
                databaseUnavailable.page(response);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
                                     HttpMessageContext context, String path, String uri) {
        String header = request.getHeader("Authorization");
        if (BearerTokens.presented(header)) {
            if (path.equals(BearerTokens.ISSUE_PATH)) {
                return problem(response, 401, "unauthenticated",
                        "An API token is issued for a sign-in with the password (HTTP Basic), never for another token.", uri);
            }
            ApiTokens.Verification token = bearerTokens.verify(header);
            if (!token.accepted()) {
                return problem(response, 401, "unauthenticated", token.refusal(), uri);
            }
            origin.identify(token.userName(), token.fullName(), token.roles());
            return context.notifyContainerAboutLogin(token.userName(), token.roles());
        }
        if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            Optional<String[]> credentials = decode(header.substring(BASIC.length()).strip());
            if (credentials.isEmpty()) {
                return problem(response, 401, "unauthenticated",
                        "The Authorization header is not valid HTTP Basic (base64 of user:password).", uri);
            }
            Authentication.Result result = authentication.authenticate(credentials.get()[0],
                    credentials.get()[1].toCharArray(), Authentication.Channel.API);
            if (!result.authenticated()) {
                return problem(response, 401, "unauthenticated", result.message(), uri);
            }
            origin.identify(result.userName(), result.fullName(), result.roles());
            if (result.passwordChangeRequired() && !path.equals(PASSWORD_CHANGE_PATH)) {
                return problem(response, 403, "password-change-required",
                        "This account must change its password first: POST /ebr/api/v1/me/password.", uri);
            }
            return context.notifyContainerAboutLogin(result.userName(), groups(result.roles(), result.passwordChangeRequired()));
        }
        if (context.isProtected()) {
            return problem(response, 401, "unauthenticated",
                    "Authentication required: send an API token of your own account (Authorization: Bearer, from"
                            + " POST /ebr/api/v1/auth/tokens) or HTTP Basic credentials.", uri);
        }
        return context.doNothing();
    }

    private AuthenticationStatus ui(HttpServletRequest request, HttpMessageContext context, String path) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential login) {
            Authentication.Result result = authentication.authenticate(login.getCaller(),
                    login.getPassword().getValue(), Authentication.Channel.UI);
            if (!result.authenticated()) {
                request.setAttribute(LOGIN_FAILURE, result.message());
                return AuthenticationStatus.SEND_FAILURE;
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                request.changeSessionId();
            }
            session = request.getSession(true);
            session.setAttribute(SESSION_USER, result.userName());
            origin.identify(result.userName(), result.fullName(), result.roles());
            session.setMaxInactiveInterval(settings.sessionIdleMinutes() * 60);
            return context.notifyContainerAboutLogin(result.userName(), groups(result.roles(), result.passwordChangeRequired()));
        }
        if (path.startsWith("/jakarta.faces.resource/")) {
            return context.doNothing();
        }
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(SESSION_USER);
        if (user instanceof String userName) {
            Optional<Authentication.CurrentAccount> account = authentication.current(userName);
            if (account.isPresent()) {
                origin.identify(userName, account.get().fullName(), account.get().roles());
                if (account.get().passwordChangeRequired() && path.startsWith("/app/")
                        && !path.equals(PasswordChangeGate.CHANGE_PAGE)) {
                    // before the role constraints of web.xml, which would answer 403: the change is the only screen
                    return context.redirect(request.getContextPath() + PasswordChangeGate.CHANGE_PAGE);
                }
                return context.notifyContainerAboutLogin(userName,
                        groups(account.get().roles(), account.get().passwordChangeRequired()));
            }
            // Locked or deactivated since sign-in: the session ends now (21 CFR 11.300(c)).
            session.setAttribute(SessionEvents.LOGGED_OUT, Boolean.TRUE);
            authentication.sessionRevoked(userName);
            session.invalidate();
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession(true).setAttribute(CONTINUE_TO, path + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + "/login.xhtml");
        }
        return context.doNothing();
    }

    /**
     * The path the container dispatches on (decoded, dot segments resolved), never the raw URI:
     * {@code /ebr/api/../app/home.xhtml} is a screen, and must be treated as one.
     */
    static String applicationPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private static Set<String> groups(Set<String> roles, boolean passwordChangeRequired) {
        Set<String> groups = new HashSet<>(roles);
        if (passwordChangeRequired) {
            groups.add(PASSWORD_CHANGE_REQUIRED);
        }
        return groups;
    }

    private static Optional<String[]> decode(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private AuthenticationStatus problem(HttpServletResponse response, int status, String kind, String detail, String instance) {
        Problem problem = new Problem("https://openebr.org/problems/" + kind, status == 401 ? "Unauthorized" : "Forbidden",
                status, detail, instance, null, null);
        try {
            response.setStatus(status);
            if (status == 401) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"OpenEBR\", charset=\"UTF-8\"");
                response.addHeader("WWW-Authenticate", "Bearer realm=\"OpenEBR\"");
            }
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(jsonb.toJson(problem));
            // Committed now, so the container cannot swap the problem document for an HTML error page.
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
