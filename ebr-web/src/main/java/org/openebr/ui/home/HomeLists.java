package org.openebr.ui.home;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditPage;
import org.openebr.batch.boundary.BatchSummary;
import org.openebr.batch.boundary.BatchWorklists;
import org.openebr.identity.boundary.AccountWorklists;
import org.openebr.identity.boundary.SystemSettings;
import org.openebr.platform.boundary.Excerpt;
import org.openebr.recipe.boundary.RecipeWorklists;
import org.openebr.signature.boundary.SigningWorklists;
import org.openebr.ui.WorkItem;
import org.openebr.ui.Worklist;
import org.openebr.ui.batch.BatchLabels;

/**
 * Turns what the boundaries' worklist queries answer into the worklists the home page shows: the
 * words, the status badges and the one link to each task. Plain functions of their input, so that
 * what a person reads is tested without a server.
 */
final class HomeLists {

    /** Days ahead in which an expiring qualification or password is shown as a task. */
    static final int SOON_DAYS = 30;
    static final int PASSWORD_SOON_DAYS = 14;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private final ZoneId zone;

    HomeLists(ZoneId zone) {
        this.zone = zone;
    }

    // --- recipes -----------------------------------------------------------------------------------

    /** The approver's queue: each version with who submitted it when; their own versions marked. */
    Worklist toApprove(Excerpt<RecipeWorklists.VersionTask> inReview) {
        return new Worklist("recipes-to-approve", "Recipe versions to approve", "pi pi-check-square", inReview.total(),
                items(inReview, v -> new WorkItem(version(v), "Submitted " + time(v.at()) + " by " + v.by()
                        + (v.authoredByCaller() ? ". You saved this version: another approver must approve." : ""),
                        v.status(), v.authoredByCaller() ? "In review, another approver must approve" : "In review",
                        designer(v.recipeId(), v.version()))),
                "All recipes", "app/recipes.xhtml", "No recipe version waits for approval.");
    }

    /** Approved versions waiting for the approver's decision when they become effective. */
    Worklist toMakeEffective(Excerpt<RecipeWorklists.VersionTask> approved) {
        return new Worklist("recipes-to-make-effective", "Approved versions to make effective", "pi pi-calendar",
                approved.total(),
                items(approved, v -> new WorkItem(version(v), "Approved " + time(v.at()) + " by " + v.by()
                        + ". Make it effective now or from a date, or retire it.", v.status(), "Approved",
                        designer(v.recipeId(), v.version()))),
                "All recipes", "app/recipes.xhtml", "No approved version waits for an effective date.");
    }

    /** What QA sees of the same queue: the versions that will change what batches follow. */
    Worklist awaitingApproval(Excerpt<RecipeWorklists.VersionTask> inReview) {
        return new Worklist("recipes-awaiting-approval", "Recipe versions awaiting approval", "pi pi-hourglass",
                inReview.total(),
                items(inReview, v -> new WorkItem(version(v), "Submitted " + time(v.at()) + " by " + v.by(),
                        v.status(), "In review", designer(v.recipeId(), v.version()))),
                "All recipes", "app/recipes.xhtml", "No recipe version is in review.");
    }

    Worklist myDrafts(Excerpt<RecipeWorklists.VersionTask> drafts) {
        return new Worklist("my-drafts", "Your drafts", "pi pi-file-edit", drafts.total(),
                items(drafts, v -> new WorkItem(version(v), "Draft since " + time(v.at()) + ", revision "
                        + v.draftRevision() + ": " + v.reason(), v.status(), "Draft", designer(v.recipeId(), v.version()))),
                "All recipes", "app/recipes.xhtml", "You have no drafts.");
    }

    Worklist myRejections(Excerpt<RecipeWorklists.VersionTask> rejected) {
        return new Worklist("my-rejections", "Your rejected versions", "pi pi-times-circle", rejected.total(),
                items(rejected, v -> new WorkItem(version(v), "Rejected " + time(v.at()) + " by " + v.by()
                        + ". Reason: " + v.reason(), v.status(), "Rejected", designer(v.recipeId(), v.version()))),
                "All recipes", "app/recipes.xhtml",
                "None of your versions waits for a correction after a rejection.");
    }

