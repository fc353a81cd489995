package org.openebr.labeling.boundary;

import java.util.Objects;

/**
 * What a scan resolved to.
 *
 * @param kind        container, lot or equipment unit
 * @param id          its OpenEBR id (container id, internal lot id, equipment id)
 * @param description what it is, in words for the person holding the scanner
 *                    ({@code container C-... of lot L-2026-000123, Demoprofen (API)})
 * @param gs1         the GS1 data read from the code, or {@code null} when a plain id was scanned
 */
public record Scanned(ScanKind kind, String id, String description, Gs1Code gs1) {

    public Scanned {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }

    /** The same thing, with the GS1 data it was scanned from. */
    public Scanned from(Gs1Code code) {
        return new Scanned(kind, id, description, code);
    }
}
