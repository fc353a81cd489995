package org.openebr.trust.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real RFC 3161 exchange over HTTP, with the internal authority serving as the external one. */
class HttpTimeStampAuthorityTest {

    private static final byte[] DATA = InternalTimeStampAuthorityTest.DATA;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path keys;

    private TrustStore store;
    private InternalTimeStampAuthority internal;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        store = TestKeys.open(keys);
        internal = new InternalTimeStampAuthority(store.timeStampAuthority(), TestKeys.CLOCK);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_time_stamp_obtained_over_http_verifies_with_the_authoritys_ca() {
        serve((exchange, query) -> {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean isQuery = HttpTimeStampAuthority.QUERY_TYPE.equals(contentType);
            answer(exchange, isQuery ? 200 : 415, HttpTimeStampAuthority.REPLY_TYPE, internal.answer(query));
        });

        byte[] response = authority(TIMEOUT).timeStamp(DATA);

        TimeStampVerification result = new TrustVerifier().verifyTimeStamp(DATA, response, store.caCertificate());
        assertThat(result.valid()).as(result.problem()).isTrue();
        assertThat(result.genTime()).isEqualTo(TestKeys.NOW);
    }

    @Test
    void an_http_error_is_reported_as_time_stamp_unavailable() {
        serve((exchange, query) -> answer(exchange, 500, "text/plain",
                "database down".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> authority(TIMEOUT).timeStamp(DATA))
                .isInstanceOf(TimeStampUnavailable.class)
                .hasMessageContaining(url().toString())
                .hasMessageContaining("answered HTTP 500");
    }

    @Test
    void an_answer_that_is_not_a_time_stamp_response_is_reported_as_time_stamp_unavailable() {
        serve((exchange, query) -> answer(exchange, 200, HttpTimeStampAuthority.REPLY_TYPE,
                "<html>garbage</html>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> authority(TIMEOUT).timeStamp(DATA))
                .isInstanceOf(TimeStampUnavailable.class)
                .hasMessageContaining("not an RFC 3161 time-stamp response");
    }

    @Test
    void an_answer_of_another_content_type_is_reported_as_time_stamp_unavailable() {
        serve((exchange, query) -> answer(exchange, 200, "text/html", internal.answer(query)));

        assertThatThrownBy(() -> authority(TIMEOUT).timeStamp(DATA))
                .isInstanceOf(TimeStampUnavailable.class)
                .hasMessageContaining("content type text/html");
    }

    @Test
    void a_time_stamp_of_another_request_is_refused() {
        byte[] stampOfOtherData = internal.timeStamp("other data".getBytes(StandardCharsets.UTF_8));
        serve((exchange, query) -> answer(exchange, 200, HttpTimeStampAuthority.REPLY_TYPE, stampOfOtherData));

        assertThatThrownBy(() -> authority(TIMEOUT).timeStamp(DATA))
                .isInstanceOf(TimeStampUnavailable.class)
                .hasMessageContaining("does not match the request");
    }

    @Test
    void a_refusal_by_the_authority_is_reported_with_its_status() {
        serve((exchange, query) -> answer(exchange, 200, HttpTimeStampAuthority.REPLY_TYPE,
                internal.answer(new byte[] {0x30, 0x00})));

        assertThatThrownBy(() -> authority(TIMEOUT).timeStamp(DATA))
                .isInstanceOf(TimeStampUnavailable.class)
                .hasMessageContaining("refused the request: status 2");
    }

    @Test
    void an_authority_that_answers_too_late_is_reported_as_time_stamp_unavailable() {
        serve((exchange, query) -> {
            sleep(Duration.ofMillis(1500));
            answer(exchange, 200, HttpTimeStampAuthority.REPLY_TYPE, internal.answer(query));
        });

        assertThatThrownBy(() -> authority(Duration.ofMillis(200)).timeStamp(DATA))
                .isInstanceOf(TimeStampUnavailable.class)
                .hasMessageContaining("did not answer within 200 ms");
    }

    @Test
    void an_unreachable_authority_is_reported_as_time_stamp_unavailable() {
        URI gone = url();
        server.stop(0);

        assertThatThrownBy(() -> new HttpTimeStampAuthority(gone, TIMEOUT).timeStamp(DATA))
                .isInstanceOf(TimeStampUnavailable.class)
                .hasMessageContaining("cannot be reached");
    }

    private HttpTimeStampAuthority authority(Duration timeout) {
        return new HttpTimeStampAuthority(url(), timeout);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    /** What the test server does with one time-stamp query. */
    private interface Tsa {
        void handle(HttpExchange exchange, byte[] query) throws IOException;
    }

    private void serve(Tsa tsa) {
        HttpHandler handler = exchange -> {
            try (exchange) {
                tsa.handle(exchange, exchange.getRequestBody().readAllBytes());
            }
        };
        server.createContext("/tsa", handler);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