    /** The recipes that may be worked from: for operators and supervisors what batches follow, for inspectors what to inspect. */
    Worklist effectiveRecipes(Excerpt<RecipeWorklists.EffectiveRecipe> effective, String title) {
        return new Worklist("effective-recipes", title, "pi pi-sitemap", effective.total(),
                items(effective, r -> new WorkItem(r.recipeId() + " version " + r.version() + ": " + r.product(),
                        r.effectiveFrom() == null ? "" : "Effective since " + time(r.effectiveFrom()), "EFFECTIVE",
                        "Effective", designer(r.recipeId(), r.version()))),
                "All recipes", "app/recipes.xhtml", "No master recipe is effective yet.");
    }

    // --- batches (issue 16) --------------------------------------------------------------------------

    /** The supervisor's batches to act on: planned ones to dispatch, held ones to resume or abort. */
    Worklist batchesToDispatch(Excerpt<BatchSummary> batches) {
        return new Worklist("batches-to-dispatch", "Batches to dispatch or on hold", "pi pi-send", batches.total(),
                items(batches, b -> new WorkItem(batch(b), (b.status().equals("ON_HOLD") ? "On hold since " : "Planned ")
                        + time(b.statusChangedAt()) + ". " + BatchLabels.progress(b.stepsDone(), b.steps()) + ", "
                        + BatchLabels.openDeviations(b.openDeviations()) + ".", b.status(), BatchLabels.label(b.status()),
                        "app/batches.xhtml?batch=" + encode(b.batchId()))),
                "All batches", "app/batches.xhtml", "No batch waits for dispatch and none is on hold.");
    }

    /** Deviations no supervisor has classified yet, oldest first. */
    Worklist deviationsToClassify(Excerpt<BatchWorklists.OpenDeviation> deviations) {
        return new Worklist("deviations-to-classify", "Deviations to classify", "pi pi-exclamation-triangle",
                deviations.total(),
                items(deviations, d -> new WorkItem(d.deviationId() + " on batch " + d.batchId()
                                + (d.stepId() == null ? "" : ", step " + d.stepId()),
                        "Raised " + time(d.raisedAt()) + " by " + d.raisedBy() + ": " + d.description(), "UNCLASSIFIED",
                        BatchLabels.label("UNCLASSIFIED"), "app/batches.xhtml?batch=" + encode(d.batchId()))),
                "All batches", "app/batches.xhtml", "Every deviation is classified.");
    }

    /** The batches operators may work on now; each opens on the operator terminal. */
    Worklist batchesOnTheFloor(Excerpt<BatchSummary> batches) {
        return new Worklist("my-batches", "Batches to work on", "pi pi-box", batches.total(),
                items(batches, b -> new WorkItem(batch(b), (b.line() == null ? "" : b.line() + ". ")
                        + BatchLabels.progress(b.stepsDone(), b.steps()) + ".", b.status(), BatchLabels.label(b.status()),
                        "app/terminal.xhtml?batch=" + encode(b.batchId()))),
                "All batches", "app/batches.xhtml", "No batch is ready or in progress.");
    }

    /** Steps signed by their performer that wait for a second person; the caller's own say so. */
    Worklist stepsToVerify(Excerpt<BatchWorklists.StepToVerify> steps) {
        return new Worklist("steps-to-verify", "Steps waiting for verification", "pi pi-check-circle", steps.total(),
                items(steps, s -> new WorkItem("Batch " + s.batchId() + ", step " + s.stepId(),
                        s.product() + ". Performed by " + s.performedBy()
                                + (s.mine() ? ". You performed it: another person verifies." : "."),
                        "PERFORMED", s.mine() ? "Another person verifies" : "Verify",
                        "app/terminal.xhtml?batch=" + encode(s.batchId()))),
                "", "", "No step waits for a verifier.");
    }

    /** Completed batches handed to QA: each opens its review by exception. */
    Worklist batchesToReview(Excerpt<BatchSummary> completed) {
        return new Worklist("batches-to-review", "Batches to review", "pi pi-search", completed.total(),
                items(completed, b -> new WorkItem(batch(b), "Completed " + time(b.statusChangedAt()) + ". "
                        + BatchLabels.openDeviations(b.openDeviations()) + ".", b.status(), BatchLabels.label(b.status()),
                        "app/review.xhtml?batch=" + encode(b.batchId()))),
                "Review queue", "app/review.xhtml", "No completed batch waits for review.");
    }

