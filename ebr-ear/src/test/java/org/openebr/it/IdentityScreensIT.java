package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The identity screens in a real browser (headless Chromium) on the real server: what an
 * administrator and a new operator actually do, bad input included.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityScreensIT {

    private static final String OWN_PASSWORD = "sterile vials need patient hands";
    /** Buttons inside action bars (composite components, naming containers). */
    private static final String CREATE = "create-actions:create";
    private static final String SAVE_ROLES = "roles-actions:save-roles";
    private static final String UNLOCK = "unlock";
    private static final String ACKNOWLEDGE = "acknowledge";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Browser browser;

    @BeforeEach
    void openBrowser() {
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
        Browser.closeShared(IdentityScreensIT.class);
    }

    @Test
    @Tag("PICS-9.5-1")
    @Tag("P11-200a3-1")
    void an_administrator_creates_an_account_and_the_new_user_must_choose_a_password_before_anything_else() {
        browser.signIn("admin1", Api.DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("app/home.xhtml");
        browser.open("app/admin/users.xhtml");

        // Without a reason nothing is created, and the screen says why.
        browser.type("newUserName", "jkoch");
        browser.type("newFullName", "Jana Koch");
        browser.clickAndWaitFor(CREATE, "A reason is required");

        browser.type("newUserName", "jkoch");
        browser.type("newFullName", "Jana Koch");
        browser.type("newReason", "new operator, filling line 2");
        browser.clickAndWaitFor(CREATE, "One-time password for jkoch");
        String oneTime = browser.valueOf("one-time-password");
        assertThat(oneTime).hasSize(16);

        browser.toggle("Operator: executes batch steps");
        browser.type("roles-reason", "trained on SOP-FILL-002");
        browser.clickAndWaitFor(SAVE_ROLES, "Roles of jkoch changed: granted Operator");
        browser.signOut();
        assertThat(browser.text()).contains("You are signed out.");

        // The one-time password opens only the password change.
        browser.signIn("jkoch", oneTime);
        assertThat(browser.path()).isEqualTo("app/change-password.xhtml");
        assertThat(browser.text()).contains("one-time password");
        browser.open("app/home.xhtml");
        assertThat(browser.path()).isEqualTo("app/change-password.xhtml");

        // A weak password is refused with the reason; a mistyped repeat too.
        browser.type("current", oneTime);
        browser.type("next", "password123");
        browser.type("repeated", "password123");
        browser.clickAndWaitForPage("change-bar:change-password");
        assertThat(browser.text()).contains("at least 12 characters").contains("most common passwords");
        browser.type("current", oneTime);
        browser.type("next", OWN_PASSWORD);
        browser.type("repeated", OWN_PASSWORD + "!");
        browser.clickAndWaitForPage("change-bar:change-password");
        assertThat(browser.text()).contains("The two new passwords differ.");

        browser.type("current", oneTime);
        browser.type("next", OWN_PASSWORD);
        browser.type("repeated", OWN_PASSWORD);
        browser.clickAndWaitForPage("change-bar:change-password");
        assertThat(browser.text()).contains("Password changed. Sign in with your new password.");

        browser.signIn("jkoch", OWN_PASSWORD);
        assertThat(browser.path()).isEqualTo("app/home.xhtml");
        assertThat(browser.text()).contains("Welcome, jkoch").doesNotContain("Users");
        // An operator cannot reach user administration, whatever the menu shows.
        browser.open("app/admin/users.xhtml");
        assertThat(browser.text()).doesNotContain("New account");
    }

    @Test
    @Tag("P11-300d-1")
    void a_locked_account_is_an_alert_on_the_administrators_screen_and_is_unlocked_with_a_reason() {
        for (int i = 0; i < 5; i++) {
            browser.signIn("operator2", "not my password " + i);
        }
        assertThat(browser.text()).contains("locked");
        browser.signIn("operator2", Api.DEMO_PASSWORD);
        assertThat(browser.path()).startsWith("login.xhtml");
        assertThat(browser.text()).contains("locked");

        browser.signIn("admin1", Api.DEMO_PASSWORD);
        assertThat(browser.text()).as("every page of an administrator shows open alerts").contains("open security alert");
        browser.clickAndWaitForPage("security-alert-banner");
        assertThat(browser.path()).isEqualTo("app/admin/users.xhtml#security-alerts");
        assertThat(browser.valueOf("alert-table")).contains("Account locked: operator2");

        // the lock is shown in the list, with since when and why, and undone at the row with a reason
        assertThat(browser.row("user-table", "operator2")).contains("Locked").contains("since ")
                .contains("locked after 5 consecutive failed sign-in attempts");
        browser.clickAndWaitFor(browser.idInRow("user-table", "operator2", UNLOCK), "A reason is required");
        browser.type(browser.idInRow("user-table", "operator2", "unlock-reason"), "user called the help desk, identity checked");
        browser.clickAndWaitFor(browser.idInRow("user-table", "operator2", UNLOCK), "Account operator2 unlocked.");
        assertThat(browser.row("user-table", "operator2")).contains("Active").doesNotContain("Locked");
        browser.signOut();

        browser.signIn("operator2", Api.DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("app/home.xhtml");
    }

    @Test
    void a_security_alert_is_acknowledged_at_the_alert_with_what_was_done_and_the_banner_count_drops() {
        String user = new People(new Http(contextRoot), OWN_PASSWORD).person("Lena Lock", "OPERATOR");
        for (int i = 0; i < 5; i++) {
            browser.signIn(user, "not my password " + i);
        }
        browser.signedIn("admin1", Api.DEMO_PASSWORD);
        int open = openAlerts();
        assertThat(open).isPositive();
        browser.clickAndWaitForPage("security-alert-banner");
        assertThat(browser.row("alert-table", user)).contains("Account locked: " + user).contains("locked after 5");
        browser.look("admin-users-alerts");
        browser.assertAccessible();

        // without saying what was done, the alert stays open, and the message is at that alert
        String acknowledge = browser.idInRow("alert-table", user, ACKNOWLEDGE);
        browser.clickAndWaitFor(acknowledge, "Say what was done about the alert");
        assertThat(browser.row("alert-table", user)).contains("Say what was done about the alert");
        browser.look("admin-users-alert-message");
        browser.type(browser.idInRow("alert-table", user, "comment"), "called the user, she mistyped after leave");
        browser.clickAndWaitFor(browser.idInRow("alert-table", user, ACKNOWLEDGE), "Alert acknowledged.");
        browser.open("app/home.xhtml");
        assertThat(openAlerts()).isEqualTo(open - 1);

        // acknowledged is not unlocked: the account still needs its unlock, at its row
        browser.open("app/admin/users.xhtml");
        assertThat(browser.row("user-table", user)).contains("Locked");
        List<JsonObject> acknowledged = Api.array(Api.demo(new Http(contextRoot), "admin1")
                .get("api/v1/security-events?user=" + user + "&type=ALERT_ACKNOWLEDGED")).getValuesAs(JsonObject.class);
        assertThat(acknowledged).singleElement().satisfies(e -> {
            assertThat(e.getString("actor")).isEqualTo("admin1");
            assertThat(e.getString("reason")).isEqualTo("called the user, she mistyped after leave");
        });
    }

    @Test
    void roles_are_chosen_in_words_each_change_is_recorded_with_its_reason_and_a_forbidden_mix_is_refused_in_the_rules_words() {
        String user = new People(new Http(contextRoot), OWN_PASSWORD).person("Rolf Roles", "OPERATOR");
        browser.signedIn("admin1", Api.DEMO_PASSWORD);
        browser.open("app/admin/users.xhtml");
        browser.clickAndWaitForPage(browser.idInRow("user-table", user, "change"));
        assertThat(browser.text()).contains("Change " + user + " (Rolf Roles)");
        assertThat(browser.ticked("Operator: executes batch steps")).isTrue();
        assertThat(browser.ticked("Supervisor: dispatches batches, records training")).isFalse();
        browser.look("admin-users-change");
        browser.assertAccessible();

        // administration and GMP roles never together: refused, said at the button, nothing changed
        browser.toggle("Administrator: accounts and roles, never a GMP action");
        browser.type("roles-reason", "covering for the site administrator");
        browser.clickAndWaitFor(SAVE_ROLES, "administrators never hold GMP or inspection roles");
        assertThat(browser.row("user-table", user)).contains("Operator").doesNotContain("Administrator");
        browser.toggle("Administrator: accounts and roles, never a GMP action");

        browser.toggle("Operator: executes batch steps");
        browser.toggle("Supervisor: dispatches batches, records training");
        browser.type("roles-reason", "promoted to shift supervisor, line 2");
        browser.clickAndWaitFor(SAVE_ROLES, "Roles of " + user + " changed: revoked Operator: executes batch steps;"
                + " granted Supervisor: dispatches batches, records training.");
        assertThat(browser.row("user-table", user)).contains("Supervisor").doesNotContain("Operator");

        Api admin = Api.demo(new Http(contextRoot), "admin1");
        assertThat(Api.array(admin.get("api/v1/security-events?user=" + user + "&type=ROLE_REVOKED"))
                .getValuesAs(JsonObject.class)).singleElement().satisfies(e -> {
                    assertThat(e.getString("actor")).isEqualTo("admin1");
                    assertThat(e.getString("detail")).contains("OPERATOR");
                    assertThat(e.getString("reason")).isEqualTo("promoted to shift supervisor, line 2");
                });
        assertThat(Api.array(admin.get("api/v1/security-events?user=" + user + "&type=ROLE_GRANTED"))
                .getValuesAs(JsonObject.class)).anySatisfy(e -> {
                    assertThat(e.getString("detail")).contains("SUPERVISOR");
                    assertThat(e.getString("reason")).isEqualTo("promoted to shift supervisor, line 2");
                });
    }

    /** The number the header's alert banner shows (0 without a banner). */
    private int openAlerts() {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("(\\d+) open security alert").matcher(browser.text());
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    @Test
    @Tag("A11D-11-3")
    void inspectors_search_security_events_and_see_the_access_review_without_changing_anything() {
        browser.signIn("nobody-known", "whatever it is");
        browser.signedIn("inspector1", Api.DEMO_PASSWORD);

        browser.open("app/security-events.xhtml");
        browser.type("user", "nobody-known");
        browser.clickAndWaitFor("search-bar:search", "unknown user name");
        assertThat(browser.text()).contains("LOGIN_FAILED");

        browser.open("app/access-review.xhtml");
        assertThat(browser.text()).contains("Access review").contains("operator1").contains("erp-client").contains("(technical)");

        browser.open("app/admin/users.xhtml");
        assertThat(browser.text()).doesNotContain("New account");
    }

    @Test
    @Tag("P11-10i-1")
    void a_supervisor_records_training_and_an_incomplete_record_is_refused_with_the_reason() {
        browser.signedIn("supervisor1", Api.DEMO_PASSWORD);
        browser.open("app/training.xhtml");
        browser.choose("person", "operator1");
        browser.waitForText("Record training");

        browser.type("qualification", "OP-ASEPTIC-FILLING");
        browser.type("description", "Aseptic filling of 2 mL vials, SOP-FILL-002 rev 4");
        browser.clickAndWaitFor("record-bar:record", "needs a valid-from date");

        browser.type("qualification", "OP-ASEPTIC-FILLING");
        browser.type("description", "Aseptic filling of 2 mL vials, SOP-FILL-002 rev 4");
        browser.typeDate("validFrom", "2026-01-15");
        browser.clickAndWaitFor("record-bar:record", "Training OP-ASEPTIC-FILLING recorded for operator1.");
        assertThat(browser.text()).contains("SOP-FILL-002 rev 4").contains("2026-01-15").contains("open end")
                .contains("supervisor1");
    }
}
