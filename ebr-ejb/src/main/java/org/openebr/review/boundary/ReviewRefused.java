package org.openebr.review.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A review command the rules refuse; the message names the rule. Nothing is recorded. */
public class ReviewRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** A decision or its justification is missing or malformed. */
        @Declared(category = Category.INVALID, kind = "review-input-incomplete")
        INCOMPLETE,
        @Declared(category = Category.NOT_FOUND, kind = "exception-not-found")
        EXCEPTION_NOT_FOUND,
        /** The batch is not COMPLETED: it is reviewed once completed. */
        @Declared(category = Category.CONFLICT, kind = "review-not-open")
        NOT_OPEN,
        /** The reviewer performed, verified or recorded something in this batch. */
        @Declared(category = Category.NOT_PERMITTED, kind = "reviewer-took-part")
        TOOK_PART;
    }

    public ReviewRefused(Reason reason, String message) {
        super(reason, message);
    }

    public ReviewRefused(Reason reason, String message, List<Violation> violations) {
        super(reason, message, violations);
    }

    public ReviewRefused(Reason reason, String message, String field, String expected) {
        super(reason, message, List.of(new Violation(field, expected)));
    }
}