    /** Reviewed batches waiting for a second QA person's decision. */
    Worklist batchesToRelease(Excerpt<BatchSummary> reviewed) {
        return new Worklist("batches-to-release", "Batches to release", "pi pi-verified", reviewed.total(),
                items(reviewed, b -> new WorkItem(batch(b), "Reviewed " + time(b.statusChangedAt()) + ".", b.status(),
                        BatchLabels.label(b.status()), "app/review.xhtml?batch=" + encode(b.batchId()))),
                "Review queue", "app/review.xhtml", "No reviewed batch waits for release.");
    }

    private static String batch(BatchSummary b) {
        return b.batchId() + ": " + b.product() + ", " + BatchLabels.quantity(b.plannedQuantity()) + " " + b.unit();
    }

    // --- administration ----------------------------------------------------------------------------

    Worklist openAlerts(Excerpt<AccountWorklists.AlertTask> alerts) {
        return new Worklist("open-alerts", "Open security alerts", "pi pi-exclamation-triangle", alerts.total(),
                items(alerts, a -> new WorkItem(words(a.type()) + (a.subject() == null ? "" : ": " + a.subject()),
                        time(a.occurredAt()) + (a.detail() == null ? "" : ": " + a.detail()), "OPEN", "Open",
                        "app/admin/users.xhtml?alert=" + a.eventId())),
                "Users and alerts", "app/admin/users.xhtml", "No security alert is open.");
    }

    Worklist lockedAccounts(Excerpt<AccountWorklists.AccountTask> locked) {
        return new Worklist("locked-accounts", "Locked accounts", "pi pi-lock", locked.total(),
                items(locked, a -> new WorkItem(person(a.fullName(), a.userName()),
                        a.since() == null ? "Locked" : "Locked " + time(a.since()), "LOCKED", "Locked", user(a.userName()))),
                "All users", "app/admin/users.xhtml", "No account is locked.");
    }

    Worklist pendingVerifications(Excerpt<SigningWorklists.PendingVerification> pending) {
        return new Worklist("pending-verifications", "Identities to verify", "pi pi-id-card",
                pending.total(),
                items(pending, p -> new WorkItem(person(p.fullName(), p.userName()),
                        String.join(", ", p.roles().stream().map(HomeLists::words).toList()) + ". "
                                + (p.gap() == SigningWorklists.Gap.NO_IDENTITY_VERIFICATION
                                        ? "No identity verification recorded: cannot sign yet."
                                        : "Identity verified, but no valid signing certificate: verify again to renew it."),
                        "PENDING", "Cannot sign", "app/admin/credentials.xhtml?user=" + encode(p.userName()))),
                "All users", "app/admin/users.xhtml", "Everyone in a role that signs has a signing credential.");
    }

    Worklist unusedOneTimePasswords(Excerpt<AccountWorklists.AccountTask> pending) {
        return new Worklist("one-time-passwords", "One-time passwords not yet used", "pi pi-key", pending.total(),
                items(pending, a -> new WorkItem(person(a.fullName(), a.userName()), a.overdue()
                                ? "Expired " + time(a.until()) + ": the person cannot sign in; reset the password to issue a new one."
                                : "Issued " + time(a.since()) + ", valid until " + time(a.until()) + ".",
                        a.overdue() ? "EXPIRED" : "PENDING", a.overdue() ? "Expired" : "Not used yet", user(a.userName()))),
                "All users", "app/admin/users.xhtml", "Every one-time password has been used.");
    }

    /** The administrator's own proposed setting changes, to be signed before QA sees them. */
    Worklist settingChangesToSign(List<SystemSettings.Change> proposed) {
        return new Worklist("setting-changes-to-sign", "Setting changes to sign", "pi pi-sliders-h", proposed.size(),
                proposed.stream().map(c -> new WorkItem(c.changeId() + ": " + c.title() + " from " + c.previousValue()
                        + " to " + c.newValue(), "Proposed " + time(c.proposedAt()) + ": " + c.reason(), "DRAFT",
                        "Sign to submit", "app/settings.xhtml?change=" + encode(c.changeId()))).toList(),
                "System settings", "app/settings.xhtml", "No setting change of yours waits for your signature.");
    }

