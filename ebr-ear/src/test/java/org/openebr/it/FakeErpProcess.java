package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The fake ERP (bin/lib/FakeErp.java) in its own process, as the tests start and steer it. */
final class FakeErpProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final Process process;

    private FakeErpProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts the fake ERP on this port and waits until it answers. */
    static FakeErpProcess start(int port) throws IOException, InterruptedException {
        String program = System.getProperty("ebr.test.fake.erp", "../bin/lib/FakeErp.java");
        Path log = Path.of("target", "fake-erp-" + port + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), program,
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        FakeErpProcess erp = new FakeErpProcess(port, process);
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            try {
                if (erp.get("/received").statusCode() == 200) {
                    return erp;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        process.destroy();
        throw new IllegalStateException("the fake ERP did not start; see " + log.toAbsolutePath());
    }

    /** Where OpenEBR pushes to. */
    String url() {
        return "http://127.0.0.1:" + port + "/confirmations";
    }

    /** e.g. {@code "/control?mode=fail&count=3"} or {@code "/reset"}. */
    void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    /** Every receipt so far, in order. */
    List<JsonObject> received() throws IOException, InterruptedException {
        return Json.createReader(new StringReader(get("/received").body())).readObject().getJsonArray("received")
                .getValuesAs(JsonObject.class);
    }

    /** The content of a receipt. */
    static JsonObject body(JsonObject receipt) {
        return Json.createReader(new StringReader(receipt.getString("body"))).readObject();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
    }
}
