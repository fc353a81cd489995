package org.openebr.audit.boundary;

/**
 * One field of one record in one revision: its value before and after. {@code oldValue} is null
 * when the record was created; both are the database's text form of the value, null for no value.
 */
public record FieldChange(String field, String oldValue, String newValue) {
}
