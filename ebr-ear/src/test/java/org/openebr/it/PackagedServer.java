package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * For system tests without Arquillian: a fresh copy of the server built by wildfly-config with the
 * built EAR in its deployments, started with bin/standalone.sh as an operator starts it, on its own
 * port offset and with the environment of the test run (database, keys) plus what the test adds.
 */
final class PackagedServer {

    private final Path base;
    private final int offset;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;
    private Path pidFile;
    private Instant deadline;

    /**
     * @param name directory under target/ for the server's base directory and console log
     * @param offset socket-binding port offset (HTTP 8080 + offset, HTTPS 8443 + offset)
     */
    PackagedServer(String name, int offset) {
        this.base = Path.of("target", name, "standalone").toAbsolutePath();
        this.offset = offset;
    }

    /** A port offset from a system property, so a developer's own run keeps clear of other servers. */
    static int offset(String property, int defaultOffset) {
        return Integer.getInteger(property, defaultOffset);
    }

    /** An environment variable of the server process (on top of the test run's own). */
    PackagedServer env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Copies configuration and deployments of the built server, and the EAR. */
    PackagedServer prepare() throws IOException {
        Path built = Path.of(System.getProperty("jboss.home"), "standalone");
        deleteTree(base.getParent());
        for (String dir : List.of("configuration", "deployments")) {
            copyTree(built.resolve(dir), base.resolve(dir));
        }
        Files.copy(Path.of(System.getProperty("ebr.ear")), base.resolve("deployments").resolve("ebr.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    /** Gives the server a TLS certificate as `bin/ebr start` does (bin/lib/tls-keystore.sh). */
    PackagedServer withTlsCertificate() throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder("sh", Path.of("..", "bin", "lib", "tls-keystore.sh").toString(),
                keystore().toString(), Tls.KEYSTORE_PASSWORD, "localhost")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        return this;
    }

    Path keystore() {
        return base.resolve("configuration").resolve("ebr-tls.p12");
    }

    URL http() {
        return url("http", 8080 + offset);
    }

    URL https() {
        return url("https", Tls.httpsPort(offset));
    }

    /** The server's base directory (configuration, deployments, log), as jboss.server.base.dir. */
    Path base() {
        return base;
    }

    int offset() {
        return offset;
    }

    /** Starts the server and waits until its health check answers 200 (over plain HTTP, allowed in every mode). */
    void start() throws IOException, InterruptedException {
        launch();
        HttpResponse<String> health = awaitHealth();
        while (health.statusCode() != 200) {
            Thread.sleep(1000);
            health = awaitHealth(); // DOWN for a moment (the database pool); it fails after four minutes
        }
    }

    /**
     * Starts the server and returns the first answer of its health check, whatever it says (a server on a database
     * it cannot use answers 503 with the reason).
     */
    HttpResponse<String> startAndAskHealth() throws IOException, InterruptedException {
        launch();
        return awaitHealth();
    }

    private void launch() throws IOException {
        pidFile = base.resolve("server.pid");
        Files.deleteIfExists(pidFile);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("jboss.home"), "bin", "standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.getParent().resolve("console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.remove("JBOSS_HOME");
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        env.put("JBOSS_PIDFILE", pidFile.toString());
        env.put("JAVA_OPTS", "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true");
        env.putAll(environment);
        process = builder.start();
        deadline = Instant.now().plus(Duration.ofSeconds(240));
    }

    /** The health check's first answer, within four minutes of the start. */
    private HttpResponse<String> awaitHealth() throws InterruptedException, IOException {
        Http http = new Http(http());
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = http.get("api/v1/health");
                // the server itself answers 503 while it starts: only the application's answer counts
                if (health.statusCode() == 200 || health.statusCode() == 503 && health.body().contains("expectedSchemaVersion")) {
                    return health;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            assertThat(process.isAlive() || Files.exists(pidFile)).as("server process; see " + console()).isTrue();
            Thread.sleep(1000);
        }
        throw new AssertionError("the server did not become healthy; see " + console());
    }

    Path console() {
        return base.getParent().resolve("console.log");
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no orderly commit. */
    void kill9() {
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
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private URL url(String scheme, int port) {
        try {
            return new URL(scheme, "localhost", port, "/ebr/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
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
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
