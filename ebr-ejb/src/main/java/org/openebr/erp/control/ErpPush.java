package org.openebr.erp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.openebr.erp.entity.ErpMessage;

/**
 * One HTTP POST of a message to the ERP: the body in the configured format, its id in
 * {@code X-Message-Id} (the ERP drops a duplicate by it), the configured credential. Any 2xx is
 * delivered; anything else, a time-out or a broken connection is a failure to retry.
 */
@ApplicationScoped
public class ErpPush {

    /** What one attempt came to. */
    public record Outcome(boolean delivered, Integer status, String detail) {
    }

    @Inject
    ErpSettings settings;

    private volatile HttpClient client;

    public Outcome push(ErpMessage message, URI url) {
        String contentType;
        String body;
        if (settings.format() == ErpSettings.Format.B2MML) {
            contentType = "application/xml";
            body = ErpB2mml.performance(ErpDocuments.parse(message.body()));
        } else {
            contentType = "application/json";
            body = message.body();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", contentType + "; charset=UTF-8")
                .header("X-Message-Id", message.messageId().toString())
                .header("X-Batch-Id", message.batchId())
                .header("X-Batch-Sequence", String.valueOf(message.batchSeq()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        settings.token().ifPresentOrElse(t -> request.header("Authorization", "Bearer " + t),
                () -> settings.user().ifPresent(u -> request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((u + ":" + settings.password().orElse("")).getBytes(StandardCharsets.UTF_8)))));
        try {
            HttpResponse<String> answer = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null);
            }
            String text = answer.body() == null ? "" : answer.body().strip();
            return new Outcome(false, status, "HTTP " + status + (text.isEmpty() ? "" : ": "
                    + text.substring(0, Math.min(300, text.length()))));
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "no answer within " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Outcome(false, null, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted");
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            c = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1).build();
            client = c;
        }
        return c;
    }
}