    /** Setting changes their administrators signed, waiting for QA to approve or reject them with a signature. */
    Worklist settingChangesToDecide(List<SystemSettings.Change> submitted) {
        return new Worklist("setting-changes-to-decide", "Setting changes to approve", "pi pi-sliders-h",
                submitted.size(), submitted.stream().map(c -> new WorkItem(c.changeId() + ": " + c.title() + " from "
                        + c.previousValue() + " to " + c.newValue(), "Signed by " + c.submittedBy() + " "
                        + time(c.submittedAt()) + ": " + c.reason(), "IN_REVIEW", "Awaiting QA approval",
                        "app/settings.xhtml?change=" + encode(c.changeId()))).toList(),
                "System settings", "app/settings.xhtml", "No setting change waits for QA's decision.");
    }

    /** The periodic access review: a task when it is due, otherwise when it will be. */
    Worklist accessReview(SigningWorklists.AccessReviewState state, boolean signsIt) {
        String last = state.lastSignedAt() == null ? "No access review has been recorded and signed yet."
                : "Last signed " + time(state.lastSignedAt()) + " by " + state.lastSignedBy() + ".";
        List<WorkItem> items = state.due()
                ? List.of(new WorkItem(signsIt ? "Record and sign the periodic access review" : "The periodic access review is due",
                        last + " Due every " + state.periodDays() + " days.", "DUE", "Due", "app/access-review.xhtml"))
                : List.of();
        return new Worklist("access-review", "Periodic access review", "pi pi-list-check", items.size(), items,
                "Access review", "app/access-review.xhtml", last + " Next due " + time(state.dueAt()) + ".");
    }

    // --- qualifications ------------------------------------------------------------------------------

    Worklist qualificationsDue(Excerpt<AccountWorklists.QualificationTask> due, boolean mayOpenTraining) {
        return new Worklist("qualifications-due", "Qualifications expiring within " + SOON_DAYS + " days",
                "pi pi-book", due.total(),
                items(due, q -> new WorkItem(person(q.fullName(), q.userName()) + ": " + q.qualification(),
                        (q.expired() ? "Expired " : "Expires ") + q.validUntil()
                                + (q.description() == null || q.description().isBlank() ? "" : ". " + q.description()),
                        q.expired() ? "EXPIRED" : "EXPIRING", q.expired() ? "Expired" : "Expires soon",
                        mayOpenTraining ? "app/training.xhtml?user=" + encode(q.userName()) : "app/home.xhtml")),
                mayOpenTraining ? "Training records" : "", mayOpenTraining ? "app/training.xhtml" : "",
                "No qualification expires within " + SOON_DAYS + " days.");
    }

    /** The person's own qualifications that need renewing; the rest are current. */
    Worklist myQualifications(List<AccountWorklists.MyQualification> mine, boolean mayOpenTraining) {
        List<AccountWorklists.MyQualification> attention = mine.stream()
                .filter(q -> q.state() == AccountWorklists.QualificationState.EXPIRED
                        || q.state() == AccountWorklists.QualificationState.EXPIRING)
                .sorted(java.util.Comparator.comparing(AccountWorklists.MyQualification::validUntil))
                .toList();
        List<WorkItem> items = attention.stream().map(q -> new WorkItem(q.qualification()
                        + (q.description() == null || q.description().isBlank() ? "" : ": " + q.description()),
                (q.state() == AccountWorklists.QualificationState.EXPIRED ? "Expired " : "Expires ") + q.validUntil()
                        + ". Your supervisor records the renewed training.",
                q.state().name(), q.state() == AccountWorklists.QualificationState.EXPIRED ? "Expired" : "Expires soon",
                mayOpenTraining ? "app/training.xhtml" : "app/home.xhtml")).toList();
        String empty = mine.isEmpty() ? "No training record is kept for you yet; your supervisor records your training."
                : "All your " + mine.size() + " qualification" + (mine.size() == 1 ? " is" : "s are")
                        + " current for at least " + SOON_DAYS + " days.";
        return new Worklist("my-qualifications", "Your qualifications", "pi pi-verified", items.size(), items,
                "", "", empty);
    }

    // --- everyone -----------------------------------------------------------------------------------

