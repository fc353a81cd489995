package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * Identity and access control on the real server and database, through the API and the real
 * login form: accounts, authentication, lockout, passwords, roles, segregation of duties,
 * sessions, training records and the security event log. Demo mode is on (failsafe sets
 * EBR_DEMO_MODE), so the demo accounts exist; each test works on accounts of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityIT {

    private static final String NEW_PASSWORD = "line four fills vials at dawn";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Api admin;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        admin = Api.demo(http, "admin1");
    }

    // --- authentication required everywhere -------------------------------------------------

    @Test
    @Tag("P11-10d-1")
    @Tag("negative")
    void every_api_endpoint_but_health_needs_authentication() {
        for (String path : List.of("api/v1/me", "api/v1/users", "api/v1/security-events", "api/v1/access-review",
                "api/v1/no-such-endpoint")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        }
        assertThat(http.get("api/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    @Tag("P11-10d-1")
    void every_screen_but_login_sends_anonymous_users_to_the_login_page() {
        for (String path : List.of("app/home.xhtml", "app/admin/users.xhtml", "app/security-events.xhtml",
                "app/training.xhtml", "app/access-review.xhtml", "app/status.xhtml")) {
            assertThat(Browserless.redirectsTo(new Browserless(http).get(path), "/login.xhtml")).as(path).isTrue();
        }
    }

    @Test
    void the_caller_sees_their_own_account() {
        JsonObject me = Api.demo(http, "qa1").getJson("api/v1/me");
        assertThat(me.getString("userName")).isEqualTo("qa1");
        assertThat(me.getString("fullName")).isNotBlank();
        assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("QA_REVIEWER");
        assertThat(me.getBoolean("technical")).isFalse();

        JsonObject erp = Api.demo(http, "erp-client").getJson("api/v1/me");
        assertThat(erp.getBoolean("technical")).isTrue();
        assertThat(erp.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("ERP_INTERFACE");
    }

    @Test
    void wrong_credentials_get_a_401_problem_without_saying_which_part_was_wrong() {
        HttpResponse<String> unknown = new Api(http, "nobody-here", "whatever").get("api/v1/me");
        HttpResponse<String> wrong = new Api(http, "supervisor1", "not the password").get("api/v1/me");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Api.object(unknown).getString("detail")).isEqualTo(Api.object(wrong).getString("detail"));
    }

    // --- authority on the server -----------------------------------------------------------

    @Test
    @Tag("P11-10g-1")
    @Tag("negative")
    void a_role_that_does_not_allow_an_action_gets_403_and_the_attempt_is_logged() {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> response = Api.demo(http, "operator1").post("api/v1/users",
                "{\"userName\":\"sneaky\",\"fullName\":\"Sneaky\",\"technical\":false,\"reason\":\"try\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Api.object(response).getString("type")).endsWith("/forbidden");
        assertThat(admin.get("api/v1/users/sneaky").statusCode()).isEqualTo(404);
        assertThat(events("operator1", "ACCESS_DENIED", before)).anyMatch(e -> e.getString("detail").contains("/api/v1/users"));
    }

    @Test
    @Tag("P11-10g-1")
    void inspectors_read_but_change_nothing() {
        Api inspector = Api.demo(http, "inspector1");
        assertThat(inspector.get("api/v1/users").statusCode()).isEqualTo(200);
        assertThat(inspector.get("api/v1/security-events").statusCode()).isEqualTo(200);
        assertThat(inspector.post("api/v1/users/operator1/unlock", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(inspector.post("api/v1/users/operator1/training",
                "{\"qualification\":\"OP-X\",\"validFrom\":\"2026-01-01\"}").statusCode()).isEqualTo(403);
    }

    @Test
    @Tag("P11-10g-1")
    void a_screen_the_roles_do_not_allow_is_refused_by_the_server_and_logged() {
        Instant before = Instant.now().minusSeconds(1);
        Browserless operator = new Browserless(http);
        assertThat(Browserless.redirectsTo(operator.signIn("operator1", Api.DEMO_PASSWORD), "/app/home.xhtml")).isTrue();

        HttpResponse<String> page = operator.get("app/security-events.xhtml");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").doesNotContain("LOGIN_FAILED");
        assertThat(events("operator1", "ACCESS_DENIED", before))
                .anyMatch(e -> e.getString("detail").contains("/app/security-events.xhtml"));
    }

    @Test
    @Tag("A11D-11-4")
    void administrators_cannot_change_their_own_roles_nor_remove_the_last_administrator() {
        HttpResponse<String> own = admin.post("api/v1/users/admin1/roles",
                "{\"action\":\"REVOKE\",\"role\":\"ADMIN\",\"reason\":\"leaving\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(409);
        assertThat(Api.object(own).getString("detail")).contains("own account");
        assertThat(admin.getJson("api/v1/users/admin1").getJsonArray("roles").toString()).contains("ADMIN");
    }

    @Test
    @Tag("P11-10i-1")
    void nobody_records_their_own_training_and_a_record_is_voided_only_under_its_own_user() {
        Api supervisor = Api.demo(http, "supervisor1");
        HttpResponse<String> own = supervisor.post("api/v1/users/supervisor1/training",
                "{\"qualification\":\"SV-LINE-2\",\"validFrom\":\"2026-01-01\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(409);
        assertThat(Api.object(own).getString("detail")).contains("their own training");

        HttpResponse<String> recorded = supervisor.post("api/v1/users/operator1/training",
                "{\"qualification\":\"OP-CAPPING\",\"validFrom\":\"2026-01-01\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String id = Api.object(recorded).getString("id");
        HttpResponse<String> elsewhere = supervisor.post("api/v1/users/operator2/training/" + id + "/void",
                "{\"reason\":\"wrong person\"}");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(Api.demo(http, "inspector1").get("api/v1/users/operator1/training").body()).contains(id);
    }

    @Test
    @Tag("P11-300d-1")
    void a_wrong_password_on_a_locked_account_does_not_reveal_the_lock_and_a_user_name_with_control_characters_is_refused() {
        String password = activate("quietlock", "Quinn Quiet");
        for (int i = 0; i < 5; i++) {
            new Api(http, "quietlock", "no " + i).get("api/v1/me");
        }
        HttpResponse<String> wrong = new Api(http, "quietlock", "still wrong").get("api/v1/me");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Api.object(wrong).getString("detail")).isEqualTo("User name or password not accepted.");
        HttpResponse<String> right = new Api(http, "quietlock", password).get("api/v1/me");
        assertThat(Api.object(right).getString("detail")).contains("locked");

        HttpResponse<String> control = new Api(http, "operator1\u0000", Api.DEMO_PASSWORD).get("api/v1/me");
        assertThat(control.statusCode()).isEqualTo(401);
        assertThat(control.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    // --- accounts ----------------------------------------------------------------------------

    @Test
    @Tag("P11-100a-1")
    void user_names_are_unique_forever_and_deactivated_accounts_stay() {
        assertThat(create("mmeyer", "Maria Meyer").statusCode()).isEqualTo(201);

        HttpResponse<String> again = create("MMeyer", "Someone Else");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Api.object(again).getString("type")).endsWith("/user-name-taken");

        assertThat(admin.post("api/v1/users/mmeyer/deactivate", "{\"reason\":\"left the company\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> reuse = create("mmeyer", "New Maria");
        assertThat(reuse.statusCode()).isEqualTo(409);
        assertThat(Api.object(reuse).getString("detail")).contains("never reused");

        JsonObject kept = admin.getJson("api/v1/users/mmeyer");
        assertThat(kept.getString("status")).isEqualTo("DEACTIVATED");
        assertThat(kept.getString("fullName")).isEqualTo("Maria Meyer");
    }

    @Test
    @Tag("P11-100a-1")
    void the_database_refuses_renaming_and_deleting_an_account() throws SQLException {
        create("rename.me", "Rena Me");
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update user_account set user_name = 'someone', user_name_key = 'someone'"
                    + " where user_name = 'rename.me'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> sql.executeUpdate("delete from user_account where user_name = 'rename.me'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    @Tag("P11-300c-1")
    @Tag("negative")
    void a_deactivated_account_cannot_authenticate_and_its_ui_session_ends_at_once() {
        String password = activate("kbauer", "Klaus Bauer");
        grant("kbauer", "OPERATOR");
        Browserless browser = new Browserless(http);
        assertThat(Browserless.redirectsTo(browser.signIn("kbauer", password), "/app/home.xhtml")).isTrue();
        assertThat(browser.get("app/home.xhtml").statusCode()).isEqualTo(200);

        Instant before = Instant.now().minusSeconds(1);
        admin.post("api/v1/users/kbauer/deactivate", "{\"reason\":\"contract ended\"}");

        assertThat(Browserless.redirectsTo(browser.get("app/home.xhtml"), "/login.xhtml")).isTrue();
        assertThat(events("kbauer", "SESSION_REVOKED", before))
                .anyMatch(e -> e.getString("detail").contains("deactivated"));
        assertThat(events("kbauer", "ROLE_REVOKED", before))
                .anyMatch(e -> e.getString("detail").contains("OPERATOR") && "contract ended".equals(e.getString("reason")));
        HttpResponse<String> api = new Api(http, "kbauer", password).get("api/v1/me");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(Api.object(api).getString("detail")).contains("deactivated");
    }

    // --- passwords -----------------------------------------------------------------------------

    @Test
    @Tag("PICS-9.5-1")
    void a_new_account_has_no_privileges_and_must_change_its_password_first() {
        JsonObject created = Api.object(create("lfischer", "Lena Fischer"));
        String oneTime = created.getString("oneTimePassword");
        assertThat(created.getJsonObject("account").getJsonArray("roles")).isEmpty();

        Api lena = new Api(http, "lfischer", oneTime);
        HttpResponse<String> blocked = lena.get("api/v1/users");
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(Api.object(blocked).getString("type")).endsWith("/password-change-required");
        HttpResponse<String> me = lena.get("api/v1/me");
        assertThat(me.statusCode()).as("nothing but the change, not even the own account").isEqualTo(403);
        assertThat(Api.object(me).getString("type")).endsWith("/password-change-required");

        Browserless browser = new Browserless(http);
        assertThat(Browserless.redirectsTo(browser.signIn("lfischer", oneTime), "/app/change-password.xhtml")).isTrue();
        assertThat(Browserless.redirectsTo(browser.get("app/home.xhtml"), "/app/change-password.xhtml")).isTrue();

        HttpResponse<String> changed = lena.post("api/v1/me/password",
                "{\"currentPassword\":" + q(oneTime) + ",\"newPassword\":" + q(NEW_PASSWORD) + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonObject changedMe = new Api(http, "lfischer", NEW_PASSWORD).getJson("api/v1/me");
        assertThat(changedMe.getBoolean("passwordChangeRequired")).isFalse();
        assertThat(changedMe.getJsonArray("roles")).as("no GMP privileges until an administrator grants them").isEmpty();
    }

    @Test
    @Tag("P11-200a3-1")
    @Tag("negative")
    void an_administrator_can_only_reset_to_a_one_time_password_that_forces_a_change() {
        String password = activate("tweber", "Tom Weber");
        JsonObject reset = Api.object(admin.post("api/v1/users/tweber/password-reset", "{\"reason\":\"forgot it\"}"));
        String oneTime = reset.getString("oneTimePassword");

        assertThat(new Api(http, "tweber", password).get("api/v1/me").statusCode()).as("old password gone").isEqualTo(401);
        HttpResponse<String> pending = new Api(http, "tweber", oneTime).get("api/v1/me");
        assertThat(pending.statusCode()).as("signed in, but bound to change the password").isEqualTo(403);
        assertThat(Api.object(pending).getString("type")).endsWith("/password-change-required");
        HttpResponse<String> own = admin.post("api/v1/users/admin1/password-reset", "{\"reason\":\"self\"}");
        assertThat(own.statusCode()).isEqualTo(409);
    }

    @Test
    @Tag("P11-300a-1")
    void passwords_are_stored_as_salted_slow_hashes_and_never_returned() throws SQLException {
        String password = activate("hashcheck", "Hanna Hash");
        try (Connection owner = TestDatabase.asOwner();
             PreparedStatement sql = owner.prepareStatement("select password_hash from user_account where user_name = ?")) {
            sql.setString(1, "hashcheck");
            try (ResultSet row = sql.executeQuery()) {
                assertThat(row.next()).isTrue();
                // the test server's work factor (EBR_PASSWORD_HASH_ITERATIONS, honoured in demo mode only;
                // production keeps 600,000 or more: PasswordRulesTest)
                assertThat(row.getString(1)).startsWith("pbkdf2-sha256$" + System.getenv("EBR_PASSWORD_HASH_ITERATIONS")
                        + "$").doesNotContain(password);
            }
        }
        for (String path : List.of("api/v1/users", "api/v1/users/hashcheck", "api/v1/access-review")) {
            String body = admin.get(path).body();
            assertThat(body).as(path).doesNotContain("pbkdf2").doesNotContainIgnoringCase("passwordHash")
                    .doesNotContain(password);
        }
        assertThat(Api.demo(http, "admin1").get("api/v1/me").body()).doesNotContainIgnoringCase("hash");
    }

    @Test
    @Tag("P11-300b-1")
    void weak_and_recently_used_passwords_are_refused_with_the_reason() {
        String first = activate("pwhistory", "Paula History");
        Api paula = new Api(http, "pwhistory", first);
        HttpResponse<String> weak = paula.post("api/v1/me/password",
                "{\"currentPassword\":" + q(first) + ",\"newPassword\":\"password123\"}");
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(Api.object(weak).getString("type")).endsWith("/weak-password");
        assertThat(Api.object(weak).getJsonArray("violations")).isNotEmpty();

        String second = "a second long passphrase for the line";
        assertThat(paula.post("api/v1/me/password", "{\"currentPassword\":" + q(first) + ",\"newPassword\":" + q(second) + "}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> back = new Api(http, "pwhistory", second).post("api/v1/me/password",
                "{\"currentPassword\":" + q(second) + ",\"newPassword\":" + q(first) + "}");
        assertThat(back.statusCode()).isEqualTo(422);
        assertThat(Api.object(back).getString("detail")).contains("must differ");
        assertThat(events("pwhistory", "PASSWORD_CHANGE_REFUSED", Instant.now().minusSeconds(120))).hasSizeGreaterThanOrEqualTo(2);
    }

    // --- lockout -------------------------------------------------------------------------------

    @Test
    @Tag("P11-300d-1")
    @Tag("negative")
    void five_failures_across_ui_and_api_lock_the_account_raise_an_alert_and_need_an_unlock_with_reason() {
        String password = activate("lockme", "Lars Lock");
        new Browserless(http).signIn("lockme", "wrong in the ui");
        for (int i = 0; i < 4; i++) {
            assertThat(new Api(http, "lockme", "wrong " + i).get("api/v1/me").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = new Api(http, "lockme", password).get("api/v1/me");
        assertThat(locked.statusCode()).as("the right password no longer helps").isEqualTo(401);
        assertThat(Api.object(locked).getString("detail")).contains("locked");
        assertThat(admin.getJson("api/v1/users/lockme").getString("status")).isEqualTo("LOCKED");

        List<JsonObject> alerts = Api.array(admin.get("api/v1/security-alerts")).getValuesAs(JsonObject.class);
        assertThat(alerts).anyMatch(a -> a.getString("type").equals("ACCOUNT_LOCKED") && "lockme".equals(a.getString("subject")));

        assertThat(admin.post("api/v1/users/lockme/unlock", "{\"reason\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(admin.post("api/v1/users/lockme/unlock", "{\"reason\":\"called the user, typo confirmed\"}").statusCode()).isEqualTo(200);
        assertThat(new Api(http, "lockme", password).get("api/v1/me").statusCode()).isEqualTo(200);
        assertThat(events("lockme", "ACCOUNT_UNLOCKED", Instant.now().minusSeconds(120)))
                .anyMatch(e -> "called the user, typo confirmed".equals(e.getString("reason")) && "admin1".equals(e.getString("actor")));
    }

    @Test
    @Tag("P11-300d-1")
    void a_successful_sign_in_resets_the_count_so_only_consecutive_failures_lock() {
        String password = activate("typo.prone", "Theo Typo");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(new Api(http, "typo.prone", "wrong " + i).get("api/v1/me").statusCode()).isEqualTo(401);
            }
            assertThat(new Api(http, "typo.prone", password).get("api/v1/me").statusCode()).isEqualTo(200);
        }
        assertThat(admin.getJson("api/v1/users/typo.prone").getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    @Tag("P11-300d-1")
    void wrong_passwords_sent_in_parallel_are_each_counted_and_parallel_good_requests_do_not_fail() throws Exception {
        String password = activate("parallel", "Pia Parallel");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> good = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                good.add(pool.submit(() -> new Api(http, "parallel", password).get("api/v1/me").statusCode()));
            }
            for (java.util.concurrent.Future<Integer> status : good) {
                assertThat(status.get()).isEqualTo(200);
            }
            List<java.util.concurrent.Future<Integer>> bad = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                bad.add(pool.submit(() -> new Api(http, "parallel", "guess " + n).get("api/v1/me").statusCode()));
            }
            for (java.util.concurrent.Future<Integer> status : bad) {
                assertThat(status.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(admin.getJson("api/v1/users/parallel").getString("status")).isEqualTo("LOCKED");
        assertThat(events("parallel", "LOGIN_FAILED", Instant.now().minusSeconds(120))).hasSize(6);
    }

    // --- technical accounts ----------------------------------------------------------------------

    @Test
    @Tag("A11D-11-1")
    @Tag("negative")
    void a_technical_account_cannot_sign_in_to_the_ui() {
        HttpResponse<String> response = new Browserless(http).signIn("erp-client", Api.DEMO_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Technical accounts cannot sign in here.");
        assertThat(Api.demo(http, "erp-client").get("api/v1/me").statusCode()).isEqualTo(200);
    }

    // --- sessions ------------------------------------------------------------------------------

    @Test
    @Tag("A11D-11-1")
    void a_technical_account_cannot_reach_a_screen_through_a_path_that_only_looks_like_the_api() {
        Http erp = http.as("erp-client", Api.DEMO_PASSWORD);
        for (String path : List.of("api/../app/home.xhtml", "api/v1/../../app/status.xhtml")) {
            HttpResponse<String> response = erp.send(HttpRequest.newBuilder(java.net.URI.create(http.uri("").toString() + path)).GET());
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("Welcome").doesNotContain("Schema version");
        }
    }

    @Test
    @Tag("A11D-11-3")
    @Tag("negative")
    void sign_in_gets_a_new_session_id_sign_out_ends_the_session_on_the_server_and_both_are_logged() {
        Instant before = Instant.now().minusSeconds(1);
        Browserless browser = new Browserless(http);
        browser.get("login.xhtml");
        String anonymous = browser.sessionId();
        assertThat(Browserless.redirectsTo(browser.signIn("supervisor1", Api.DEMO_PASSWORD), "/app/home.xhtml")).isTrue();
        String signedIn = browser.sessionId();
        assertThat(signedIn).isNotNull().isNotEqualTo(anonymous);

        browser.signOut();
        assertThat(Browserless.redirectsTo(browser.get("app/home.xhtml"), "/login.xhtml")).isTrue();

        Browserless thief = new Browserless(http);
        thief.cookies.getCookieStore().add(http.uri("").resolve("/"), cookie(signedIn));
        assertThat(Browserless.redirectsTo(thief.get("app/home.xhtml"), "/login.xhtml")).as("old session id is dead").isTrue();

        assertThat(events("supervisor1", "LOGIN", before)).isNotEmpty();
        assertThat(events("supervisor1", "LOGOUT", before)).isNotEmpty();
        new Browserless(http).signIn("supervisor1", "definitely wrong");
        assertThat(events("supervisor1", "LOGIN_FAILED", before)).isNotEmpty();
    }

    // --- roles -----------------------------------------------------------------------------------

    @Test
    @Tag("A11D-11-4")
    void role_combinations_that_break_segregation_of_duties_are_refused_and_logged() {
        activate("sodcheck", "Sam Duties");
        assertThat(grant("sodcheck", "QA_REVIEWER").statusCode()).isEqualTo(200);

        HttpResponse<String> admin = grant("sodcheck", "ADMIN");
        assertThat(admin.statusCode()).isEqualTo(409);
        assertThat(Api.object(admin).getString("type")).endsWith("/segregation-of-duties");
        assertThat(grant("sodcheck", "INSPECTOR").statusCode()).isEqualTo(409);
        assertThat(grant("sodcheck", "ERP_INTERFACE").statusCode()).isEqualTo(409);
        assertThat(grant("operator1", "ADMIN").statusCode()).isEqualTo(409);
        assertThat(events("sodcheck", "ADMINISTRATION_REFUSED", Instant.now().minusSeconds(60))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Tag("A11-12.3-1")
    void grants_and_revocations_record_who_whom_what_when_and_why() {
        activate("grantee", "Greta Grant");
        Instant before = Instant.now().minusSeconds(1);
        assertThat(grant("grantee", "OPERATOR").statusCode()).isEqualTo(200);
        assertThat(admin.post("api/v1/users/grantee/roles",
                "{\"action\":\"REVOKE\",\"role\":\"OPERATOR\",\"reason\":\"moved to packaging\"}").statusCode()).isEqualTo(200);

        JsonObject granted = events("grantee", "ROLE_GRANTED", before).get(0);
        assertThat(granted.getString("actor")).isEqualTo("admin1");
        assertThat(granted.getString("subject")).isEqualTo("grantee");
        assertThat(granted.getString("detail")).contains("OPERATOR");
        assertThat(granted.getString("reason")).isEqualTo("trained and approved for the line");
        assertThat(Instant.parse(granted.getString("occurredAt"))).isBetween(before, Instant.now().plusSeconds(1));
        JsonObject revoked = events("grantee", "ROLE_REVOKED", before).get(0);
        assertThat(revoked.getString("reason")).isEqualTo("moved to packaging");
        assertThat(admin.getJson("api/v1/users/grantee").getJsonArray("roles")).isEmpty();
        assertThat(admin.post("api/v1/users/grantee/roles",
                "{\"action\":\"GRANT\",\"role\":\"OPERATOR\"}").statusCode()).as("reason is mandatory").isEqualTo(400);
    }

    // --- training ------------------------------------------------------------------------------------

    @Test
    @Tag("P11-10i-1")
    void the_execution_gate_asks_whether_a_user_is_qualified_now() {
        activate("trainee", "Tina Trainee");
        Api supervisor = Api.demo(http, "supervisor1");
        String path = "api/v1/users/trainee/qualifications/OP-ASEPTIC-FILLING";
        assertThat(supervisor.getJson(path).getBoolean("qualified")).isFalse();

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        HttpResponse<String> recorded = supervisor.post("api/v1/users/trainee/training",
                "{\"qualification\":\"OP-ASEPTIC-FILLING\",\"description\":\"Aseptic filling, SOP-FIL-004 rev 3\","
                        + "\"validFrom\":\"" + today.minusDays(1) + "\",\"validUntil\":\"" + today.plusYears(1) + "\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(supervisor.getJson(path).getBoolean("qualified")).isTrue();

        String id = Api.object(recorded).getString("id");
        assertThat(supervisor.post("api/v1/users/trainee/training/" + id + "/void", "{\"reason\":\"wrong SOP revision\"}")
                .statusCode()).isEqualTo(200);
        assertThat(supervisor.getJson(path).getBoolean("qualified")).isFalse();
        assertThat(Api.array(supervisor.get("api/v1/users/trainee/training")).getJsonObject(0).getString("voidReason"))
                .isEqualTo("wrong SOP revision");

        HttpResponse<String> expired = supervisor.post("api/v1/users/trainee/training",
                "{\"qualification\":\"OP-CAPPING\",\"validFrom\":\"2020-01-01\",\"validUntil\":\"2021-01-01\"}");
        assertThat(expired.statusCode()).isEqualTo(201);
        assertThat(supervisor.getJson("api/v1/users/trainee/qualifications/OP-CAPPING").getBoolean("qualified")).isFalse();
        assertThat(supervisor.post("api/v1/users/trainee/training",
                "{\"qualification\":\"OP-X\",\"validFrom\":\"2026-05-01\",\"validUntil\":\"2026-01-01\"}").statusCode()).isEqualTo(409);
    }

    // --- time ------------------------------------------------------------------------------------------

    @Test
    @Tag("TIME-1")
    @Tag("negative")
    void times_come_from_the_server_clock_and_clients_cannot_supply_them() {
        Instant before = Instant.now().minusSeconds(5);
        HttpResponse<String> forgedHeader = http.send(HttpRequest.newBuilder(http.uri("api/v1/users"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin1:" + Api.DEMO_PASSWORD).getBytes()))
                .header("Content-Type", "application/json")
                .header("X-Client-Time", "1999-01-01T00:00:00Z")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"clockcheck\",\"fullName\":\"Clara Clock\",\"technical\":false,\"reason\":\"new hire\"}")));
        assertThat(forgedHeader.statusCode()).isEqualTo(201);
        Instant created = Instant.parse(Api.object(forgedHeader).getJsonObject("account").getString("createdAt"));
        assertThat(created).isBetween(before, Instant.now().plusSeconds(5));

        HttpResponse<String> forgedField = admin.post("api/v1/users",
                "{\"userName\":\"clockcheck2\",\"fullName\":\"Clara Clock\",\"technical\":false,\"reason\":\"x\",\"createdAt\":\"1999-01-01T00:00:00Z\"}");
        assertThat(forgedField.statusCode()).isEqualTo(400);
    }

    @Test
    @Tag("A11D-11-3")
    void a_malformed_search_of_the_security_log_is_a_400_problem_naming_the_parameter() {
        HttpResponse<String> max = admin.get("api/v1/security-events?max=lots");
        assertThat(max.statusCode()).isEqualTo(400);
        assertThat(Api.object(max).getString("detail")).contains("'max'");
        HttpResponse<String> from = admin.get("api/v1/security-events?from=yesterday");
        assertThat(from.statusCode()).isEqualTo(400);
        assertThat(Api.object(from).getString("detail")).contains("'from'");
    }

    @Test
    @Tag("TIME-2")
    void security_events_carry_utc_instants() {
        Api.demo(http, "approver1").get("api/v1/me");
        JsonObject login = events("approver1", "LOGIN", Instant.now().minusSeconds(60)).get(0);
        assertThat(login.getString("occurredAt")).endsWith("Z");
        assertThat(Duration.between(Instant.parse(login.getString("occurredAt")), Instant.now()).abs()).isLessThan(Duration.ofMinutes(2));
    }

    // --- access review ---------------------------------------------------------------------------------

    @Test
    void the_access_review_lists_every_account_with_roles_last_sign_in_and_flags() {
        Api.demo(http, "operator2").get("api/v1/me");
        JsonObject report = Api.demo(http, "inspector1").getJson("api/v1/access-review");
        List<JsonObject> lines = report.getJsonArray("lines").getValuesAs(JsonObject.class);
        JsonObject operator2 = lines.stream().filter(l -> l.getString("userName").equals("operator2")).findFirst().orElseThrow();
        assertThat(operator2.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("OPERATOR");
        assertThat(operator2.containsKey("lastLoginAt")).isTrue();
        assertThat(operator2.getBoolean("dormant")).isFalse();
        assertThat(report.getInt("dormantDays")).isEqualTo(90);
    }

    @Test
    @Tag("A11D-11-5")
    void an_active_account_unused_for_longer_than_the_dormancy_period_is_flagged_dormant() throws SQLException {
        activate("dormant.dan", "Dan Dormant");
        // Test set-up only: pretend the last sign-in was 100 days ago (as the owner role).
        try (Connection owner = TestDatabase.asOwner();
             PreparedStatement update = owner.prepareStatement(
                     "update user_account set last_login_at = now() - interval '100 days' where user_name = 'dormant.dan'")) {
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        JsonObject report = Api.demo(http, "inspector1").getJson("api/v1/access-review");
        JsonObject dan = report.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("userName").equals("dormant.dan")).findFirst().orElseThrow();
        assertThat(dan.getBoolean("dormant")).isTrue();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private HttpResponse<String> create(String userName, String fullName) {
        return admin.post("api/v1/users", "{\"userName\":" + q(userName) + ",\"fullName\":" + q(fullName)
                + ",\"technical\":false,\"reason\":\"new hire\"}");
    }

    /** Creates an account and replaces its one-time password; returns the password it now has. */
    private String activate(String userName, String fullName) {
        HttpResponse<String> created = create(userName, fullName);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String oneTime = Api.object(created).getString("oneTimePassword");
        String password = NEW_PASSWORD;
        HttpResponse<String> changed = new Api(http, userName, oneTime).post("api/v1/me/password",
                "{\"currentPassword\":" + q(oneTime) + ",\"newPassword\":" + q(password) + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        return password;
    }

    private HttpResponse<String> grant(String userName, String role) {
        return admin.post("api/v1/users/" + userName + "/roles",
                "{\"action\":\"GRANT\",\"role\":\"" + role + "\",\"reason\":\"trained and approved for the line\"}");
    }

    private List<JsonObject> events(String user, String type, Instant from) {
        HttpResponse<String> response = admin.get("api/v1/security-events?user=" + user + "&type=" + type + "&from=" + from);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.array(response).getValuesAs(JsonObject.class);
    }

    private static java.net.HttpCookie cookie(String sessionId) {
        java.net.HttpCookie cookie = new java.net.HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/ebr");
        cookie.setVersion(0);
        return cookie;
    }
}
