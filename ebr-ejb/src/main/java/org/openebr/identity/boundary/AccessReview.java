package org.openebr.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openebr.identity.control.IdentitySettings;

/**
 * The periodic access review (Annex 11 draft 11.5): every account with its roles, last sign-in,
 * and whether it is dormant (no sign-in for the configured number of days) or locked.
 */
@Stateless
@RolesAllowed({"ADMIN", "INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
public class AccessReview {

    /** One line of the report. */
    public record Line(String userName, String fullName, String status, Set<String> roles, boolean technical,
                       boolean demo, Instant lastLoginAt, boolean dormant, boolean locked, Instant createdAt) {
    }

    /** The report: when it was made, what dormant means, and one line per account. */
    public record Report(Instant generatedAt, int dormantDays, List<Line> lines) {
        public long dormantCount() {
            return lines.stream().filter(Line::dormant).count();
        }

        public long lockedCount() {
            return lines.stream().filter(Line::locked).count();
        }
    }

    @Inject
    Accounts accounts;

    @Inject
    IdentitySettings settings;

    @Inject
    Clock clock;

    public Report report() {
        Instant now = clock.instant();
        Instant dormantBefore = now.minus(Duration.ofDays(settings.dormantDays()));
        List<Line> lines = accounts.list().stream().map(a -> new Line(a.userName(), a.fullName(), a.status(), a.roles(),
                a.technical(), a.demo(), a.lastLoginAt(),
                "ACTIVE".equals(a.status()) && (a.lastLoginAt() == null ? a.createdAt().isBefore(dormantBefore)
                        : a.lastLoginAt().isBefore(dormantBefore)),
                "LOCKED".equals(a.status()), a.createdAt())).toList();
        return new Report(now, settings.dormantDays(), lines);
    }
}
