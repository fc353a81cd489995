package org.openebr.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The REST API as one account sees it (HTTP Basic on every call, or an API token). */
final class Api {

    static final String DEMO_PASSWORD = System.getProperty("ebr.test.demo.password");

    private final Http http;
    private final String authorization;

    Api(Http http, String userName, String password) {
        this.http = http;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((userName + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Api(Http http, String authorization) {
        this.http = http;
        this.authorization = authorization;
    }

    /** A client that sends an API token ({@code Authorization: Bearer}) instead of a password. */
    static Api bearer(Http http, String token) {
        return new Api(http, "Bearer " + token);
    }

    static Api demo(Http http, String userName) {
        return new Api(http, userName, DEMO_PASSWORD);
    }

    /** The Authorization header value this client sends. */
    String authorization() {
        return authorization;
    }

    HttpResponse<String> get(String path) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", authorization).GET());
    }

    HttpResponse<byte[]> getBytes(String path) {
        return http.bytes(HttpRequest.newBuilder(http.uri(path)).header("Authorization", authorization).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
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
