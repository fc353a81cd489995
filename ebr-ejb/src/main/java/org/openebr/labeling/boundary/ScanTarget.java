package org.openebr.labeling.boundary;

import java.util.Optional;

/**
 * A kind of thing a scan may name, implemented by the component that owns it (containers and lots
 * by materials, units by equipment) as a CDI bean: the scan service asks every target and knows
 * none of them. A target answers only for its own things and never throws for "not mine".
 */
public interface ScanTarget {

    /** The kind this target resolves; a refusal says "no container of it". */
    ScanKind kind();

    /** The thing whose OpenEBR id (or printed barcode) is exactly {@code id}, if this target has it. */
    Optional<Scanned> byId(String id);

    /**
     * The thing a GS1 code names, if this target has it: a container by its serial (21), a lot by
     * GTIN and lot (10). The GTIN must be the one of the thing's material: a container id printed
     * under another material's GTIN is not that container.
     */
    Optional<Scanned> byGs1(Gs1Code code);
}
