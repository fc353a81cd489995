package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passwords the server sets on the real server: a one-time password expires after
 * EBR_ONE_TIME_PASSWORD_HOURS (72 here, the default) and then signs in nowhere, which only someone
 * who knows it is told; in demo mode the demo accounts get EBR_DEMO_PASSWORD back at start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordsIT {

    private static final String NOT_ACCEPTED = "User name or password not accepted.";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    People people;
    Api admin;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        people = new People(http);
        admin = Api.demo(http, "admin1");
    }

    @Test
    @Tag("P11-300b-1")
    void a_one_time_password_older_than_its_validity_signs_in_nowhere_and_says_so_only_to_whoever_knows_it()
            throws SQLException {
        String user = "otp-" + Long.toString(System.nanoTime(), 36);
        String oneTime = people.create(user, "Olga Onetime");
        // a fresh one-time password is accepted, for the password change only
        HttpResponse<String> accepted = new Api(http, user, oneTime).get("api/v1/me");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(403);
        assertThat(Api.object(accepted).getString("type")).endsWith("/password-change-required");
        String account = " where user_name = " + Tamper.text(user);

        // issued 73 hours ago (set-up behind the application, undone afterwards: the column is audited)
        try (Tamper issuedEarlier = Tamper.change(
                "update user_account set password_set_at = password_set_at - interval '73 hours'" + account,
                "update user_account set password_set_at = password_set_at + interval '73 hours'" + account)) {
            HttpResponse<String> expired = new Api(http, user, oneTime).get("api/v1/me");
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(Api.object(expired).getString("detail")).isEqualTo("This one-time password has expired (a one-time"
                    + " password is valid for 72 hours). Ask an administrator for a new one.");
            HttpResponse<String> change = new Api(http, user, oneTime).post("api/v1/me/password",
                    "{\"currentPassword\":" + q(oneTime) + ",\"newPassword\":\"my own password after all this time\"}");
            assertThat(change.statusCode()).as("not even for the change").isEqualTo(401);
            // whoever does not know the password learns nothing about the account
            HttpResponse<String> guess = new Api(http, user, "a guess at the password").get("api/v1/me");
            assertThat(guess.statusCode()).isEqualTo(401);
            assertThat(Api.object(guess).getString("detail")).isEqualTo(NOT_ACCEPTED);

            JsonObject state = admin.getJson("api/v1/users/" + user);
            assertThat(state.getString("status")).isEqualTo("ACTIVE");
            assertThat(state.getInt("failedAttempts")).as("only the guess counts toward the lockout").isEqualTo(1);
            assertThat(events(user, "LOGIN_FAILED").getValuesAs(JsonObject.class)).extracting(e -> e.getString("detail"))
                    .anyMatch(d -> d.startsWith("one-time password expired") && d.contains("valid 72 h"));
        }

        // the expiry is the password's age, nothing stored: back within its 72 hours it signs in again
        assertThat(new Api(http, user, oneTime).get("api/v1/me").statusCode()).as("accepted, for the change only")
                .isEqualTo(403);
        HttpResponse<String> reset = admin.post("api/v1/users/" + user + "/password-reset",
                "{\"reason\":\"one-time password expired before first sign-in\"}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String fresh = Api.object(reset).getString("oneTimePassword");
        assertThat(Api.object(new Api(http, user, fresh).get("api/v1/me")).getString("type"))
                .endsWith("/password-change-required");
        assertThat(new Api(http, user, oneTime).get("api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void in_demo_mode_the_demo_accounts_get_the_configured_demo_password_back_with_a_recorded_reason() throws SQLException {
        Api qa2 = Api.demo(http, "qa2");
        String changed = "a password the demo does not know";
        HttpResponse<String> change = qa2.post("api/v1/me/password", "{\"currentPassword\":" + q(Api.DEMO_PASSWORD)
                + ",\"newPassword\":" + q(changed) + "}");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        try {
            assertThat(qa2.get("api/v1/me").statusCode()).as("the demo password no longer works").isEqualTo(401);

            // what the server does at start in demo mode
            HttpResponse<String> aligned = admin.post("api/v1/it-probe/demo-accounts/align-passwords", "");

            assertThat(aligned.statusCode()).as(aligned.body()).isEqualTo(200);
            assertThat(aligned.body()).as("only the demo account whose password differed").isEqualTo("qa2");
            JsonArray history = Api.array(Api.demo(http, "inspector1").get("api/v1/audit/records/UserAccount/"
                    + accountId("qa2")));
            JsonObject last = history.getJsonObject(history.size() - 1);
            assertThat(last.getString("command")).isEqualTo("Set demo account passwords");
            assertThat(last.getString("reason")).isEqualTo("demo mode: password set to EBR_DEMO_PASSWORD");
            assertThat(events("qa2", "PASSWORD_RESET").getValuesAs(JsonObject.class))
                    .anyMatch(e -> "demo mode: password set to EBR_DEMO_PASSWORD".equals(e.getString("reason")));
            JsonObject me = qa2.getJson("api/v1/me");
            assertThat(me.getString("userName")).isEqualTo("qa2");
            assertThat(me.getBoolean("passwordChangeRequired")).isFalse();
            assertThat(new Api(http, "qa2", changed).get("api/v1/me").statusCode()).isEqualTo(401);
            assertThat(admin.post("api/v1/it-probe/demo-accounts/align-passwords", "").body())
                    .as("nothing left to do").isEmpty();
        } finally {
            admin.post("api/v1/it-probe/demo-accounts/align-passwords", "");
        }
    }

    @Test
    void only_an_administrator_sets_the_demo_passwords_again() {
        HttpResponse<String> refused = Api.demo(http, "operator1").post("api/v1/it-probe/demo-accounts/align-passwords", "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private JsonArray events(String user, String type) {
        HttpResponse<String> events = admin.get("api/v1/security-events?type=" + type + "&user=" + user);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        return Api.array(events);
    }

    private static String accountId(String user) throws SQLException {
        try (Connection app = TestDatabase.asRuntimeRole();
             PreparedStatement select = app.prepareStatement("select id from user_account where user_name = ?")) {
            select.setString(1, user);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("account " + user).isTrue();
                return row.getString(1);
            }
        }
    }
}
