package org.openebr.ui.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.AuditSort;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.batch.boundary.BatchWorklists;
import org.openebr.identity.boundary.AccountWorklists;
import org.openebr.identity.boundary.Role;
import org.openebr.identity.boundary.SystemSettings;
import org.openebr.platform.control.SiteSettings;
import org.openebr.recipe.boundary.RecipeWorklists;
import org.openebr.signature.boundary.SigningWorklists;
import org.openebr.ui.Worklist;

/**
 * The home page: what the signed-in person must do now, one worklist per kind of task their roles
 * bring (a person with several roles sees the lists of each, each list once). The lists come from
 * the boundaries' read-only worklist queries, which check the roles again on the server; a list is
 * only asked for in a role that may read it.
 */
@Named("home")
@RequestScoped
public class HomeView {

    /** How many tasks a card shows; the card's count and its link lead to the rest. */
    static final int SHOWN = 5;
    static final int SECURITY_EVENT_DAYS = 7;

    @Inject
    ExternalContext external;

    @Inject
    SiteSettings site;

    @Inject
    Clock clock;

    @Inject
    RecipeWorklists recipes;

    @Inject
    AccountWorklists accounts;

    @Inject
    SigningWorklists signing;

    @Inject
    AuditTrail auditTrail;

    @Inject
    BatchWorklists batches;

    @Inject
    SystemSettings settings;

    private List<Worklist> worklists;

    /** Every worklist of the person, their own open tasks first. */
    public List<Worklist> getWorklists() {
        if (worklists == null) {
            worklists = build();
        }
        return worklists;
    }

    /** The person's roles in words, for the page's subtitle. */
    public String getRoles() {
        List<String> held = roles().stream().map(r -> HomeLists.words(r.name())).toList();
        return held.isEmpty() ? "You hold no role yet: an administrator grants roles."
                : "Your work as " + String.join(", ", held) + ".";
    }

    private List<Worklist> build() {
        HomeLists lists = new HomeLists(site.zone());
        Set<Role> roles = roles();
        List<Worklist> result = new ArrayList<>();
        // places for work that does not exist yet (batches) go after the real tasks
        List<Worklist> later = new ArrayList<>();
        Worklist mine = lists.mine(signing.myReadiness(), accounts.myPasswordExpiry().orElse(null), clock.instant());
        // their own tasks come first while there are any; once ready, the card only confirms it, last
        boolean mineFirst = mine != null && mine.count() > 0;
        if (mineFirst) {
            result.add(mine);
        }
        if (roles.contains(Role.RECIPE_APPROVER)) {
            result.add(lists.toApprove(recipes.inReview(SHOWN)));
            result.add(lists.toMakeEffective(recipes.approvedWithoutDate(SHOWN)));
        }
        if (roles.contains(Role.RECIPE_AUTHOR)) {
            result.add(lists.myRejections(recipes.myRejections(SHOWN)));
            result.add(lists.myDrafts(recipes.myDrafts(SHOWN)));
        }
        if (roles.contains(Role.ADMIN)) {
            result.add(lists.openAlerts(accounts.openAlerts(SHOWN)));
            result.add(lists.lockedAccounts(accounts.locked(SHOWN)));
            result.add(lists.pendingVerifications(signing.pendingIdentityVerifications(SHOWN)));
            result.add(lists.unusedOneTimePasswords(accounts.unusedOneTimePasswords(SHOWN)));
            result.add(lists.accessReview(signing.accessReview(), true));
            result.add(lists.settingChangesToSign(settings.changes().stream()
                    .filter(c -> c.state() == SystemSettings.State.PROPOSED
                            && c.proposedBy().equals(external.getRemoteUser())).toList()));
        }
        boolean qa = roles.contains(Role.QA_REVIEWER) || roles.contains(Role.QA_RELEASER);
        if (qa) {
            if (roles.contains(Role.QA_REVIEWER)) {
                result.add(lists.batchesToReview(batches.inStatus(List.of("COMPLETED"), SHOWN)));
            }
            if (roles.contains(Role.QA_RELEASER)) {
                result.add(lists.batchesToRelease(batches.inStatus(List.of("REVIEWED"), SHOWN)));
            }
            if (!roles.contains(Role.RECIPE_APPROVER)) {
                result.add(lists.awaitingApproval(recipes.inReview(SHOWN)));
            }
            if (!roles.contains(Role.ADMIN)) {
                result.add(lists.accessReview(signing.accessReview(), false));
            }
            result.add(lists.settingChangesToDecide(settings.changes().stream()
                    .filter(c -> c.state() == SystemSettings.State.AWAITING_APPROVAL).toList()));
        }
        boolean floor = roles.contains(Role.OPERATOR) || roles.contains(Role.SUPERVISOR);
        if (roles.contains(Role.SUPERVISOR)) {
            result.add(lists.batchesToDispatch(batches.inStatus(List.of("PLANNED", "ON_HOLD"), SHOWN)));
            result.add(lists.deviationsToClassify(batches.unclassifiedDeviations(SHOWN)));
        }
        if (floor) {
            result.add(lists.batchesOnTheFloor(batches.inStatus(List.of("READY", "IN_PROGRESS"), SHOWN)));
            result.add(lists.stepsToVerify(batches.toVerify(SHOWN)));
            result.add(lists.effectiveRecipes(recipes.effective(SHOWN), "Effective recipes to work from"));
            result.add(lists.myQualifications(accounts.myQualifications(HomeLists.SOON_DAYS),
                    roles.contains(Role.SUPERVISOR)));
        }
        if (roles.contains(Role.SUPERVISOR) || qa || roles.contains(Role.ADMIN)) {
            result.add(lists.qualificationsDue(accounts.qualificationsDue(HomeLists.SOON_DAYS, SHOWN), true));
        }
        if (roles.contains(Role.INSPECTOR)) {
            result.add(lists.effectiveRecipes(recipes.effective(SHOWN), "Effective master recipes"));
            result.add(lists.latestAuditEntries(auditTrail.search(AuditFilter.everything(), 0, SHOWN,
                    AuditSort.newestFirst())));
            result.add(lists.recentSecurityEvents(accounts.recentSecurityEvents(SECURITY_EVENT_DAYS, SHOWN),
                    SECURITY_EVENT_DAYS));
            result.add(lists.accessReview(signing.accessReview(), false));
        }
        result.addAll(later);
        if (!mineFirst) {
            result.add(mine);
        }
        // a person with several roles sees each list once
        java.util.Map<String, Worklist> once = new java.util.LinkedHashMap<>();
        result.stream().filter(Objects::nonNull).forEach(list -> once.putIfAbsent(list.key(), list));
        return List.copyOf(once.values());
    }

    private Set<Role> roles() {
        Set<Role> held = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            if (external.isUserInRole(role.name())) {
                held.add(role);
            }
        }
        return held;
    }
}
