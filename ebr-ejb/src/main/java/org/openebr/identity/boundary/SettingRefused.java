package org.openebr.identity.boundary;

import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;

/** A change of a system setting that the change-control rules refuse, with its reason. */
public class SettingRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal. */
    public enum Reason implements Refusal.Reason {
        @Declared(category = Category.MALFORMED, kind = "incomplete-setting-change")
        INCOMPLETE,
        @Declared(category = Category.INVALID, kind = "unknown-setting")
        UNKNOWN_SETTING,
        @Declared(category = Category.INVALID, kind = "invalid-setting-value")
        INVALID_VALUE,
        @Declared(category = Category.CONFLICT, kind = "setting-change-open")
        OPEN_CHANGE,
        @Declared(category = Category.NOT_FOUND, kind = "unknown-setting-change")
        UNKNOWN_CHANGE;
    }

    public SettingRefused(Reason reason, String message) {
        super(reason, message);
    }
}
