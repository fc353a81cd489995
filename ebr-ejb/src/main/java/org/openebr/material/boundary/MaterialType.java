package org.openebr.material.boundary;

/** What a material is in the process (ISA-95 material class). */
public enum MaterialType {
    /** Active pharmaceutical ingredient: a controlled material (four eyes at dispensing, signed hand-over). */
    API,
    EXCIPIENT,
    SOLVENT,
    PACKAGING,
    INTERMEDIATE,
    FINISHED_GOOD;

    /**
     * Whether the material is controlled: its dispensing needs a second person's verification and
     * every hand-over of its containers the receiving person's signature (EU GMP 5.12, 5.34).
     */
    public boolean controlled() {
        return this == API;
    }
}
