package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

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
 * committed revision linked. Runs on its own ports (+200, or -Debr.it.crash.port.offset) beside the
 * Arquillian server.
 */
class CrashRecoveryIT {

    private final PackagedServer server = new PackagedServer("crash-server",
            PackagedServer.offset("ebr.it.crash.port.offset", 200));

    @AfterEach
    void stopServer() {
        server.kill9();
    }

    @Test
    @Tag("P11-10a-1")
    @Tag("P11-10e-1")
    void the_audit_trail_verifies_intact_after_the_server_is_killed_in_the_middle_of_writes() throws Exception {
        server.prepare().withTlsCertificate().start();
        Http http = new Http(server.http());
        Api admin = Api.demo(http, "admin1");

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

        server.start();
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
