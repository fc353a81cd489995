package org.openebr.it;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility rules engine, at the version the build pins ({@code version.axe-core}
 * in ebr-ear/pom.xml). Installed from the npm registry into the build's own tools directory when it
 * is not there yet (as {@link Redocly} is); {@link Browser#assertAccessible()} runs it in the page.
 */
final class Axe {

    private static final Duration INSTALL_TIME_OUT = Duration.ofMinutes(5);

    private static String source;

    private Axe() {
    }

    /** The script that defines {@code window.axe}, read once per test run. */
    static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(install(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static Path install() throws IOException {
        String version = System.getProperty("ebr.test.axe.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("system property ebr.test.axe.version is not set (ebr-ear/pom.xml)");
        }
        Path tools = Path.of(System.getProperty("ebr.test.tools"));
        Path script = tools.resolve("node_modules/axe-core/axe.min.js");
        Path manifest = tools.resolve("node_modules/axe-core/package.json");
        if (Files.exists(script) && Files.exists(manifest) && installedVersion(manifest).equals(version)) {
            return script;
        }
        Files.createDirectories(tools);
        Path log = tools.resolve("npm-install-axe.log");
        ProcessBuilder install = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund",
                "--prefix", tools.toString(), "axe-core@" + version)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process;
        try {
            process = install.start();
        } catch (IOException notFound) {
            throw new IllegalStateException("npm was not found: the accessibility check needs Node.js with npm on the PATH"
                    + " (bin/ebr test checks for it)", notFound);
        }
        try {
            if (!process.waitFor(INSTALL_TIME_OUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("npm install axe-core did not finish within " + INSTALL_TIME_OUT
                        + "; its log: " + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0 || !Files.exists(script)) {
            throw new IllegalStateException("npm install axe-core@" + version + " failed (exit " + process.exitValue()
                    + "): " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return script;
    }

    private static String installedVersion(Path manifest) throws IOException {
        return Json.createReader(new StringReader(Files.readString(manifest, StandardCharsets.UTF_8)))
                .readObject().getString("version", "");
    }
}
