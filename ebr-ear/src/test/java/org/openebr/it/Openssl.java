package org.openebr.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The openssl command line, the independent verifier of checkpoints and signatures. */
final class Openssl {

    /** Exit status and everything openssl printed. */
    record Result(int status, String output) {
    }

    private Openssl() {
    }

    /** openssl exits 0: what it checked verifies. */
    static void verifies(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        org.assertj.core.api.Assertions.assertThat(result.status()).as(result.output()).isZero();
    }

    /** openssl refuses: what it checked does not verify. */
    static void refuses(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        org.assertj.core.api.Assertions.assertThat(result.status()).as(result.output()).isNotZero();
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), String.join(" ", command) + "\n" + output);
    }
}
