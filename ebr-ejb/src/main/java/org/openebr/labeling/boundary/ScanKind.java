package org.openebr.labeling.boundary;

/** What a scanned code names. */
public enum ScanKind {
    CONTAINER("container"),
    LOT("lot"),
    EQUIPMENT("equipment unit");

    private final String words;

    ScanKind(String words) {
        this.words = words;
    }

    /** The kind in a sentence: "no container of it". */
    public String words() {
        return words;
    }
}