    /**
     * The person's own open tasks before they can sign, and an expiring password; null when the
     * person neither signs nor has a task (an inspector whose password does not expire).
     */
    Worklist mine(SigningWorklists.Readiness readiness, Instant passwordExpires, Instant now) {
        List<WorkItem> items = new ArrayList<>();
        if (readiness.signs() && !readiness.statementSigned()) {
            items.add(new WorkItem("Sign your signature-accountability statement",
                    "Needed once, before your first electronic signature (21 CFR 11.100(c)).", "PENDING", "To do",
                    "app/signature.xhtml"));
        }
        if (readiness.signs() && !readiness.credentialValid()) {
            items.add(new WorkItem("You have no signing credential yet",
                    "An administrator must verify your identity in person; then your signing certificate is issued.",
                    "PENDING", "Administrator", "app/signature.xhtml"));
        }
        if (passwordExpires != null && passwordExpires.isBefore(now.plus(java.time.Duration.ofDays(PASSWORD_SOON_DAYS)))) {
            boolean expired = !passwordExpires.isAfter(now);
            items.add(new WorkItem(expired ? "Your password has expired" : "Your password expires soon",
                    (expired ? "Expired " : "Expires ") + time(passwordExpires) + ". Choose a new one.",
                    expired ? "EXPIRED" : "EXPIRING", expired ? "Expired" : "Expires soon", "app/change-password.xhtml"));
        }
        if (items.isEmpty() && !readiness.signs()) {
            return null;
        }
        return new Worklist("my-tasks", "Your own tasks", "pi pi-user", items.size(), items, "My signature",
                "app/signature.xhtml", "Nothing to do: you are ready to sign.");
    }

    // --- inspection ---------------------------------------------------------------------------------

    Worklist latestAuditEntries(AuditPage page) {
        List<WorkItem> items = page.entries().stream().map((AuditEntry e) -> new WorkItem(
                e.command() == null || e.command().isBlank() ? words(e.action().name()) + " " + e.entityType() : e.command(),
                time(e.recordedAt()) + " by " + (e.fullName() == null ? e.userName() : e.fullName() + " (" + e.userName() + ")")
                        + (e.reason() == null || e.reason().isBlank() ? "" : ". Reason: " + e.reason()),
                null, null, "app/audit-history.xhtml?type=" + encode(e.entityType()) + "&id=" + encode(e.recordId())))
                .toList();
        return new Worklist("audit-latest", "Latest audit-trail entries", "pi pi-history", page.total(), items,
                "Audit trail", "app/audit-trail.xhtml", "The audit trail is empty.");
    }

    Worklist recentSecurityEvents(Excerpt<AccountWorklists.EventLine> events, int days) {
        return new Worklist("security-events", "Security events, last " + days + " days", "pi pi-shield", events.total(),
                items(events, e -> new WorkItem(words(e.type()) + (e.subject() == null ? "" : ": " + e.subject()),
                        time(e.occurredAt()) + (e.actor() == null ? "" : " by " + e.actor()),
                        e.alert() ? "WARN" : null, e.alert() ? "Alert" : null, "app/security-events.xhtml")),
                "Security events", "app/security-events.xhtml", "No security event in the last " + days + " days.");
    }

    /** A place that will hold a role's work once the capability exists; says so instead of showing made-up data. */
    static Worklist notYet(String key, String title, String icon, String text) {
        return new Worklist(key, title, icon, 0, List.of(), "", "", text);
    }

    // --- words ---------------------------------------------------------------------------------------

    String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    static String time(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** A code in words: {@code ACCOUNT_LOCKED} reads "Account locked", {@code QA_REVIEWER} "QA reviewer". */
    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        text = text.startsWith("qa ") ? "QA " + text.substring(3) : text;
        text = text.startsWith("erp ") ? "ERP " + text.substring(4) : text;
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String version(RecipeWorklists.VersionTask v) {
        return v.recipeId() + " version " + v.version() + ": " + v.product();
    }

    private static String person(String fullName, String userName) {
        return fullName + " (" + userName + ")";
    }

    static String designer(String recipeId, int version) {
        return "app/recipe.xhtml?id=" + encode(recipeId) + "&version=" + version;
    }

    private static String user(String userName) {
        return "app/admin/users.xhtml?user=" + encode(userName);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> List<WorkItem> items(Excerpt<T> excerpt, Function<T, WorkItem> item) {
        return excerpt.items().stream().map(item).toList();
    }
}
