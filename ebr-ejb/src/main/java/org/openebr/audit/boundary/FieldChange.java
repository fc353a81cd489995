package org.openebr.audit.boundary;

import java.util.List;

/**
 * One field of one record in one revision: its value before and after. {@code oldValue} is null
 * when the record was created; both are the database's text form of the value, null for no value.
 *
 * @param readable the change in words for a value too large to read as text (a recipe document):
 *                 one line per element changed, as the version comparison states it. Empty when the
 *                 old and new value read well as they are. The values themselves are always kept.
 */
public record FieldChange(String field, String oldValue, String newValue, List<String> readable) {

    public FieldChange {
        readable = readable == null ? List.of() : List.copyOf(readable);
    }

    public FieldChange(String field, String oldValue, String newValue) {
        this(field, oldValue, newValue, List.of());
    }

    public FieldChange withReadable(List<String> lines) {
        return new FieldChange(field, oldValue, newValue, lines);
    }
}
