package org.openebr.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A reactor on disk for the generator's tests: a catalogue, module test sources and JUnit XML reports. */
final class FakeReactor {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

    final Path root;

    FakeReactor(Path root) {
        this.root = root;
    }

    Path catalogue() {
        return root.resolve("validation-docs/src/main/catalogue/requirements.csv");
    }

    Path output() {
        return root.resolve("validation-docs/target/traceability");
    }

    FakeReactor catalogue(String csvRows) {
        return write(catalogue(), "id,section,source,requirement,proof\r\n" + csvRows);
    }

    /** A test source under {@code <module>/src/test/java}, at the path its package gives. */
    FakeReactor testSource(String module, String className, String source) {
        return write(root.resolve(module).resolve("src/test/java")
                .resolve(className.replace('.', '/') + ".java"), source);
    }

    /** A Surefire ({@code surefire-reports}) or Failsafe ({@code failsafe-reports}) report holding these testcases. */
    FakeReactor report(String module, String reportDir, String suite, String testcases) {
        return write(root.resolve(module).resolve("target").resolve(reportDir).resolve("TEST-" + suite + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0.2" name="%s">
                  <properties>
                    <property name="java.version" value="17"/>
                  </properties>
                %s</testsuite>
                """.formatted(suite, testcases));
    }

    TraceabilityMatrix generate() {
        return GenerateTraceabilityMatrix.generate(root, catalogue(), output(), CLOCK);
    }

    String read(String output) {
        try {
            return Files.readString(output().resolve(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeReactor write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
