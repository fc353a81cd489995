package org.openebr.it;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The operational qualification (OQ) of an installation: {@code bin/ebr oq --target URL [--accounts FILE]}.
 * Checks that the target answers as this release, then runs the OQ classes ({@link AccessOQ},
 * {@link BatchRecordOQ}) against it through its API and its screens with the customer's accounts, in a
 * data space of the run's own. Writes the report (oq-report.txt, the JUnit Platform's open test
 * report, screenshots, the signature bundles it verified, the batch report) into a new folder named on
 * the last line printed; exits 0 only when every OQ test passed.
 *
 * <pre>
 * OqRunner --target URL --report-dir DIR [--accounts FILE] [--demo-password-env VAR] [--expected-version V]
 * </pre>
 */
public final class OqRunner {

    /** The OQ protocol: its classes in the order they run. */
    static final List<Class<?>> PROTOCOL = List.of(AccessOQ.class, BatchRecordOQ.class);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** One OQ test as it ran. */
    record Outcome(String name, List<String> requirements, String status, Duration took, String failure) {
    }

    /** What a run ended with: its exit status and its report folder. */
    record Result(int status, Path folder) {
    }

    private OqRunner() {
    }

    public static void main(String[] args) {
        Result result = run(args, System.out);
        System.exit(result.status());
    }

    /** Runs the OQ; prints what it does, and the report folder on the last line. */
    static Result run(String[] args, PrintStream out) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Instant started = Instant.now();
        String run = "OQ-" + STAMP.format(started);
        Path reports = Path.of(options.getOrDefault("--report-dir", "target/oq")).toAbsolutePath();
        Path folder = reports.resolve(run.toLowerCase());
        for (int n = 2; Files.exists(folder); n++) {
            folder = reports.resolve(run.toLowerCase() + "-" + n);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            out.println("oq: FAILED: the report folder " + folder + " cannot be made: " + e.getMessage());
            out.println("OQ report: " + folder);
            return new Result(2, folder);
        }
        List<String> header = new ArrayList<>();
        header.add("OpenEBR operational qualification (OQ)");
        header.add("Run:          " + run + " (the OQ master recipe's id begins with it; the run's batch, deviation and signatures belong to that recipe)");
        String target = options.get("--target");
        header.add("Target:       " + target);
        String expected = options.getOrDefault("--expected-version", releaseVersion());
        header.add("Release:      " + expected + " (the OQ of this release)");
        header.add("Started:      " + started);
        String refused = precondition(target, expected, options, header);
        if (refused != null) {
            header.add("Result:       FAILED before any test: " + refused);
            write(folder, header, List.of());
            out.println("oq: FAILED: " + refused);
            out.println("OQ report: " + folder);
            return new Result(1, folder);
        }

