package org.openebr.audit.control;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openebr.audit.boundary.AuditVerification;

/**
 * Recomputes the whole chain from the rows in the database and compares it with the stored links
 * and with the signed checkpoints. It finds:
 * <ul>
 *   <li>an edited, deleted or inserted audit row, or an edited revision row: the revision's
 *       recomputed content hash differs from the one linked when it committed;</li>
 *   <li>a reordered, removed or forged link: a gap in positions or a chain hash that does not follow;</li>
 *   <li>a superuser who changed rows and recomputed every later link: the chain no longer leads to the
 *       chain hash that a checkpoint, signed outside the database, recorded for that position.</li>
 * </ul>
 * Plain Java over JDBC: the server's REST endpoint and scheduled job and the offline
 * {@code bin/ebr verify-audit} run the same code.
 */
public final class AuditChainVerifier {

    static final int BATCH = 500;

    private AuditChainVerifier() {
    }

    /**
     * @param checkpoints checkpoints to hold the chain against; each already verified (signature and
     *                    time stamp), with the problems of those that did not verify
     */
    public static AuditVerification verify(AuditChainStore store, CheckpointSet checkpoints, Clock clock) throws SQLException {
        return verify(store, checkpoints, null, clock);
    }

    /**
     * @param maxUncovered how long a link may stay without a checkpoint covering it (twice the
     *                     checkpoint interval and some slack); null not to check. Older uncovered
     *                     links mean the checkpoint job fails or checkpoints were removed, and links
     *                     at the end of the chain that no checkpoint covers could be cut off unseen.
     */
    public static AuditVerification verify(AuditChainStore store, CheckpointSet checkpoints, Duration maxUncovered,
                                           Clock clock) throws SQLException {
        Instant now = clock.instant();
        long coveredUpTo = checkpoints.valid().stream().mapToLong(CheckpointSet.Checkpoint::position).max().orElse(0);
        Instant firstUncoveredChainedAt = null;
        long firstUncovered = 0;
        List<String> problems = new ArrayList<>(checkpoints.problems());
        Map<Long, CheckpointSet.Checkpoint> byPosition = new HashMap<>();
        for (CheckpointSet.Checkpoint checkpoint : checkpoints.valid()) {
            byPosition.put(checkpoint.position(), checkpoint);
        }
        byte[] chainHash = CanonicalRevision.GENESIS;
        long expected = 1;
        long checked = 0;
        int checkpointsChecked = 0;
        Long badRevision = null;
        Long badPosition = null;
        scan:
        while (true) {
            List<AuditChainStore.Link> links = store.links(expected, BATCH);
            if (links.isEmpty()) {
                break;
            }
            Map<Long, byte[]> contents = store.canonical(links.stream().map(AuditChainStore.Link::revisionId).toList());
            for (AuditChainStore.Link link : links) {
                if (link.position() != expected) {
                    problems.add("Link " + expected + " of the chain is missing (the next one is " + link.position()
                            + "): a revision was removed from the chain.");
                    badPosition = expected;
                    badRevision = link.revisionId();
                    break scan;
                }
                byte[] content = contents.get(link.revisionId());
                if (content == null) {
                    problems.add("Revision " + link.revisionId() + " (link " + link.position()
                            + ") is no longer in the database: it was deleted.");
                    badPosition = link.position();
                    badRevision = link.revisionId();
                    break scan;
                }
                byte[] contentHash = CanonicalRevision.sha256(content);
                if (!Arrays.equals(contentHash, link.contentHash())) {
                    problems.add("Revision " + link.revisionId() + " (link " + link.position() + ") was altered after it"
                            + " was recorded: its revision row or audit rows were edited, deleted or added.");
                    badPosition = link.position();
                    badRevision = link.revisionId();
                    break scan;
                }
                chainHash = CanonicalRevision.link(chainHash, contentHash);
                if (!Arrays.equals(chainHash, link.chainHash())) {
                    problems.add("The chain is broken at link " + link.position() + " (revision " + link.revisionId()
                            + "): links were reordered, removed or forged.");
                    badPosition = link.position();
                    badRevision = link.revisionId();
                    break scan;
                }
                CheckpointSet.Checkpoint checkpoint = byPosition.remove(link.position());
                if (checkpoint != null) {
                    checkpointsChecked++;
                    if (!Arrays.equals(chainHash, checkpoint.chainHash())) {
                        problems.add("Checkpoint " + checkpoint.fileName() + " (signed " + checkpoint.createdAt()
                                + ") recorded another chain at link " + link.position() + ": the audit trail up to revision "
                                + link.revisionId() + " was rewritten and its chain recomputed.");
                        badPosition = link.position();
                        badRevision = link.revisionId();
                        break scan;
                    }
                }
                if (link.position() == coveredUpTo + 1) {
                    firstUncovered = link.position();
                    firstUncoveredChainedAt = link.chainedAt();
                }
                checked++;
                expected++;
            }
        }
        if (badPosition == null) {
            for (CheckpointSet.Checkpoint checkpoint : byPosition.values()) {
                problems.add("Checkpoint " + checkpoint.fileName() + " covers link " + checkpoint.position()
                        + " but the chain ends at link " + (expected - 1) + ": links were removed.");
                if (badPosition == null || checkpoint.position() < badPosition) {
                    badPosition = checkpoint.position();
                    badRevision = checkpoint.revision();
                }
            }
        }
        if (badPosition == null && maxUncovered != null && firstUncoveredChainedAt != null
                && firstUncoveredChainedAt.isBefore(now.minus(maxUncovered))) {
            problems.add("Links from " + firstUncovered + " on (the first chained at " + firstUncoveredChainedAt
                    + ") are covered by no signed checkpoint, although checkpoints are due far more often: the"
                    + " checkpoint job fails or checkpoints were removed, and the end of the chain could be cut off"
                    + " unseen. A server writes a checkpoint when it starts; check the checkpoint directory.");
        }
        problems.addAll(store.recordsDifferingFromTheirTrail());
        AuditChainStore.Pending pending = store.pending();
        boolean intact = problems.isEmpty();
        return new AuditVerification(intact, checked, checked == 0 ? null : CanonicalRevision.hex(chainHash),
                pending.count(), checkpointsChecked, badRevision, badPosition, problems, now);
    }
}
