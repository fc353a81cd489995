package org.openebr.audit.boundary;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the audit trail's integrity.
 *
 * @param intact             true when every link, every revision's content and every checkpoint agree
 * @param linksChecked       links recomputed from the rows now in the database
 * @param chainHead          the chain hash at the last link (hex), null for an empty chain
 * @param pendingRevisions   committed revisions the chainer has not linked yet (normal for seconds)
 * @param checkpointsChecked signed checkpoints whose signature, time stamp and chain hash were checked
 * @param firstBadRevision   the first revision whose rows or link do not match, or null
 * @param firstBadPosition   its position in the chain, or null
 * @param problems           what was found, in words (empty when intact)
 * @param verifiedAt         when the check ran
 */
public record AuditVerification(boolean intact, long linksChecked, String chainHead, long pendingRevisions,
                                int checkpointsChecked, Long firstBadRevision, Long firstBadPosition,
                                List<String> problems, Instant verifiedAt) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }
}
