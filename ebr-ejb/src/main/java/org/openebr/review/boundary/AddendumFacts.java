package org.openebr.review.boundary;

import java.time.Instant;
import java.util.List;
import org.openebr.signature.boundary.Signatures;

/** An addendum to a decided batch, with its signatures. */
public record AddendumFacts(String batchId, int addendum, String subject, String text, String recordedBy,
                            Instant recordedAt, List<Signatures.Manifestation> signatures) {
}
