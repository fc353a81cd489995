package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A system test without Arquillian: the packaged server started as a site runs it, NOT in demo mode
 * (EBR_DEMO_MODE=false, its own key store password, the TLS certificate `bin/ebr start` would make).
 * Demo accounts left in the database from a demo cannot sign in, plain HTTP leads to HTTPS, the API
 * refuses calls over plain HTTP before looking at their credentials, and every answer carries the
 * browser security headers with a real Strict-Transport-Security. Own ports: +250 (or
 * -Debr.it.production.port.offset).
 */
class ProductionModeIT {

    private static final PackagedServer server = new PackagedServer("production-server",
            PackagedServer.offset("ebr.it.production.port.offset", 250));
    private static final Instant started = Instant.now();
    private static SSLContext tls;
    private static Http http;
    private static Http https;

    @BeforeAll
    static void startWithoutDemoMode() throws Exception {
        server.prepare().withTlsCertificate();
        tls = Tls.trusting(server.keystore());
        http = new Http(server.http());
        https = new Http(server.https(), tls);
        if (!demoAccountExists("admin1")) {
            // A database a demo once ran on: the demo accounts exist (the Arquillian server, in demo
            // mode, makes them when it runs first; alone, this test makes them the same way).
            server.env("EBR_DEMO_MODE", "true").start();
            server.kill9();
        }
        assertThat(demoAccountExists("admin1")).as("demo account admin1 in the database").isTrue();
        server.env("EBR_DEMO_MODE", "false").start();
    }

    @AfterAll
    static void stop() {
        server.kill9();
    }

    @Test
    @Tag("A11D-11-1")
    void demo_accounts_left_in_the_database_cannot_sign_in() {
        for (String demo : new String[] {"admin1", "qa2", "erp-client"}) {
            HttpResponse<String> response = Api.demo(https, demo).get("api/v1/me");
            assertThat(response.statusCode()).as(demo + ": " + response.body()).isEqualTo(401);
            assertThat(Api.object(response).getString("detail")).isEqualTo("User name or password not accepted.");
        }
        HttpResponse<String> screen = new Browserless(https, tls).signIn("supervisor1", Api.DEMO_PASSWORD);
        assertThat(screen.statusCode()).as(screen.headers().map() + "\n" + screen.body()).isEqualTo(200);
        assertThat(screen.body()).contains("User name or password not accepted");
        assertThat(refusedAsDemo("admin1")).as("the refusal is logged as a demo account refused").isPositive();
    }

    @Test
    @Tag("P11-30-1")
    void plain_http_leads_to_the_configured_https_address_never_to_the_host_header() {
        HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(http.uri("app/recipes.xhtml?id=X")).GET());
        HttpResponse<String> post = http.post("login.xhtml", "application/x-www-form-urlencoded", "userName=a");

