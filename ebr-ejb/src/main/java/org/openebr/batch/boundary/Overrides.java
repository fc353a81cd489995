package org.openebr.batch.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.control.ControlRecipe;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.Deviation;
import org.openebr.batch.entity.GateOverride;
import org.openebr.batch.entity.StepState;
import org.openebr.identity.boundary.Authentication;
import org.openebr.identity.boundary.Training;
import org.openebr.platform.control.ChangeContext;
import org.openebr.signature.boundary.Signatures;

/**
 * A supervisor's override of a refused gate (21 CFR 211.25, 11.10(i); EU GMP Annex 11 §2): never
 * without the supervisor's signature and a deviation. Only the training gate is overridden, for one
 * operator's next entry on one step: the operator's training record has lapsed or is still being
 * recorded, and the supervisor takes responsibility for this one entry under a deviation QA reviews.
 * The material gate (quarantined, rejected, expired, wrong material or quantity) and the equipment gate
 * (dirty, out of calibration, out of service) are never overridden on the shop floor: the lot is
 * released by QA, the unit cleaned, calibrated or repaired by maintenance, each with its own record.
 * The signature (record type {@code GATE_OVERRIDE}, {@code <batchId>:<override number>}, APPROVED) is
 * made inside the call, so the override, its deviation and its signature exist together or not at all.
 */
@Stateless
@RolesAllowed("SUPERVISOR")
public class Overrides {

    /** Record type of an override's signature; record id {@code <batchId>:<override number>}. */
    public static final String RECORD_TYPE = "GATE_OVERRIDE";
    static final int OPERATOR = 64;

    /** What a supervisor asks for: which gate, for whom, why, signed with the password. */
    public record OverrideCommand(String gate, String operator, String reason, char[] password) {
    }

    /** An override as it is shown and answered. */
    public record OverrideFacts(String batchId, int override, String stepId, String gate, String operator,
                                List<String> qualifications, String reason, String deviationId, String grantedBy,
                                Instant grantedAt, Instant usedAt, Integer usedByEntry) {
    }

    @Inject
    BatchStore store;

    @Inject
    Training training;

    @Inject
    Authentication authentication;

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

