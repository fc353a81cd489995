package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * Walks every operation of the API as the served OpenAPI document lists it (a new endpoint is
 * covered without touching this test) with the input a careless client or an attacker sends: a
 * NUL character in the path, in each query parameter and in a JSON string, dates no database
 * stores, an empty or garbage Content-Type, a wrong method, an oversized or malformed body,
 * {@code Accept: text/html}. Every answer must be a 4xx {@code application/problem+json} document
 * whose detail shows no Java class or parser internals; never a 5xx, never an HTML page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiFuzzIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ABSURD_INSTANT = "+999999999-12-31T23:59:59Z";
    private static final Set<String> DATE_PARAMETERS = Set.of("from", "to");
    /** A probe's expected status meaning: a success or a 4xx problem, never a 5xx. */
    private static final int ANY_BUT_SERVER_ERROR = -1;
    /** What a detail meant for a person never contains: class and package names, parser and runtime messages. */
    private static final Pattern INTERNALS = Pattern.compile(
            "org\\.openebr|java\\.|jakarta\\.|org\\.hibernate|org\\.jboss|\\$[A-Z]|Exception|RESTEASY|UT0\\d{4}"
                    + "|Invalid token|Internal error|\\bclass [a-z]|SQL|line no=|\\tat ");
    /** The API's self-service: reachable by any signed-in account whatever its roles. */
    private static final Set<String> SELF_SERVICE = Set.of("api/v1/me", "api/v1/me/password",
            "api/v1/me/accountability-statement", "api/v1/me/accountability-statement/signature", "api/v1/signatures",
            "api/v1/signatures/nonces", "api/v1/signatures/record-hash", "api/v1/signatures/{id}",
            "api/v1/signatures/{id}/bundle", "api/v1/audit/reasons", "api/v1/health", "api/v1/auth/tokens",
            "api/v1/me/tokens", "api/v1/me/tokens/{id}", "api/v1/me/tokens/{id}/revoke");
    /** What the ERP's technical account may do (ErpIT tests it): send orders, read them, the feed and the outbox. */
    private static final Set<String> ERP_INTERFACE = Set.of("POST api/v1/erp/orders", "GET api/v1/erp/orders",
            "GET api/v1/erp/confirmations", "GET api/v1/erp/messages", "GET api/v1/erp/messages/{messageId}",
            "GET api/v1/erp/messages/{messageId}/b2mml");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** One operation of the API: method, path template relative to the context root, its parameters. */
    record Operation(String method, String path, List<String> pathParameters, List<String> queryParameters,
                     boolean body) {

        String filled(String pathValue) {
            String filled = path;
            for (String parameter : pathParameters) {
                filled = filled.replace("{" + parameter + "}", pathValue == null ? sample(parameter) : pathValue);
            }
            return filled;
        }

        private static String sample(String parameter) {
            return switch (parameter) {
                case "userName" -> "operator1";
                case "version", "from", "to" -> "1";
                case "id" -> UUID.randomUUID().toString();
                default -> "FUZZ-1";
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What was sent and what came back, for a failure listing that shows every finding at once. */
    record Finding(String probe, int status, String contentType, String body) {
        @Override
        public String toString() {
            return probe + " -> " + status + " " + contentType + " " + body.substring(0, Math.min(300, body.length()));
        }
    }

    private static final String TOKEN_ISSUE = "api/v1/auth/tokens";
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void client() {
        http = new Http(contextRoot);
    }

    @Test
    @Tag("P11-10d-1")
    void every_endpoint_but_health_needs_authentication_and_answers_401_problem_without_it() {
        List<Operation> operations = operations();
        List<Finding> findings = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.path().equals("api/v1/health")) {
                continue;
            }
            HttpResponse<String> response = send(null, operation, operation.filled(null), "",
                    writes(operation) ? "{}" : null, "application/json", null);
            if (response.statusCode() != 401 || !isProblem(response)) {
                findings.add(finding("anonymous " + operation, response));
            }
        }
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(findings).isEmpty();
    }

    @Test
    @Tag("P11-10g-1")
    void an_account_without_the_role_is_refused_every_operation_with_a_403_problem() {
        // erp-client holds only ERP_INTERFACE: outside the self-service and the ERP interface's endpoints, nothing
        List<Finding> findings = new ArrayList<>();
        for (Operation operation : operations()) {
            if (SELF_SERVICE.contains(operation.path())
                    || ERP_INTERFACE.contains(operation.method().toUpperCase() + " " + operation.path())) {
                continue;
            }
            HttpResponse<String> response = send("erp-client", operation, operation.filled(null), "",
                    writes(operation) ? "{}" : null, "application/json", null);
            if (response.statusCode() != 403 || !isProblem(response)) {
                findings.add(finding("erp-client " + operation, response));
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    @Tag("A11-4.7-1")
    @Tag("A11D-15-1") // the dynamic scan: attacker input against every endpoint, in every build
    @Tag("negative")
    void every_operation_answers_bad_input_with_a_4xx_problem_without_internals_for_right_and_wrong_roles() {
        List<Finding> findings = new ArrayList<>();
        for (Operation operation : operations()) {
            for (String user : List.of(rightRoleFor(operation), "erp-client")) {
                for (Probe probe : probes(operation)) {
                    HttpResponse<String> response = send(user, operation, probe.path(), probe.query(), probe.body(),
                            probe.contentType(), probe.accept(), probe.method());
                    String what = user + " " + probe.method() + " " + probe.path() + probe.query() + " [" + probe.name() + "]";
                    if (!acceptable(response, probe)) {
                        findings.add(finding(what, response));
                    }
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    @Tag("P11-10g-1")
    void a_forbidden_call_asking_for_html_is_a_403_problem_recorded_as_a_refused_access() {
        String marker = "api/v1/users/operator1/training";
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(http.uri(marker))
                .header("Authorization", authorization("erp-client")).header("Accept", "text/html").GET());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        HttpResponse<String> events = Api.demo(http, "admin1").get("api/v1/security-events?user=erp-client&type=ACCESS_DENIED");
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(Api.array(events).stream().map(e -> e.asJsonObject().getString("detail")))
                .anyMatch(detail -> detail.contains("GET /ebr/" + marker));
        // the same call by someone allowed is answered in the endpoint's own format, not refused for the header
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(http.uri(marker))
                .header("Authorization", authorization("admin1")).header("Accept", "text/html").GET());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    }

    @Test
    @Tag("A11-4.7-1")
    void a_body_over_the_servers_post_limit_is_a_413_problem_by_length_and_chunked() {
        byte[] huge = ("{\"reason\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String path = "api/v1/users/operator1/unlock";

        HttpResponse<String> byLength = http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Authorization", authorization("admin1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Authorization", authorization("admin1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

        for (HttpResponse<String> response : List.of(byLength, chunked)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(isProblem(response)).as(response.body()).isTrue();
            assertThat(Http.json(response).getString("detail")).contains("1048576 bytes");
        }

        // the screens keep their own bound (10 MiB, with the length declared) now that the listener has none
        byte[] form = ("j_username=x&filler=" + "x".repeat(11 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> bigForm = http.send(HttpRequest.newBuilder(http.uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofByteArray(form)));
        HttpResponse<String> chunkedForm = http.send(HttpRequest.newBuilder(http.uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
        assertThat(bigForm.statusCode()).isEqualTo(413);
        assertThat(chunkedForm.statusCode()).isEqualTo(411);
    }

    @Test
    @Tag("A11-4.7-1")
    void a_refused_signing_says_whether_its_nonce_can_be_sent_again() {
        People people = new People(http);
        String signer = people.person("Nonce Tester", "QA_REVIEWER");
        Api me = people.api(signer);
        String nonce = People.nonce(me);

        // refused before the nonce is consumed: someone else's user id
        HttpResponse<String> notYourself = me.post("api/v1/signatures", signing("operator1", People.PASSWORD, nonce));
        assertThat(notYourself.statusCode()).as(notYourself.body()).isEqualTo(403);
        assertThat(Http.json(notYourself).getString("detail")).contains("The nonce was not used: you can retry with it.");

        // refused after: the password is checked once the nonce is used up
        HttpResponse<String> wrongPassword = me.post("api/v1/signatures", signing(signer, "not the password", nonce));
        assertThat(wrongPassword.statusCode()).as(wrongPassword.body()).isEqualTo(401);
        assertThat(Http.json(wrongPassword).getString("detail")).contains("The nonce of this request is used up");

        HttpResponse<String> again = me.post("api/v1/signatures", signing(signer, People.PASSWORD, nonce));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(Http.json(again).getString("type")).endsWith("/signature-nonce-refused");
    }

    /**
     * The database ends the connection under a running request (as a shutdown or restart does): the
     * request is answered 503 "try again", not 500. The request is held on a table lock so that it
     * is inside the resource, past authentication, when its connection is terminated; only this test
     * database's connections are touched, never the shared cluster's roles.
     */
    @Test
    @Tag("A11-4.7-1")
    void a_request_whose_database_connection_is_lost_is_a_503_problem_saying_try_again() throws Exception {
        Api author = Api.demo(http, "author1");
        assertThat(author.get("api/v1/recipes").statusCode()).isEqualTo(200);
        try (Connection owner = TestDatabase.asOwner(); Connection runtime = TestDatabase.asRuntimeRole();
             Statement lock = owner.createStatement(); Statement kill = runtime.createStatement()) {
            owner.setAutoCommit(false);
            lock.execute("LOCK TABLE recipe_version IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<HttpResponse<String>> pending;
            try {
                pending = CompletableFuture.supplyAsync(() -> author.get("api/v1/recipes"));
                int terminated = 0;
                for (int i = 0; i < 300 && terminated == 0; i++) {
                    try (ResultSet rs = kill.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()"
                            + " AND wait_event_type = 'Lock'")) {
                        rs.next();
                        terminated = rs.getInt(1);
                    }
                    if (terminated == 0) {
                        Thread.sleep(100);
                    }
                }
                assertThat(terminated).as("the request's connection was waiting on the lock").isGreaterThan(0);
            } finally {
                owner.rollback();
            }
            HttpResponse<String> response = pending.get(60, TimeUnit.SECONDS);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(isProblem(response)).as(response.body()).isTrue();
            JsonObject problem = Http.json(response);
            assertThat(problem.getString("type")).endsWith("/service-unavailable");
            assertThat(problem.getString("detail")).contains("Try again").doesNotContainPattern(INTERNALS.pattern());
        }
        // the pool replaces the lost connection: the next request is served
        assertThat(author.get("api/v1/recipes").statusCode()).isEqualTo(200);
    }

    // --- probes ---------------------------------------------------------------------------------

    /** One request to send: which input, and what it must be refused with (null: any 4xx problem). */
    record Probe(String name, String method, String path, String query, String body, String contentType, String accept,
                 Integer status) {
    }

    private List<Probe> probes(Operation op) {
        List<Probe> probes = new ArrayList<>();
        String path = op.filled(null);
        String json = op.body() ? "{\"reason\":\"checked\"}" : null;
        if (!op.pathParameters().isEmpty()) {
            probes.add(new Probe("NUL in path", op.method(), op.filled("FUZZ%00x"), "", json, "application/json", null, 400));
        } else {
            probes.add(new Probe("NUL in path", op.method(), path + "%00", "", json, "application/json", null, 400));
        }
        for (String parameter : op.queryParameters()) {
            probes.add(new Probe("NUL in query", op.method(), path, "?" + parameter + "=a%00b", json, "application/json",
                    null, 400));
            if (DATE_PARAMETERS.contains(parameter)) {
                probes.add(new Probe("absurd date", op.method(), path, "?" + parameter + "=" + encode(ABSURD_INSTANT), json,
                        "application/json", null, null));
            } else {
                // free text may be a valid value: answered or refused, but never a server error
                probes.add(new Probe("odd value", op.method(), path, "?" + parameter + "=" + encode("<x>'\"%;" + ABSURD_INSTANT),
                        json, "application/json", null, ANY_BUT_SERVER_ERROR));
            }
        }
        probes.add(new Probe("wrong method", "DELETE", path, "", null, null, null, 405));
        if (op.body()) {
            probes.add(new Probe("NUL in JSON", op.method(), path, "", "{\"reason\":\"a\\u0000b\"}", "application/json",
                    null, null));
            probes.add(new Probe("absurd dates in JSON", op.method(), path, "", "{\"effectiveFrom\":\"" + ABSURD_INSTANT
                    + "\",\"validFrom\":\"+999999999-12-31\",\"reason\":\"x\"}", "application/json", null, null));
            probes.add(new Probe("empty Content-Type", op.method(), path, "", "{}", "", null, null));
            probes.add(new Probe("garbage Content-Type", op.method(), path, "", "{}", "garbage", null, null));
            probes.add(new Probe("half a Content-Type", op.method(), path, "", "{}", "application/", null, null));
            probes.add(new Probe("malformed JSON", op.method(), path, "", "{\"reason\": ", "application/json", null, null));
            probes.add(new Probe("not an object", op.method(), path, "", "[1, \"two\", null]", "application/json", null, null));
            probes.add(new Probe("wrong types", op.method(), path, "", "{\"reason\": 5, \"action\": \"FOO\", \"role\": 7,"
                    + " \"draftRevision\": \"x\", \"document\": 1}", "application/json", null, null));
            probes.add(new Probe("oversized body", op.method(), path, "", "{\"reason\":\"" + "x".repeat(1024 * 1024 + 10)
                    + "\"}", "application/json", null, null));
        }
        probes.add(new Probe("Accept text/html on bad input", op.method(), op.filled("FUZZ%00x"), "?x=%00", json,
                "application/json", "text/html", null));
        return probes;
    }

    private static boolean writes(Operation op) {
        return op.method().equals("POST") || op.method().equals("PUT");
    }

    /** The account whose roles suit the operation's component, so that the input is looked at, not just the role. */
    private static String rightRoleFor(Operation op) {
        if (op.path().startsWith("api/v1/recipes")) {
            return "author1";
        }
        if (op.path().startsWith("api/v1/equipment")) {
            return "maintenance1";
        }
        if (op.path().startsWith("api/v1/audit") || op.path().startsWith("api/v1/signatures")
                || op.path().startsWith("api/v1/me")) {
            return "qa1";
        }
        return "admin1";
    }

    private static boolean acceptable(HttpResponse<String> response, Probe probe) {
        if (Integer.valueOf(ANY_BUT_SERVER_ERROR).equals(probe.status()) && response.statusCode() < 400) {
            return true;
        }
        if (response.statusCode() < 400 || response.statusCode() > 499 || !isProblem(response)) {
            return false;
        }
        if (probe.status() != null && probe.status() > 0 && response.statusCode() != probe.status()) {
            return false;
        }
        JsonObject problem = Http.json(response);
        String detail = problem.getString("detail", "");
        return problem.getInt("status", 0) == response.statusCode() && !detail.isBlank() && !INTERNALS.matcher(detail).find()
                && (!probe.name().startsWith("NUL") || response.statusCode() != 400 || detail.contains("NUL"));
    }

    private static boolean isProblem(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON)) {
            return false;
        }
        try {
            return Json.createReader(new StringReader(response.body())).readObject().containsKey("type");
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    // --- HTTP -----------------------------------------------------------------------------------

    private HttpResponse<String> send(String user, Operation op, String path, String query, String body, String contentType,
                                      String accept) {
        return send(user, op, path, query, body, contentType, accept, op.method());
    }

    private HttpResponse<String> send(String user, Operation op, String path, String query, String body, String contentType,
                                      String accept, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.uri("").toString() + path + query))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            // a token is got with the password, never with another token
            request.header("Authorization", op.path().equals(TOKEN_ISSUE) ? new Api(http, user, Api.DEMO_PASSWORD).authorization()
                    : authorization(user));
        }
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return Http.send(client, request);
    }

    /**
     * An API token per account, got once with the password: the walk sends about 1,500 requests, and
     * HTTP Basic would hash the password (and record a sign-in) on every one of them.
     */
    private String authorization(String user) {
        return TOKENS.computeIfAbsent(user, name -> {
            HttpResponse<String> issued = new Api(http, name, Api.DEMO_PASSWORD)
                    .post(TOKEN_ISSUE, "{\"name\":\"ApiFuzzIT\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            return "Bearer " + Http.json(issued).getString("token");
        });
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String signing(String userName, String password, String nonce) {
        return "{\"recordType\":\"ACCOUNTABILITY_STATEMENT\",\"recordId\":\"x\",\"meaning\":\"APPROVED\",\"userName\":"
                + q(userName) + ",\"password\":" + q(password) + ",\"nonce\":" + q(nonce) + "}";
    }

    private static Finding finding(String probe, HttpResponse<String> response) {
        return new Finding(probe, response.statusCode(), response.headers().firstValue("Content-Type").orElse("none"),
                response.body());
    }

    /** The operations of the served OpenAPI document, paths relative to the context root. */
    private List<Operation> operations() {
        URI document = URI.create(contextRoot.getProtocol() + "://" + contextRoot.getHost() + ":" + contextRoot.getPort()
                + "/openapi?format=JSON");
        HttpResponse<String> response = Http.send(client, HttpRequest.newBuilder(document).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject paths = Http.json(response).getJsonObject("paths");
        List<Operation> operations = new ArrayList<>();
        for (String template : paths.keySet()) {
            String path = template.substring(template.indexOf("api/v1/"));
            JsonObject item = paths.getJsonObject(template);
            for (String method : item.keySet()) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                List<String> inPath = new ArrayList<>();
                List<String> inQuery = new ArrayList<>();
                List<JsonValue> parameters = new ArrayList<>();
                if (item.containsKey("parameters")) {
                    parameters.addAll(item.getJsonArray("parameters"));
                }
                if (operation.containsKey("parameters")) {
                    parameters.addAll(operation.getJsonArray("parameters"));
                }
                for (JsonValue parameter : parameters) {
                    JsonObject p = parameter.asJsonObject();
                    if (p.containsKey("$ref")) {
                        continue;
                    }
                    (p.getString("in").equals("path") ? inPath : inQuery).add(p.getString("name"));
                }
                for (String segment : path.split("/")) {
                    if (segment.startsWith("{") && !inPath.contains(segment.substring(1, segment.length() - 1))) {
                        inPath.add(segment.substring(1, segment.length() - 1));
                    }
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, inPath, inQuery,
                        operation.containsKey("requestBody")));
            }
        }
        return operations;
    }
}
