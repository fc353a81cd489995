package org.openebr.signature.boundary;

/** What a signature means (21 CFR 11.50(a)(3)); each record type says which meanings it takes and from whom. */
public enum Meaning {
    PERFORMED, VERIFIED, REVIEWED, APPROVED, RELEASED, REJECTED
}
