package org.openebr.batch.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A batch command the rules refuse; the message names the rule and the value that broke it. Nothing is recorded. */
public class BatchRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** A required input (reason, planned quantity, the value of an entry, ...) is missing or malformed. */
        @Declared(category = Category.INVALID, kind = "batch-input-incomplete")
        INCOMPLETE,
        @Declared(category = Category.NOT_FOUND, kind = "batch-not-found")
        NOT_FOUND,
        @Declared(category = Category.NOT_FOUND, kind = "step-not-found")
        STEP_NOT_FOUND,
        @Declared(category = Category.NOT_FOUND, kind = "deviation-not-found")
        DEVIATION_NOT_FOUND,
        /** The planned quantity is not positive, absurdly large or fine, or in a unit that does not convert. */
        @Declared(category = Category.INVALID, kind = "batch-size-invalid")
        BATCH_SIZE,
        /** The batch's status does not allow the change asked for (dispatch a running batch, resume one not on hold). */
        @Declared(category = Category.CONFLICT, kind = "batch-state")
        STATE,
        /** Entries are made only on a batch that is READY or IN_PROGRESS: not planned, on hold, aborted or completed. */
        @Declared(category = Category.CONFLICT, kind = "batch-not-executable")
        NOT_EXECUTABLE,
        /** A step whose predecessors are not all done (21 CFR 11.10(f)). */
        @Declared(category = Category.CONFLICT, kind = "step-not-available")
        STEP_NOT_AVAILABLE,
        /** The step has its entry already (from this or another terminal); a new value is a correction with a reason. */
        @Declared(category = Category.CONFLICT, kind = "step-already-recorded")
        ALREADY_RECORDED,
        /** A batch is completed only when every step is done (21 CFR 11.10(f)). */
        @Declared(category = Category.CONFLICT, kind = "batch-steps-open")
        STEPS_OPEN,
        /** The entry does not fit the step's type (a text for a numeric step, a value for a calculation). */
        @Declared(category = Category.INVALID, kind = "entry-wrong-kind")
        WRONG_KIND,
        @Declared(category = Category.INVALID, kind = "value-not-a-number")
        NOT_A_NUMBER,
        /** A value in another unit than the step records. */
        @Declared(category = Category.INVALID, kind = "value-wrong-unit")
        WRONG_UNIT,
        /** More decimals than the recipe records plus what an instrument shows beyond them. */
        @Declared(category = Category.INVALID, kind = "value-beyond-precision")
        BEYOND_PRECISION,
        /** A value no instrument can show for the quantity (a pH of 15, a negative mass, 10^12). */
        @Declared(category = Category.INVALID, kind = "value-implausible")
        IMPLAUSIBLE,
        @Declared(category = Category.INVALID, kind = "choice-unknown")
        UNKNOWN_CHOICE,
        /** A correction, a late entry, a value typed for a machine, a status change: each needs its reason. */
        @Declared(category = Category.INVALID, kind = "reason-required")
        REASON_REQUIRED,
        /** The operator holds no current training record for a qualification the recipe requires (21 CFR 11.10(i)). */
        @Declared(category = Category.NOT_PERMITTED, kind = "operator-not-trained")
        NOT_TRAINED,
        /** A material charge or equipment check is not corrected by typing: raise a deviation instead. */
        @Declared(category = Category.INVALID, kind = "gate-not-overridable")
        NOT_OVERRIDABLE,
        @Declared(category = Category.CONFLICT, kind = "gate-override-not-needed")
        OVERRIDE_NOT_NEEDED,
        @Declared(category = Category.CONFLICT, kind = "gate-override-exists")
        OVERRIDE_EXISTS,
        @Declared(category = Category.CONFLICT, kind = "gate-override-self")
        OVERRIDE_SELF,
        @Declared(category = Category.CONFLICT, kind = "step-not-correctable")
        NOT_CORRECTABLE,
        /** A calculation whose inputs are not all recorded. */
        @Declared(category = Category.CONFLICT, kind = "calculation-incomplete")
        CALCULATION_INCOMPLETE,
        /** Someone else changed the batch or step at the same moment; nothing was recorded. */
        @Declared(category = Category.CONFLICT, kind = "batch-conflict")
        CONFLICT,
        /** The batch's control recipe has no operation of that id. */
        @Declared(category = Category.NOT_FOUND, kind = "operation-not-found")
        OPERATION_NOT_FOUND,
        /** A downtime, scrap or rework event that is incomplete or does not fit its kind (MES-BDE-1). */
        @Declared(category = Category.INVALID, kind = "operation-event-invalid")
        OPERATION_EVENT_INVALID,
        @Declared(category = Category.NOT_FOUND, kind = "operation-event-not-found")
        OPERATION_EVENT_NOT_FOUND,
        /** A downtime of an operation that overlaps one recorded already: it would be counted twice. */
        @Declared(category = Category.CONFLICT, kind = "downtime-overlaps")
        DOWNTIME_OVERLAPS,
        /** The same Idempotency-Key was sent before with another request. */
        @Declared(category = Category.INVALID, kind = "idempotency-key-reused")
        KEY_REUSED;
    }

    public BatchRefused(Reason reason, String message) {
        super(reason, message);
    }

    public BatchRefused(Reason reason, String message, List<Violation> violations) {
        super(reason, message, violations);
    }

    public BatchRefused(Reason reason, String message, String field, String expected) {
        super(reason, message, List.of(new Violation(field, expected)));
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
