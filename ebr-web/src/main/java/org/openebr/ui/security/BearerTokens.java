package org.openebr.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openebr.identity.boundary.ApiTokens;

/**
 * The API's cheap credential: {@code Authorization: Bearer <token>} with a token issued by one
 * sign-in at {@value #ISSUE_PATH}. Checked by one database look-up; unlike HTTP Basic it runs no
 * password hash and records no sign-in per request (the sign-in was recorded when the token was
 * issued).
 */
@ApplicationScoped
public class BearerTokens {

    /** Where a token is issued (application path): only a password opens it, never another token. */
    static final String ISSUE_PATH = "/api/v1/auth/tokens";
    private static final String BEARER = "Bearer ";

    @Inject
    ApiTokens tokens;

    /** Whether the Authorization header presents a bearer token (whatever its content). */
    static boolean presented(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    ApiTokens.Verification verify(String authorization) {
        return tokens.verify(authorization.substring(BEARER.length()).strip());
    }
}
