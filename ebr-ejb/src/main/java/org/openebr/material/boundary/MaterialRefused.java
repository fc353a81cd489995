package org.openebr.material.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A material command the rules refuse; the message names the rule and the value that broke it. */
public class MaterialRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** A required input (reason, supplier, containers, ...) is missing or malformed. */
        @Declared(category = Category.INVALID, kind = "material-input-incomplete")
        INCOMPLETE,
        @Declared(category = Category.NOT_FOUND, kind = "material-not-found")
        MATERIAL_NOT_FOUND,
        @Declared(category = Category.NOT_FOUND, kind = "lot-not-found")
        LOT_NOT_FOUND,
        @Declared(category = Category.NOT_FOUND, kind = "container-not-found")
        CONTAINER_NOT_FOUND,
        /** A receipt or dispensing names a material the material master does not know. */
        @Declared(category = Category.INVALID, kind = "material-unknown")
        UNKNOWN_MATERIAL,
        @Declared(category = Category.CONFLICT, kind = "material-number-taken")
        MATERIAL_TAKEN,
        /** A GTIN that is not 14 digits or whose check digit is wrong (GS1 General Specifications 7.9). */
        @Declared(category = Category.INVALID, kind = "gtin-invalid")
        GTIN_INVALID,
        /** A quantity of zero or below: material is never negative, and nothing is received or weighed as zero. */
        @Declared(category = Category.INVALID, kind = "quantity-not-positive")
        QUANTITY_NOT_POSITIVE,
        @Declared(category = Category.INVALID, kind = "unit-unknown")
        UNIT_UNKNOWN,
        /** A unit of another dimension than the material's (mL for a material kept in g). */
        @Declared(category = Category.INVALID, kind = "unit-not-convertible")
        UNIT_NOT_CONVERTIBLE,
        /** Expiry before retest, or an expiry date already past at receipt. */
        @Declared(category = Category.INVALID, kind = "lot-dates-invalid")
        DATES_INVALID,
        /** The lot's status does not allow the status change asked for (e.g. unblocking a lot that is not blocked). */
        @Declared(category = Category.CONFLICT, kind = "lot-status")
        LOT_STATUS,
        /** Material of a lot not (yet) released by QA is not used (EU GMP 5.31, 21 CFR 211.84(a)). */
        @Declared(category = Category.CONFLICT, kind = "lot-quarantined")
        LOT_QUARANTINED,
        @Declared(category = Category.CONFLICT, kind = "lot-rejected")
        LOT_REJECTED,
        @Declared(category = Category.CONFLICT, kind = "lot-blocked")
        LOT_BLOCKED,
        /** Past its expiry date, computed at the moment of use. */
        @Declared(category = Category.CONFLICT, kind = "lot-expired")
        LOT_EXPIRED,
        /** Past its retest date (21 CFR 211.87): usable again only after a retest. */
        @Declared(category = Category.CONFLICT, kind = "lot-retest-due")
        LOT_RETEST_DUE,
        /** The container holds another material than the step needs. */
        @Declared(category = Category.CONFLICT, kind = "wrong-material")
        WRONG_MATERIAL,
        /** More than the container holds would be taken out of it. */
        @Declared(category = Category.CONFLICT, kind = "container-overdraw")
        OVERDRAW,
        /** A weighing or a charge outside the tolerance of its target. */
        @Declared(category = Category.INVALID, kind = "out-of-tolerance")
        OUT_OF_TOLERANCE,
        /** The container was not weighed for this batch and step (or is a received container, not a dispensed one). */
        @Declared(category = Category.CONFLICT, kind = "container-not-dispensed-for-step")
        NOT_DISPENSED_FOR_STEP,
        /** A controlled material (API) is weighed only with a second person verifying (EU GMP 5.12, Annex 11 §6). */
        @Declared(category = Category.INVALID, kind = "verifier-required")
        VERIFIER_REQUIRED,
        /** The verifier or the receiving person is the person acting, or does not hold a role that may confirm it. */
        @Declared(category = Category.NOT_PERMITTED, kind = "witness-not-allowed")
        WITNESS_NOT_ALLOWED,
        /** The verifier's or receiving person's password was not accepted. */
        @Declared(category = Category.NOT_PERMITTED, kind = "witness-not-authenticated")
        WITNESS_NOT_AUTHENTICATED,
        /** A hand-over of a controlled material needs the receiving person's signature (password). */
        @Declared(category = Category.INVALID, kind = "receiver-signature-required")
        RECEIVER_SIGNATURE_REQUIRED,
        /**
         * The person weighing holds no current training record for weighing and dispensing (MES-CERT-1;
         * EU GMP 2.11, 21 CFR 211.25): the record's qualification, and when it lapsed, are named.
         */
        @Declared(category = Category.NOT_PERMITTED, kind = "performer-not-qualified")
        NOT_QUALIFIED,
        /** Someone else changed the same record at the same moment; reload and try again. */
        @Declared(category = Category.CONFLICT, kind = "material-conflict")
        CONFLICT;
    }

    public MaterialRefused(Reason reason, String message) {
        super(reason, message);
    }

    public MaterialRefused(Reason reason, String message, List<Violation> violations) {
        super(reason, message, violations);
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
