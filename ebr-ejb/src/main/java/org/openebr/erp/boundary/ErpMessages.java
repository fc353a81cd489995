package org.openebr.erp.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openebr.erp.control.ErpDocuments;
import org.openebr.erp.control.ErpSettings;
import org.openebr.erp.control.ErpStore;
import org.openebr.erp.entity.ErpDelivery;
import org.openebr.erp.entity.ErpMessage;
import org.openebr.platform.control.ChangeContext;

/**
 * The outbox as people and the ERP see it: the interface monitor (pending, delivered, parked, with each
 * attempt), an administrator's retry of a parked message, and the feed for an ERP that pulls.
 */
@Stateless
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class ErpMessages {

    /** The most messages one page of the monitor or the feed holds. */
    public static final int PAGE = 200;

    /** One message with its delivery state. */
    public record MessageFacts(long position, UUID messageId, String batchId, int sequence, String kind, Instant createdAt,
                               String state, int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt) {
    }

    /** One attempt or retry. */
    public record AttemptFacts(int attempt, Instant at, String outcome, Integer httpStatus, String detail, String by) {
    }

    /** A message whole: its facts, its content, its attempts. */
    public record MessageDetail(MessageFacts message, String body, List<AttemptFacts> attempts) {
    }

    /** The counts the monitor shows, and where messages go. */
    public record Overview(long pending, long delivered, long parked, String pushUrl, String format, int maxAttempts) {
    }

    /** A page of the feed: the confirmations after a cursor and the cursor to ask with next. */
    public record Feed(long after, long next, List<String> confirmations) {
    }

    @Inject
    ErpStore store;

    @Inject
    ErpSettings settings;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public Overview overview() {
        return new Overview(store.count(ErpMessage.State.PENDING), store.count(ErpMessage.State.DELIVERED),
                store.count(ErpMessage.State.PARKED), settings.url().map(Object::toString).orElse(null),
                settings.format().name().toLowerCase(java.util.Locale.ROOT), settings.maxAttempts());
    }

    /** The newest messages, all or in one state. */
    @RolesAllowed({"ADMIN", "SUPERVISOR", "ERP_INTERFACE"})
    public List<MessageFacts> messages(String state, int limit) {
        ErpMessage.State wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = ErpMessage.State.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ErpRefused(ErpRefused.Reason.INVALID, "state is pending, delivered or parked, not " + state + ".",
                        "state", "pending, delivered or parked");
            }
        }
        return store.messages(wanted, Math.max(1, Math.min(limit, PAGE))).stream().map(ErpMessages::facts).toList();
    }

    /** The messages parked now (delivery given up until someone retries them), for the periodic review. */
    @RolesAllowed({"ADMIN", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public List<MessageFacts> parked(int limit) {
        return messages("PARKED", limit);
    }

    /** How many messages are parked now (all of them, not one page). */
    @RolesAllowed({"ADMIN", "SUPERVISOR", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
    public long parkedCount() {
        return overview().parked();
    }

    @RolesAllowed({"ADMIN", "SUPERVISOR", "ERP_INTERFACE"})
    public MessageDetail message(UUID messageId) {
        ErpMessage m = store.message(messageId).orElseThrow(() -> notFound(messageId));
        return new MessageDetail(facts(m), m.body(), store.deliveries(messageId).stream().map(ErpMessages::attempt)
                .toList());
    }

    /**
     * A message as B2MML {@code OperationsPerformance}: what the relay sends with EBR_ERP_FORMAT=b2mml, to look
     * at or to check against the schema, whatever the configured format.
     */
    @RolesAllowed({"ADMIN", "SUPERVISOR", "ERP_INTERFACE"})
    public String b2mml(UUID messageId) {
        ErpMessage m = store.message(messageId).orElseThrow(() -> notFound(messageId));
        return org.openebr.erp.control.ErpB2mml.performance(ErpDocuments.parse(m.body()));
    }

    /** A parked message back to pending, its attempts counted afresh; the retry is logged with who asked. */
    @RolesAllowed("ADMIN")
    public MessageFacts retry(UUID messageId, String reason) {
        ErpMessage m = store.messageLocked(messageId).orElseThrow(() -> notFound(messageId));
        if (m.state() != ErpMessage.State.PARKED) {
            throw new ErpRefused(ErpRefused.Reason.NOT_PARKED, "Message " + messageId + " is " + m.state()
                    + "; only a parked message is retried by hand (a pending one is on its way).");
        }
        Instant now = clock.instant();
        String by = session.getCallerPrincipal().getName();
        change.describeIfUnset("Retry ERP message " + messageId);
        store.persist(new ErpDelivery(messageId, m.attempts(), now, "RETRY_REQUESTED", null,
                reason == null || reason.isBlank() ? "retry requested" : reason.strip(), by));
        m.retry(now);
        store.flush();
        return facts(m);
    }

    /** The confirmations after a position of the feed, oldest first (an ERP that pulls keeps the cursor). */
    @RolesAllowed({"ERP_INTERFACE", "ADMIN"})
    public Feed after(String cursor, int limit) {
        long after;
        try {
            after = cursor == null || cursor.isBlank() ? 0 : Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            after = -1;
        }
        if (after < 0) {
            throw new ErpRefused(ErpRefused.Reason.CURSOR, "The cursor is the 'next' of the previous page (a number >= 0),"
                    + " not " + cursor + ".", "after", "a number >= 0");
        }
        List<ErpMessage> page = store.after(after, Math.max(1, Math.min(limit, PAGE)));
        long next = page.isEmpty() ? after : page.get(page.size() - 1).position();
        return new Feed(after, next, page.stream().map(ErpMessage::body).toList());
    }

    private static ErpRefused notFound(UUID id) {
        return new ErpRefused(ErpRefused.Reason.MESSAGE_NOT_FOUND, "There is no ERP message " + id + ".");
    }

    private static MessageFacts facts(ErpMessage m) {
        return new MessageFacts(m.position(), m.messageId(), m.batchId(), m.batchSeq(), m.kind(), m.createdAt(),
                m.state().name(), m.attempts(), m.nextAttemptAt(), m.lastError(), m.deliveredAt());
    }

    private static AttemptFacts attempt(ErpDelivery d) {
        return new AttemptFacts(d.attempt(), d.at(), d.outcome(), d.httpStatus(), d.detail(), d.byUser());
    }

    /** The format of every confirmation body. */
    public static String format() {
        return ErpDocuments.FORMAT;
    }
}
