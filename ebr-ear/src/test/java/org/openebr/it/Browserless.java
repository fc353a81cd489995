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
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern SIGN_OUT_TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]*)\"");

    final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final Http http;

    Browserless(Http http) {
        this(http, null);
    }

    /** Over HTTPS: {@code http} names the HTTPS address, {@code tls} trusts the server's certificate. */
    Browserless(Http http, javax.net.ssl.SSLContext tls) {
        this.http = http;
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        this.client = (tls == null ? builder : builder.sslContext(tls)).build();
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
        form.put("login-bar:sign-in", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        // PrimeFaces' CSP mode refuses a postback without the page's nonce (its script adds it to every form)
        Matcher nonce = NONCE.matcher(page);
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        return send(HttpRequest.newBuilder(http.uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Signs out as the sign-out form of a page does, with the session's token. */
    HttpResponse<String> signOut() {
        Matcher token = SIGN_OUT_TOKEN.matcher(get("app/home.xhtml").body());
        return signOut(token.find() ? token.group(1) : "");
    }

    /** A sign-out POST with this token (none when null), as a forged form would send it. */
    HttpResponse<String> signOut(String token) {
        return send(HttpRequest.newBuilder(http.uri("logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(token == null ? "" : "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
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
