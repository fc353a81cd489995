package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
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
 * The REST API shell on the real server and database: the health contract and the RFC 9457 answer
 * to every kind of bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;

    @BeforeEach
    void client() {
        // The probe endpoints need an authenticated caller like every other API endpoint.
        http = new Http(contextRoot).as("operator1", Api.DEMO_PASSWORD);
    }

    @Test
    void health_is_up_without_authentication_when_the_schema_is_at_the_expected_version() {
        HttpResponse<String> response = http.get("api/v1/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = Http.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getString("database")).isEqualTo("UP");
        assertThat(health.getString("schemaVersion")).isEqualTo(health.getString("expectedSchemaVersion"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    @Tag("TIME-2")
    void health_reports_server_time_in_utc_and_the_site_zone_whatever_the_jvm_zone() {
        // The server JVM runs with user.timezone=America/New_York (arquillian.xml); the site is Europe/Berlin.
        JsonObject health = Http.json(http.get("api/v1/health"));

        assertThat(health.getString("checkedAt")).endsWith("Z");
        assertThat(health.getString("siteTimeZone")).isEqualTo("Europe/Berlin");
    }

    @Test
    void health_is_down_and_names_both_versions_when_the_schema_is_not_the_expected_one() throws Exception {
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            sql.executeUpdate("insert into flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) values (9999, '9999', 'from the future',"
                    + " 'SQL', 'V9999__future.sql', 0, current_user, 0, true)");
            try {
                HttpResponse<String> response = http.get("api/v1/health");

                assertThat(response.statusCode()).isEqualTo(503);
                JsonObject health = Http.json(response);
                assertThat(health.getString("status")).isEqualTo("DOWN");
                assertThat(health.getString("schemaVersion")).isEqualTo("9999");
                assertThat(health.getString("detail")).contains("9999").contains(health.getString("expectedSchemaVersion"));
            } finally {
                sql.executeUpdate("delete from flyway_schema_history where installed_rank = 9999");
            }
        }
        assertThat(http.get("api/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void health_is_down_when_the_database_refuses_the_application() throws Exception {
        String revoke = "revoke select on flyway_schema_history from " + TestDatabase.runtimeRole();
        String grant = "grant select on flyway_schema_history to " + TestDatabase.runtimeRole();
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            sql.execute(revoke);
            try {
                HttpResponse<String> response = http.get("api/v1/health");

                assertThat(response.statusCode()).isEqualTo(503);
                JsonObject health = Http.json(response);
                assertThat(health.getString("status")).isEqualTo("DOWN");
                assertThat(health.getString("database")).isEqualTo("DOWN");
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
            } finally {
                sql.execute(grant);
            }
        }
    }

    @Test
    @Tag("A11-4.7-1")
    void an_unknown_route_is_a_404_problem() {
        HttpResponse<String> response = http.get("api/v1/no-such-thing");

        JsonObject problem = assertProblem(response, 404);
        assertThat(problem.getString("detail")).contains("/ebr/api/v1/no-such-thing");
        assertThat(problem.getString("instance")).isEqualTo("/ebr/api/v1/no-such-thing");
    }

    @Test
    @Tag("A11-4.7-1")
    void a_method_the_resource_does_not_support_is_a_405_problem_naming_the_allowed_ones() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("api/v1/health")).DELETE());

        JsonObject problem = assertProblem(response, 405);
        assertThat(problem.getString("detail")).contains("DELETE").contains("GET");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
    }

    @Test
    @Tag("A11-4.7-1")
    void malformed_json_is_a_400_problem() {
        HttpResponse<String> response = http.post("api/v1/it-probe", "application/json", "{\"orderNumber\": \"PO-1\", ");

        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getString("detail")).startsWith("The request body is not valid JSON");
    }

    @Test
    @Tag("A11-4.7-1")
    void a_value_of_the_wrong_type_is_a_400_problem() {
        HttpResponse<String> response = http.post("api/v1/it-probe", "application/json",
                "{\"orderNumber\": \"PO-1\", \"quantity\": \"twenty thousand\", \"material\": \"VIAL-2R\"}");

        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getString("detail")).contains("quantity");
    }

    @Test
    @Tag("A11-4.7-1")
    void an_unknown_field_is_a_400_problem_naming_it_not_silently_dropped() {
        HttpResponse<String> response = http.post("api/v1/it-probe", "application/json",
                "{\"orderNumber\": \"PO-1\", \"quantity\": 20000, \"material\": \"VIAL-2R\", \"resonForChange\": \"typo\"}");

        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getString("detail")).contains("resonForChange");
    }

    @Test
    @Tag("A11-4.7-1")
    void values_that_break_the_rules_are_a_400_problem_listing_each_field() {
        HttpResponse<String> response = http.post("api/v1/it-probe", "application/json",
                "{\"orderNumber\": \" \", \"quantity\": 0, \"material\": \"VIAL-2R\"}");

        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getJsonArray("violations")).hasSize(2);
        assertThat(problem.getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
                .containsExactly("orderNumber", "quantity");
    }

    @Test
    @Tag("A11-4.7-1")
    void a_missing_body_is_a_400_problem() {
        HttpResponse<String> response = http.post("api/v1/it-probe", "application/json", "");

        assertProblem(response, 400);
    }

    @Test
    void valid_input_is_accepted_unchanged() {
        HttpResponse<String> response = http.post("api/v1/it-probe", "application/json",
                "{\"orderNumber\": \"PO-4711\", \"quantity\": 20000, \"material\": \"VIAL-2R\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).getInt("quantity")).isEqualTo(20000);
    }

    @Test
    @Tag("A11-4.7-1")
    void a_body_over_the_limit_is_a_413_problem_by_length() {
        String big = "{\"orderNumber\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"quantity\": 1, \"material\": \"m\"}";
        HttpResponse<String> response = http.post("api/v1/it-probe", "application/json", big);

        assertProblem(response, 413);
    }

    @Test
    @Tag("A11-4.7-1")
    void a_chunked_body_over_the_limit_is_a_413_problem() {
        byte[] big = ("{\"orderNumber\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"quantity\": 1, \"material\": \"m\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("api/v1/it-probe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertProblem(response, 413);
    }

    @Test
    @Tag("A11-4.7-1")
    void an_unsupported_content_type_is_a_415_problem() {
        HttpResponse<String> response = http.post("api/v1/it-probe", "text/plain", "orderNumber=PO-1");

        JsonObject problem = assertProblem(response, 415);
        assertThat(problem.getString("detail")).contains("text/plain").contains("application/json");
    }

    @Test
    @Tag("A11-4.7-1")
    void a_server_failure_is_a_500_problem_with_a_correlation_id_and_no_internals() {
        HttpResponse<String> response = http.get("api/v1/it-probe/failure");

        JsonObject problem = assertProblem(response, 500);
        assertThat(problem.getString("correlationId")).isNotBlank();
        assertThat(response.body()).doesNotContain("internal detail").doesNotContain("IllegalStateException");
    }

    @Test
    void trace_is_refused_by_the_server() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("api/v1/health"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void the_openapi_document_describes_the_api() throws Exception {
        URL root = new URL(contextRoot, "/openapi");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(root.toURI()).header("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject document = Http.json(response);
        assertThat(document.getString("openapi")).startsWith("3.");
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("OpenEBR API");
        assertThat(document.getJsonObject("paths").keySet()).anyMatch(path -> path.endsWith("/api/v1/health"));
    }

    @Test
    void the_openapi_contract_check_catches_an_endpoint_added_without_its_annotations() throws Exception {
        // The test probes of this deployment are plain JAX-RS resources, as a new endpoint is before it is documented.
        URL root = new URL(contextRoot, "/openapi?format=JSON");
        JsonObject document = Http.json(http.send(HttpRequest.newBuilder(root.toURI())));
        List<String> probes = OpenApiContract.operations(document).stream()
                .filter(operation -> operation.path().startsWith("/ebr/api/v1/it-probe"))
                .map(OpenApiContract.Operation::name).toList();

        List<String> problems = OpenApiContract.problems(document);

        assertThat(probes).contains("POST /ebr/api/v1/it-probe", "GET /ebr/api/v1/it-probe/failure");
        assertThat(problems).as("only the probes break the contract")
                .allSatisfy(problem -> assertThat(probes).anyMatch(probe -> problem.startsWith(probe + ":")));
        assertThat(probes).allSatisfy(probe -> assertThat(problems).contains(
                probe + ": operationId missing or not camelCase: null",
                probe + ": no 4xx response",
                probe + ": no 401, though it needs credentials"));
    }

    /** Every error is an RFC 9457 document with the status repeated and no stack trace. */
    private static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("RESTEASY");
        JsonObject problem = Http.json(response);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).startsWith("https://");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        return problem;
    }
}
