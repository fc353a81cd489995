package org.openebr.material.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The QA status of a lot as recorded (EU GMP 5.31-5.36) and its transition table; the database
 * enforces the same table (trigger {@code lot_identity_is_frozen}). EXPIRED is not a status here:
 * it follows from the lot's dates at the moment of reading or use.
 *
 * <pre>
 * QUARANTINE --QA signs RELEASED--> RELEASED      QUARANTINE, RELEASED, BLOCKED --QA signs REJECTED--> REJECTED
 * QUARANTINE, RELEASED --QA blocks--> BLOCKED --QA unblocks--> the status before the block
 * </pre>
 */
public enum LotStatus {
    QUARANTINE, RELEASED, REJECTED, BLOCKED;

    public Set<LotStatus> next() {
        return switch (this) {
            case QUARANTINE -> EnumSet.of(RELEASED, REJECTED, BLOCKED);
            case RELEASED -> EnumSet.of(BLOCKED, REJECTED);
            case BLOCKED -> EnumSet.of(QUARANTINE, RELEASED, REJECTED);
            case REJECTED -> EnumSet.noneOf(LotStatus.class);
        };
    }

    public boolean canBecome(LotStatus target) {
        return next().contains(target);
    }
}
