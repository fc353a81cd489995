package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
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

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.close();
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
        browser.clickAndWaitFor("create", "A reason is required");

        browser.type("newUserName", "jkoch");
        browser.type("newFullName", "Jana Koch");
        browser.type("newReason", "new operator, filling line 2");
        browser.clickAndWaitFor("create", "One-time password for jkoch");
        String oneTime = browser.valueOf("one-time-password");
        assertThat(oneTime).hasSize(16);

        browser.choose("target", "jkoch");
        browser.choose("action", "GRANT_ROLE");
        browser.choose("role", "OPERATOR");
        browser.type("reason", "trained on SOP-FILL-002");
        browser.clickAndWaitFor("apply", "Done: grant role for jkoch.");
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
        assertThat(browser.path()).isEqualTo("app/admin/users.xhtml");
        assertThat(browser.text()).contains("Security alerts").contains("ACCOUNT_LOCKED");

        browser.choose("target", "operator2");
        browser.choose("action", "UNLOCK");
        browser.clickAndWaitFor("apply", "A reason is required");
        browser.type("reason", "user called the help desk, identity checked");
        browser.clickAndWaitFor("apply", "Done: unlock for operator2.");
        browser.signOut();

        browser.signIn("operator2", Api.DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("app/home.xhtml");
    }

    @Test
    @Tag("A11D-11-3")
    void inspectors_search_security_events_and_see_the_access_review_without_changing_anything() {
        browser.signIn("nobody-known", "whatever it is");
        browser.signIn("inspector1", Api.DEMO_PASSWORD);

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
        browser.signIn("supervisor1", Api.DEMO_PASSWORD);
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