        System.setProperty(Oq.TARGET, target);
        System.setProperty(Oq.REPORT, folder.toString());
        System.setProperty(Oq.RUN, run);
        if (options.containsKey("--accounts")) {
            System.setProperty(Oq.ACCOUNTS, options.get("--accounts"));
        } else {
            System.clearProperty(Oq.ACCOUNTS);
            System.setProperty(Oq.DEMO_PASSWORD, demoPassword(options));
        }
        Oq.reset();
        List<Outcome> outcomes = execute(folder, out);
        Oq.reset();
        long passed = outcomes.stream().filter(o -> o.status().equals("PASSED")).count();
        boolean all = !outcomes.isEmpty() && passed == outcomes.size();
        header.add("Finished:     " + Instant.now());
        header.add("Result:       " + (all ? "PASSED" : "FAILED") + " (" + passed + " of " + outcomes.size()
                + " OQ tests passed)");
        write(folder, header, outcomes);
        out.println("oq: " + (all ? "PASSED" : "FAILED") + ": " + passed + " of " + outcomes.size() + " OQ tests passed");
        outcomes.stream().filter(o -> !o.status().equals("PASSED"))
                .forEach(o -> out.println("oq:   " + o.status() + " " + o.name() + ": " + firstLine(o.failure())));
        out.println("OQ report: " + folder);
        return new Result(all ? 0 : 1, folder);
    }

    /** Null when the target may be qualified; otherwise why not, naming the item. */
    private static String precondition(String target, String expected, Map<String, String> options, List<String> header) {
        if (target == null || target.isBlank()) {
            return "no target: bin/ebr oq --target URL (e.g. http://localhost:8080/ebr)";
        }
        URL url;
        try {
            url = Oq.url(target);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        HttpResponse<String> health;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            health = client.send(HttpRequest.newBuilder(URI.create(url + "api/v1/health")).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            return "the target " + url + " is unreachable: nothing answers at " + url.getHost() + ":" + port(url)
                    + " (is the server running? bin/ebr status)";
        } catch (HttpTimeoutException e) {
            return "the target " + url + " is unreachable: no answer within the time out (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "the target " + url + " is unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(health.body()))) {
            body = reader.readObject();
        } catch (RuntimeException e) {
            return "the target " + url + " does not answer as OpenEBR: " + url + "api/v1/health gave HTTP "
                    + health.statusCode() + " without its health document";
        }
        String version = body.getString("version", "unknown (a release before the version was reported)");
        header.add("Installation: OpenEBR " + version + ", schema " + body.getString("schemaVersion", "?")
                + ", site time zone " + body.getString("siteTimeZone", "?"));
        if (!"UP".equals(body.getString("status", ""))) {
            return "the target " + url + " is not ready: health " + body.getString("status", "?") + ": "
                    + body.getString("detail", "");
        }
        if (!expected.equals(version)) {
            return "the target " + url + " answers as OpenEBR " + version + ", and this OQ is for " + expected
                    + ": run the OQ of the release the installation runs";
        }
        try {
            Map<Oq.Part, Oq.Account> accounts = options.containsKey("--accounts")
                    ? Oq.accounts(Path.of(options.get("--accounts"))) : Oq.demoAccounts(demoPassword(options));
            header.add("Accounts:     " + accounts.entrySet().stream()
                    .map(e -> e.getKey().key + "=" + e.getValue().user()).collect(Collectors.joining(", "))
                    + (options.containsKey("--accounts") ? " (from " + options.get("--accounts") + ")" : " (demo accounts)"));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private static int port(URL url) {
        return url.getPort() >= 0 ? url.getPort() : url.getDefaultPort();
    }

    private static String demoPassword(Map<String, String> options) {
        String variable = options.getOrDefault("--demo-password-env", "EBR_DEMO_PASSWORD");
        String value = System.getenv(variable);
        return value != null ? value : System.getProperty(Oq.DEMO_PASSWORD, "");
    }

    /** Runs the protocol's classes on the JUnit Platform: their outcomes, in the order they ran. */
    private static List<Outcome> execute(Path folder, PrintStream out) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(PROTOCOL.stream().map(c -> selectClass(c)).toList())
                .configurationParameter("junit.platform.reporting.open.xml.enabled", "true")
                .configurationParameter("junit.platform.reporting.output.dir", folder.resolve("junit-platform").toString())
                .build();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Instant> starts = new LinkedHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                starts.put(test.getUniqueId(), Instant.now());
                if (test.isTest()) {
                    out.println("oq: " + test.getDisplayName());
                }
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    outcomes.add(new Outcome(test.getDisplayName(), requirements(test), "SKIPPED", Duration.ZERO, reason));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                Duration took = Duration.between(starts.getOrDefault(test.getUniqueId(), Instant.now()), Instant.now());
                String failure = result.getThrowable().map(OqRunner::describe).orElse("");
                if (test.isTest()) {
                    outcomes.add(new Outcome(test.getDisplayName(), requirements(test),
                            result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "PASSED"
                                    : result.getStatus().name(), took, failure));
                } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    // a class that could not run at all (e.g. its set-up failed): a failure of the protocol
                    outcomes.add(new Outcome(test.getDisplayName() + " (the class)", List.of(), result.getStatus().name(),
                            took, failure));
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        return outcomes;
    }

    private static List<String> requirements(TestIdentifier test) {
        return test.getTags().stream().map(TestTag::getName).filter(t -> !t.equals("oq") && !t.equals("negative"))
                .sorted().toList();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? t.toString() : t.getMessage().strip();
        return message.length() > 2000 ? message.substring(0, 2000) + " ..." : message;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + " ..." : line;
    }

    private static void write(Path folder, List<String> header, List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append(line).append('\n'));
        text.append('\n');
        for (Outcome o : outcomes) {
            text.append(String.format("%-8s %s%n", o.status(), o.name()));
            text.append("         requirements: ").append(o.requirements().isEmpty() ? "-" : String.join(", ", o.requirements()))
                    .append("; ").append(o.took().toMillis()).append(" ms\n");
            if (!o.failure().isEmpty()) {
                o.failure().lines().limit(30).forEach(l -> text.append("         | ").append(l).append('\n'));
            }
        }
        if (!outcomes.isEmpty()) {
            text.append("\nEach OQ test's steps and expected results are its source (ebr-ear/src/test/java/org/openebr/it/*OQ.java);"
                    + "\nthe JUnit Platform's own record of the run is in junit-platform/, screenshots in screenshots/.\n");
        }
        try {
            Files.writeString(folder.resolve("oq-report.txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The version of the release this OQ belongs to (written by the build into oq-release.properties). */
    static String releaseVersion() {
        Properties release = new Properties();
        try (InputStream in = OqRunner.class.getResourceAsStream("/oq-release.properties")) {
            if (in != null) {
                release.load(in);
            }
        } catch (IOException e) {
            // unknown
        }
        return release.getProperty("version", "unknown");
    }
}
