package org.openebr.identity.boundary;

/**
 * The roles of OpenEBR. Human roles are for people; {@link #ERP_INTERFACE} is for the technical
 * account of the ERP, which can neither use the UI nor sign.
 */
public enum Role {
    OPERATOR(Kind.GMP),
    SUPERVISOR(Kind.GMP),
    RECIPE_AUTHOR(Kind.GMP),
    RECIPE_APPROVER(Kind.GMP),
    QA_REVIEWER(Kind.GMP),
    QA_RELEASER(Kind.GMP),
    /** Receives goods, prints labels, moves containers (EU GMP Chapter 5). */
    WAREHOUSE(Kind.GMP),
    /** Calibrates, maintains and records the qualification status of equipment (EU GMP 3.34-3.44). */
    MAINTENANCE(Kind.GMP),
    INSPECTOR(Kind.READ_ONLY),
    ADMIN(Kind.ADMINISTRATION),
    ERP_INTERFACE(Kind.TECHNICAL);

    /** What a role is for; segregation of duties is defined over these kinds. */
    public enum Kind { GMP, READ_ONLY, ADMINISTRATION, TECHNICAL }

    private final Kind kind;

    Role(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean technical() {
        return kind == Kind.TECHNICAL;
    }
}
