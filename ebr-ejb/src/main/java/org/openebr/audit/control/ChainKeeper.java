package org.openebr.audit.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openebr.audit.boundary.AuditVerification;

/**
 * Keeps the hash chain: links committed revisions, writes signed checkpoints, verifies. Called by
 * the scheduled jobs ({@link AuditJobs}) and, behind their role checks, by the audit boundary.
 */
@Stateless
@PermitAll
public class ChainKeeper {

    /**
     * The regular pass looks this far back for revisions to link. A revision is recorded moments
     * before its commit and transactions time out after 5 minutes, so nothing committed since
     * the previous pass is older; a full pass at start-up and before every verification catches
     * what a stopped server left behind.
     */
    static final Duration WINDOW = Duration.ofMinutes(10);

    @Resource(lookup = "java:jboss/datasources/EbrDS")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    AuditSettings settings;

    @Inject
    Checkpoints checkpoints;

    /** Links what has committed (waiting for another chainer if need be); returns how many revisions were linked. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int extend(boolean everything) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            return AuditChainer.extend(new AuditChainStore(connection), everything ? null : now.minus(WINDOW), now);
        } catch (SQLException e) {
            throw new IllegalStateException("extending the audit chain failed: SQLSTATE " + e.getSQLState(), e);
        }
    }

    /** The regular pass: skipped when another chainer (another server) is at work. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int extendIfIdle() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            return AuditChainer.extendIfIdle(new AuditChainStore(connection), now.minus(WINDOW), now);
        } catch (SQLException e) {
            throw new IllegalStateException("extending the audit chain failed: SQLSTATE " + e.getSQLState(), e);
        }
    }

    /**
     * Recomputes the chain from the database and holds it against every signed checkpoint. Read-only,
     * and outside a JTA transaction: a long trail takes longer than a transaction may last.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditVerification verify(List<String> selfCheckProblems) {
        Duration maxUncovered = Duration.ofMinutes(2L * settings.checkpointMinutes() + 10);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            AuditVerification result;
            try {
                result = AuditChainVerifier.verify(new AuditChainStore(connection), checkpoints.load(), maxUncovered, clock);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
            if (selfCheckProblems.isEmpty()) {
                return result;
            }
            List<String> problems = new ArrayList<>(selfCheckProblems);
            problems.addAll(result.problems());
            return new AuditVerification(false, result.linksChecked(), result.chainHead(), result.pendingRevisions(),
                    result.checkpointsChecked(), result.firstBadRevision(), result.firstBadPosition(), problems,
                    result.verifiedAt());
        } catch (SQLException e) {
            throw new IllegalStateException("verifying the audit chain failed: SQLSTATE " + e.getSQLState(), e);
        }
    }

    /**
     * Signs the chain head into a checkpoint outside the database, unless the newest checkpoint
     * already covers it. Empty when the chain is still empty.
     */
    public Optional<CheckpointSet.Checkpoint> checkpoint() {
        try (Connection connection = dataSource.getConnection()) {
            AuditChainStore.Link head = new AuditChainStore(connection).lastLink();
            if (head == null) {
                return Optional.empty();
            }
            return Optional.of(checkpoints.write(head));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit chain head failed: SQLSTATE " + e.getSQLState(), e);
        }
    }
}
