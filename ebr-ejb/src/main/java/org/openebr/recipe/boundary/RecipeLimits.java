package org.openebr.recipe.boundary;

/**
 * How long the texts of a recipe may be. They are read on screens, in batch records and in the
 * audit trail; a 50,000-character step name would flood every one of them. The validator refuses
 * longer texts at their place, and the screens' inputs stop at the same lengths.
 */
public final class RecipeLimits {

    /** A recipe id, the id of a unit procedure, operation or step, a parameter name. */
    public static final int ID = 64;

    /** A product, material, name, equipment class, machine tag or one choice. */
    public static final int NAME = 200;

    /** An instruction or a calculation formula. */
    public static final int TEXT = 2000;

    /**
     * Qualifications one operation or step may require: a handful in practice (gowning, the
     * operation's own); more is a mistake, and every one is checked against training records at
     * each step of every batch.
     */
    public static final int QUALIFICATIONS = 10;

    /** The reason for a change (as every reason the audit trail records). */
    public static final int REASON = 1000;

    private RecipeLimits() {
    }
}