        assertThat(page.statusCode()).isEqualTo(301);
        assertThat(page.headers().firstValue("Location"))
                .hasValue("https://localhost:" + Tls.httpsPort(server.offset()) + "/ebr/app/recipes.xhtml?id=X");
        assertThat(post.statusCode()).as("other methods keep theirs").isEqualTo(308);
        assertThat(http.get("api/v1/health").statusCode()).as("health answers over plain HTTP").isEqualTo(200);
    }

    @Test
    @Tag("P11-30-1")
    void the_api_refuses_credentials_over_plain_http_and_says_to_use_https() {
        HttpResponse<String> response = http.as("inspector1", Api.DEMO_PASSWORD).get("api/v1/me");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = Api.object(response);
        assertThat(problem.getString("type")).isEqualTo("https://openebr.org/problems/https-required");
        assertThat(problem.getString("detail")).contains("only over HTTPS")
                .contains("https://localhost:" + Tls.httpsPort(server.offset()) + "/ebr/api/v1/me");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("no invitation to send credentials again").isEmpty();
    }

    @Test
    void every_answer_over_https_carries_the_browser_security_headers() {
        for (HttpResponse<String> response : java.util.List.of(https.get("login.xhtml"), https.get("api/v1/health"), https.get("api/v1/me"))) {
            String what = response.uri().toString();
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).hasValue("max-age=31536000");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
                    .hasValueSatisfying(p -> assertThat(p).contains("frame-ancestors 'none'"));
        }
    }

    /**
     * Installation qualification of this installation, as a site runs it: `bin/ebr iq` checks server, deployment,
     * database roles, grants and migrations, TLS, keys, time and the audit trail against the release built here,
     * passes, and names the item when the EAR of an installation differs from the release or a grant is missing.
     */
    @Test
    @Tag("A11-4.3-1")
    @Tag("negative")
    void installation_qualification_passes_and_names_a_changed_ear_and_a_missing_grant() throws Exception {
        Iq passed = iq(server.base(), "iq-reports"); // the passing report goes into the evidence bundle
        assertThat(passed.status).as(passed.output).isZero();
        assertThat(passed.output).contains("IQ PASSED: 13 checks", "IQ-03  PASS", "IQ-09  PASS", "IQ-11  PASS", "IQ-13  PASS");
        assertThat(passed.report.resolve("iq-report.txt")).content().contains("Result: PASSED")
                .contains("Performed by: ____");
        assertThat(passed.report.resolve("release-manifest.properties")).content()
                .contains("ebr.ear.sha256=", "schema.version=", "wildfly.version=");

        // an installation whose EAR is not the release's (a copy of this one, the EAR changed by one byte)
        java.nio.file.Path tampered = java.nio.file.Path.of("target", "iq-tampered", "standalone").toAbsolutePath();
        for (String dir : java.util.List.of("configuration", "deployments")) {
            java.nio.file.Files.createDirectories(tampered.resolve(dir));
        }
        java.nio.file.Files.copy(server.base().resolve("configuration/standalone.xml"),
                tampered.resolve("configuration/standalone.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] ear = java.nio.file.Files.readAllBytes(server.base().resolve("deployments/ebr.ear"));
        ear[ear.length / 2] ^= 1;
        java.nio.file.Files.write(tampered.resolve("deployments/ebr.ear"), ear);
        java.nio.file.Files.writeString(tampered.resolve("deployments/ebr.ear.deployed"), "ebr.ear");
        Iq changed = iq(tampered, "iq-refused");
        assertThat(changed.status).as(changed.output).isEqualTo(1);
        assertThat(changed.output).contains("IQ-03  FAIL  Deployed application (EAR checksum)", "IQ FAILED: 1 of")
                .contains("IQ report: ");

        // a grant the runtime role needs, revoked
        try (Connection owner = TestDatabase.asOwner(); java.sql.Statement sql = owner.createStatement()) {
            sql.execute("REVOKE INSERT ON ebr.operation_event FROM " + System.getProperty("ebr.test.db.user"));
            try {
                Iq revoked = iq(server.base(), "iq-refused");
                assertThat(revoked.status).as(revoked.output).isEqualTo(1);
                assertThat(revoked.output).contains("IQ-09  FAIL", "operation_event: INSERT missing");
                assertThat(revoked.report.resolve("iq-report.txt")).content().contains("Result: FAILED (1 of");
            } finally {
                sql.execute("GRANT INSERT ON ebr.operation_event TO " + System.getProperty("ebr.test.db.user"));
            }
        }
    }

    private record Iq(int status, String output, java.nio.file.Path report) {
    }

    private static Iq iq(java.nio.file.Path serverBase, String reports) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", java.nio.file.Path.of("..", "bin", "ebr").toString(), "iq")
                .redirectErrorStream(true);
        java.util.Map<String, String> env = builder.environment();
        env.put("EBR_HOME", java.nio.file.Path.of("target", "iq-home").toAbsolutePath().toString());
        env.put("EBR_IQ_REPORT_DIR", java.nio.file.Path.of("target", reports).toAbsolutePath().toString());
        env.put("EBR_IQ_SERVER_HOME", System.getProperty("jboss.home"));
        env.put("EBR_IQ_SERVER_BASE", serverBase.toString());
        env.put("EBR_PORT_OFFSET", String.valueOf(server.offset()));
        env.put("EBR_DB_USER", System.getProperty("ebr.test.db.user"));
        env.put("EBR_DB_PASSWORD", System.getProperty("ebr.test.db.password"));
        env.put("EBR_DB_OWNER_USER", System.getProperty("ebr.test.db.owner.user"));
        env.put("EBR_DB_OWNER_PASSWORD", System.getProperty("ebr.test.db.owner.password"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status = process.waitFor();
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(last).as(output).startsWith("IQ report: ");
        return new Iq(status, output, java.nio.file.Path.of(last.substring("IQ report: ".length())));
    }

    private static boolean demoAccountExists(String userName) throws SQLException {
        try (Connection db = TestDatabase.asRuntimeRole();
             PreparedStatement query = db.prepareStatement("SELECT demo FROM ebr.user_account WHERE user_name = ?")) {
            query.setString(1, userName);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static int refusedAsDemo(String userName) {
        try (Connection db = TestDatabase.asRuntimeRole();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM ebr.security_event WHERE subject = ?"
                     + " AND type = 'LOGIN_FAILED' AND detail LIKE 'demo account refused%' AND occurred_at >= ?")) {
            query.setString(1, userName);
            query.setTimestamp(2, Timestamp.from(started));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
