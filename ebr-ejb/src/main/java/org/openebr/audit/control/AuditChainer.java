package org.openebr.audit.control;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Appends committed revisions to the hash chain, in the order the chainer sees them committed.
 *
 * <p>Why after commit and not inside each business transaction: a link needs the previous link,
 * so computing it inside the transaction would make every writing transaction in the plant wait
 * for the one before it to commit. Here business transactions never wait for each other; one
 * chainer (one at a time across a cluster, by an advisory lock) links what has committed, a few
 * milliseconds to seconds later. A revision is linked only after it committed, and a link once
 * written never changes.
 */
public final class AuditChainer {

    static final int BATCH = 200;

    private AuditChainer() {
    }

    /**
     * @param since only revisions recorded since then (the regular pass), or null for all (start-up,
     *              verification)
     * @return how many revisions were linked
     */
    public static int extend(AuditChainStore store, Instant since, Instant now) throws SQLException {
        store.lockChain();
        return extendLocked(store, since, now);
    }

    /** The regular pass: when another chainer is at work, it does this pass's work too. */
    public static int extendIfIdle(AuditChainStore store, Instant since, Instant now) throws SQLException {
        return store.tryLockChain() ? extendLocked(store, since, now) : 0;
    }

    private static int extendLocked(AuditChainStore store, Instant since, Instant now) throws SQLException {
        AuditChainStore.Link last = store.lastLink();
        long position = last == null ? 0 : last.position();
        byte[] chainHash = last == null ? CanonicalRevision.GENESIS : last.chainHash();
        int linked = 0;
        while (true) {
            List<Long> ids = store.unchained(since, BATCH);
            if (ids.isEmpty()) {
                return linked;
            }
            Map<Long, byte[]> contents = store.canonical(ids);
            for (Map.Entry<Long, byte[]> revision : contents.entrySet()) {
                byte[] contentHash = CanonicalRevision.sha256(revision.getValue());
                chainHash = CanonicalRevision.link(chainHash, contentHash);
                store.append(new AuditChainStore.Link(++position, revision.getKey(), contentHash, chainHash, now));
                linked++;
            }
            if (ids.size() < BATCH) {
                return linked;
            }
        }
    }
}
