package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
 * The OpenAPI document at /openapi is a contract a client generator can trust: on the real server
 * with the EAR exactly as built, Redocly's linter finds no error and no warning beyond the ones
 * accepted with a reason, every operation keeps the project's promises (OpenApiContract), and the
 * statuses it declares are the ones the server answers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiContractIT {

    private static final String API = "/ebr/api/v1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    URI documentUri;
    JsonObject document;

    @BeforeEach
    void fetch() throws Exception {
        http = new Http(contextRoot);
        documentUri = new URL(contextRoot, "/openapi?format=JSON").toURI();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(documentUri).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        document = Http.json(response);
    }

    @Test
    void redocly_lint_finds_no_error_and_no_warning_beyond_the_accepted_ones() throws Exception {
        String served = http.send(HttpRequest.newBuilder(documentUri).GET()).body();
        Path directory = Path.of(System.getProperty("ebr.test.openapi.lint.dir"));

        JsonObject report = new Redocly().lint(served, directory);

        JsonObject totals = report.getJsonObject("totals");
        assertThat(totals.getInt("errors") + totals.getInt("warnings"))
                .as("Redocly findings (see %s): %s", directory.resolve("lint-report.json"), report.getJsonArray("problems"))
                .isZero();
        // exactly the findings .redocly.lint-ignore.yaml accepts, each with its reason: no stale entry
        assertThat(totals.getInt("ignored")).isEqualTo(1);
    }

    @Test
    void every_operation_has_an_id_security_a_success_with_schema_and_problem_documents_for_4xx() {
        List<OpenApiContract.Operation> operations = OpenApiContract.operations(document);

        assertThat(operations).hasSizeGreaterThanOrEqualTo(51)
                .allSatisfy(operation -> assertThat(operation.path()).startsWith(API + "/"));
        assertThat(OpenApiContract.problems(document)).isEmpty();
    }

    @Test
    void the_servers_entry_and_a_path_make_the_address_a_client_calls() {
        String server = document.getJsonArray("servers").getJsonObject(0).getString("url");
        URI health = documentUri.resolve(server).resolve(API.substring(1) + "/health");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).GET());

        assertThat(response.statusCode()).as(health.toString()).isEqualTo(200);
    }

    @Test
    void the_statuses_the_server_answers_are_the_ones_declared() {
        Api admin = Api.demo(http, "admin1");
        Api operator = Api.demo(http, "operator1");
        Api inspector = Api.demo(http, "inspector1");
        Api author = Api.demo(http, "author1");
        String account = "{\"userName\":\"contract.client\",\"fullName\":\"Carla Contract\",\"technical\":false,"
                + "\"reason\":\"API contract test\"}";

        assertDeclared("GET", "/health", http.get("api/v1/health"));
        assertDeclared("GET", "/me", http.get("api/v1/me"));
        assertDeclared("GET", "/users", operator.get("api/v1/users"));
        assertDeclared("GET", "/users", admin.get("api/v1/users"));
        assertDeclared("GET", "/users/{userName}", admin.get("api/v1/users/nobody.here"));
        HttpResponse<String> created = admin.post("api/v1/users", account);
        assertDeclared("POST", "/users", created);
        String oneTime = Api.object(created).getString("oneTimePassword");
        assertDeclared("POST", "/users", admin.post("api/v1/users", account));
        assertDeclared("POST", "/users", admin.post("api/v1/users", "{\"userName\": "));
        assertDeclared("POST", "/users", http.send(HttpRequest.newBuilder(http.uri("api/v1/users"))
                .header("Authorization", admin.authorization()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(account))));
        assertDeclared("POST", "/users", admin.post("api/v1/users", "{\"reason\":" + q("x".repeat(1_100_000)) + "}"));
        assertDeclared("POST", "/users/{userName}/training", Api.demo(http, "supervisor1").post(
                "api/v1/users/contract.client/training",
                "{\"qualification\":\"OP-API-CONTRACT\",\"validFrom\":\"2026-01-01\"}"));
        assertDeclared("POST", "/access-review/records", admin.post("api/v1/access-review/records", ""));
        assertDeclared("POST", "/signatures/nonces", author.post("api/v1/signatures/nonces", ""));
        assertDeclared("GET", "/signatures/{id}", admin.get("api/v1/signatures/not-a-signature-id"));
        assertDeclared("POST", "/audit/checkpoints", inspector.post("api/v1/audit/checkpoints", ""));
        assertDeclared("GET", "/audit/export", inspector.get("api/v1/audit/export?format=csv"));
        assertDeclared("GET", "/audit/export", inspector.get("api/v1/audit/export"));
        assertDeclared("POST", "/recipes/validate", author.post("api/v1/recipes/validate", "{}"));
        assertDeclared("GET", "/recipes/{recipeId}/effective", operator.get("api/v1/recipes/NO-SUCH-RECIPE/effective"));
        assertDeclared("POST", "/me/password", new Api(http, "contract.client", oneTime).post("api/v1/me/password",
                "{\"currentPassword\":\"not the password\",\"newPassword\":\"does not matter here\"}"));
    }

    @Test
    @Tag("P11-300a-1")
    void no_api_answer_carries_a_password_its_hash_or_a_key_but_the_one_time_password() {
        Pattern secret = Pattern.compile("(?i).*(password|salt|secret|privatekey).*");
        Set<String> allowed = Set.of("passwordChangeRequired");
        List<String> found = new ArrayList<>();
        for (OpenApiContract.Operation operation : OpenApiContract.operations(document)) {
            for (String code : operation.responses().keySet()) {
                JsonObject response = OpenApiContract.resolve(document, operation.responses().getJsonObject(code));
                JsonObject content = OpenApiContract.member(response, "content");
                for (JsonValue media : content.values()) {
                    Set<String> names = new HashSet<>();
                    collectProperties(media.asJsonObject().get("schema"), names, new HashSet<>());
                    names.stream().filter(name -> secret.matcher(name).matches() && !allowed.contains(name))
                            .forEach(name -> found.add(operation.body().getString("operationId", operation.name())
                                    + "." + name));
                }
            }
        }

        // The one exception: the one-time password an administrator hands over, issued at creation and reset
        // (stored only as a hash, to be changed at the first sign-in).
        assertThat(found).containsExactlyInAnyOrder("createUser.oneTimePassword", "resetUserPassword.oneTimePassword");
    }

    /** Status, and content type or empty body, as the document declares them for this operation. */
    private void assertDeclared(String method, String template, HttpResponse<String> response) {
        OpenApiContract.Operation operation = OpenApiContract.operation(document, method, API + template)
                .orElseThrow(() -> new AssertionError(method + " " + template + " is not in the document"));
        String code = String.valueOf(response.statusCode());
        assertThat(operation.responses().keySet()).as("%s %s answered %s: %s", method, template, code, response.body())
                .contains(code);
        JsonObject declared = OpenApiContract.resolve(document, operation.responses().getJsonObject(code));
        JsonObject content = OpenApiContract.member(declared, "content");
        if (content.isEmpty()) {
            assertThat(response.body()).as("%s %s %s has no content", method, template, code).isEmpty();
        } else {
            String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
            assertThat(content.keySet()).as("%s %s %s content type", method, template, code).contains(type);
        }
    }

    /** The property names of a schema and of every schema it refers to, however deep. */
    private void collectProperties(JsonValue schema, Set<String> names, Set<String> visited) {
        if (schema == null || schema.getValueType() != JsonValue.ValueType.OBJECT) {
            return;
        }
        JsonObject object = schema.asJsonObject();
        String ref = object.getString("$ref", null);
        if (ref != null) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (visited.add(name)) {
                collectProperties(document.getJsonObject("components").getJsonObject("schemas").get(name), names, visited);
            }
            return;
        }
        if (object.containsKey("properties")) {
            JsonObject properties = object.getJsonObject("properties");
            names.addAll(properties.keySet());
            properties.values().forEach(property -> collectProperties(property, names, visited));
        }
        collectProperties(object.get("items"), names, visited);
        collectProperties(object.get("additionalProperties"), names, visited);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (object.containsKey(combinator)) {
                object.getJsonArray(combinator).forEach(part -> collectProperties(part, names, visited));
            }
        }
    }
}
