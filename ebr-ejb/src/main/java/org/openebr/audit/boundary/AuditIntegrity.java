package org.openebr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openebr.audit.control.AuditJobs;
import org.openebr.audit.control.ChainKeeper;
import org.openebr.audit.control.CheckpointSet;
import org.openebr.audit.control.Checkpoints;
import org.openebr.identity.boundary.SecurityEventType;
import org.openebr.identity.boundary.SecurityLog;

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

    @Inject
    SecurityLog securityLog;

    @Resource
    SessionContext session;

    /** The CA certificate (PEM) that verifies checkpoints, time stamps and, later, signatures. */
    public String caCertificatePem() {
        return checkpoints.caCertificatePem();
    }

    public AuditVerification verify() {
        return jobs.verifyAndAlert();
    }

    /** Links what has committed and signs the head; empty while the audit trail is empty. Recorded as a security event. */
    public Optional<CheckpointInfo> checkpointNow() {
        keeper.extend(true);
        Optional<CheckpointInfo> written = keeper.checkpoint().map(AuditIntegrity::info);
        written.ifPresent(c -> securityLog.recordSeparately(SecurityEventType.AUDIT_CHECKPOINT_WRITTEN,
                session.getCallerPrincipal().getName(), null,
                "signed checkpoint " + c.fileName() + " of link " + c.position() + " on request", null));
        return written;
    }

    private static CheckpointInfo info(CheckpointSet.Checkpoint c) {
        return new CheckpointInfo(c.fileName(), c.position(), c.revision(),
                java.util.HexFormat.of().formatHex(c.chainHash()), c.createdAt());
    }
}
