package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A system test without Arquillian: the packaged server from wildfly-config with the built EAR,
 * started as an operator would start it, killed with SIGKILL (kill -9) while clients write, and
 * started again. The audit trail must verify intact afterwards: nothing half-written, every
 * committed revision linked. A confirmation for the ERP that waited in the outbox (the fake ERP was
 * down) when the server was killed is delivered after the restart. Runs on its own ports (+200, or -Debr.it.crash.port.offset) beside the
 * Arquillian server.
 */
class CrashRecoveryIT {

    private final PackagedServer server = new PackagedServer("crash-server",
            PackagedServer.offset("ebr.it.crash.port.offset", 200));

    private FakeErpProcess erp;

    @AfterEach
    void stopServer() {
        server.kill9();
        if (erp != null) {
            erp.close();
        }
    }

    @Test
    @Tag("P11-10a-1")
    @Tag("P11-10e-1")
    @Tag("INT-ERP-2")
    void the_audit_trail_verifies_intact_and_pending_erp_messages_are_delivered_after_the_server_is_killed_in_the_middle_of_writes()
            throws Exception {
        // the ERP is down while the server runs: a confirmation waits in the outbox when the server is killed. The
        // fake ERP listens where the test run's configuration (EBR_ERP_URL) points every server of it, this one and,
        // in the full suite, the Arquillian server on the same database: two nodes, one ERP.
        erp = FakeErpProcess.start(Integer.getInteger("ebr.it.erp.port", 18099));
        erp.post("/control?mode=fail");
        server.prepare().withTlsCertificate().start();
        Http http = new Http(server.http());
        Api admin = Api.demo(http, "admin1");
        BatchFloor floor = new BatchFloor(http);
        HttpResponse<String> ordered = Api.demo(http, "erp-client").post("api/v1/erp/orders", "{\"orderNumber\":"
                + q("PO-K" + Long.toString(System.nanoTime(), 36).toUpperCase()) + ",\"material\":"
                + q(floor.productMaterial) + ",\"quantity\":45,\"unit\":\"L\",\"dueDate\":\"2026-12-24\"}");
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(201);
        String batch = Api.object(ordered).getString("batchId");
        floor.dispensedAndDispatched(batch);
        assertThat(floor.enter(floor.operator1, batch, "line_clearance", "{\"acknowledged\":true}").statusCode())
                .isEqualTo(201);
        Instant tried = Instant.now().plusSeconds(30);
        JsonObject pending = null;
        while (pending == null || pending.getInt("attempts") < 1) {
            assertThat(Instant.now()).as("the relay tried the ERP").isBefore(tried);
            Thread.sleep(250);
            pending = Json.createReader(new java.io.StringReader(admin.get("api/v1/erp/messages?state=pending&limit=200")
                    .body())).readArray().getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("batchId").equals(batch)).findFirst().orElse(null);
        }
        String messageId = pending.getString("messageId");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        HttpResponse<String> created = admin.post("api/v1/users", "{\"userName\":"
                                + q("crash-" + writer + "-" + i + "-" + Long.toString(System.nanoTime(), 36))
                                + ",\"fullName\":\"Crash Test\",\"technical\":false,\"reason\":\"crash test\"}");
                        if (created.statusCode() == 201) {
                            committed.incrementAndGet();
                        }
                    } catch (RuntimeException connectionLost) {
                        return; // the server is gone
                    }
                }
            });
            thread.start();
            writers.add(thread);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (committed.get() < 20 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(committed.get()).as("writes before the kill").isGreaterThanOrEqualTo(20);
        server.kill9();
        stop.set(true);
        for (Thread thread : writers) {
            thread.join(30_000);
        }

        erp.post("/control?mode=ok");
        server.start();
        // the confirmation that waited is delivered after the restart, with its message id. The outage outlasted
        // the test run's six attempts (EBR_ERP_MAX_ATTEMPTS), so the message may be parked: an administrator
        // retries it, as the monitor asks.
        Instant delivered = Instant.now().plusSeconds(90);
        boolean retried = false;
        while (erp.received().stream().noneMatch(r -> r.getString("messageId").equals(messageId)
                && r.getString("answer").equals("200"))) {
            assertThat(Instant.now()).as("the pending confirmation delivered after the restart").isBefore(delivered);
            if (!retried && "PARKED".equals(admin.getJson("api/v1/erp/messages/" + messageId).getJsonObject("message")
                    .getString("state"))) {
                HttpResponse<String> retry = admin.post("api/v1/erp/messages/" + messageId + "/retry",
                        "{\"reason\":\"ERP back after the outage\"}");
                assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
                retried = true;
            }
            Thread.sleep(250);
        }
        // its delivery log: attempts before the kill, the delivery after the restart
        assertThat(admin.getJson("api/v1/erp/messages/" + messageId).getJsonArray("attempts").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("outcome")).contains("FAILED", "DELIVERED");
        assertThat(FakeErpProcess.body(erp.received().stream().filter(r -> r.getString("messageId").equals(messageId))
                .findFirst().orElseThrow()).getString("kind")).isEqualTo("BATCH_STARTED");
        HttpResponse<String> response = Api.demo(http, "inspector1").get("api/v1/audit/verification");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject result = Api.object(response);
        assertThat(result.getBoolean("intact")).as(result.toString()).isTrue();
        assertThat(result.getJsonArray("problems")).isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = org.openebr.audit.control.VerifyAuditCommand.run(new String[] {
                "--url", System.getProperty("ebr.test.db.url"), "--user", TestDatabase.runtimeRole(),
                "--checkpoints", System.getProperty("ebr.test.checkpoint.dir"),
                "--ca", Path.of(System.getProperty("ebr.test.key.dir"), "ca.pem").toString()},
                System.getProperty("ebr.test.db.password"), print, print);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }
}
