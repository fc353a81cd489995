package org.openebr.material.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.openebr.identity.boundary.Authentication;
import org.openebr.material.boundary.MaterialRefused;
import org.openebr.platform.boundary.DomainException;

/**
 * A second person who confirms on the spot, with their password, what the acting person does: the
 * verifier of a dispensing, the receiver of a hand-over (21 CFR 11.200(a): a signing of one person
 * never executed by another). The password is checked like at signing (counts toward lockout); the
 * person must be another than the one acting and hold one of the roles that may confirm it.
 */
@ApplicationScoped
public class Witnesses {

    @Inject
    Authentication authentication;

    /**
     * @param what words for the confirmation, e.g. "verify the dispensing"
     * @return the witness's user name as the account spells it
     */
    public String confirm(String witness, char[] password, String actor, Set<String> roles, String what, String field) {
        if (witness == null || witness.isBlank()) {
            throw new MaterialRefused(MaterialRefused.Reason.VERIFIER_REQUIRED, "Name the person who will " + what + ".",
                    List.of(new DomainException.Violation(field, "is required")));
        }
        if (witness.strip().equalsIgnoreCase(actor)) {
            throw new MaterialRefused(MaterialRefused.Reason.WITNESS_NOT_ALLOWED, "You cannot " + what + " yourself ("
                    + actor + "): a second person must (four eyes).", List.of(new DomainException.Violation(field,
                    "another person than " + actor)));
        }
        if (password == null || password.length == 0) {
            throw new MaterialRefused(MaterialRefused.Reason.VERIFIER_REQUIRED, witness.strip() + " must enter their"
                    + " password to " + what + ".", List.of(new DomainException.Violation(field + "Password", "is required")));
        }
        Authentication.Result who = authentication.authenticate(witness.strip(), password, Authentication.Channel.SIGNING);
        if (!who.authenticated()) {
            throw new MaterialRefused(MaterialRefused.Reason.WITNESS_NOT_AUTHENTICATED, "The password of " + witness.strip()
                    + " was not accepted, so they did not " + what + "; nothing was recorded. " + who.message(),
                    List.of(new DomainException.Violation(field + "Password", "not accepted")));
        }
        if (who.roles().stream().noneMatch(roles::contains)) {
            throw new MaterialRefused(MaterialRefused.Reason.WITNESS_NOT_ALLOWED, who.userName() + " holds none of the"
                    + " roles that may " + what + " (" + String.join(", ", roles.stream().sorted().toList()) + ").",
                    List.of(new DomainException.Violation(field, "a person in one of " + roles)));
        }
        return who.userName();
    }
}
