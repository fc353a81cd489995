package org.openebr.identity.control;

import java.util.Optional;
import java.util.Set;
import org.openebr.identity.boundary.Role;

/**
 * Which roles one account may hold together (Annex 11 draft 11.10, 21 CFR 11.10(g)):
 * <ul>
 * <li>an administrator holds no other role: who manages accounts never records GMP data;</li>
 * <li>an inspector holds no other role: inspection is read-only everywhere;</li>
 * <li>technical roles only on technical accounts, and technical accounts hold nothing else.</li>
 * </ul>
 * The four-eyes rule (a performer never verifies their own step) is {@link #mayVerify}.
 */
public final class SegregationOfDuties {

    private SegregationOfDuties() {
    }

    /** Why {@code adding} may not join {@code held} on this account, or empty when it may. */
    public static Optional<String> conflict(Set<Role> held, Role adding, boolean technicalAccount) {
        if (technicalAccount != adding.technical()) {
            return Optional.of(technicalAccount
                    ? "a technical account can only hold technical roles such as ERP_INTERFACE, not " + adding
                    : adding + " is a technical role and can only be held by a technical account");
        }
        for (Role other : held) {
            if (other == adding) {
                continue;
            }
            if (adding == Role.ADMIN || other == Role.ADMIN) {
                return Optional.of("ADMIN cannot be combined with " + (adding == Role.ADMIN ? other : adding)
                        + ": administrators never hold GMP or inspection roles");
            }
            if (adding == Role.INSPECTOR || other == Role.INSPECTOR) {
                return Optional.of("INSPECTOR cannot be combined with " + (adding == Role.INSPECTOR ? other : adding)
                        + ": inspectors are read-only everywhere");
            }
            if (adding.technical() || other.technical()) {
                return Optional.of("a technical account holds one technical role only");
            }
        }
        return Optional.empty();
    }

    /** Four eyes: the person who performed an action can never be the one who verifies it. */
    public static boolean mayVerify(String performer, String verifier) {
        return performer != null && verifier != null && !performer.equalsIgnoreCase(verifier);
    }
}
