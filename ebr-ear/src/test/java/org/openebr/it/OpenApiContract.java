package org.openebr.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the OpenAPI document promises a client generator, checked on the document as served. It
 * walks every operation of every path, so an endpoint added without its annotations (operationId,
 * success status, problem answers) is caught, not only the ones that exist today.
 */
final class OpenApiContract {

    static final String PROBLEM_JSON = "application/problem+json";
    /** The security schemes every protected operation accepts (ApiApplication). */
    static final Set<String> SCHEMES = Set.of("basicAuth", "bearerAuth");
    /** The only operations that need no credentials (web.xml leaves them unprotected). */
    static final Set<String> PUBLIC = Set.of("GET /ebr/api/v1/health");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String CAMEL_CASE = "[a-z][a-zA-Z0-9]*";

    private OpenApiContract() {
    }

    /** One operation of the document: method and path as a client sends them. */
    record Operation(String method, String path, JsonObject body) {
        String name() {
            return method + " " + path;
        }

        JsonObject responses() {
            return member(body, "responses");
        }
    }

    static List<Operation> operations(JsonObject document) {
        List<Operation> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (METHODS.contains(method)) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, item.getJsonObject(method)));
                }
            }
        }
        return operations;
    }

    static Optional<Operation> operation(JsonObject document, String method, String path) {
        return operations(document).stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst();
    }

    /** Every broken promise, one line each naming the operation; empty when the document keeps them all. */
    static List<String> problems(JsonObject document) {
        List<String> problems = new ArrayList<>(globalProblems(document));
        Map<String, String> operationIds = new HashMap<>();
        for (Operation operation : operations(document)) {
            String id = operation.body().getString("operationId", null);
            if (id == null || !id.matches(CAMEL_CASE)) {
                problems.add(operation.name() + ": operationId missing or not camelCase: " + id);
            } else {
                String other = operationIds.putIfAbsent(id, operation.name());
                if (other != null) {
                    problems.add(operation.name() + ": operationId " + id + " is also " + other);
                }
            }
            if (operation.body().getString("summary", "").isBlank()) {
                problems.add(operation.name() + ": no summary");
            }
            problems.addAll(securityProblems(operation));
            problems.addAll(successProblems(document, operation));
            problems.addAll(errorProblems(document, operation));
        }
        return problems;
    }

    private static List<String> globalProblems(JsonObject document) {
        List<String> problems = new ArrayList<>();
        JsonObject schemes = components(document, "securitySchemes");
        for (String scheme : SCHEMES) {
            if (!schemes.containsKey(scheme)) {
                problems.add("security scheme " + scheme + " is not defined");
            }
        }
        if (!requirementNames(document.getJsonArray("security")).equals(SCHEMES)) {
            problems.add("the global security requirement is not " + SCHEMES + ": " + document.get("security"));
        }
        JsonObject problem = member(components(document, "schemas"), "Problem");
        if (!member(problem, "properties").keySet()
                .containsAll(Set.of("type", "title", "status", "detail", "instance", "violations"))) {
            problems.add("components.schemas.Problem is missing or lacks an RFC 9457 member or violations: " + problem);
        }
        return problems;
    }

    /**
     * Protected operations inherit the global requirement or name some of its schemes (e.g. Basic only);
     * public ones say that no credentials are needed.
     */
    private static List<String> securityProblems(Operation operation) {
        JsonArray security = operation.body().containsKey("security") ? operation.body().getJsonArray("security") : null;
        if (PUBLIC.contains(operation.name())) {
            boolean open = security != null && (security.isEmpty() || security.getValuesAs(JsonObject.class).stream()
                    .anyMatch(JsonObject::isEmpty));
            return open ? List.of() : List.of(operation.name() + ": public, but the document asks for credentials");
        }
        if (security != null && (security.isEmpty() || !SCHEMES.containsAll(requirementNames(security))
                || security.getValuesAs(JsonObject.class).stream().anyMatch(JsonObject::isEmpty))) {
            return List.of(operation.name() + ": protected, but its own security requirement " + security
                    + " is not made of " + SCHEMES);
        }
        return List.of();
    }

    /**
     * One success answer with what it carries: content with a schema, except 204. A creating POST
     * documents 201, not 200 beside it; a Location header goes with 201 only.
     */
    private static List<String> successProblems(JsonObject document, Operation operation) {
        List<String> problems = new ArrayList<>();
        JsonObject responses = operation.responses();
        List<String> success = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
        if (success.isEmpty()) {
            problems.add(operation.name() + ": no 2xx response");
        }
        // the ERP's order is the one contract with both: 201 for a new order, 200 for a repeat or a change (issue 18)
        if (success.contains("200") && success.contains("201") && !operation.name().equals("POST /ebr/api/v1/erp/orders")) {
            problems.add(operation.name() + ": documents both 200 and 201");
        }
        for (String code : success) {
            JsonObject response = resolve(document, responses.getJsonObject(code));
            JsonObject content = member(response, "content");
            if (code.equals("204")) {
                if (!content.isEmpty()) {
                    problems.add(operation.name() + ": 204 with content");
                }
            } else if (content.isEmpty() || content.values().stream()
                    .anyMatch(media -> !media.asJsonObject().containsKey("schema"))) {
                problems.add(operation.name() + ": " + code + " without content and schema");
            }
            if (member(response, "headers").containsKey("Location") && !code.equals("201")) {
                problems.add(operation.name() + ": Location header on " + code);
            }
        }
        return problems;
    }

    /** Every protected operation answers 401, and at least one 4xx; every 4xx is a problem document. */
    private static List<String> errorProblems(JsonObject document, Operation operation) {
        List<String> problems = new ArrayList<>();
        JsonObject responses = operation.responses();
        List<String> clientErrors = responses.keySet().stream().filter(code -> code.startsWith("4")).toList();
        if (!PUBLIC.contains(operation.name())) {
            if (clientErrors.isEmpty()) {
                problems.add(operation.name() + ": no 4xx response");
            }
            if (!clientErrors.contains("401")) {
                problems.add(operation.name() + ": no 401, though it needs credentials");
            }
        }
        for (String code : clientErrors) {
            JsonObject response = resolve(document, responses.getJsonObject(code));
            JsonObject content = member(response, "content");
            JsonObject media = content.containsKey(PROBLEM_JSON) ? content.getJsonObject(PROBLEM_JSON) : null;
            if (media == null || !media.containsKey("schema")
                    || !"#/components/schemas/Problem".equals(media.getJsonObject("schema").getString("$ref", null))) {
                problems.add(operation.name() + ": " + code + " is not an " + PROBLEM_JSON + " Problem: " + response);
            }
        }
        return problems;
    }

    /** A response, or the shared response a $ref names (#/components/responses/...). */
    static JsonObject resolve(JsonObject document, JsonObject response) {
        String ref = response.getString("$ref", null);
        if (ref == null) {
            return response;
        }
        String prefix = "#/components/responses/";
        String name = ref.startsWith(prefix) ? ref.substring(prefix.length()) : "";
        return member(components(document, "responses"), name);
    }

    private static JsonObject components(JsonObject document, String kind) {
        return member(member(document, "components"), kind);
    }

    /** An object member, or an empty object when it is absent. */
    static JsonObject member(JsonObject object, String name) {
        return object.containsKey(name) ? object.getJsonObject(name) : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Set<String> requirementNames(JsonArray security) {
        if (security == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        security.getValuesAs(JsonObject.class).forEach(requirement -> names.addAll(requirement.keySet()));
        return names;
    }
}
