package org.openebr.audit.control;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openebr.audit.boundary.AuditVerification;
import org.openebr.identity.boundary.SecurityEventType;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.platform.control.ChangeContext;
import org.openebr.trust.control.Keys;

/**
 * The audit trail's own schedule: links committed revisions every two seconds, writes a signed
 * checkpoint every EBR_AUDIT_CHECKPOINT_MINUTES, verifies the whole trail every
 * EBR_AUDIT_VERIFY_MINUTES and raises a security alert when a check fails. Runs the start-up
 * self-check first. Timers are not persistent: a server that was down simply resumes.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditJobs {

    private static final Logger LOG = Logger.getLogger(AuditJobs.class.getName());
    static final long CHAIN_INTERVAL_MS = 2_000;

    private enum Job { CHAIN, CHECKPOINT, VERIFY }

    @Resource
    TimerService timers;

    @Inject
    SchemaGate schemaGate;

    @Inject
    ChainKeeper keeper;

    @Inject
    AuditSelfCheck selfCheck;

    @Inject
    AuditSettings settings;

    @Inject
    Keys keys;

    @Inject
    SecurityLog securityLog;

    private volatile List<String> selfCheckProblems = List.of();
    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        if (!schemaGate.allows("Audit trail self-check, chain and checkpoints")) {
            return;
        }
        selfCheckProblems = List.copyOf(selfCheck.problems());
        if (selfCheckProblems.isEmpty()) {
            LOG.info("Audit trail self-check passed: every entity audited, audit tables append-only");
        } else {
            LOG.severe(() -> "Audit trail self-check FAILED: " + selfCheckProblems);
            alert("audit trail self-check failed at start-up: " + String.join(" ", selfCheckProblems));
        }
        if (keys.developmentKeyPassword()) {
            LOG.warning("EBR_KEY_PASSWORD is not set: the key store is protected by the development password");
        }
        try {
            int linked = keeper.extend(true);
            LOG.info(() -> "Audit chain: " + linked + " revision(s) linked at start-up");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit chain could not be extended at start-up", e);
        }
        // what the previous run linked after its last checkpoint (e.g. before a kill -9) is covered now
        checkpoint();
        timers.createIntervalTimer(CHAIN_INTERVAL_MS, CHAIN_INTERVAL_MS, new TimerConfig(Job.CHAIN, false));
        long checkpointMs = settings.checkpointMinutes() * 60_000L;
        timers.createIntervalTimer(checkpointMs, checkpointMs, new TimerConfig(Job.CHECKPOINT, false));
        long verifyMs = settings.verifyMinutes() * 60_000L;
        timers.createIntervalTimer(verifyMs, verifyMs, new TimerConfig(Job.VERIFY, false));
    }

    /** Problems the start-up self-check found; empty when the audit trail is fully in force. */
    public List<String> selfCheckProblems() {
        return selfCheckProblems;
    }

    @Timeout
    void run(Timer timer) {
        Job job = (Job) timer.getInfo();
        if (job == Job.CHAIN) {
            // a slow pass (thousands of revisions) must not pile up passes behind it
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                keeper.extendIfIdle();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Audit chain pass failed; the next pass retries", e);
            } finally {
                running.set(false);
            }
        } else if (job == Job.CHECKPOINT) {
            checkpoint();
        } else {
            verifyAndAlert();
        }
    }

    /**
     * A verification that raises a security alert when the trail is not intact, or cannot be
     * checked. One at a time: concurrent requests wait rather than pile up on the database.
     */
    public synchronized AuditVerification verifyAndAlert() {
        try {
            keeper.extend(true);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit chain could not be extended before verification", e);
        }
        // the self-check again: a trigger disabled or a privilege granted since start-up is a finding too
        selfCheckProblems = List.copyOf(selfCheck.problems());
        AuditVerification result;
        try {
            result = keeper.verify(selfCheckProblems);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit trail could not be verified", e);
            alert("audit trail could not be verified: " + e.getMessage());
            throw e;
        }
        if (!result.intact()) {
            LOG.severe(() -> "Audit trail verification FAILED: " + result.problems());
            alert("audit trail verification failed"
                    + (result.firstBadRevision() == null ? "" : " at revision " + result.firstBadRevision()) + ": "
                    + String.join(" ", result.problems()));
        }
        return result;
    }

    void checkpoint() {
        try {
            keeper.extend(false);
            keeper.checkpoint();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit checkpoint could not be written", e);
            securityLog.recordSeparately(SecurityEventType.AUDIT_CHECKPOINT_FAILED, ChangeContext.SYSTEM, null,
                    "signed audit checkpoint could not be written: " + e.getMessage(), null);
        }
    }

    private void alert(String detail) {
        securityLog.recordSeparately(SecurityEventType.AUDIT_INTEGRITY_FAILURE, ChangeContext.SYSTEM, null,
                detail.length() > 2000 ? detail.substring(0, 1997) + "..." : detail, null);
    }
}
