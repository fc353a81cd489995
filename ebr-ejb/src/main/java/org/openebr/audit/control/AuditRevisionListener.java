package org.openebr.audit.control;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.envers.EntityTrackingRevisionListener;
import org.hibernate.envers.RevisionType;
import org.openebr.audit.entity.AuditRevision;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.RequestOrigin;
import org.openebr.platform.control.SiteSettings;

/**
 * Fills in every revision: who acted (user name, printed name, acting role), the business command
 * and its reason, the channel, client address and correlation id, and the server's UTC time with
 * the site zone (EU GMP Annex 11 §9, §12; 21 CFR 11.10(e)). And it refuses a modification or a
 * deletion of audited data that comes without a reason: the whole transaction rolls back.
 *
 * <p>Envers creates the listener itself, so it looks its collaborators up in CDI.
 */
public class AuditRevisionListener implements EntityTrackingRevisionListener {

    /** The user name recorded for requests not (yet) authenticated, e.g. a failed sign-in. */
    public static final String ANONYMOUS = "anonymous";

    @Override
    public void newRevision(Object revisionEntity) {
        AuditRevision revision = (AuditRevision) revisionEntity;
        ChangeContext.Change change = scoped(ChangeContext.class).current();
        Caller caller = caller(change);
        Clock clock = scoped(Clock.class);
        revision.describe(clock.instant(), scoped(SiteSettings.class).zone().getId(), caller.userName, caller.fullName,
                change.actingRole() != null ? change.actingRole() : caller.defaultRole,
                change.command() != null ? change.command() : "unnamed change", change.reason(),
                caller.channel, caller.clientAddress, caller.correlationId);
    }

    @Override
    public void entityChanged(Class entityClass, String entityName, Object entityId, RevisionType revisionType,
                              Object revisionEntity) {
        if (revisionType != RevisionType.ADD && ((AuditRevision) revisionEntity).reason() == null) {
            throw new ReasonRequired("A reason is required to " + (revisionType == RevisionType.DEL ? "delete " : "change ")
                    + entityClass.getSimpleName() + " " + entityId + ".");
        }
    }

    private record Caller(String userName, String fullName, String defaultRole, String channel, String clientAddress,
                          String correlationId) {
    }

    private static Caller caller(ChangeContext.Change change) {
        String channel = "SYSTEM";
        String address = "server";
        String correlation = "none";
        String user = null;
        String fullName = null;
        Set<String> roles = Set.of();
        try {
            RequestOrigin origin = scoped(RequestOrigin.class);
            channel = origin.channel();
            address = origin.clientAddress() == null ? "server" : origin.clientAddress();
            correlation = origin.correlationId();
            user = origin.userName();
            fullName = origin.fullName();
            roles = origin.roles();
        } catch (ContextNotActiveException noRequest) {
            // a timer or start-up: the server acts on its own
        }
        if (change.userName() != null) {
            return new Caller(change.userName(), change.fullName() == null ? change.userName() : change.fullName(),
                    roleOf(roles, "NONE"), channel, address, correlation);
        }
        if (user != null) {
            return new Caller(user, fullName == null ? user : fullName, roleOf(roles, "NONE"), channel, address, correlation);
        }
        String principal = principalName();
        if (principal == null || "anonymous".equals(principal)) {
            boolean server = "SYSTEM".equals(channel);
            return new Caller(server ? ChangeContext.SYSTEM : ANONYMOUS,
                    server ? "OpenEBR server" : "Unauthenticated client",
                    server ? "SYSTEM" : "NONE", channel, address, correlation);
        }
        return new Caller(principal, principal, "NONE", channel, address, correlation);
    }

    /** Without a declared acting role: the caller's only role, or all of them when there are several. */
    private static String roleOf(Set<String> roles, String none) {
        return roles.isEmpty() ? none : String.join("+", new TreeSet<>(roles));
    }

    private static String principalName() {
        try {
            Principal principal = bean(Principal.class);
            return principal == null ? null : principal.getName();
        } catch (RuntimeException unavailable) {
            return null;
        }
    }

    private static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    /** Client proxies of normal-scoped beans, looked up once: a lookup per revision cost more than the revision. */
    private static final Map<Class<?>, Object> PROXIES = new ConcurrentHashMap<>();

    private static <T> T scoped(Class<T> normalScoped) {
        return normalScoped.cast(PROXIES.computeIfAbsent(normalScoped, t -> CDI.current().select(t).get()));
    }
}
