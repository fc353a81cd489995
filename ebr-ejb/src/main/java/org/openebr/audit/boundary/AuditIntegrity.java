package org.openebr.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openebr.audit.control.AuditJobs;
import org.openebr.audit.control.ChainKeeper;
import org.openebr.audit.control.CheckpointSet;
import org.openebr.audit.control.Checkpoints;

/**
 * Integrity of the audit trail on request: verify it now (the same check as the scheduled job and
 * {@code bin/ebr verify-audit}), or sign a checkpoint of the chain head now, e.g. before an
 * inspection or a backup. Neither changes GMP data.
 */
@Stateless
@RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER", "ADMIN"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditIntegrity {

    /** A checkpoint as reported: where it is and what it covers. */
    public record CheckpointInfo(String fileName, long position, long revision, String chainHash, java.time.Instant createdAt) {
    }

    @Inject
    AuditJobs jobs;

    @Inject
    ChainKeeper keeper;

    @Inject
    Checkpoints checkpoints;

    /** The CA certificate (PEM) that verifies checkpoints, time stamps and, later, signatures. */
    public String caCertificatePem() {
        return checkpoints.caCertificatePem();
    }

    public AuditVerification verify() {
        return jobs.verifyAndAlert();
    }

    /** Links what has committed and signs the head; empty while the audit trail is empty. */
    public Optional<CheckpointInfo> checkpointNow() {
        keeper.extend(true);
        return keeper.checkpoint().map(AuditIntegrity::info);
    }

    private static CheckpointInfo info(CheckpointSet.Checkpoint c) {
        return new CheckpointInfo(c.fileName(), c.position(), c.revision(),
                java.util.HexFormat.of().formatHex(c.chainHash()), c.createdAt());
    }
}
