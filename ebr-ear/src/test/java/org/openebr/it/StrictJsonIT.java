package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
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
 * Strict JSON on the real server: a request body with a value of the wrong type, a key twice, data
 * after the document or bytes that are not UTF-8 is a 400 problem and changes nothing; what JSON-B
 * alone would have made of it (an account created from {@code "technical": "yes"}) does not exist.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StrictJsonIT {

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

    @Test
    @Tag("A11-4.7-1")
    void a_string_for_technical_creates_no_account() {
        String user = unique("yes");

        HttpResponse<String> response = admin.post("api/v1/users", account(user, "\"yes\""));

        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getString("detail")).isEqualTo("The request body does not match this resource:"
                + " property 'technical': expected true or false, got a string.");
        assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("technical");
        assertThat(admin.get("api/v1/users/" + user).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("A11-4.7-1")
    void a_body_without_content_type_gets_no_lenient_reader() {
        String user = unique("notype");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("api/v1/users"))
                .header("Authorization", admin.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(account(user, "\"yes\""))));

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(admin.get("api/v1/users/" + user).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("A11-4.7-1")
    void numbers_for_strings_and_strings_for_numbers_are_refused_naming_the_property() {
        String user = unique("num");

        JsonObject number = assertProblem(admin.post("api/v1/users", "{\"userName\":" + q(user) + ",\"fullName\":42,"
                + "\"technical\":false,\"reason\":\"typed\"}"), 400);
        assertThat(number.getString("detail")).contains("property 'fullName': expected a string, got a number");
        assertThat(admin.get("api/v1/users/" + user).statusCode()).isEqualTo(404);

        JsonObject string = assertProblem(Api.demo(http, "author1").post("api/v1/recipes/any/versions",
                "{\"basedOn\":\"1\",\"reason\":\"typed\"}"), 400);
        assertThat(string.getString("detail")).contains("property 'basedOn': expected a whole number, got a string");
    }

    @Test
    @Tag("A11-4.7-1")
    void a_key_twice_is_refused_and_neither_value_is_used() {
        String first = unique("dup-a");
        String second = unique("dup-b");

        JsonObject problem = assertProblem(admin.post("api/v1/users", "{\"userName\":" + q(first) + ",\"fullName\":\"Dup\","
                + "\"technical\":false,\"userName\":" + q(second) + ",\"reason\":\"twice\"}"), 400);

        assertThat(problem.getString("detail")).startsWith("The request body is ambiguous: property 'userName' appears twice");
        assertThat(admin.get("api/v1/users/" + first).statusCode()).isEqualTo(404);
        assertThat(admin.get("api/v1/users/" + second).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("A11-4.7-1")
    void data_after_the_document_is_refused_and_nothing_is_created() {
        String first = unique("trail-a");
        String second = unique("trail-b");

        JsonObject two = assertProblem(admin.post("api/v1/users", account(first, "false") + " " + account(second, "false")), 400);
        JsonObject garbage = assertProblem(admin.post("api/v1/users", account(second, "false") + "x"), 400);

        assertThat(two.getString("detail")).startsWith("The request body continues after the end of the JSON document");
        assertThat(garbage.getString("detail")).startsWith("The request body continues after the end of the JSON document");
        assertThat(admin.get("api/v1/users/" + first).statusCode()).isEqualTo(404);
        assertThat(admin.get("api/v1/users/" + second).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("A11-4.7-1")
    void bytes_that_are_not_utf_8_are_refused_not_replaced() {
        String user = unique("latin");
        byte[] body = (account(user, "false").replace("Strict JSON", "M\u00fcller")).getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("api/v1/users"))
                .header("Authorization", admin.authorization())
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getString("detail")).startsWith("The request body is not valid UTF-8: the byte FC at byte offset");
        assertThat(admin.get("api/v1/users/" + user).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("A11-4.7-1")
    void an_overlong_encoding_is_refused() {
        byte[] body = concat("{\"reason\":\"a".getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex("C0AF"),
                "\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("api/v1/users/operator1/unlock"))
                .header("Authorization", admin.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(assertProblem(response, 400).getString("detail")).contains("the byte C0 at byte offset 12 is no UTF-8 character");
    }

    @Test
    @Tag("A11-4.7-1")
    void a_nul_character_in_a_json_string_is_refused_naming_the_property() {
        String user = unique("nul");

        JsonObject problem = assertProblem(admin.post("api/v1/users", "{\"userName\":" + q(user) + ",\"fullName\":\"N\","
                + "\"technical\":false,\"reason\":\"a\\u0000b\"}"), 400);

        assertThat(problem.getString("detail")).contains("property 'reason': contains a NUL character");
        assertThat(admin.get("api/v1/users/" + user).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("A11-4.7-1")
    void empty_truncated_and_null_bodies_are_told_in_plain_words() {
        assertThat(assertProblem(admin.post("api/v1/users/operator1/unlock", ""), 400).getString("detail"))
                .isEqualTo("The request body is empty; send a JSON object.");
        assertThat(assertProblem(admin.post("api/v1/users/operator1/unlock", "{\"reason\": \"x\""), 400).getString("detail"))
                .isEqualTo("The request body is not valid JSON: the document ends unexpectedly at line 1, column 15;"
                        + " is it complete?");
        assertThat(assertProblem(admin.post("api/v1/users/operator1/unlock", "null"), 400).getString("detail"))
                .isEqualTo("The request body is null; send a JSON object.");
    }

    @Test
    @Tag("A11-4.7-1")
    void an_unknown_enum_value_names_the_allowed_values_not_a_class() {
        HttpResponse<String> response = admin.post("api/v1/users/operator1/roles",
                "{\"action\":\"GRANT\",\"role\":\"SUPERUSER\",\"reason\":\"try\"}");

        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getString("detail")).contains("property 'role': 'SUPERUSER' is not one of [OPERATOR, ");
        assertThat(response.body()).doesNotContain("org.openebr").doesNotContain("class ");
    }

    @Test
    @Tag("A11-4.7-1")
    void a_recipe_document_goes_by_the_same_rules_and_keeps_its_own_messages() throws IOException {
        Api author = Api.demo(http, "author1");
        String recipe = Files.readString(RecipesIT.REFERENCE);

        JsonObject typed = assertProblem(author.post("api/v1/recipes/validate",
                recipe.replaceFirst("\"version\": 1", "\"version\": \"1\"")), 400);
        assertThat(typed.getString("detail")).contains("property 'version': expected a whole number, got a string");

        JsonObject twice = assertProblem(author.post("api/v1/recipes/import",
                recipe.replaceFirst("\"product\": ", "\"product\": \"other\", \"product\": ")), 400);
        assertThat(twice.getString("detail")).contains("property 'product' appears twice");

        JsonObject unknown = assertProblem(author.post("api/v1/recipes/validate",
                recipe.replaceFirst("\"batchSizeUnit\"", "\"batchSizeUnits\"")), 400);
        assertThat(unknown.getString("detail")).contains("property 'batchSizeUnits': is not known here");

        // a well-typed document with problems is the recipe rules' business: every problem at its JSON location
        HttpResponse<String> checked = author.post("api/v1/recipes/validate", recipe.replaceFirst("\"version\": 1", "\"version\": 0"));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        assertThat(Api.object(checked).getBoolean("valid")).isFalse();
        assertThat(Api.object(checked).getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo("$.version");
    }

    @Test
    void valid_json_still_creates_the_account_as_sent() {
        String user = unique("ok");

        HttpResponse<String> created = admin.post("api/v1/users", account(user, "true"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.object(created).getJsonObject("account").getBoolean("technical")).isTrue();
    }

    private static String account(String user, String technical) {
        return "{\"userName\":" + q(user) + ",\"fullName\":\"Strict JSON\",\"technical\":" + technical
                + ",\"reason\":\"strict JSON test\"}";
    }

    /** Every error is an RFC 9457 document with no parser or class internals. */
    private static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("RESTEASY").doesNotContain("Exception").doesNotContain("token=")
                .doesNotContain("Internal error").doesNotContain("java.");
        JsonObject problem = Http.json(response);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isEqualTo("https://openebr.org/problems/unreadable-body");
        return problem;
    }

    private static String unique(String prefix) {
        return "sj-" + prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
