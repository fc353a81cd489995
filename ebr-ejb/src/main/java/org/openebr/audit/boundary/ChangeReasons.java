package org.openebr.audit.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openebr.audit.control.AuditSettings;

/**
 * The configured reasons for change (EBR_AUDIT_REASONS), offered as a pick-list wherever GMP data
 * is changed or voided; the user may also type a reason of their own (EU GMP Annex 11 §9).
 */
@Stateless
@PermitAll
public class ChangeReasons {

    @Inject
    AuditSettings settings;

    public List<String> configured() {
        return settings.reasons();
    }
}
