package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each role's home page in a real browser: the worklists the role must see, with the counts the
 * server's records give (counted independently through the API), one click from a task to the
 * page of that record, and none of the worklists of the other roles. Each test makes its own
 * people and records; the counts of lists shared by everyone are taken from the API right before
 * the page is read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleHomesIT {

    private static final String PASSWORD = People.PASSWORD;
    private static final ZoneId SITE = ZoneId.of("Europe/Berlin");
    /** Every card of every role: a role sees its own and none of the others. */
    private static final Set<String> CARDS = Set.of("my-tasks", "recipes-to-approve", "recipes-to-make-effective",
            "recipes-awaiting-approval",
            "my-drafts", "my-rejections", "open-alerts", "locked-accounts", "pending-verifications",
            "one-time-passwords", "access-review", "batches-to-review", "batches-to-release", "my-batches",
            "batches-to-dispatch", "deviations-to-classify", "steps-to-verify", "effective-recipes", "my-qualifications", "qualifications-due", "audit-latest", "security-events",
            "setting-changes-to-sign", "setting-changes-to-decide");
    private static final Set<String> SIGNING_ROLES = Set.of("OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR",
            "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "WAREHOUSE", "MAINTENANCE", "ADMIN");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    People people;
    Api admin;
    Browser browser;

    @BeforeEach
    void open() {
        http = new Http(contextRoot);
        people = new People(http);
        admin = Api.demo(http, "admin1");
        browser = Browser.shared(getClass(), contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.nextTest(getClass());
    }

    /** One Chromium for the class's tests (see {@link Browser#shared}). */
    @AfterAll
    static void quitBrowser() {
        Browser.closeShared(RoleHomesIT.class);
    }

    @Test
    void the_approver_lands_on_the_versions_to_approve_and_one_click_opens_the_version_in_the_designer() {
        String author = sharedAuthor();
        String approver = people.signer("Alma Approver", "RECIPE_APPROVER");
        String recipe = RecipesIT.uniqueId();
        imported(author, recipe);
        submitted(author, recipe + ":1");

        long inReview = versionsIn("IN_REVIEW", approver);
        long approvedWithoutDate = Api.array(people.api(approver).get("api/v1/recipes")).getValuesAs(JsonObject.class)
                .stream().flatMap(r -> r.getJsonArray("versions").getValuesAs(JsonObject.class).stream())
                .filter(v -> "APPROVED".equals(v.getString("status")) && (!v.containsKey("effectiveFrom") || v.get("effectiveFrom") == JsonValue.NULL)).count();
        home(approver);
        seesExactly("my-tasks", "recipes-to-approve", "recipes-to-make-effective");
        assertThat(count("recipes-to-approve")).isEqualTo(inReview).isPositive();
        assertThat(count("recipes-to-make-effective")).isEqualTo(approvedWithoutDate);
        assertThat(count("my-tasks")).isZero(); // a signer with credential and statement: ready
        assertThat(browser.valueOf("my-tasks")).contains("ready to sign");
        assertThat(browser.itemDetails("recipes-to-approve")).allSatisfy(d -> assertThat(d).startsWith("Submitted "));
        lookAt("home-approver");

        String first = browser.itemLabels("recipes-to-approve").get(0);
        browser.clickItem("recipes-to-approve", 0);
        opened(first);
        assertThat(browser.valueOf("recipe-status")).isEqualTo("In review");
    }

    @Test
    void the_author_lands_on_their_drafts_and_rejections_with_the_reason_and_one_click_opens_the_rejected_version() {
        String author = people.signer("Arne Author", "RECIPE_AUTHOR");
        String approver = sharedApprover();
        String draft = RecipesIT.uniqueId();
        String rejected = RecipesIT.uniqueId();
        imported(author, draft);
        imported(author, rejected);
        submitted(author, rejected + ":1");
        HttpResponse<String> rejection = people.api(approver).post("api/v1/recipes/" + rejected + "/versions/1/reject",
                "{\"reason\":\"trend report TR-2026-07 not referenced\"}");
        assertThat(rejection.statusCode()).as(rejection.body()).isEqualTo(200);

        home(author);
        seesExactly("my-tasks", "my-drafts", "my-rejections");
        assertThat(count("my-drafts")).isEqualTo(1);
        assertThat(count("my-rejections")).isEqualTo(1);
        assertThat(browser.itemLabels("my-drafts")).containsExactly(draft + " version 1: Demoprofen 10 mg/mL solution for injection");
        assertThat(browser.itemDetails("my-rejections").get(0)).contains("by " + approver)
                .endsWith("Reason: trend report TR-2026-07 not referenced");
        lookAt("home-author");

        browser.clickItem("my-rejections", 0);
        assertThat(browser.path()).startsWith("app/recipe.xhtml").contains("id=" + rejected).contains("version=1");
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Rejected");
    }

    @Test
    void the_administrator_lands_on_alerts_locked_accounts_pending_identity_verifications_and_one_time_passwords() {
        String administrator = people.person("Ada Admin", "ADMIN");
        people.person("Nina Newcomer", "QA_REVIEWER"); // in a role that signs, identity not verified
        String locked = people.person("Lars Locked", "OPERATOR");
        for (int attempt = 0; attempt < 5; attempt++) {
            new Api(http, locked, "not the password at all").get("api/v1/me");
        }
        people.create("p-" + Long.toString(System.nanoTime(), 36), "Fred Fresh"); // one-time password not yet used

        List<JsonObject> users = Api.array(admin.get("api/v1/users")).getValuesAs(JsonObject.class);
        long pending = users.stream().filter(u -> "ACTIVE".equals(u.getString("status")) && !u.getBoolean("technical")
                && !u.getString("userName").equals(administrator) && signs(u) && !credentialed(u.getString("userName")))
                .count();
        long lockedCount = users.stream().filter(u -> "LOCKED".equals(u.getString("status"))).count();
        long oneTime = users.stream().filter(u -> "ACTIVE".equals(u.getString("status"))
                && u.getBoolean("passwordChangeRequired")).count();
        long alerts = Api.array(admin.get("api/v1/security-alerts")).size();

        home(administrator);
        seesExactly("my-tasks", "open-alerts", "locked-accounts", "pending-verifications", "one-time-passwords",
                "access-review", "qualifications-due", "setting-changes-to-sign");
        assertThat(count("pending-verifications")).isEqualTo(pending).isPositive();
        assertThat(count("locked-accounts")).isEqualTo(lockedCount).isPositive();
        assertThat(count("one-time-passwords")).isEqualTo(oneTime).isPositive();
        assertThat(count("open-alerts")).isEqualTo(alerts).isPositive();
        // the new administrator cannot sign yet: statement and credential are their own tasks
        assertThat(browser.itemLabels("my-tasks")).containsExactly("Sign your signature-accountability statement",
                "You have no signing credential yet");
        lookAt("home-admin");

        String person = browser.itemLabels("pending-verifications").get(0);
        String userName = person.substring(person.lastIndexOf('(') + 1, person.length() - 1);
        browser.clickItem("pending-verifications", 0);
        assertThat(browser.path()).isEqualTo("app/admin/credentials.xhtml?user=" + URLEncoder.encode(userName,
                StandardCharsets.UTF_8));

        backHome();
        String lockedPerson = browser.itemLabels("locked-accounts").get(0);
        browser.clickItem("locked-accounts", 0);
        assertThat(browser.path()).startsWith("app/admin/users.xhtml?user=");
        assertThat(lockedPerson).endsWith("(" + browser.path().substring("app/admin/users.xhtml?user=".length()) + ")");
    }

    @Test
    void qa_lands_on_versions_awaiting_approval_the_access_review_and_expiring_qualifications_and_no_made_up_batches() {
        String author = sharedAuthor();
        String recipe = RecipesIT.uniqueId();
        imported(author, recipe);
        submitted(author, recipe + ":1");
        String operator = people.person("Olivia Operatorin", "OPERATOR");
        LocalDate today = LocalDate.now(SITE);
        training(operator, "OP-GOWNING", today.minusYears(1), today.plusDays(5));
        String qa = people.person("Quentin Reviewer", "QA_REVIEWER");

        long inReview = versionsIn("IN_REVIEW", author);
        long due = qualificationsDue(today.plusDays(30));
        home(qa);
        seesExactly("my-tasks", "batches-to-review", "recipes-awaiting-approval", "access-review", "qualifications-due",
                "setting-changes-to-decide");
        assertThat(count("recipes-awaiting-approval")).isEqualTo(inReview).isPositive();
        assertThat(count("qualifications-due")).isEqualTo(due).isPositive();
        assertThat(count("batches-to-review")).isEqualTo(batchesIn("COMPLETED", qa));
        assertThat(count("my-tasks")).isEqualTo(2);
        lookAt("home-qa");

        String first = browser.itemLabels("recipes-awaiting-approval").get(0);
        browser.clickItem("recipes-awaiting-approval", 0);
        opened(first);
    }

    @Test
    void the_inspector_lands_on_effective_recipes_the_latest_audit_entries_and_security_events_with_counts() {
        String author = sharedAuthor();
        String approver = sharedApprover();
        effective(author, approver, RecipesIT.uniqueId());
        String inspector = people.person("Irene Inspektorin", "INSPECTOR");

        long effective = versionsIn("EFFECTIVE", inspector);
        long auditBefore = people.api(inspector).getJson("api/v1/audit?size=1").getJsonNumber("total").longValue();
        Instant weekAgo = Instant.now().minusSeconds(7 * 86_400L);
        long eventsBefore = Api.array(people.api(inspector).get("api/v1/security-events?from=" + weekAgo)).size();
        home(inspector);
        long auditAfter = people.api(inspector).getJson("api/v1/audit?size=1").getJsonNumber("total").longValue();
        // an inspector signs nothing: no tasks of their own
        seesExactly("effective-recipes", "audit-latest", "security-events", "access-review");
        assertThat(count("effective-recipes")).isEqualTo(effective).isPositive();
        assertThat(count("audit-latest")).isBetween(auditBefore, auditAfter);
        if (eventsBefore < 1000) { // the API answers at most 1000 events
            assertThat(count("security-events")).isGreaterThanOrEqualTo(eventsBefore);
        }
        assertThat(browser.itemLabels("audit-latest")).hasSize(5);
        lookAt("home-inspector");

        browser.clickItem("audit-latest", 0);
        assertThat(browser.path()).startsWith("app/audit-history.xhtml?type=");
        backHome();
        String first = browser.itemLabels("effective-recipes").get(0);
        browser.clickItem("effective-recipes", 0);
        opened(first);
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Effective");
    }

    @Test
    void the_operator_lands_on_effective_recipes_their_own_qualifications_and_the_place_of_their_batches() {
        String author = sharedAuthor();
        String approver = sharedApprover();
        effective(author, approver, RecipesIT.uniqueId());
        String operator = people.person("Olivia Operatorin", "OPERATOR");
        LocalDate today = LocalDate.now(SITE);
        training(operator, "OP-ASEPTIC-FILLING", today.minusYears(1), today.plusDays(10));
        training(operator, "OP-GOWNING", today.minusYears(1), today.minusDays(2));
        training(operator, "OP-CAPPING", today.minusYears(1), null);

        long effective = versionsIn("EFFECTIVE", operator);
        home(operator);
        seesExactly("my-tasks", "my-batches", "steps-to-verify", "effective-recipes", "my-qualifications");
        assertThat(count("effective-recipes")).isEqualTo(effective).isPositive();
        assertThat(count("my-qualifications")).isEqualTo(2);
        assertThat(browser.itemLabels("my-qualifications")).containsExactly("OP-GOWNING: SOP training",
                "OP-ASEPTIC-FILLING: SOP training");
        assertThat(count("my-batches")).isEqualTo(batchesIn("READY", operator) + batchesIn("IN_PROGRESS", operator));
        assertThat(browser.itemLabels("my-tasks")).containsExactly("Sign your signature-accountability statement",
                "You have no signing credential yet");
        lookAt("home-operator");

        String first = browser.itemLabels("effective-recipes").get(0);
        browser.clickItem("effective-recipes", 0);
        opened(first);
        assertThat(browser.valueOf("recipe-status")).isEqualTo("Effective");

        backHome();
        browser.clickItem("my-tasks", 0);
        assertThat(browser.path()).startsWith("app/signature.xhtml");
    }

    @Test
    void the_supervisor_also_sees_the_teams_expiring_qualifications_and_one_click_opens_the_training_records() {
        String operator = people.person("Olivia Operatorin", "OPERATOR");
        LocalDate today = LocalDate.now(SITE);
        training(operator, "OP-ASEPTIC-FILLING", today.minusYears(1), today.plusDays(3));
        String supervisor = people.person("Sophie Supervisorin", "SUPERVISOR");

        long due = qualificationsDue(today.plusDays(30));
        home(supervisor);
        seesExactly("my-tasks", "batches-to-dispatch", "deviations-to-classify", "my-batches", "steps-to-verify",
                "effective-recipes", "my-qualifications", "qualifications-due");
        assertThat(count("qualifications-due")).isEqualTo(due).isPositive();
        lookAt("home-supervisor");

        String first = browser.itemLabels("qualifications-due").get(0);
        browser.clickItem("qualifications-due", 0);
        assertThat(browser.path()).startsWith("app/training.xhtml?user=");
        assertThat(first).contains("(" + browser.path().substring("app/training.xhtml?user=".length()) + ")");
    }

    // --- the page ----------------------------------------------------------------------------------

    private void home(String user) {
        browser.signIn(user, PASSWORD);
        // signing in lands on the home page: no need to open it again
        assertThat(browser.path()).isEqualTo("app/home.xhtml");
        browser.waitForText("Welcome, " + user);
    }

    private void backHome() {
        browser.open("app/home.xhtml");
        browser.waitForText("Welcome, ");
    }

    /** The role's cards are there and no other role's card is. */
    private void seesExactly(String... cards) {
        for (String card : CARDS) {
            assertThat(browser.present(card)).as("card " + card).isEqualTo(List.of(cards).contains(card));
        }
    }

    private long count(String card) {
        return Long.parseLong(browser.valueOf(card + "-count").strip());
    }

    private void lookAt(String name) {
        browser.look(name);
        browser.assertAccessible();
    }

    /** The designer opened the version the task named ("ID version N: product"). */
    private void opened(String label) {
        String recipe = label.substring(0, label.indexOf(" version "));
        String version = label.substring(label.indexOf(" version ") + 9, label.indexOf(':'));
        assertThat(browser.path()).startsWith("app/recipe.xhtml?id=" + URLEncoder.encode(recipe, StandardCharsets.UTF_8)
                + "&version=" + version);
        assertThat(browser.text()).contains(recipe);
    }

    // --- the records, made and counted through the API --------------------------------------------

    /**
     * The author of the records of tests that do not read the author's home page: the same signer for
     * the class (People.sharedSigner; a signer costs eight password hashes). The author whose drafts and
     * rejections are counted, and the approver whose home page is read, are each test's own.
     */
    private String sharedAuthor() {
        return people.sharedSigner(RoleHomesIT.class, "Arne Author", "RECIPE_AUTHOR");
    }

    /** The approver of the records of tests that do not read the approver's home page (see {@link #sharedAuthor}). */
    private String sharedApprover() {
        return people.sharedSigner(RoleHomesIT.class, "Alma Approver", "RECIPE_APPROVER");
    }

    private void imported(String author, String recipe) {
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import", RecipesIT.reference(recipe));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    }

    private void submitted(String author, String recordId) {
        HttpResponse<String> signed = people.sign(author, "RECIPE_VERSION", recordId, "PERFORMED");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    }

    private void effective(String author, String approver, String recipe) {
        imported(author, recipe);
        submitted(author, recipe + ":1");
        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":1", "APPROVED").statusCode()).isEqualTo(201);
        HttpResponse<String> made = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/1/effective",
                "{\"reason\":\"released for production\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    }

    private void training(String user, String qualification, LocalDate from, LocalDate until) {
        HttpResponse<String> recorded = admin.post("api/v1/users/" + user + "/training", "{\"qualification\":\""
                + qualification + "\",\"description\":\"SOP training\",\"validFrom\":\"" + from + "\""
                + (until == null ? "" : ",\"validUntil\":\"" + until + "\"") + "}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }

    /** Versions of every recipe in this status, as the recipes API lists them. */
    private long versionsIn(String status, String reader) {
        return Api.array(people.api(reader).get("api/v1/recipes")).getValuesAs(JsonObject.class).stream()
                .flatMap(r -> r.getJsonArray("versions").getValuesAs(JsonObject.class).stream())
                .filter(v -> status.equals(v.getString("status"))).count();
    }

    /** Batches in this status, as the batches API lists them (issue 16). */
    private long batchesIn(String status, String reader) {
        return Api.array(people.api(reader).get("api/v1/batches?status=" + status)).size();
    }

    private static boolean signs(JsonObject user) {
        return user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(role -> SIGNING_ROLES.contains(role.getString()));
    }

    /** An active (not revoked) signing credential; the test's certificates are all fresh. */
    private boolean credentialed(String user) {
        return Api.array(admin.get("api/v1/signing-credentials/" + user)).getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> !c.containsKey("revokedAt") || c.get("revokedAt") == JsonValue.NULL);
    }

    /**
     * Qualifications of people not deactivated that end by {@code horizon} (or ended) without a later
     * record of the same qualification: counted from every person's training records.
     */
    private long qualificationsDue(LocalDate horizon) {
        long due = 0;
        for (JsonObject user : Api.array(admin.get("api/v1/users")).getValuesAs(JsonObject.class)) {
            if (user.getBoolean("technical") || "DEACTIVATED".equals(user.getString("status"))) {
                continue;
            }
            List<JsonObject> records = Api.array(admin.get("api/v1/users/" + user.getString("userName") + "/training"))
                    .getValuesAs(JsonObject.class).stream()
                    .filter(t -> !t.containsKey("voidedAt") || t.get("voidedAt") == JsonValue.NULL).toList();
            for (JsonObject t : records) {
                if (!t.containsKey("validUntil") || t.get("validUntil") == JsonValue.NULL) {
                    continue;
                }
                LocalDate until = LocalDate.parse(t.getString("validUntil"));
                boolean renewed = records.stream().anyMatch(r -> r.getString("qualification").equals(t.getString("qualification"))
                        && (!r.containsKey("validUntil") || r.get("validUntil") == JsonValue.NULL
                                || LocalDate.parse(r.getString("validUntil")).isAfter(until)));
                if (!until.isAfter(horizon) && !renewed) {
                    due++;
                }
            }
        }
        return due;
    }
}
