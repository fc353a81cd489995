package org.openebr.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openebr.identity.boundary.AccountWorklists;
import org.openebr.platform.boundary.Excerpt;
import org.openebr.recipe.boundary.RecipeWorklists;
import org.openebr.signature.boundary.SigningWorklists;
import org.openebr.ui.WorkItem;
import org.openebr.ui.Worklist;

/** What a person reads on their home page, and where one click takes them. */
class HomeListsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T13:00:00Z");
    private final HomeLists lists = new HomeLists(ZoneId.of("Europe/Berlin"));

    private static RecipeWorklists.VersionTask inReview(String recipe, int version, boolean mine) {
        return new RecipeWorklists.VersionTask(recipe, version, "Demoprofen 10 mg/mL", "IN_REVIEW",
                Instant.parse("2026-12-01T08:15:00Z"), "author1", "CC-2026-034", 1, 3, mine);
    }

    @Test
    void the_approver_sees_who_submitted_when_with_the_total_and_a_link_to_the_version_in_the_designer() {
        Worklist list = lists.toApprove(new Excerpt<>(List.of(inReview("DEMO-1", 3, false), inReview("DEMO 2", 1, true)), 7));
        assertThat(list.count()).isEqualTo(7);
        assertThat(list.hasMore()).isTrue();
        WorkItem first = list.items().get(0);
        assertThat(first.label()).isEqualTo("DEMO-1 version 3: Demoprofen 10 mg/mL");
        assertThat(first.detail()).isEqualTo("Submitted 2026-12-01 09:15 CET by author1");
        assertThat(first.url()).isEqualTo("app/recipe.xhtml?id=DEMO-1&version=3");
        assertThat(first.statusLabel()).isEqualTo("In review");
        WorkItem own = list.items().get(1);
        assertThat(own.detail()).contains("another approver must approve");
        assertThat(own.statusLabel()).contains("another approver must approve");
        assertThat(own.url()).isEqualTo("app/recipe.xhtml?id=DEMO+2&version=1");
    }

    @Test
    void a_rejected_version_shows_the_reason_and_an_empty_list_says_so() {
        RecipeWorklists.VersionTask rejected = new RecipeWorklists.VersionTask("DEMO-1", 2, "Demoprofen", "REJECTED",
                Instant.parse("2026-12-02T10:00:00Z"), "approver1", "trend report not referenced", 1, 2, true);
        Worklist list = lists.myRejections(new Excerpt<>(List.of(rejected), 1));
        assertThat(list.items().get(0).detail())
                .isEqualTo("Rejected 2026-12-02 11:00 CET by approver1. Reason: trend report not referenced");
        assertThat(lists.myDrafts(new Excerpt<>(List.of(), 0)).emptyText()).isEqualTo("You have no drafts.");
    }

    @Test
    void a_pending_identity_verification_links_to_the_credentials_screen_of_that_person() {
        SigningWorklists.PendingVerification pending = new SigningWorklists.PendingVerification("qa.2", "Quinn Releaser",
                List.of("QA_RELEASER"), NOW, SigningWorklists.Gap.NO_IDENTITY_VERIFICATION);
        WorkItem item = lists.pendingVerifications(new Excerpt<>(List.of(pending), 1)).items().get(0);
        assertThat(item.url()).isEqualTo("app/admin/credentials.xhtml?user=qa.2");
        assertThat(item.label()).isEqualTo("Quinn Releaser (qa.2)");
        assertThat(item.detail()).startsWith("QA releaser. No identity verification recorded");
    }

    @Test
    void an_expired_one_time_password_asks_for_a_new_one() {
        AccountWorklists.AccountTask expired = new AccountWorklists.AccountTask("new.hire", "Nina Newcomer",
                NOW.minusSeconds(80 * 3600), NOW.minusSeconds(8 * 3600), true);
        WorkItem item = lists.unusedOneTimePasswords(new Excerpt<>(List.of(expired), 1)).items().get(0);
        assertThat(item.status()).isEqualTo("EXPIRED");
        assertThat(item.detail()).contains("cannot sign in").contains("reset the password");
        assertThat(item.url()).isEqualTo("app/admin/users.xhtml?user=new.hire");
    }

    @Test
    void own_tasks_before_signing_and_none_for_someone_who_does_not_sign() {
        Worklist notReady = lists.mine(new SigningWorklists.Readiness(true, false, false, null), null, NOW);
        assertThat(notReady.items()).extracting(WorkItem::label).containsExactly(
                "Sign your signature-accountability statement", "You have no signing credential yet");
        assertThat(notReady.items().get(1).detail()).contains("administrator must verify your identity");
        assertThat(notReady.items().get(0).url()).isEqualTo("app/signature.xhtml");

        Worklist ready = lists.mine(new SigningWorklists.Readiness(true, true, true, NOW.plusSeconds(86_400 * 700)),
                null, NOW);
        assertThat(ready.count()).isZero();
        assertThat(ready.emptyText()).contains("ready to sign");

        assertThat(lists.mine(new SigningWorklists.Readiness(false, false, false, null), null, NOW)).isNull();
        Worklist password = lists.mine(new SigningWorklists.Readiness(false, false, false, null),
                NOW.plusSeconds(86_400 * 3), NOW);
        assertThat(password.items()).extracting(WorkItem::label).containsExactly("Your password expires soon");
        assertThat(password.items().get(0).url()).isEqualTo("app/change-password.xhtml");
        assertThat(lists.mine(new SigningWorklists.Readiness(true, true, true, null), NOW.plusSeconds(86_400 * 20), NOW)
                .items()).isEmpty();
    }

    @Test
    void own_qualifications_list_only_what_needs_renewing_soonest_first() {
        List<AccountWorklists.MyQualification> mine = List.of(
                new AccountWorklists.MyQualification("OP-ASEPTIC-FILLING", "aseptic filling", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 12, 20), AccountWorklists.QualificationState.EXPIRING),
                new AccountWorklists.MyQualification("OP-GOWNING", "", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 11, 30), AccountWorklists.QualificationState.EXPIRED),
                new AccountWorklists.MyQualification("OP-WEIGHING", "", LocalDate.of(2025, 1, 1), null,
                        AccountWorklists.QualificationState.CURRENT));
        Worklist list = lists.myQualifications(mine, false);
        assertThat(list.count()).isEqualTo(2);
        assertThat(list.items()).extracting(WorkItem::label).containsExactly("OP-GOWNING", "OP-ASEPTIC-FILLING: aseptic filling");
        assertThat(list.items().get(0).detail()).startsWith("Expired 2026-11-30");
        assertThat(lists.myQualifications(List.of(mine.get(2)), false).emptyText())
                .isEqualTo("All your 1 qualification is current for at least 30 days.");
    }

    @Test
    void the_access_review_is_a_task_only_when_it_is_due() {
        SigningWorklists.AccessReviewState never = new SigningWorklists.AccessReviewState(null, null, 90, NOW, true);
        Worklist due = lists.accessReview(never, true);
        assertThat(due.count()).isEqualTo(1);
        assertThat(due.items().get(0).label()).isEqualTo("Record and sign the periodic access review");
        assertThat(due.items().get(0).detail()).startsWith("No access review has been recorded and signed yet.");
        SigningWorklists.AccessReviewState done = new SigningWorklists.AccessReviewState(NOW.minusSeconds(86_400),
                "Adam Administrator (admin1)", 90, NOW.plusSeconds(86_400 * 89), false);
        Worklist notDue = lists.accessReview(done, false);
        assertThat(notDue.count()).isZero();
        assertThat(notDue.emptyText()).startsWith("Last signed 2026-12-02 14:00 CET by Adam Administrator (admin1).")
                .contains("Next due 2027-03-02");
    }

    @Test
    void codes_read_as_words() {
        assertThat(HomeLists.words("ACCOUNT_LOCKED")).isEqualTo("Account locked");
        assertThat(HomeLists.words("QA_REVIEWER")).isEqualTo("QA reviewer");
        assertThat(HomeLists.words("RECIPE_APPROVER")).isEqualTo("Recipe approver");
    }
}
