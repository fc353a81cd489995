package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API tokens on the real server and database: one sign-in with the password gives a token that
 * authenticates later requests cheaply (no sign-in event, no audit revision per request), never
 * signs, expires, is revoked with a reason, and stops working at once when its account may no
 * longer be used. Also: an account with a pending password change reaches nothing but the change,
 * and while the database is unreachable authentication answers 503.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokensIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    @ArquillianResource
    ManagementClient management;

    Http http;
    Api admin;
    People people;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        admin = Api.demo(http, "admin1");
        people = new People(http);
    }

    @Test
    void one_sign_in_gives_a_token_that_authenticates_reads_and_is_stored_only_as_its_hash() throws SQLException {
        String user = people.person("Toni Token", "OPERATOR");

        HttpResponse<String> issued = people.basic(user).post("api/v1/auth/tokens", "{\"name\":\"line 4 scale\"}");

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonObject body = Api.object(issued);
        String token = body.getString("token");
        assertThat(token).startsWith("ebr_").hasSize(4 + 43);
        assertThat(body.getString("tokenType")).isEqualTo("Bearer");
        String id = body.getJsonObject("details").getString("id");
        assertThat(body.getJsonObject("details").getString("name")).isEqualTo("line 4 scale");
        assertThat(issued.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/me/tokens/" + id));

        Api bearer = Api.bearer(http, token);
        JsonObject me = bearer.getJson("api/v1/me");
        assertThat(me.getString("userName")).isEqualTo(user);
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("OPERATOR");
        HttpResponse<String> listed = bearer.get("api/v1/me/tokens");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Api.array(listed).getValuesAs(JsonObject.class)).singleElement()
                .satisfies(t -> assertThat(t.getString("status")).isEqualTo("ACTIVE"));
        assertThat(listed.body()).doesNotContain(token).doesNotContain(sha256(token));

        try (Connection owner = TestDatabase.asOwner();
             PreparedStatement sql = owner.prepareStatement("SELECT * FROM api_token WHERE id = ?::uuid")) {
            sql.setString(1, id);
            try (ResultSet row = sql.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("token_sha256")).isEqualTo(sha256(token));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(row.getObject(column))).as(row.getMetaData().getColumnName(column))
                            .doesNotContain(token.substring(4));
                }
            }
        }
    }

    @Test
    void the_sign_in_is_recorded_once_when_the_token_is_issued_and_token_requests_record_nothing() throws SQLException {
        String user = people.person("Rita Requests", "OPERATOR");
        long loginsBefore = count("SELECT count(*) FROM security_event WHERE subject = ? AND type = 'LOGIN'", user);

        String token = issue(user);

        assertThat(count("SELECT count(*) FROM security_event WHERE subject = ? AND type = 'LOGIN'", user))
                .as("the sign-in of the token request").isEqualTo(loginsBefore + 1);
        long events = count("SELECT count(*) FROM security_event WHERE actor = ? OR subject = ?", user, user);
        long revisions = count("SELECT count(*) FROM audit_revision WHERE user_name = ?", user);
        Api bearer = Api.bearer(http, token);
        for (int i = 0; i < 20; i++) {
            assertThat(bearer.get(i % 2 == 0 ? "api/v1/me" : "api/v1/me/tokens").statusCode()).isEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM security_event WHERE actor = ? OR subject = ?", user, user))
                .as("no security event per token request").isEqualTo(events);
        assertThat(count("SELECT count(*) FROM audit_revision WHERE user_name = ?", user))
                .as("no audit revision per token request").isEqualTo(revisions);

        // for contrast: HTTP Basic signs in (and records it) on every request
        assertThat(people.basic(user).get("api/v1/me").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM security_event WHERE subject = ? AND type = 'LOGIN'", user))
                .isEqualTo(loginsBefore + 2);
    }

    @Test
    void a_token_never_signs_signing_still_needs_the_password() {
        String user = people.credentialed("Sven Signer", "OPERATOR");
        String token = issue(user);
        Api bearer = Api.bearer(http, token);

        HttpResponse<String> withToken = bearer.post("api/v1/me/accountability-statement/signature",
                "{\"userName\":" + q(user) + ",\"password\":" + q(token) + ",\"nonce\":" + q(People.nonce(bearer)) + "}");
        assertThat(withToken.statusCode()).as(withToken.body()).isBetween(400, 499);
        assertThat(withToken.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        HttpResponse<String> withoutPassword = bearer.post("api/v1/me/accountability-statement/signature",
                "{\"userName\":" + q(user) + ",\"nonce\":" + q(People.nonce(bearer)) + "}");
        assertThat(withoutPassword.statusCode()).as(withoutPassword.body()).isBetween(400, 499);

        // and so the statement is still unsigned: the password signs it now (a second signing would be refused)
        HttpResponse<String> withPassword = bearer.post("api/v1/me/accountability-statement/signature",
                "{\"userName\":" + q(user) + ",\"password\":" + q(People.PASSWORD) + ",\"nonce\":" + q(People.nonce(bearer)) + "}");
        assertThat(withPassword.statusCode()).as(withPassword.body()).isEqualTo(201);
    }

    @Test
    @Tag("P11-10d-1")
    void unknown_malformed_expired_and_revoked_tokens_get_401_problems() {
        String user = people.person("Eva Expired", "OPERATOR");
        HttpResponse<String> aged = admin.post("api/v1/it-probe/tokens/expired/" + user, "");
        assertThat(aged.statusCode()).as(aged.body()).isEqualTo(200);
        String revoked = issue(user);
        Api owner = Api.bearer(http, revoked);
        String id = Api.array(owner.get("api/v1/me/tokens")).getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("status").equals("ACTIVE")).findFirst().orElseThrow().getString("id");
        assertThat(owner.post("api/v1/me/tokens/" + id + "/revoke", "{\"reason\":\"laptop lost\"}").statusCode()).isEqualTo(200);

        assertRefused(Api.bearer(http, aged.body()).get("api/v1/me"), "expired");
        assertRefused(owner.get("api/v1/me"), "revoked");
        assertRefused(Api.bearer(http, "ebr_" + "A".repeat(43)).get("api/v1/me"), "not known");
        assertRefused(Api.bearer(http, "not-a-token").get("api/v1/me"), "not an OpenEBR API token");
        assertRefused(Api.bearer(http, issue(user)).post("api/v1/auth/tokens", "{}"), "never for another token");
    }

    @Test
    @Tag("P11-10g-1")
    void revocation_needs_a_reason_is_audited_and_only_the_owner_or_an_administrator_revokes() throws SQLException {
        String user = people.person("Olga Owner", "OPERATOR");
        String other = people.person("Otto Other", "OPERATOR");
        String token = issue(user);
        String id = tokenIds(Api.bearer(http, token)).get(0);
        Api otherClient = Api.bearer(http, issue(other));

        HttpResponse<String> noReason = Api.bearer(http, token).post("api/v1/me/tokens/" + id + "/revoke", "{\"reason\":\" \"}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(Api.object(noReason).getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("reason");
        HttpResponse<String> notTheirs = otherClient.post("api/v1/me/tokens/" + id + "/revoke", "{\"reason\":\"mischief\"}");
        assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(404);
        assertThat(otherClient.get("api/v1/me/tokens/" + id).statusCode()).isEqualTo(404);
        assertThat(tokenIds(otherClient)).doesNotContain(id);
        HttpResponse<String> notAdmin = otherClient.post("api/v1/users/" + user + "/tokens/" + id + "/revoke",
                "{\"reason\":\"mischief\"}");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(otherClient.get("api/v1/users/" + user + "/tokens").statusCode()).isEqualTo(403);
        assertThat(Api.bearer(http, token).get("api/v1/me").statusCode()).as("still valid").isEqualTo(200);

        HttpResponse<String> revoked = admin.post("api/v1/users/" + user + "/tokens/" + id + "/revoke",
                "{\"reason\":\"token found in a shared script\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(Api.object(revoked).getString("status")).isEqualTo("REVOKED");
        assertThat(Api.object(revoked).getString("revokedBy")).isEqualTo("admin1");
        assertThat(Api.bearer(http, token).get("api/v1/me").statusCode()).isEqualTo(401);
        assertThat(admin.post("api/v1/users/" + user + "/tokens/" + id + "/revoke", "{\"reason\":\"again\"}").statusCode())
                .isEqualTo(409);

        try (Connection owner = TestDatabase.asOwner();
             PreparedStatement sql = owner.prepareStatement("SELECT a.revoke_reason, a.revoked_by, r.reason, r.user_name"
                     + " FROM api_token_aud a JOIN audit_revision r ON r.id = a.rev"
                     + " WHERE a.id = ?::uuid AND a.revtype = 1")) {
            sql.setString(1, id);
            try (ResultSet row = sql.executeQuery()) {
                assertThat(row.next()).as("the revocation is an audited change").isTrue();
                assertThat(row.getString(1)).isEqualTo("token found in a shared script");
                assertThat(row.getString(2)).isEqualTo("admin1");
                assertThat(row.getString(3)).isEqualTo("token found in a shared script");
                assertThat(row.getString(4)).isEqualTo("admin1");
            }
        }
        // the stored token cannot be changed or deleted, not even by the owner of the schema
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE api_token SET expires_at = expires_at + interval '1 year'"
                    + " WHERE id = '" + id + "'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM api_token WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE api_token SET revoked_at = NULL, revoked_by = NULL,"
                    + " revoke_reason = NULL WHERE id = '" + id + "'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("only its revocation");
        }
    }

    @Test
    @Tag("P11-300c-1")
    void locking_deactivating_or_resetting_the_password_of_an_account_ends_its_tokens_at_once() {
        String locked = people.person("Lars Locked", "OPERATOR");
        String deactivated = people.person("Dora Deactivated", "OPERATOR");
        String reset = people.person("Rolf Reset", "OPERATOR");
        Api lockedToken = Api.bearer(http, issue(locked));
        Api deactivatedToken = Api.bearer(http, issue(deactivated));
        Api resetToken = Api.bearer(http, issue(reset));
        assertThat(lockedToken.get("api/v1/me").statusCode()).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            new Api(http, locked, "not the password").get("api/v1/me");
        }
        assertRefused(lockedToken.get("api/v1/me"), "locked");
        assertThat(admin.post("api/v1/users/" + deactivated + "/deactivate", "{\"reason\":\"left the company\"}")
                .statusCode()).isEqualTo(200);
        assertRefused(deactivatedToken.get("api/v1/me"), "deactivated");

        String oneTime = Api.object(admin.post("api/v1/users/" + reset + "/password-reset", "{\"reason\":\"password seen\"}"))
                .getString("oneTimePassword");
        assertRefused(resetToken.get("api/v1/me"), "must change its password");
        HttpResponse<String> changed = new Api(http, reset, oneTime).post("api/v1/me/password",
                "{\"currentPassword\":" + q(oneTime) + ",\"newPassword\":" + q("a fresh phrase for the new shift") + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertRefused(resetToken.get("api/v1/me"), "issued before the account's password was last set");
    }

    @Test
    @Tag("PICS-9.5-1")
    void an_account_with_a_pending_password_change_reaches_nothing_but_the_change() {
        String user = "pending-" + Long.toString(System.nanoTime(), 36);
        String oneTime = people.create(user, "Paula Pending");
        Api pending = new Api(http, user, oneTime);

        for (String path : List.of("api/v1/me", "api/v1/me/tokens", "api/v1/me/accountability-statement",
                "api/v1/users", "api/v1/recipes", "api/v1/security-events")) {
            HttpResponse<String> refused = pending.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(Api.object(refused).getString("type")).as(path).endsWith("/password-change-required");
        }
        HttpResponse<String> noToken = pending.post("api/v1/auth/tokens", "{}");
        assertThat(noToken.statusCode()).as("no token for an account that must change its password").isEqualTo(403);
        assertThat(Api.object(noToken).getString("type")).endsWith("/password-change-required");
        Browserless browser = new Browserless(http);
        assertThat(Browserless.redirectsTo(browser.signIn(user, oneTime), "/app/change-password.xhtml")).isTrue();
        assertThat(Browserless.redirectsTo(browser.get("app/recipes.xhtml"), "/app/change-password.xhtml")).isTrue();

        HttpResponse<String> changed = pending.post("api/v1/me/password",
                "{\"currentPassword\":" + q(oneTime) + ",\"newPassword\":" + q(People.PASSWORD) + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(people.basic(user).get("api/v1/me").statusCode()).isEqualTo(200);
        assertThat(issue(user)).startsWith("ebr_");
    }

    @Test
    void while_the_database_is_unreachable_authentication_answers_503_not_an_error_page() throws Exception {
        String user = people.person("Doris Downtime", "OPERATOR");
        Api bearer = Api.bearer(http, issue(user));
        Browserless browser = new Browserless(http);
        assertThat(Browserless.redirectsTo(browser.signIn(user, People.PASSWORD), "/app/home.xhtml")).isTrue();

        // Only this test's own database refuses connections for a moment; the shared cluster keeps running.
        try (Connection cluster = TestDatabase.asOwnerOfCluster(); Statement sql = cluster.createStatement()) {
            try {
                sql.execute("ALTER DATABASE " + TestDatabase.name() + " ALLOW_CONNECTIONS false");
                flushConnectionPool();
                assertThat(http.get("api/v1/health").statusCode()).as("health agrees: DOWN").isEqualTo(503);

                for (HttpResponse<String> refused : List.of(bearer.get("api/v1/me"), people.basic(user).get("api/v1/me"))) {
                    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                    assertThat(refused.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
                    JsonObject problem = Api.object(refused);
                    assertThat(problem.getString("type")).endsWith("/service-unavailable");
                    assertThat(problem.getString("detail")).contains("database cannot be reached")
                            .doesNotContain("Exception").doesNotContain("org.");
                }
                HttpResponse<String> page = browser.get("app/home.xhtml");
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.body()).contains("OpenEBR is not available right now")
                        .doesNotContain("Exception").doesNotContain("at org.");
                HttpResponse<String> login = new Browserless(http).signIn(user, People.PASSWORD);
                assertThat(login.statusCode()).isEqualTo(200);
                assertThat(login.body()).as("the login form says why").contains("cannot reach its database")
                        .doesNotContain("Caused by").doesNotContain("at org.");
            } finally {
                sql.execute("ALTER DATABASE " + TestDatabase.name() + " ALLOW_CONNECTIONS true");
            }
        }
        assertThat(bearer.get("api/v1/me").statusCode()).as("back to normal").isEqualTo(200);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String issue(String user) {
        HttpResponse<String> issued = people.basic(user).post("api/v1/auth/tokens", "{\"name\":\"integration test\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return Api.object(issued).getString("token");
    }

    private static List<String> tokenIds(Api client) {
        HttpResponse<String> listed = client.get("api/v1/me/tokens");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return Api.array(listed).getValuesAs(JsonObject.class).stream().map(t -> t.getString("id")).toList();
    }

    private static void assertRefused(HttpResponse<String> response, String because) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Bearer"));
        assertThat(Api.object(response).getString("detail")).contains(because);
    }

    private static long count(String sql, String... parameters) throws SQLException {
        try (Connection owner = TestDatabase.asOwner(); PreparedStatement query = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Closes the server's pooled connections, so the next request needs a new one. */
    private void flushConnectionPool() throws Exception {
        ModelNode operation = new ModelNode();
        operation.get("address").add("subsystem", "datasources").add("data-source", "EbrDS");
        operation.get("operation").set("flush-all-connection-in-pool");
        ModelNode result = management.getControllerClient().execute(operation);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
