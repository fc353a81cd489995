package org.openebr.batch.entity;

/** What an entry of a step is. */
public enum EntryKind {
    /** The step's first recording. */
    ENTRY,
    /** A new value for the step, with a reason; the entry it replaces stays in the record. */
    CORRECTION,
    /** The result of a sample drawn at a SAMPLING step, entered later by QC/QA. */
    SAMPLE_RESULT
}
