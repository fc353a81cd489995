package org.openebr.validation;

/** One row of the requirement catalogue. */
record Requirement(String id, String section, String source, String text, String proof) {
}
