package org.openebr.trust.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code openssl} binary, the independent check that OpenEBR's files are standard.
 * Without openssl these tests fail (they never skip): a missing tool must not pass as a verified
 * requirement.
 */
final class Openssl {

    record Result(int exitCode, String output) {
    }

    private Openssl() {
    }

    static Result run(Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("openssl is not on the PATH. These tests prove that standard tools verify "
                    + "OpenEBR's signatures and time-stamps, so they fail instead of skipping: install OpenSSL 3 "
                    + "(e.g. apt-get install openssl) and run them again.", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl did not finish within 60 s: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot read the output of " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command, e);
        }
    }
}
