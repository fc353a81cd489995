package org.openebr.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether this release may work on the database it is connected to: not while the database answers with a schema
 * at another version than the one this release was built for (a database nobody migrated after an upgrade with
 * {@code bin/ebr migrate}, or one a newer release migrated) or with a failed migration. A server on such a
 * database writes nothing: its start-up and timed jobs skip their work, and every request but the health check is
 * answered 503 with the reason. Once the schema matched, the gate stays open (a schema does not go back); while it
 * does not, the database is asked again at most every few seconds. A database that cannot be reached at all is not
 * the gate's business: requests fail as they do in any outage (503, try again).
 */
@ApplicationScoped
public class SchemaGate {

    private static final Logger LOG = Logger.getLogger(SchemaGate.class.getName());
    private static final Duration ASK_AGAIN = Duration.ofSeconds(5);

    @Inject
    SystemHealth health;

    private volatile boolean matched;
    private volatile Instant askedAt = Instant.MIN;
    private volatile String refusal;

    /** Why this release must not work on the database now, in words; empty when it may. */
    public Optional<String> refusal() {
        if (matched) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (now.isAfter(askedAt.plus(ASK_AGAIN))) {
            synchronized (this) {
                if (!matched && now.isAfter(askedAt.plus(ASK_AGAIN))) {
                    ask();
                    askedAt = now;
                }
            }
        }
        return Optional.ofNullable(refusal);
    }

    /** True when the job may run; otherwise logs that it was skipped, and why. */
    public boolean allows(String job) {
        Optional<String> why = refusal();
        why.ifPresent(reason -> LOG.severe(() -> job + " skipped: " + reason));
        return why.isEmpty();
    }

    private void ask() {
        HealthReport report = health.check();
        if (report.up()) {
            matched = true;
            refusal = null;
        } else if (report.databaseReachable()) {
            refusal = "OpenEBR is not in service: the database's " + report.detail() + ". An administrator stops the"
                    + " server, runs bin/ebr migrate with this release (after a backup: bin/ebr backup) and starts it"
                    + " again; nothing was read or written.";
        } else {
            refusal = null; // an outage, not a schema mismatch: asked again next time
        }
    }
}
