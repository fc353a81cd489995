package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
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
 * Browser and transport security on the real server (demo mode, so plain HTTP is served too): the
 * headers on every kind of answer, the session cookie, redirects that never echo the Host header,
 * sign-out only from OpenEBR's own form, and the TLS the HTTPS listener offers (checked with the
 * JDK's TLS client and, independently, with openssl s_client).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSecurityIT {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>");
    private static final Pattern EVENT_HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+=\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    SSLContext tls;
    Http http;
    Http https;

    @BeforeEach
    void clients() {
        tls = Tls.trusting(Tls.itKeystore());
        http = new Http(contextRoot);
        https = new Http(Tls.https(contextRoot, Tls.itOffset()), tls);
    }

    @Test
    void a_page_carries_every_header_and_a_script_policy_with_a_nonce_that_its_scripts_carry() {
        HttpResponse<String> page = https.get("login.xhtml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertBrowserHeaders(page);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors 'none'", "object-src 'none'", "default-src 'self'")
                .containsPattern("script-src 'self' 'nonce-[^']+'").doesNotContain("unsafe-eval")
                .doesNotContainPattern("script-src[^;]*unsafe-inline");
        String nonce = policy.replaceAll("(?s).*'nonce-([^']+)'.*", "$1");
        Matcher scripts = INLINE_SCRIPT.matcher(page.body());
        int inline = 0;
        while (scripts.find()) {
            assertThat(scripts.group()).as("inline script without the page's nonce").contains("nonce=\"" + nonce + "\"");
            inline++;
        }
        assertThat(inline).as("PrimeFaces' inline scripts (with the nonce)").isPositive();
        assertThat(EVENT_HANDLER_ATTRIBUTE.matcher(page.body()).find()).as("inline event handler attributes").isFalse();
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("demo mode: browsers remember nothing")
                .hasValue("max-age=0");
    }

    @Test
    void the_screens_work_in_a_browser_under_the_policy() {
        try (Browser browser = new Browser(contextRoot)) {
            browser.windowSize(1024, 768).open("login.xhtml");
            browser.screenshot(java.nio.file.Path.of("target", "screenshots", "WebSecurityIT-login-1024x768.png"));
            browser.signIn("author1", Api.DEMO_PASSWORD);
            browser.open("app/recipes.xhtml");
            browser.waitForText("Recipes");
            browser.screenshot(java.nio.file.Path.of("target", "screenshots", "WebSecurityIT-recipes-1024x768.png"));
            browser.signOut();
            assertThat(browser.path()).startsWith("login.xhtml");
        } // closing fails the test if the policy blocked anything
    }

    @Test
    void api_answers_problem_documents_and_the_authentication_refusal_carry_every_header() {
        Api inspector = Api.demo(https, "inspector1");
        HttpResponse<String> answer = inspector.get("api/v1/me");
        HttpResponse<String> problem = inspector.get("api/v1/users/no-such-account-" + System.nanoTime());
        HttpResponse<String> refusal = https.get("api/v1/me");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refusal.statusCode()).isEqualTo(401);
        for (HttpResponse<String> response : List.of(answer, problem, refusal)) {
            assertBrowserHeaders(response);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValueSatisfying(p -> assertThat(p).contains("default-src 'none'", "frame-ancestors 'none'"));
        }
    }

    @Test
    void scripts_and_styles_may_be_cached_and_plain_http_gets_no_strict_transport_header() {
        HttpResponse<String> page = http.get("login.xhtml");
        Matcher stylesheet = Pattern.compile("href=\"/ebr/(jakarta\\.faces\\.resource/[^\"]+)\"").matcher(page.body());
        assertThat(stylesheet.find()).as(page.body()).isTrue();
        HttpResponse<String> resource = https.get(stylesheet.group(1).replace("&amp;", "&"));

        assertThat(resource.statusCode()).isEqualTo(200);
        assertThat(resource.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(resource.headers().allValues("Cache-Control")).noneMatch(v -> v.contains("no-store"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void the_session_cookie_is_http_only_same_site_and_secure_over_https() {
        String overHttps = sessionCookie(https.get("login.xhtml"));
        String overHttp = sessionCookie(http.get("login.xhtml"));

        assertThat(overHttps).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(overHttp).doesNotContainIgnoringCase("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        // signing in (a new session id) keeps the flags, and the login redirect still leads home
        Browserless person = new Browserless(https, tls);
        HttpResponse<String> signedIn = person.signIn("supervisor1", Api.DEMO_PASSWORD);
        assertThat(Browserless.redirectsTo(signedIn, "/app/home.xhtml")).as(signedIn.headers().map().toString()).isTrue();
        assertThat(sessionCookie(signedIn)).containsIgnoringCase("; Secure").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void no_redirect_echoes_the_host_header() throws IOException {
        int port = contextRoot.getPort();
        for (String path : List.of("/ebr", "/ebr/", "/ebr/app/home.xhtml", "/ebr/logout")) {
            String answer = rawGet(port, path, "evil.example");
            assertThat(answer).as(path).startsWith("HTTP/1.1 30").containsPattern("(?i)\r\nLocation: /ebr/")
                    .doesNotContainIgnoringCase("evil.example");
        }
    }

    @Test
    void a_sign_out_without_the_forms_token_signs_nobody_out() {
        Instant before = Instant.now().minusSeconds(1);
        Browserless person = new Browserless(https, tls);
        person.signIn("qa1", Api.DEMO_PASSWORD);

        HttpResponse<String> forged = person.signOut(null);
        HttpResponse<String> guessed = person.signOut("guessed-token");

        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValue("/ebr/");
        assertThat(guessed.headers().firstValue("Location")).hasValue("/ebr/");
        assertThat(person.get("app/home.xhtml").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(logouts("qa1", before)).as("no sign-out recorded").isEmpty();

        HttpResponse<String> real = person.signOut();
        assertThat(Browserless.redirectsTo(real, "/login.xhtml")).isTrue();
        assertThat(Browserless.redirectsTo(person.get("app/home.xhtml"), "/login.xhtml")).as("signed out").isTrue();
        assertThat(logouts("qa1", before)).hasSize(1);
    }

    @Test
    void the_signature_page_refuses_to_be_framed() {
        Browserless person = new Browserless(https, tls);
        person.signIn("author1", Api.DEMO_PASSWORD);
        HttpResponse<String> page = person.get("app/signature.xhtml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p -> assertThat(p).contains("frame-ancestors 'none'"));
    }

    // --- TLS of the HTTPS listener --------------------------------------------------------------

    @Test
    @Tag("A11D-15-2")
    void tls_1_3_is_offered_and_tls_1_2_only_with_forward_secret_aead_suites() throws IOException {
        try (SSLSocket socket = handshake("TLSv1.3")) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        try (SSLSocket socket = handshake("TLSv1.2")) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(socket.getSession().getCipherSuite()).matches("TLS_ECDHE_(RSA|ECDSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)");
        }
    }

    @Test
    @Tag("A11D-15-2")
    void old_protocols_and_tls_1_2_suites_without_forward_secrecy_or_aead_are_refused() throws Exception {
        for (String protocol : List.of("-tls1_1", "-tls1")) {
            Openssl.Result result = sClient(protocol, "-cipher", "DEFAULT@SECLEVEL=0");
            assertThat(result.status()).as(result.output()).isNotZero();
            assertThat(result.output()).as("refused by the server, not by the local openssl").contains("alert protocol version");
        }
        for (String suite : List.of("ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES256-SHA", "AES128-GCM-SHA256", "DHE-RSA-AES128-GCM-SHA256")) {
            Openssl.Result result = sClient("-tls1_2", "-cipher", suite);
            assertThat(result.status()).as(suite + "\n" + result.output()).isNotZero();
            assertThat(result.output()).as(suite).containsIgnoringCase("handshake failure");
        }
        Openssl.Result good = sClient("-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(good.status()).as(good.output()).isZero();
    }

    @Test
    @Tag("A11D-15-2")
    void the_certificate_names_the_host_and_local_addresses_and_is_valid_for_a_year_at_most() throws Exception {
        try (SSLSocket socket = handshake("TLSv1.3")) {
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            List<String> names = new ArrayList<>();
            certificate.getSubjectAlternativeNames().forEach(name -> names.add(name.get(0) + ":" + name.get(1)));
            assertThat(names).contains("2:localhost", "7:127.0.0.1");
            Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
            assertThat(validity).isLessThanOrEqualTo(Duration.ofDays(366));
            assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        }
    }

    @Test
    @Tag("A11D-15-2")
    void a_client_cannot_renegotiate() throws IOException, InterruptedException {
        // openssl asks for renegotiation on the line "R"; the server answers with a fatal alert
        Process process = new ProcessBuilder("openssl", "s_client", "-connect", "localhost:" + Tls.httpsPort(Tls.itOffset()),
                "-servername", "localhost", "-tls1_2").redirectErrorStream(true).start();
        try {
            process.getOutputStream().write("R\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl ends: the server closed the connection").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).contains("RENEGOTIATING").contains("alert handshake failure");
        } finally {
            process.destroyForcibly();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertBrowserHeaders(HttpResponse<String> response) {
        String what = response.uri().toString();
        assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
        assertThat(response.headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
        if (response.uri().getScheme().equals("https")) {
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).isPresent();
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }

    private List<JsonObject> logouts(String user, Instant from) {
        HttpResponse<String> response = Api.demo(https, "inspector1").get("api/v1/security-events?user=" + user + "&type=LOGOUT&from=" + from);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.array(response).getValuesAs(JsonObject.class);
    }

    /** A request with a Host header of the client's choosing (HttpClient does not allow one). */
    private static String rawGet(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end);
        }
    }

    private SSLSocket handshake(String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", Tls.httpsPort(Tls.itOffset()));
        socket.setSoTimeout(30_000);
        socket.setEnabledProtocols(new String[] {protocol});
        socket.startHandshake();
        return socket;
    }

    /** openssl s_client against the HTTPS listener; its input is closed at once, so it ends after the handshake. */
    private static Openssl.Result sClient(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "localhost:" + Tls.httpsPort(Tls.itOffset()),
                "-servername", "localhost"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Openssl.Result(process.exitValue(), String.join(" ", command) + "\n" + output);
    }
}
