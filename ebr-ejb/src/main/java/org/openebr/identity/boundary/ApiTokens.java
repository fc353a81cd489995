package org.openebr.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.openebr.identity.control.ApiTokenSecret;
import org.openebr.identity.control.ApiTokenSettings;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.identity.entity.AccountStatus;
import org.openebr.identity.entity.ApiToken;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.control.ChangeContext;

/**
 * API tokens: an API client signs in once with its password (the sign-in is recorded then, once)
 * and sends the token with every request that follows. Checking a token costs one indexed query
 * and writes nothing: no security event, no audit revision per request. A token never signs:
 * every electronic signature re-authenticates with the password (21 CFR 11.200(a)).
 *
 * <p>A token is refused once it expired or was revoked, and at once when its account is locked or
 * deactivated, must change its password, or set a new password after the token was issued.
 */
@Stateless
public class ApiTokens {

    /** A token as its owner and administrators see it; never the token itself nor its hash. */
    public record TokenDetails(UUID id, String userName, String name, String status, Instant issuedAt,
                               Instant expiresAt, Instant revokedAt, String revokedBy, String revokeReason) {
    }

    /** A new token: the secret is shown this once and is not stored. */
    public record IssuedToken(TokenDetails details, String token) {
    }

    /**
     * The outcome of checking a presented token.
     *
     * @param refusal why the token is not accepted, in words for the client; null when accepted
     */
    public record Verification(String userName, String fullName, Set<String> roles, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }

