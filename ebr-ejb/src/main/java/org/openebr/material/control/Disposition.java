package org.openebr.material.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.openebr.material.boundary.MaterialRefused;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.LotStatus;
import org.openebr.platform.control.ChangeContext;

/**
 * The one code path that moves a lot's QA status: a signed QA decision (RELEASED, REJECTED), QA's
 * block and its lifting, and the demo data (which has no signer at start-up) all go through here,
 * with the command and reason in the audit trail.
 */
@ApplicationScoped
public class Disposition {

    @Inject
    MaterialStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    public void decide(Lot lot, LotStatus target, String by, String command, String reason) {
        if (!lot.status().canBecome(target)) {
            throw new MaterialRefused(MaterialRefused.Reason.LOT_STATUS, "Lot " + lot.lotId() + " is " + lot.status()
                    + "; it cannot become " + target + " (allowed from " + lot.status() + ": " + lot.status().next() + ").");
        }
        change.record(command, reason);
        lot.moveTo(target, reason, by, clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            store.flush();
        } catch (OptimisticLockException concurrent) {
            throw new MaterialRefused(MaterialRefused.Reason.CONFLICT, "Lot " + lot.lotId() + " was changed by someone"
                    + " else at the same moment; nothing was recorded. Reload it and decide again.");
        }
    }
}
