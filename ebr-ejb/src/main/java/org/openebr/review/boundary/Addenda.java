package org.openebr.review.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.Batches;
import org.openebr.batch.boundary.SigningNonces;
import org.openebr.platform.control.ChangeContext;
import org.openebr.review.control.ReviewStore;
import org.openebr.review.entity.BatchAddendum;
import org.openebr.signature.boundary.Signatures;

/**
 * Information that reaches a batch after QA's decision (a complaint, a stability result, a recall
 * notice; EU GMP Annex 11 draft §17, 21 CFR 211.192): an addendum, numbered per batch and signed by
 * the QA person who adds it inside the same call. The decided record itself stays as it is; the
 * addendum is shown beside it, in the record's documents and in the batch's audit trail.
 */
@Stateless
@RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR"})
public class Addenda {

    /** Record type of an addendum's signature; record id {@code <batchId>:<seq>}. */
    public static final String RECORD_TYPE = "BATCH_ADDENDUM";
    static final int SUBJECT = 200;
    static final int TEXT = 4000;

    @Inject
    Batches batches;

    @Inject
    ReviewStore store;

    @Inject
    Signatures signatures;

    @Inject
    SigningNonces nonces;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** Adds an addendum to a RELEASED or REJECTED batch, signed PERFORMED by the caller with the password. */
    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    public AddendumFacts add(String batchId, String subject, String text, char[] password) {
        List<org.openebr.platform.boundary.DomainException.Violation> missing = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            missing.add(new org.openebr.platform.boundary.DomainException.Violation("subject", "is required"));
        } else if (subject.strip().length() > SUBJECT) {
            missing.add(new org.openebr.platform.boundary.DomainException.Violation("subject", "at most " + SUBJECT
                    + " characters"));
        }
        if (text == null || text.isBlank()) {
            missing.add(new org.openebr.platform.boundary.DomainException.Violation("text", "is required"));
        } else if (text.strip().length() > TEXT) {
            missing.add(new org.openebr.platform.boundary.DomainException.Violation("text", "at most " + TEXT
                    + " characters"));
        }
        if (password == null || password.length == 0) {
            missing.add(new org.openebr.platform.boundary.DomainException.Violation("password", "is required: an"
                    + " addendum is signed"));
        }
        if (!missing.isEmpty()) {
            throw new ReviewRefused(ReviewRefused.Reason.INCOMPLETE, "An addendum has a subject, its text and your"
                    + " signature (" + missing.get(0).field() + " " + missing.get(0).message() + "); nothing was recorded.",
                    missing);
        }
        BatchDetail batch = batches.batch(batchId);
        if (!"RELEASED".equals(batch.status()) && !"REJECTED".equals(batch.status())) {
            throw new ReviewRefused(ReviewRefused.Reason.NOT_OPEN, "Batch " + batch.batchId() + " is " + batch.status()
                    + "; an addendum records what comes after QA's decision. Before it, the record itself takes the"
                    + " information (a deviation, a disposition). Nothing was recorded.");
        }
        String by = session.getCallerPrincipal().getName();
        String role = session.isCallerInRole("QA_RELEASER") ? "QA_RELEASER" : "QA_REVIEWER";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.lockAddenda(batch.batchId());
        int seq = store.addenda(batch.batchId()).size() + 1;
        String what = "Add addendum " + seq + " to batch " + batch.batchId();
        change.record(what, subject.strip()).actingAs(role);
        BatchAddendum addendum = new BatchAddendum(batch.batchId(), seq, subject.strip(), text.strip(), by, now);
        store.persist(addendum);
        signatures.sign(new Signatures.SignRequest(RECORD_TYPE, batch.batchId() + ":" + seq, "PERFORMED", role, by,
                password, nonces.fresh(), false, null));
        change.record(what, subject.strip()).actingAs(role);
        return facts(addendum);
    }

    /** The addenda of a batch, oldest first, each with its signatures. */
    public List<AddendumFacts> addenda(String batchId) {
        BatchDetail batch = batches.batch(batchId);
        return store.addenda(batch.batchId()).stream().map(this::facts).toList();
    }

    private AddendumFacts facts(BatchAddendum a) {
        return new AddendumFacts(a.batchId(), a.seq(), a.subject(), a.text(), a.recordedBy(), a.recordedAt(),
                signatures.ofRecord(RECORD_TYPE, a.batchId() + ":" + a.seq()));
    }
}
