package org.openebr.erp.control;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openebr.erp.entity.ErpMessage;

/**
 * Pushes the outbox to the ERP (EBR_ERP_URL), a pass a second after the last one ended: the due messages oldest first, each batch's in
 * its order, one attempt at a time, each outcome committed before the next. At least once: a message the
 * ERP took but whose answer was lost (a time-out, a restart of OpenEBR) is sent again with the same
 * {@code X-Message-Id}. The outbox lives in the database, so a restart or an ERP outage of any length
 * loses nothing; the timer is not persistent, a started server simply resumes.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ErpRelay {

    private static final Logger LOG = Logger.getLogger(ErpRelay.class.getName());
    static final long INTERVAL_MS = 1_000;
    private static final int BATCH = 50;

    @Resource
    TimerService timers;

    @Inject
    SchemaGate schemaGate;

    @Inject
    ErpSettings settings;

    @Inject
    ErpDeliveries deliveries;

    @Inject
    ErpPush push;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        if (settings.url().isEmpty()) {
            LOG.info("ERP relay off: EBR_ERP_URL is not set (the ERP may pull GET /api/v1/erp/confirmations)");
            return;
        }
        if (!schemaGate.allows("ERP relay")) {
            return;
        }
        LOG.info(() -> "ERP relay pushes confirmations to " + settings.url().get() + " as " + settings.format());
        next();
    }

    /** The next pass a second after this one ended: a slow ERP never makes passes overlap. */
    private void next() {
        timers.createSingleActionTimer(INTERVAL_MS, new TimerConfig("erp-relay", false));
    }

    @Timeout
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ERP relay pass failed; the next pass retries", e);
        } finally {
            running.set(false);
            next();
        }
    }

    /** Delivers until nothing is due; returns how many attempts it made. */
    int pass() {
        URI url = settings.url().orElseThrow();
        int attempts = 0;
        while (true) {
            List<ErpMessage> due = deliveries.due(BATCH);
            if (due.isEmpty()) {
                return attempts;
            }
            boolean anyDelivered = false;
            java.util.Set<String> failedBatches = new java.util.HashSet<>();
            for (ErpMessage m : due) {
                if (failedBatches.contains(m.batchId())) {
                    continue;
                }
                ErpPush.Outcome outcome = push.push(m, url);
                deliveries.attempted(m.messageId(), outcome);
                attempts++;
                if (outcome.delivered()) {
                    anyDelivered = true;
                } else {
                    failedBatches.add(m.batchId());
                    LOG.fine(() -> "ERP message " + m.messageId() + " not delivered: " + outcome.detail());
                }
            }
            if (!anyDelivered) {
                return attempts; // the ERP is down or refuses: wait for the backoff
            }
        }
    }
}