    /** Grants the override, raises its deviation and signs it; refused with the rule's words otherwise. */
    public OverrideFacts grant(String batchId, String stepId, OverrideCommand command) {
        OverrideCommand c = command == null ? new OverrideCommand(null, null, null, null) : command;
        GateOverride.Gate gate = gate(c.gate());
        if (c.operator() == null || c.operator().isBlank()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Name the operator the override is for.", "operator",
                    "is required");
        }
        String why = Batches.requiredReason(c.reason());
        if (c.password() == null || c.password().length == 0) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "An override is signed: give your password. Nothing"
                    + " was changed.", "password", "is required");
        }
        String supervisor = session.getCallerPrincipal().getName();
        Batch batch = store.locked(batchId, false);
        if (!batch.status().executable()) {
            throw new BatchRefused(BatchRefused.Reason.NOT_EXECUTABLE, "Batch " + batch.batchId() + " is "
                    + batch.status() + "; a gate is overridden only on a batch that takes entries.");
        }
        ControlRecipe.Placed placed = store.controlRecipe(batch).step(stepId == null ? "" : stepId.strip())
                .orElseThrow(() -> new BatchRefused(BatchRefused.Reason.STEP_NOT_FOUND, "Batch " + batch.batchId()
                        + " has no step " + shorten(String.valueOf(stepId)) + "."));
        String operator = operator(Batches.text(c.operator(), "operator", OPERATOR));
        if (operator.equalsIgnoreCase(supervisor)) {
            throw new BatchRefused(BatchRefused.Reason.OVERRIDE_SELF, "You cannot override a gate for yourself: another"
                    + " supervisor decides. Nothing was changed.");
        }
        if (store.lockedStep(batch.id(), placed.id()).state() != StepState.OPEN) {
            throw new BatchRefused(BatchRefused.Reason.ALREADY_RECORDED, "Step '" + placed.step().name() + "' is"
                    + " recorded already; an override is for the entry still to be made. Nothing was changed.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> missing = placed.qualifications().stream()
                .filter(q -> !training.isQualified(operator, q, now)).toList();
        if (missing.isEmpty()) {
            throw new BatchRefused(BatchRefused.Reason.OVERRIDE_NOT_NEEDED, operator + " holds a current training"
                    + " record for everything step '" + placed.step().name() + "' requires"
                    + (placed.qualifications().isEmpty() ? " (it requires none)" : " (" + String.join(", ",
                    placed.qualifications()) + ")") + "; there is nothing to override. Nothing was changed.");
        }
        if (store.unusedOverride(batch.id(), placed.id(), operator).isPresent()) {
            throw new BatchRefused(BatchRefused.Reason.OVERRIDE_EXISTS, "An override for " + operator + "'s next entry"
                    + " on step '" + placed.step().name() + "' is already waiting to be used. Nothing was changed.");
        }
        String deviationId = store.nextDeviationId(now.atZone(ZoneOffset.UTC).getYear());
        int seq = store.nextOverrideSeq(batch.id());
        String what = "Override the training gate of step " + placed.id() + " of batch " + batch.batchId() + " for "
                + operator;
        change.record(what, why).actingAs("SUPERVISOR");
        store.persist(new Deviation(deviationId, batch.id(), placed.id(), Deviation.Origin.GATE_OVERRIDE, "Training gate"
                + " of '" + placed.step().name() + "' overridden by " + supervisor + " for " + operator + ", who holds no"
                + " current training record " + String.join(" and ", missing) + ": " + why, supervisor, now));
        GateOverride override = new GateOverride(batch.id(), seq, placed.id(), gate, operator, String.join(",", missing),
                why, deviationId, supervisor, now);
        store.persist(override);
        store.flush();
        signatures.sign(new Signatures.SignRequest(RECORD_TYPE, batch.batchId() + ":" + seq, "APPROVED", "SUPERVISOR",
                supervisor, c.password(), nonces.fresh(), false, null));
        change.record(what, why).actingAs("SUPERVISOR");
        return facts(batch, override);
    }

    static OverrideFacts facts(Batch batch, GateOverride o) {
        return new OverrideFacts(batch.batchId(), o.seq(), o.stepId(), o.gate().name(), o.operator(),
                List.of(o.qualifications().split(",")), o.reason(), o.deviationId(), o.grantedBy(), o.grantedAt(),
                o.usedAt(), o.usedByEntry());
    }

    private static GateOverride.Gate gate(String gate) {
        String g = gate == null ? "" : gate.strip().toUpperCase(Locale.ROOT);
        if (g.isEmpty()) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "Name the gate to override: TRAINING.", "gate",
                    "is required");
        }
        if (g.equals("MATERIAL") || g.equals("EQUIPMENT")) {
            throw new BatchRefused(BatchRefused.Reason.NOT_OVERRIDABLE, "The " + g.toLowerCase(Locale.ROOT) + " gate is"
                    + " never overridden on the shop floor: " + (g.equals("MATERIAL") ? "a quarantined or rejected lot"
                    + " is released by QA, an expired one is not used, and the dispensed container must be the one"
                    + " for this batch and step" : "a dirty unit is cleaned and the cleaning verified, an overdue one"
                    + " calibrated, one out of service repaired, each by maintenance with its own record") + ". Nothing"
                    + " was changed.", "gate", "only TRAINING is overridden");
        }
        try {
            return GateOverride.Gate.valueOf(g);
        } catch (IllegalArgumentException unknown) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, "There is no gate " + shorten(gate.strip())
                    + "; the gate overridden is TRAINING.", "gate", "TRAINING");
        }
    }

    /** The named person, as an active account that executes batches (its own spelling of the user name). */
    private String operator(String name) {
        Authentication.CurrentAccount account = authentication.current(name).orElseThrow(() -> new BatchRefused(
                BatchRefused.Reason.INCOMPLETE, "There is no active account " + shorten(name) + ".", "operator",
                "an active operator's user name"));
        if (account.technical() || !(account.roles().contains("OPERATOR") || account.roles().contains("SUPERVISOR"))) {
            throw new BatchRefused(BatchRefused.Reason.INCOMPLETE, account.userName() + " does not execute batches (the"
                    + " OPERATOR or SUPERVISOR role); an override is for a person who records steps.", "operator",
                    "an operator");
        }
        return account.userName();
    }

    private static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
