package org.openebr.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for black-box tests against the deployed application. */
final class Http {

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    Http(URL contextRoot) {
        this(contextRoot, null);
    }

    /** Over HTTPS when {@code tls} (trusting the server's certificate) is given. */
    Http(URL contextRoot, javax.net.ssl.SSLContext tls) {
        this(client(tls), URI.create(contextRoot.toString().endsWith("/") ? contextRoot.toString() : contextRoot + "/"), null);
    }

    private Http(HttpClient client, URI base, String authorization) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
    }

    private static HttpClient client(javax.net.ssl.SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        return (tls == null ? builder : builder.sslContext(tls)).build();
    }

    /** The same client sending HTTP Basic credentials of the given account on every request. */
    Http as(String userName, String password) {
        return new Http(client, base, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((userName + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        return send(client, request);
    }

    /** A binary answer (a zip, a PDF), with the tests' time-out. */
    HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request with the tests' time-out, failures as unchecked exceptions. */
    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
