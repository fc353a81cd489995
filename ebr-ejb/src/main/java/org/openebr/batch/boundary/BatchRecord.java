package org.openebr.batch.boundary;

import java.time.Instant;
import java.util.List;
import org.openebr.signature.boundary.Signatures;

/**
 * The electronic batch record of one batch: the batch as it stands, every entry in the order it was
 * made, every signature of its steps and status changes, and every refusal of a gate.
 */
public record BatchRecord(BatchDetail batch, List<EntryFacts> entries, List<Signatures.Manifestation> signatures,
                          List<Refusal> refusals, List<Overrides.OverrideFacts> overrides) {

    /** A gate that refused someone on a step. */
    public record Refusal(String stepId, String kind, String message, String refusedTo, Instant refusedAt) {
    }
}
