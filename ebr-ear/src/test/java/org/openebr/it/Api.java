package org.openebr.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The REST API as one account sees it: HTTP Basic on every call ({@code new Api(...)}, for tests of
 * sign-in itself), an API token ({@link #bearer}), or a session ({@link #demo}, {@link #session}).
 */
final class Api {

    static final String DEMO_PASSWORD = System.getProperty("ebr.test.demo.password");

    /**
     * The tokens of the sessions, per server, account and password, kept for the whole test run: a
     * password check costs about 0.1-0.4 s on purpose (PBKDF2, 600,000 iterations), a token check
     * does not, and most calls of a test are its setting-up, not its subject.
     */
    private static final Map<String, String> SESSION_TOKENS = new ConcurrentHashMap<>();
    /** Where only the password opens the door (a token never gets another token or a new password). */
    private static final List<String> PASSWORD_ONLY = List.of("api/v1/auth/", "api/v1/me/password");

    private final Http http;
    private final String authorization;
    /** For a session: the Basic header the token was issued for; null otherwise. */
    private final String basic;
    private final String sessionKey;

    Api(Http http, String userName, String password) {
        this(http, basic(userName, password), null, null);
    }

    private Api(Http http, String authorization) {
        this(http, authorization, null, null);
    }

    private Api(Http http, String authorization, String basic, String sessionKey) {
        this.http = http;
        this.authorization = authorization;
        this.basic = basic;
        this.sessionKey = sessionKey;
    }

    private static String basic(String userName, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((userName + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The account as a client that signs in once with the password and then sends the API token it
     * was issued, as an integrating client does. Answers the same as HTTP Basic: where the token is
     * refused (revoked, the account deactivated or its password changed) the call is made again with
     * the password, and its answer is the one returned. An account that gets no token (e.g. its
     * one-time password must be changed first) uses HTTP Basic.
     */
    static Api session(Http http, String userName, String password) {
        String basic = basic(userName, password);
        return new Api(http, null, basic, http.uri("") + " " + basic);
    }

    private static String issue(Http http, String basic) {
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(http.uri("api/v1/auth/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"integration tests\"}")));
        return issued.statusCode() == 201 ? object(issued).getString("token") : "";
    }

    /** A client that sends an API token ({@code Authorization: Bearer}) instead of a password. */
    static Api bearer(Http http, String token) {
        return new Api(http, "Bearer " + token);
    }

    /** A demo account of the test server as a session (see {@link #session}). */
    static Api demo(Http http, String userName) {
        return session(http, userName, DEMO_PASSWORD);
    }

    /** The Authorization header value this client sends (a session's token, issued now if need be). */
    String authorization() {
        return sessionKey == null ? authorization : sessionAuthorization();
    }

    /** The session's bearer header; the Basic header when the account gets no token. */
    private String sessionAuthorization() {
        String token = SESSION_TOKENS.computeIfAbsent(sessionKey, unused -> issue(http, basic));
        return token.isEmpty() ? basic : "Bearer " + token;
    }

    HttpResponse<String> get(String path) {
        return send(path, authorization -> http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Authorization", authorization).GET()));
    }

    HttpResponse<byte[]> getBytes(String path) {
        return send(path, authorization -> http.bytes(HttpRequest.newBuilder(http.uri(path))
                .header("Authorization", authorization).GET()));
    }

    HttpResponse<String> post(String path, String json) {
        return send(path, authorization -> http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A POST with one extra header, e.g. an Idempotency-Key. */
    HttpResponse<String> post(String path, String json, String header, String value) {
        return send(path, authorization -> http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    HttpResponse<String> put(String path, String json) {
        return send(path, authorization -> http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    /**
     * Whether a 401 refused the caller's credentials (problem type "unauthenticated"), not something
     * the request carries (e.g. a wrong password in a signing request, which must not be sent twice).
     */
    private static boolean tokenRefused(Object body) {
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
        return text.contains("/problems/unauthenticated\"");
    }

    /** One call; a session's refused token is forgotten and the call made again with the password. */
    private <T> HttpResponse<T> send(String path, Function<String, HttpResponse<T>> call) {
        if (sessionKey == null) {
            return call.apply(authorization);
        }
        if (PASSWORD_ONLY.stream().anyMatch(path::startsWith)) {
            return call.apply(basic);
        }
        String bearer = sessionAuthorization();
        HttpResponse<T> answer = call.apply(bearer);
        if (bearer.startsWith("Bearer ") && answer.statusCode() == 401 && tokenRefused(answer.body())) {
            SESSION_TOKENS.remove(sessionKey, bearer.substring("Bearer ".length()));
            return call.apply(basic);
        }
        return answer;
    }

    JsonObject getJson(String path) {
        return object(get(path));
    }

    static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** A JSON string literal. */
    static String q(String text) {
        return Json.createValue(text).toString();
    }
}
