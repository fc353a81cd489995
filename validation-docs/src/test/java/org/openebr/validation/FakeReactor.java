package org.openebr.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reactor on disk for the generator's tests: a catalogue and, per module, a JUnit Platform Open Test Reporting
 * event file shaped as the JUnit Platform writes it (the format is checked against the real listener in
 * {@code EngineReportsTest}).
 */
final class FakeReactor {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

    static final String HEADER = "id,section,source,requirement,proof,severity,probability,detectability,risk,"
            + "rationale,not_tested_because\r\n";

    final Path root;

    /** module/tier -> the tests of that report. */
    private final Map<String, List<String[]>> reports = new LinkedHashMap<>();

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
        return write(catalogue(), HEADER + csvRows);
    }

    /**
     * A test as the engine reported it: {@code tier} is {@code surefire} or {@code failsafe}; {@code status} one of
     * SUCCESSFUL, FAILED, ABORTED, SKIPPED; tags comma separated (as the engine gives them: own, inherited,
     * composed). A method name ending in {@code [n]} is the n-th invocation of a parameterised test.
     */
    FakeReactor test(String module, String tier, String className, String method, String tags, String status) {
        reports.computeIfAbsent(module + "/" + tier, k -> new ArrayList<>())
                .add(new String[] {"TEST", className, method, tags, status});
        return flush(module, tier);
    }

    /** A test class that failed as a whole (e.g. in {@code @BeforeAll}): none of its tests started. */
    FakeReactor failedClass(String module, String tier, String className, String tags) {
        reports.computeIfAbsent(module + "/" + tier, k -> new ArrayList<>())
                .add(new String[] {"CONTAINER", className, null, tags, "FAILED"});
        return flush(module, tier);
    }

    private FakeReactor flush(String module, String tier) {
        StringBuilder x = new StringBuilder("""
                <?xml version="1.0" ?>
                <e:events xmlns="https://schemas.opentest4j.org/reporting/core/0.2.0" \
                xmlns:e="https://schemas.opentest4j.org/reporting/events/0.2.0" \
                xmlns:java="https://schemas.opentest4j.org/reporting/java/0.2.0" \
                xmlns:junit="https://schemas.junit.org/open-test-reporting">
                <infrastructure><hostName>ci</hostName></infrastructure>
                <e:started id="1" name="JUnit Jupiter" time="2026-03-01T10:00:00Z"><metadata>\
                <junit:uniqueId>[engine:junit-jupiter]</junit:uniqueId><junit:type>CONTAINER</junit:type>\
                </metadata></e:started>
                """);
        int id = 1;
        for (String[] t : reports.get(module + "/" + tier)) {
            int classId = ++id;
            String tags = tags(t[3]);
            boolean container = t[0].equals("CONTAINER");
            x.append("<e:started id=\"").append(classId).append("\" name=\"").append(esc(t[1]))
                    .append("\" parentId=\"1\" time=\"2026-03-01T10:00:01Z\"><metadata>")
                    .append(container ? tags : "").append("<junit:type>CONTAINER</junit:type></metadata><sources>")
                    .append("<java:classSource className=\"").append(esc(t[1])).append("\"></java:classSource>")
                    .append("</sources></e:started>\n");
            if (!container) {
                String method = t[2];
                String invocation = null;
                if (method.endsWith("]")) {
                    invocation = method.substring(method.indexOf('['));
                    method = method.substring(0, method.indexOf('['));
                }
                int testId = ++id;
                x.append("<e:started id=\"").append(testId).append("\" name=\"").append(esc(method))
                        .append(invocation == null ? "()" : "() " + esc(invocation)).append("\" parentId=\"")
                        .append(classId).append("\" time=\"2026-03-01T10:00:02Z\"><metadata>").append(tags)
                        .append("<junit:type>TEST</junit:type></metadata><sources><java:methodSource className=\"")
                        .append(esc(t[1])).append("\" methodName=\"").append(esc(method))
                        .append("\" methodParameterTypes=\"\"></java:methodSource></sources></e:started>\n")
                        .append("<e:finished id=\"").append(testId).append("\" time=\"2026-03-01T10:00:03Z\">")
                        .append(result(t[4])).append("</e:finished>\n");
                x.append("<e:finished id=\"").append(classId).append("\" time=\"2026-03-01T10:00:04Z\">")
                        .append(result("SUCCESSFUL")).append("</e:finished>\n");
            } else {
                x.append("<e:finished id=\"").append(classId).append("\" time=\"2026-03-01T10:00:04Z\">")
                        .append(result(t[4])).append("</e:finished>\n");
            }
        }
        x.append("<e:finished id=\"1\" time=\"2026-03-01T10:00:05Z\"><result status=\"SUCCESSFUL\"></result>")
                .append("</e:finished>\n</e:events>\n");
        return write(root.resolve(module).resolve(EngineReports.DIR).resolve(tier).resolve(EngineReports.FILE),
                x.toString());
    }

    private static String tags(String csv) {
        if (csv == null || csv.isBlank()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<tags>");
        for (String tag : csv.split(",")) {
            t.append("<tag>").append(esc(tag.strip())).append("</tag>");
        }
        return t.append("</tags>").toString();
    }

    private static String result(String status) {
        if (status.equals("FAILED")) {
            return "<result status=\"FAILED\"><java:throwable assertionError=\"true\" "
                    + "type=\"org.opentest4j.AssertionFailedError\"><![CDATA[expected: <1> but was: <2>]]>"
                    + "</java:throwable></result>";
        }
        return "<result status=\"" + status + "\"></result>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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
