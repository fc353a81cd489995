package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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

/** The signature dialog in a real browser: what a person sees and does when signing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignatureScreensIT {

    private static final String PASSWORD = "capping station two at noon";

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
        Browser.closeShared(SignatureScreensIT.class);
    }

    @Test
    @Tag("P11-10j-1")
    @Tag("P11-200-1")
    @Tag("P11-50a-1")
    void a_new_user_signs_the_accountability_statement_in_the_dialog_with_user_id_and_password() {
        String user = person();
        browser.signIn(user, PASSWORD);
        browser.open("app/signature.xhtml");
        assertThat(browser.text()).contains("legally binding").contains("You have not signed it yet");

        browser.clickAndWaitFor("statement-signature:open", "Meaning of your signature");
        assertThat(browser.text()).contains("APPROVED").contains("signature-accountability statement");
        browser.type("statement-signature:user-id", user);
        browser.type("statement-signature:password", "not my password");
        browser.clickAndWaitFor("statement-signature:sign", "not accepted");

        browser.type("statement-signature:user-id", user);
        browser.type("statement-signature:password", PASSWORD);
        browser.clickAndWaitFor("statement-signature:sign", "Signed by Petra Person");
        assertThat(browser.text()).contains("Signed: APPROVED by Petra Person");
        assertThat(browser.text()).contains("(" + user + ")").contains("role OPERATOR").contains("meaning APPROVED")
                .contains("Europe/Berlin").contains("signature valid");
    }

    @Test
    @Tag("P11-200-3")
    void the_dialog_refuses_another_persons_user_id() {
        String user = person();
        browser.signIn(user, PASSWORD);
        browser.open("app/signature.xhtml");
        browser.clickAndWaitFor("statement-signature:open", "Meaning of your signature");
        browser.type("statement-signature:user-id", "operator1");
        browser.type("statement-signature:password", Api.DEMO_PASSWORD);
        browser.clickAndWaitFor("statement-signature:sign", "only sign as yourself");
        assertThat(browser.text()).doesNotContain("Signed by");
    }

    @Test
    @Tag("A11D-11-5")
    @Tag("P11-200-1")
    @Tag("P11-200-2")
    @Tag("negative")
    void an_administrator_signs_the_access_review_with_the_password_only_later_in_the_session_and_with_both_in_a_new_one() {
        String admin = person("ADMIN", "Alex Admin");
        browser.signIn(admin, PASSWORD);
        browser.open("app/signature.xhtml");
        browser.clickAndWaitFor("statement-signature:open", "Meaning of your signature");
        browser.type("statement-signature:user-id", admin);
        browser.type("statement-signature:password", PASSWORD);
        browser.clickAndWaitFor("statement-signature:sign", "Signed by Alex Admin");

        // later in the same continuous session: the password alone
        browser.open("app/access-review.xhtml");
        assertThat(browser.valueOf("report-state")).startsWith("Generated ");
        browser.clickAndWaitFor("review-bar:record-review", "Recorded");
        // from now on the page shows the recorded report, the one the signature covers
        assertThat(browser.valueOf("report-state")).startsWith("The recorded review, exactly as you sign it: generated ");
        assertThat(browser.valueOf("review-table")).contains(admin).contains("Alex Admin");
        browser.clickAndWaitFor("review-signature:open", "Meaning of your signature");
        assertThat(browser.text()).contains("REVIEWED").doesNotContain("User id");
        browser.type("review-signature:password", PASSWORD);
        browser.clickAndWaitFor("review-signature:sign", "Signed: REVIEWED by Alex Admin");
        browser.clickAndWaitFor("review-signature:close", "signature valid");
        browser.waitForHidden("review-signature:dialog");
        assertThat(browser.text()).contains("Review signed by Alex Admin").contains("meaning REVIEWED");

        // a new session: user id and password again
        browser.signOut();
        browser.signIn(admin, PASSWORD);
        browser.open("app/access-review.xhtml");
        browser.clickAndWaitFor("review-bar:record-review", "Recorded");
        browser.clickAndWaitFor("review-signature:open", "Meaning of your signature");
        assertThat(browser.text()).contains("User id");
        // the password alone is not enough in a new session: refused in the dialog, nothing signed
        browser.type("review-signature:password", PASSWORD);
        browser.clickAndWaitFor("review-signature:sign", "The first signing of a session needs your user id and password.");
        assertThat(browser.text()).doesNotContain("Signed: REVIEWED");
    }

    @Test
    void a_signature_before_the_statement_is_a_dead_end_that_links_to_my_signature() {
        String admin = person("ADMIN", "Alma Admin");
        browser.signIn(admin, PASSWORD);
        browser.open("app/access-review.xhtml");
        browser.clickAndWaitFor("review-bar:record-review", "Recorded");
        browser.clickAndWaitFor("review-signature:open", "You cannot sign yet");
        assertThat(browser.valueOf("review-signature:statement-first"))
                .contains("Sign the signature-accountability statement first");
        assertThat(browser.text()).as("no password is asked for a signing that cannot be made").doesNotContain("User id");
        browser.look("signature-dialog-statement-first");
        browser.clickAndWaitForPage("review-signature:statement-link");
        assertThat(browser.path()).isEqualTo("app/signature.xhtml");
        assertThat(browser.text()).contains("You have not signed it yet").contains("Has a signing certificate");
    }

    private String person() {
        return person("OPERATOR", "Petra Person");
    }

    /** A person with a password of their own, a role and a signing credential (identity verified by admin1). */
    private String person(String role, String fullName) {
        return new People(new Http(contextRoot), PASSWORD).credentialed(fullName, role);
    }
}
