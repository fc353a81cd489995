package org.openebr.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A UI session driven over plain HTTP with cookies: enough to sign in through the real login
 * form and follow what the server does with the session. Browser tests cover the screens.
 */
final class Browserless {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Http http;

    Browserless(Http http) {
        this.http = http;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(http.uri(path)).GET());
    }

    /** Submits the login form; returns the answer (302 to the next page on success). */
    HttpResponse<String> signIn(String userName, String password) {
        String page = get("login.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("userName", userName);
        form.put("password", password);
        form.put("sign-in", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        return send(HttpRequest.newBuilder(http.uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    HttpResponse<String> signOut() {
        return send(HttpRequest.newBuilder(http.uri("logout")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> c.getValue()).findFirst().orElse(null);
    }

    static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no ViewState in page: " + page);
        }
        return matcher.group(1);
    }

    static boolean redirectsTo(HttpResponse<String> response, String pathEnd) {
        return response.statusCode() == 302 && response.headers().firstValue("Location").map(l -> URI.create(l).getPath())
                .filter(p -> p.endsWith(pathEnd)).isPresent();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(client, request);
    }
}
