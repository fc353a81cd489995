package org.openebr.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.identity.control.SettingOverrides;
import org.openebr.identity.entity.SettingChange;
import org.openebr.identity.entity.SettingChangeDecision;
import org.openebr.identity.entity.SettingChangeDecision.Decision;
import org.openebr.platform.control.ChangeContext;

/**
 * System settings under change control (EU GMP Annex 11 section 10, 21 CFR 11.10(k)(2)): an administrator proposes
 * a new value with a reason; it takes effect only when the administrator has signed the change (PERFORMED) and a
 * second person from QA has approved it with an electronic signature (APPROVED); QA may reject it (REJECTED) instead.
 * One open change per setting at a time. The record signed is the change as proposed (record type
 * {@value #RECORD_TYPE}, record id {@code SC-0001}); the signatures move it on ({@link #decided}).
 */
@Stateless
@RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class SystemSettings {

    public static final String RECORD_TYPE = "SYSTEM_SETTING_CHANGE";
    private static final String PREFIX = "SC-";

    /** Where a change stands. */
    public enum State {
        /** Proposed; its administrator has not signed it yet. */
        PROPOSED,
        /** Signed by its administrator; waits for QA's approval. */
        AWAITING_APPROVAL,
        /** Approved: the setting's value now. */
        EFFECTIVE,
        /** Approved, and a later approved change set the setting since. */
        SUPERSEDED,
        /** Rejected by QA: never took effect. */
        REJECTED
    }

    /** A setting with its value now, where the value comes from, its bounds and its open change, if any. */
    public record Setting(String setting, String title, String unit, int value, String source, int configuredValue,
                          String environmentVariable, int minimum, int maximum, String openChange) {
    }

    /** A change as proposed, and where it stands. */
    public record Change(String changeId, String setting, String title, String previousValue, String newValue,
                         String reason, String proposedBy, Instant proposedAt, State state, String submittedBy,
                         Instant submittedAt, String decidedBy, Instant decidedAt) {
        public boolean open() {
            return state == State.PROPOSED || state == State.AWAITING_APPROVAL;
        }
    }

    @Inject
    IdentitySettings settings;

    @Inject
    SettingOverrides overrides;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    /** Every setting under change control, with its value now. */
    public List<Setting> settings() {
        List<Change> changes = changes();
        List<Setting> all = new ArrayList<>();
        for (SystemSetting s : SystemSetting.values()) {
            Optional<Change> effective = changes.stream()
                    .filter(c -> c.setting().equals(s.key()) && c.state() == State.EFFECTIVE).findFirst();
            String open = changes.stream().filter(c -> c.setting().equals(s.key()) && c.open()).map(Change::changeId)
                    .findFirst().orElse(null);
            all.add(new Setting(s.key(), s.title(), s.unit(), settings.effective(s),
                    effective.map(c -> "change " + c.changeId() + ", approved by " + c.decidedBy())
                            .orElse("environment " + s.environmentVariable() + " or the release's default"),
                    settings.configured(s), s.environmentVariable(), s.minimum(), s.maximum(), open));
        }
        return all;
    }

    /** Every change, newest first. */
    public List<Change> changes() {
        List<SettingChange> changes = em.createQuery("select c from SettingChange c order by c.number desc",
                SettingChange.class).getResultList();
        Map<java.util.UUID, List<SettingChangeDecision>> decisions = new LinkedHashMap<>();
        em.createQuery("select d from SettingChangeDecision d order by d.decidedAt", SettingChangeDecision.class)
                .getResultList().forEach(d -> decisions.computeIfAbsent(d.changeId(), id -> new ArrayList<>()).add(d));
        // the newest approved change of each setting is in effect; the ones approved before it are superseded
        Map<String, java.util.UUID> inEffect = new LinkedHashMap<>();
        changes.stream()
                .filter(c -> decisions.getOrDefault(c.id(), List.of()).stream().anyMatch(d -> d.decision() == Decision.APPROVED))
                .sorted(Comparator.comparing((SettingChange c) -> decided(decisions.get(c.id()), Decision.APPROVED)
                        .map(SettingChangeDecision::decidedAt).orElseThrow()))
                .forEach(c -> inEffect.put(c.setting(), c.id()));
        return changes.stream().map(c -> view(c, decisions.getOrDefault(c.id(), List.of()), inEffect)).toList();
    }

    /** One change by its id ({@code SC-0001}). */
    public Change change(String changeId) {
        return changes().stream().filter(c -> c.changeId().equals(changeId)).findFirst()
                .orElseThrow(() -> new SettingRefused(SettingRefused.Reason.UNKNOWN_CHANGE,
                        "There is no setting change " + changeId + "."));
    }

    /**
     * Proposes a new value for a setting, with the reason; it takes effect only after the proposer's signature
     * (PERFORMED) and QA's approval (APPROVED).
     */
    @RolesAllowed("ADMIN")
    public Change propose(String setting, String value, String reason) {
        if (setting == null || setting.isBlank() || value == null || value.isBlank() || reason == null || reason.isBlank()) {
            throw new SettingRefused(SettingRefused.Reason.INCOMPLETE, "A setting change needs the setting, its new"
                    + " value and the reason for the change (setting, value, reason).");
        }
        SystemSetting s = SystemSetting.byKey(setting.strip()).orElseThrow(() -> new SettingRefused(
                SettingRefused.Reason.UNKNOWN_SETTING, "There is no setting '" + setting.strip() + "' under change"
                        + " control; the settings are " + java.util.Arrays.stream(SystemSetting.values())
                        .map(SystemSetting::key).toList() + "."));
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new SettingRefused(SettingRefused.Reason.INVALID_VALUE, s.key() + " must be a whole number from "
                    + s.minimum() + " to " + s.maximum() + " (" + s.unit() + "), not '" + value.strip() + "'.");
        }
        if (number < s.minimum() || number > s.maximum()) {
            throw new SettingRefused(SettingRefused.Reason.INVALID_VALUE, s.key() + " must be from " + s.minimum()
                    + " to " + s.maximum() + " (" + s.unit() + "); " + number + " is outside.");
        }
        if (reason.strip().length() > 2000) {
            throw new SettingRefused(SettingRefused.Reason.INVALID_VALUE, "The reason is longer than 2000 characters.");
        }
        // one open change of a setting at a time, also when two administrators propose at once
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))").setParameter(1, RECORD_TYPE + ":" + s.key())
                .getSingleResult();
        overrides.forget();
        int current = settings.effective(s);
        if (number == current) {
            throw new SettingRefused(SettingRefused.Reason.INVALID_VALUE, s.key() + " is " + current
                    + " already: nothing to change.");
        }
        changes().stream().filter(c -> c.setting().equals(s.key()) && c.open()).findFirst().ifPresent(open -> {
            throw new SettingRefused(SettingRefused.Reason.OPEN_CHANGE, "Change " + open.changeId() + " of " + s.key()
                    + " (to " + open.newValue() + ") is still open: QA approves or rejects it first.");
        });
        int next = ((Number) em.createNativeQuery("SELECT nextval('ebr.setting_change_number_seq')").getSingleResult()).intValue();
        String user = session.getCallerPrincipal().getName();
        change.record("Propose change " + id(next) + " of " + s.key() + " from " + current + " to " + number,
                reason.strip()).actingAs("ADMIN");
        SettingChange proposed = new SettingChange(next, s.key(), Integer.toString(current), Integer.toString(number),
                reason.strip(), user, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        em.persist(proposed);
        em.flush();
        return change(id(next));
    }

    /** The change as it is signed: exactly as proposed (its state is left out, so the signatures stay valid). */
    public Optional<Map<String, Object>> content(String changeId) {
        return find(changeId).map(c -> {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("changeId", id(c.number()));
            content.put("setting", c.setting());
            content.put("title", SystemSetting.byKey(c.setting()).map(SystemSetting::title).orElse(c.setting()));
            content.put("previousValue", c.previousValue());
            content.put("newValue", c.newValue());
            content.put("reason", c.reason());
            content.put("proposedBy", c.proposedBy());
            content.put("proposedAt", c.proposedAt());
            return content;
        });
    }

    /**
     * Why the user may not sign the change with this meaning now, in words; empty when they may (or when there is no
     * such change: the signing answers that).
     */
    public Optional<String> refusal(String changeId, String userName, String meaning) {
        Optional<SettingChange> found = find(changeId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Change c = change(changeId);
        return switch (meaning) {
            case "PERFORMED" -> c.state() != State.PROPOSED
                    ? Optional.of("Change " + changeId + " is " + c.state() + ": it was signed by its administrator already.")
                    : c.proposedBy().equals(userName) ? Optional.empty()
                    : Optional.of("Change " + changeId + " is signed by the administrator who proposed it, "
                            + c.proposedBy() + ".");
            case "APPROVED" -> {
                if (c.state() != State.AWAITING_APPROVAL) {
                    yield Optional.of("Change " + changeId + " is " + c.state() + ": only a change its administrator"
                            + " signed, and nobody decided yet, can be approved.");
                }
                overrides.forget();
                int now = settings.effective(SystemSetting.byKey(c.setting()).orElseThrow());
                yield Integer.toString(now).equals(c.previousValue()) ? Optional.empty()
                        : Optional.of(c.setting() + " is " + now + " now, not " + c.previousValue() + " as when change "
                                + changeId + " was proposed: reject it and propose the change again.");
            }
            case "REJECTED" -> c.open() ? Optional.empty()
                    : Optional.of("Change " + changeId + " is " + c.state() + ": it can no longer be rejected.");
            default -> Optional.empty();
        };
    }

    /** A signature moved the change on: its administrator submitted it, or QA approved or rejected it. */
    @RolesAllowed({"ADMIN", "QA_REVIEWER", "QA_RELEASER"})
    public void decided(String changeId, String meaning, String userName) {
        SettingChange c = find(changeId).orElseThrow();
        Decision decision = switch (meaning) {
            case "PERFORMED" -> Decision.SUBMITTED;
            case "APPROVED" -> Decision.APPROVED;
            case "REJECTED" -> Decision.REJECTED;
            default -> throw new IllegalArgumentException(meaning);
        };
        em.persist(new SettingChangeDecision(c.id(), decision, userName,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        em.flush();
        if (decision == Decision.APPROVED) {
            overrides.forget();
        }
    }

    private Optional<SettingChange> find(String changeId) {
        if (changeId == null || !changeId.matches(PREFIX + "\\d{1,9}")) {
            return Optional.empty();
        }
        return em.createQuery("select c from SettingChange c where c.number = :n", SettingChange.class)
                .setParameter("n", Integer.parseInt(changeId.substring(PREFIX.length()))).getResultList().stream().findFirst();
    }

    private static String id(int number) {
        return PREFIX + String.format("%04d", number);
    }

    private static Optional<SettingChangeDecision> decided(List<SettingChangeDecision> decisions, Decision decision) {
        return decisions == null ? Optional.empty()
                : decisions.stream().filter(d -> d.decision() == decision).findFirst();
    }

    private static Change view(SettingChange c, List<SettingChangeDecision> decisions, Map<String, java.util.UUID> inEffect) {
        Optional<SettingChangeDecision> submitted = decided(decisions, Decision.SUBMITTED);
        Optional<SettingChangeDecision> verdict = decisions.stream().filter(d -> d.decision() != Decision.SUBMITTED)
                .findFirst();
        State state = verdict.map(v -> v.decision() == Decision.REJECTED ? State.REJECTED
                        : c.id().equals(inEffect.get(c.setting())) ? State.EFFECTIVE : State.SUPERSEDED)
                .orElse(submitted.isPresent() ? State.AWAITING_APPROVAL : State.PROPOSED);
        return new Change(id(c.number()), c.setting(), SystemSetting.byKey(c.setting()).map(SystemSetting::title)
                .orElse(c.setting()), c.previousValue(), c.newValue(), c.reason(), c.proposedBy(), c.proposedAt(), state,
                submitted.map(SettingChangeDecision::decidedBy).orElse(null),
                submitted.map(SettingChangeDecision::decidedAt).orElse(null),
                verdict.map(SettingChangeDecision::decidedBy).orElse(null),
                verdict.map(SettingChangeDecision::decidedAt).orElse(null));
    }
}
