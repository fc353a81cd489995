package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A system test without Arquillian: the packaged server from wildfly-config with the built EAR,
 * started as an operator would start it, killed with SIGKILL (kill -9) while clients write, and
 * started again. The audit trail must verify intact afterwards: nothing half-written, every
 * committed revision linked. Runs on its own ports (+200) beside the Arquillian server.
 */
class CrashRecoveryIT {

    private static final int OFFSET = 200;
    private static final String BASE_URL = "http://localhost:" + (8080 + OFFSET) + "/ebr/";

    private Process server;
    private Path pidFile;

    @AfterEach
    void stopServer() {
        kill9();
    }

    @Test
    @Tag("P11-10a-1")
    @Tag("P11-10e-1")
    void the_audit_trail_verifies_intact_after_the_server_is_killed_in_the_middle_of_writes() throws Exception {
        Path base = prepareServer();
        start(base);
        Http http = new Http(new URL(BASE_URL));
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
        kill9();
        stop.set(true);
        for (Thread thread : writers) {
            thread.join(30_000);
        }

        start(base);
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

    /** A fresh copy of the built server's standalone directory with the EAR in its deployments. */
    private static Path prepareServer() throws IOException {
        Path built = Path.of(System.getProperty("jboss.home"), "standalone");
        Path base = Path.of("target", "crash-server", "standalone").toAbsolutePath();
        deleteTree(base.getParent());
        for (String dir : List.of("configuration", "deployments")) {
            copyTree(built.resolve(dir), base.resolve(dir));
        }
        Files.copy(Path.of(System.getProperty("ebr.ear")), base.resolve("deployments").resolve("ebr.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        return base;
    }

    private void start(Path base) throws Exception {
        pidFile = base.resolve("server.pid");
        Files.deleteIfExists(pidFile);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("jboss.home"), "bin", "standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + OFFSET)
                .redirectErrorStream(true)
                .redirectOutput(base.getParent().resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.remove("JBOSS_HOME");
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        env.put("JBOSS_PIDFILE", pidFile.toString());
        env.put("JAVA_OPTS", "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true");
        server = builder.start();
        Http http = new Http(new URL(BASE_URL));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.get("api/v1/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            assertThat(server.isAlive() || Files.exists(pidFile)).as("server process").isTrue();
            Thread.sleep(1000);
        }
        throw new AssertionError("the server did not become healthy; see " + base.getParent().resolve("console.log"));
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no orderly commit. */
    private void kill9() {
        try {
            if (pidFile != null && Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).ifPresent(handle -> {
                    handle.destroyForcibly();
                    handle.onExit().join();
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (server != null) {
            server.destroyForcibly();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
