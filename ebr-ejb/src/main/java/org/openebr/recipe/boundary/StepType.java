package org.openebr.recipe.boundary;

/** What kind of work a step is, and so which of its fields must be filled in. */
public enum StepType {
    /** Read and acknowledge. */
    INSTRUCTION,
    /** A measured value against limits (IPC, CPP). */
    NUMERIC_ENTRY,
    TEXT_ENTRY,
    /** One of at least two predefined answers. */
    CHOICE_ENTRY,
    /** A value computed by a formula over earlier values and recipe parameters. */
    CALCULATION,
    /** Weighing or charging a material, with tolerance. */
    MATERIAL_CHARGE,
    /** Equipment of a class must be present, clean and calibrated. */
    EQUIPMENT_CHECK,
    /** A sample is drawn; its result may come later, from QC. */
    SAMPLING,
    /** A value captured from a machine tag rather than typed in. */
    MACHINE_VALUE
}