        static Verification refused(String refusal) {
            return new Verification(null, null, Set.of(), refusal);
        }
    }

    static final int MAX_NAME = 100;
    private static final String NEW_TOKEN = " Sign in with your password at POST /ebr/api/v1/auth/tokens for a new token.";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    ApiTokenSettings tokenSettings;

    @Inject
    IdentitySettings identitySettings;

    @Inject
    AccountQueries queries;

    @Inject
    Authentication authentication;

    @Inject
    SecurityLog log;

    @Inject
    ChangeContext change;

    /**
     * Issues a token to the caller, who has just signed in with the password. An account that must
     * change its password gets none: it reaches nothing but the change.
     */
    @PermitAll
    public IssuedToken issue(String name) {
        String caller = caller();
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        change.record("Issue API token", null);
        if (label.length() > MAX_NAME || label.chars().anyMatch(Character::isISOControl)) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID,
                    "A token's name has at most " + MAX_NAME + " characters and no control characters.");
        }
        Authentication.CurrentAccount current = authentication.current(caller).orElseThrow(() ->
                new IdentityRefused(IdentityRefused.Reason.ACCOUNT_STATE, "Account " + caller + " may not be used."));
        if (current.passwordChangeRequired()) {
            throw new IdentityRefused(IdentityRefused.Reason.ACCOUNT_STATE,
                    "This account must change its password first: POST /ebr/api/v1/me/password.");
        }
        UserAccount account = queries.existing(caller);
        Instant now = clock.instant();
        String secret = ApiTokenSecret.generate();
        ApiToken token = new ApiToken(account.id(), ApiTokenSecret.sha256(secret), label, now,
                now.plus(tokenSettings.lifetime(account.technical())));
        em.persist(token);
        log.record(SecurityEventType.API_TOKEN_ISSUED, caller, caller,
                "API token " + token.id() + " '" + label + "' issued, expires " + token.expiresAt(), null);
        return new IssuedToken(details(account.userName(), token, now), secret);
    }

    /** The caller's own tokens, newest first. */
    @PermitAll
    public List<TokenDetails> mine() {
        return tokensOf(queries.existing(caller()));
    }

    /** One of the caller's own tokens; someone else's is as unknown as one that does not exist. */
    @PermitAll
    public TokenDetails mine(UUID id) {
        return mine().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() ->
                new IdentityRefused(IdentityRefused.Reason.UNKNOWN_TOKEN, "You have no API token with id " + id + "."));
    }

    /** The caller revokes one of their own tokens, e.g. one that leaked or is no longer used. */
    @PermitAll
    public TokenDetails revokeOwn(UUID id, String reason) {
        String caller = caller();
        change.record("Revoke own API token", reason);
        return revoke(queries.existing(caller), id, reason, caller);
    }

    @RolesAllowed("ADMIN")
    public List<TokenDetails> of(String userName) {
        return tokensOf(queries.existing(userName));
    }

    /** An administrator revokes anyone's token. */
    @RolesAllowed("ADMIN")
    public TokenDetails revoke(String userName, UUID id, String reason) {
        change.record("Revoke API token", reason).actingAs(Role.ADMIN.name());
        return revoke(queries.existing(userName), id, reason, caller());
    }

    /**
     * Checks a presented token: one query joining token, account and active roles. Reads only, and
     * needs no transaction of its own.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Verification verify(String presented) {
        if (!ApiTokenSecret.wellFormed(presented)) {
            return Verification.refused("This is not an OpenEBR API token." + NEW_TOKEN);
        }
        List<Object[]> rows = em.createQuery("select t.issuedAt, t.expiresAt, t.revokedAt, a.userName, a.fullName,"
                        + " a.status, a.demo, a.passwordChangeRequired, a.passwordSetAt, g.role"
                        + " from ApiToken t join UserAccount a on a.id = t.accountId"
                        + " left join RoleGrant g on g.accountId = a.id and g.revokedAt is null"
                        + " where t.tokenSha256 = :hash", Object[].class)
                .setParameter("hash", ApiTokenSecret.sha256(presented))
                .getResultList();
        if (rows.isEmpty()) {
            return Verification.refused("This API token is not known." + NEW_TOKEN);
        }
        Object[] row = rows.get(0);
        Instant issuedAt = (Instant) row[0];
        Instant expiresAt = (Instant) row[1];
        Instant revokedAt = (Instant) row[2];
        AccountStatus status = (AccountStatus) row[5];
        boolean demo = (Boolean) row[6];
        Instant passwordSetAt = (Instant) row[8];
        Instant now = clock.instant();
        if (revokedAt != null) {
            return Verification.refused("This API token was revoked at " + revokedAt + "." + NEW_TOKEN);
        }
        if (!now.isBefore(expiresAt)) {
            return Verification.refused("This API token expired at " + expiresAt + "." + NEW_TOKEN);
        }
        if (status != AccountStatus.ACTIVE) {
            return Verification.refused("The account of this API token is " + status.name().toLowerCase() + ".");
        }
        if (demo && !identitySettings.demoMode()) {
            return Verification.refused("This API token is not known." + NEW_TOKEN);
        }
        if ((Boolean) row[7] || passwordExpired(passwordSetAt, demo, now)) {
            return Verification.refused("The account of this API token must change its password first:"
                    + " POST /ebr/api/v1/me/password with HTTP Basic, then sign in for a new token.");
        }
        if (passwordSetAt != null && issuedAt.isBefore(passwordSetAt)) {
            // A new password (e.g. after a reset because the old one leaked) ends the tokens of the old one.
            return Verification.refused("This API token was issued before the account's password was last set."
                    + NEW_TOKEN);
        }
        Set<String> roles = new TreeSet<>();
        for (Object[] grant : rows) {
            if (grant[9] != null) {
                roles.add((String) grant[9]);
            }
        }
        return new Verification((String) row[3], (String) row[4], roles, null);
    }

    private TokenDetails revoke(UserAccount owner, UUID id, String reason, String actor) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID,
                    "A reason is required to revoke an API token (at most 1000 characters).");
        }
        ApiToken token = id == null ? null : em.find(ApiToken.class, id);
        if (token == null || !token.accountId().equals(owner.id())) {
            // Someone else's token is as unknown to the caller as one that does not exist.
            throw new IdentityRefused(IdentityRefused.Reason.UNKNOWN_TOKEN,
                    "Account " + owner.userName() + " has no API token with id " + id + ".");
        }
        if (token.revokedAt() != null) {
            throw new IdentityRefused(IdentityRefused.Reason.TOKEN_STATE,
                    "API token " + id + " was already revoked at " + token.revokedAt() + ".");
        }
        Instant now = clock.instant();
        token.revoke(actor, reason.strip(), now);
        log.record(SecurityEventType.API_TOKEN_REVOKED, actor, owner.userName(),
                "API token " + token.id() + " '" + token.name() + "' revoked", reason.strip());
        em.flush();
        return details(owner.userName(), token, now);
    }

    private List<TokenDetails> tokensOf(UserAccount account) {
        Instant now = clock.instant();
        return em.createQuery("select t from ApiToken t where t.accountId = :id order by t.issuedAt desc, t.id",
                        ApiToken.class)
                .setParameter("id", account.id())
                .getResultStream().map(t -> details(account.userName(), t, now)).toList();
    }

    private boolean passwordExpired(Instant passwordSetAt, boolean demo, Instant now) {
        int maxAge = identitySettings.passwordMaxAgeDays();
        return maxAge > 0 && !demo && passwordSetAt != null && passwordSetAt.plus(Duration.ofDays(maxAge)).isBefore(now);
    }

    private static TokenDetails details(String userName, ApiToken token, Instant now) {
        String status = token.revokedAt() != null ? "REVOKED" : token.usableAt(now) ? "ACTIVE" : "EXPIRED";
        return new TokenDetails(token.id(), userName, token.name(), status, token.issuedAt(), token.expiresAt(),
                token.revokedAt(), token.revokedBy(), token.revokeReason());
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
