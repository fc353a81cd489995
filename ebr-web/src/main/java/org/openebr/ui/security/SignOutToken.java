package org.openebr.ui.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The sign-out form's token: a random value per session that only pages of OpenEBR know, so a
 * form on another site cannot sign anyone out (cross-site request forgery).
 */
@Named("signOut")
@RequestScoped
public class SignOutToken {

    static final String PARAMETER = "token";
    private static final String SESSION_KEY = "org.openebr.signOutToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServletRequest request;

    /** The session's token, made on first use. */
    public String getToken() {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "";
        }
        synchronized (session) {
            Object token = session.getAttribute(SESSION_KEY);
            if (token instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_KEY, created);
            return created;
        }
    }

    /** The request carries its session's token (compared in constant time). */
    static boolean matches(HttpSession session, String sent) {
        Object token = session.getAttribute(SESSION_KEY);
        return token instanceof String expected && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
