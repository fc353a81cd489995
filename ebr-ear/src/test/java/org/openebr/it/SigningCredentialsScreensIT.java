package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
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
 * From a new account to its first valid signature, entirely on screen in a real browser: one
 * administrator creates the account and chooses its role, the person cannot sign and is told why
 * and where that is resolved, a second administrator records the identity verification (bad input
 * said at the field), and the person signs the accountability statement.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SigningCredentialsScreensIT {

    private static final String OWN_PASSWORD = "stoppers seated, caps crimped";

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
        Browser.closeShared(SigningCredentialsScreensIT.class);
    }

    @Test
    @Tag("P11-100b-1")
    void an_administrator_creates_a_signer_a_second_one_verifies_the_identity_and_the_person_signs_on_screen() {
        String user = "s" + Long.toString(System.nanoTime(), 36);
        Http http = new Http(contextRoot);
        String verifier = new People(http, OWN_PASSWORD).person("Vera Verifier", "ADMIN");

        // 1. admin1 creates the account; the one-time password appears next to the button, in view
        browser.signIn("admin1", Api.DEMO_PASSWORD);
        browser.open("app/admin/users.xhtml");
        browser.type("newUserName", user);
        browser.type("newFullName", "Sophie Signer");
        browser.type("newReason", "new operator, filling line 1");
        browser.clickAndWaitFor(Ids.CREATE, "One-time password for " + user);
        String oneTime = browser.valueOf("one-time-password");
        assertThat(oneTime).hasSize(16);
        assertThat(browser.inView("one-time-password")).as("the one-time password is where the administrator looks").isTrue();
        browser.look("admin-users-one-time-password");

        // ... and chooses the role from the roles in words; the account is selected for that already
        assertThat(browser.text()).contains("Change " + user + " (Sophie Signer)");
        browser.toggle("Operator: executes batch steps");
        browser.type("roles-reason", "trained on SOP-FILL-002");
        browser.clickAndWaitFor(Ids.SAVE_ROLES, "Roles of " + user + " changed: granted Operator: executes batch steps.");
        assertThat(browser.text()).as("shown once").doesNotContain(oneTime);
        browser.open("app/admin/users.xhtml?user=" + user);
        assertThat(browser.text()).doesNotContain(oneTime);
        browser.assertAccessible();
        assertThat(browser.valueOf(browser.idInRow("user-table", user, "credentials"))).isEqualTo("Verify identity");
        browser.look("admin-users-roles-saved");
        browser.signOut();

        // 2. the person replaces the one-time password, and cannot sign yet: told why and by whom it is resolved
        browser.signIn(user, oneTime);
        assertThat(browser.path()).isEqualTo("app/change-password.xhtml");
        browser.type("current", oneTime);
        browser.type("next", OWN_PASSWORD);
        browser.type("repeated", OWN_PASSWORD);
        browser.clickAndWaitForPage("change-bar:change-password");
        assertThat(browser.text()).contains("Password changed.");
        browser.signIn(user, OWN_PASSWORD);
        browser.open("app/signature.xhtml");
        assertThat(browser.valueOf("no-certificate")).contains("You have no signing certificate yet")
                .contains("An administrator must check your identity in person");
        browser.look("my-signature-no-certificate");
        browser.assertAccessible();
        browser.clickAndWaitFor("statement-signature:open", "You cannot sign yet");
        assertThat(browser.valueOf("statement-signature:no-certificate")).contains("An administrator")
                .contains("Signing credentials screen");
        assertThat(browser.text()).doesNotContain("User id");
        browser.look("signature-dialog-no-certificate");
        browser.assertAccessible();
        // the server refuses it too, whatever a client sends (21 CFR 11.100(b))
        Api me = new Api(http, user, OWN_PASSWORD);
        HttpResponse<String> refused = me.post("api/v1/me/accountability-statement/signature", "{\"userName\":" + q(user)
                + ",\"password\":" + q(OWN_PASSWORD) + ",\"nonce\":" + q(People.nonce(me)) + "}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("signature-not-ready").contains("no signing certificate");
        browser.clickAndWaitFor("statement-signature:dead-end-close", "You have not signed it yet");
        browser.waitForHidden("statement-signature:dialog");
        browser.signOut();

        // 3. a second administrator records the identity verification; bad input is said at the field
        browser.signIn(verifier, OWN_PASSWORD);
        browser.open("app/admin/users.xhtml");
        browser.clickAndWaitForPage(browser.idInRow("user-table", user, "credentials"));
        assertThat(browser.path()).isEqualTo("app/admin/credentials.xhtml?user=" + user);
        assertThat(browser.text()).contains("Signing credentials of Sophie Signer").contains("No signing certificate")
                .contains("No certificate has been issued to " + user);
        browser.clickAndWaitFor(Ids.VERIFY, "Say how the identity was verified");
        browser.waitForTextOf("verification-method-message", "Say how the identity was verified (at most 300 characters)");
        browser.paste("verification-method", "passport checked in person ".repeat(12));
        browser.clickAndWaitFor(Ids.VERIFY, "Say how the identity was verified");
        browser.waitForTextOf("verification-method-message", "at most 300 characters");
        browser.look("admin-credentials-field-message");
        browser.assertAccessible();
        assertThat(browser.text()).contains("No certificate has been issued to " + user);
        browser.type("verification-method", "passport checked in person by the site HR officer");
        browser.clickAndWaitFor(Ids.VERIFY, "Identity verification recorded; signing certificate");
        assertThat(browser.valueOf("certificates")).contains("Active").contains("CN=Sophie Signer").contains(verifier)
                .contains("not revoked");
        assertThat(browser.text()).contains("Last identity verification: passport checked in person by the site HR officer");
        browser.look("admin-credentials-issued");
        browser.open("app/admin/credentials.xhtml?user=" + user);
        browser.assertAccessible();
        browser.signOut();

        // 4. the person signs the accountability statement on screen, and the signature verifies
        browser.signIn(user, OWN_PASSWORD);
        browser.open("app/signature.xhtml");
        assertThat(browser.valueOf("certificate")).contains("Has a signing certificate").contains("issued")
                .contains(verifier);
        browser.clickAndWaitFor("statement-signature:open", "Meaning of your signature");
        browser.look("signature-dialog-statement");
        browser.assertAccessible();
        browser.type("statement-signature:user-id", user);
        browser.type("statement-signature:password", OWN_PASSWORD);
        browser.clickAndWaitFor("statement-signature:sign", "Signed by Sophie Signer");
        assertThat(browser.text()).contains("Signed: APPROVED by Sophie Signer");
        assertThat(browser.valueOf("statement-signed")).contains("Sophie Signer (" + user + ")").contains("role OPERATOR")
                .contains("meaning APPROVED").contains("signature valid");
        browser.look("my-signature-signed");
        browser.open("app/signature.xhtml");
        assertThat(browser.valueOf("statement-signed")).contains("signature valid");
        browser.assertAccessible();

        List<JsonObject> signatures = Api.array(Api.demo(http, "admin1")
                        .get("api/v1/signatures?recordType=ACCOUNTABILITY_STATEMENT&recordId=" + user))
                .getValuesAs(JsonObject.class);
        assertThat(signatures).singleElement().satisfies(s -> {
            assertThat(s.getBoolean("valid")).isTrue();
            assertThat(s.getString("printedName")).isEqualTo("Sophie Signer");
        });
    }

    @Test
    void nobody_records_their_own_identity_verification_and_a_technical_account_gets_no_certificate() {
        browser.signIn("admin1", Api.DEMO_PASSWORD);
        browser.open("app/admin/credentials.xhtml?user=admin1");
        assertThat(browser.valueOf("own-account")).contains("another administrator must record yours");
        assertThat(browser.text()).doesNotContain("Record verification and issue certificate");
        browser.look("admin-credentials-own");
        browser.assertAccessible();

        browser.open("app/admin/credentials.xhtml?user=erp-client");
        assertThat(browser.valueOf("not-eligible")).contains("Only active personal accounts get signing credentials")
                .contains("technical account");

        browser.open("app/admin/credentials.xhtml?user=nobody-of-that-name");
        assertThat(browser.text()).contains("No such account");
    }

    /** Buttons inside an action bar (a composite component, so a naming container). */
    static final class Ids {
        static final String CREATE = "create-actions:create";
        static final String SAVE_ROLES = "roles-actions:save-roles";
        static final String VERIFY = "verify-actions:verify";

        private Ids() {
        }
    }
}
