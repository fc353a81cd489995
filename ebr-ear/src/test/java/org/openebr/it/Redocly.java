package org.openebr.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly CLI, the OpenAPI linter, at the version the build pins ({@code version.redocly-cli} in
 * ebr-ear/pom.xml). Installed from the npm registry into the build's own tools directory when it is
 * not there yet, so a fresh machine with Node.js 20.19+ and npm needs nothing else.
 */
final class Redocly {

    private static final Duration INSTALL_TIME_OUT = Duration.ofMinutes(5);
    private static final Duration LINT_TIME_OUT = Duration.ofMinutes(2);
    /** The project's rules and the accepted findings, copied beside the document they apply to. */
    private static final List<String> CONFIGURATION = List.of("redocly.yaml", ".redocly.lint-ignore.yaml");

    private final String version = System.getProperty("ebr.test.redocly.version");
    private final Path tools = Path.of(System.getProperty("ebr.test.tools"));

    /**
     * Lints {@code document} (written to {@code directory} as openapi.json, where it stays for
     * reading) with the project's rules; the answer is Redocly's JSON report: totals of errors,
     * warnings and ignored findings, and each problem.
     */
    JsonObject lint(String document, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("openapi.json"), document, StandardCharsets.UTF_8);
            for (String file : CONFIGURATION) {
                try (InputStream in = Redocly.class.getResourceAsStream("/openapi/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("openapi/" + file + " is missing from the test resources");
                    }
                    Files.copy(in, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path report = directory.resolve("lint-report.json");
            Path log = directory.resolve("lint.log");
            ProcessBuilder lint = new ProcessBuilder(cli().toString(), "lint", "openapi.json", "--config", "redocly.yaml",
                    "--format=json", "--max-problems=1000")
                    .directory(directory.toFile())
                    .redirectOutput(report.toFile())
                    .redirectError(log.toFile());
            // No usage data leaves the build; no look-up of newer versions.
            lint.environment().put("REDOCLY_TELEMETRY", "off");
            lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            int exit = run(lint, LINT_TIME_OUT, log);
            String json = Files.readString(report, StandardCharsets.UTF_8);
            if (!json.strip().startsWith("{")) {
                throw new IllegalStateException("redocly lint (exit " + exit + ") wrote no report; its log: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return Json.createReader(new StringReader(json)).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The installed command, installing the pinned version first when it is missing or another. */
    private Path cli() throws IOException {
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("system property ebr.test.redocly.version is not set (ebr-ear/pom.xml)");
        }
        Path cli = tools.resolve("node_modules/.bin/redocly");
        Path manifest = tools.resolve("node_modules/@redocly/cli/package.json");
        if (Files.isExecutable(cli) && Files.exists(manifest) && installedVersion(manifest).equals(version)) {
            return cli;
        }
        Files.createDirectories(tools);
        Path log = tools.resolve("npm-install.log");
        ProcessBuilder install = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund",
                "--prefix", tools.toString(), "@redocly/cli@" + version)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        int exit;
        try {
            exit = run(install, INSTALL_TIME_OUT, log);
        } catch (IOException notFound) {
            throw new IllegalStateException("npm was not found: the OpenAPI lint needs Node.js 20.19 or newer with npm"
                    + " on the PATH (bin/ebr test checks for it)", notFound);
        }
        if (exit != 0 || !Files.isExecutable(cli)) {
            throw new IllegalStateException("npm install @redocly/cli@" + version + " failed (exit " + exit + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return cli;
    }

    private static String installedVersion(Path manifest) throws IOException {
        return Json.createReader(new StringReader(Files.readString(manifest, StandardCharsets.UTF_8)))
                .readObject().getString("version", "");
    }

    private static int run(ProcessBuilder command, Duration timeOut, Path log) throws IOException {
        Process process = command.start();
        try {
            if (!process.waitFor(timeOut.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command.command()) + " did not finish within "
                        + timeOut + "; its log: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
