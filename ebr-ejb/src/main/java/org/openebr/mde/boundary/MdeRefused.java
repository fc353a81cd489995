package org.openebr.mde.boundary;

import java.util.List;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;
import org.openebr.platform.boundary.Refusal.Category;
import org.openebr.platform.boundary.Refusal.Declared;

/** A refused OPC UA configuration or machine-data request. */
public class MdeRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason implements Refusal.Reason {
        /** A field is missing or has the wrong form (an endpoint URL that is not opc.tcp, an unknown policy). */
        @Declared(category = Category.INVALID, kind = "opcua-connection-invalid")
        INVALID,
        /** The security policy None is for development servers only (EBR_OPCUA_ALLOW_NONE). */
        @Declared(category = Category.INVALID, kind = "opcua-security-none")
        SECURITY_NONE,
        @Declared(category = Category.CONFLICT, kind = "opcua-connection-exists")
        EXISTS,
        @Declared(category = Category.NOT_FOUND, kind = "opcua-connection-not-found")
        NOT_FOUND,
        /** The thumbprint to trust is not the one the server presents now (or the server presents none yet). */
        @Declared(category = Category.CONFLICT, kind = "opcua-thumbprint-mismatch")
        THUMBPRINT,
        /** A tag names an equipment unit that does not exist. */
        @Declared(category = Category.INVALID, kind = "opcua-tag-invalid")
        TAG_INVALID,
        @Declared(category = Category.CONFLICT, kind = "opcua-tag-exists")
        TAG_EXISTS,
        /** No equipment of the batch (or of the plant) has the tag a step reads. */
        @Declared(category = Category.CONFLICT, kind = "machine-tag-unbound")
        TAG_UNBOUND,
        /** The equipment's connection is down, or the server cannot give the value now. */
        @Declared(category = Category.CONFLICT, kind = "machine-value-unavailable")
        UNAVAILABLE,
        @Declared(category = Category.NOT_FOUND, kind = "equipment-alarm-not-found")
        ALARM_NOT_FOUND,
        /** Acknowledging an alarm needs a comment (Annex 11 draft §8). */
        @Declared(category = Category.INVALID, kind = "comment-required")
        COMMENT_REQUIRED,
        @Declared(category = Category.CONFLICT, kind = "equipment-alarm-acknowledged")
        ALARM_ACKNOWLEDGED;
    }

    public MdeRefused(Reason reason, String message) {
        super(reason, message);
    }

    public MdeRefused(Reason reason, String message, String field, String expected) {
        super(reason, message, List.of(new Violation(field, expected)));
    }

    public Reason reason() {
        return (Reason) refusal();
    }
}
