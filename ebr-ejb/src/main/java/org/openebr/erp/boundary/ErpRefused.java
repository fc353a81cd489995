package org.openebr.erp.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;
import org.openebr.platform.boundary.Refusal.Category;
import org.openebr.platform.boundary.Refusal.Declared;

/** A refused ERP order or interface command. */
public class ErpRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** A field is missing or has the wrong form (negative quantity, bad date). */
        @Declared(category = Category.INVALID, kind = "erp-order-invalid")
        INVALID,
        /** No effective recipe makes the material the order names. */
        @Declared(category = Category.INVALID, kind = "erp-material-unknown")
        UNKNOWN_MATERIAL,
        /** The XML is not well-formed or not valid against the B2MML schema. */
        @Declared(category = Category.INVALID, kind = "erp-schema-invalid")
        SCHEMA_INVALID,
        /** The order changed after its batch was dispatched: the shop floor works from the plan it has. */
        @Declared(category = Category.CONFLICT, kind = "erp-order-dispatched")
        DISPATCHED,
        @Declared(category = Category.NOT_FOUND, kind = "erp-message-not-found")
        MESSAGE_NOT_FOUND,
        /** Only a parked message is retried by hand; a pending one is on its way. */
        @Declared(category = Category.CONFLICT, kind = "erp-message-not-parked")
        NOT_PARKED,
        @Declared(category = Category.INVALID, kind = "erp-cursor-invalid")
        CURSOR;
    }

    public ErpRefused(Reason reason, String message) {
        super(reason, message);
    }

    public ErpRefused(Reason reason, String message, String field, String expected) {
        super(reason, message, List.of(new Violation(field, expected)));
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
