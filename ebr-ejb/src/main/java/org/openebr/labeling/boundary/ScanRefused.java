package org.openebr.labeling.boundary;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/**
 * A scan that names nothing OpenEBR can use, with what was scanned in words. Every reason is a
 * "not found" (the API's 404): a scanner typed something, and it resolves to no container, lot or
 * unit. The kind says why, so a screen or a client can tell a misread from a foreign label.
 */
public class ScanRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** The GTIN's check digit does not match: a misread, a typing error or a forged label. */
        @Declared(category = Category.NOT_FOUND, kind = "gs1-check-digit")
        CHECK_DIGIT,
        /** A date element (17) that no calendar has, such as month 13 or 30 February. */
        @Declared(category = Category.NOT_FOUND, kind = "gs1-impossible-date")
        IMPOSSIBLE_DATE,
        /** An application identifier OpenEBR does not read; its length is unknown, so nothing after it can be read. */
        @Declared(category = Category.NOT_FOUND, kind = "gs1-unknown-ai")
        UNKNOWN_AI,
        /** The code ends inside an element: a partial scan. */
        @Declared(category = Category.NOT_FOUND, kind = "gs1-truncated")
        TRUNCATED,
        /** Not a well-formed GS1 element string: a character it may not hold, too long, an element twice. */
        @Declared(category = Category.NOT_FOUND, kind = "gs1-malformed")
        MALFORMED,
        /** A well-formed GS1 code, but no container or lot of OpenEBR carries it. */
        @Declared(category = Category.NOT_FOUND, kind = "scan-no-match")
        NO_MATCH,
        /** Neither a GS1 code nor an id OpenEBR knows. */
        @Declared(category = Category.NOT_FOUND, kind = "scan-unknown-code")
        UNKNOWN_CODE,
        /** The id names things of two kinds (an equipment unit and a lot, say): a scan must name one. */
        @Declared(category = Category.NOT_FOUND, kind = "scan-ambiguous")
        AMBIGUOUS
    }

    public ScanRefused(Reason reason, String message) {
        super(reason, message);
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
