package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The release's own operational qualification (the vendor's evidence): {@link OqRunner}, exactly as
 * {@code bin/ebr oq} runs it, against the test server with the demo accounts made ready to sign as a
 * customer prepares theirs; and its clear failures for a target that is unreachable, is not OpenEBR or
 * runs another release, and for an incomplete accounts file. Its report stays in target/oq for the
 * evidence bundle. (The server carries the test probes of the other classes; the OQ uses none.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationalQualificationIT {

    /** The passing run's report: into the evidence bundle. */
    static final Path REPORTS = Path.of("target", "oq");
    /** The reports of the refused runs: kept apart, not evidence of the release. */
    static final Path REFUSED = Path.of("target", "oq-refused");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    @Test
    @Tag("A11-3-1")
    void the_operational_qualification_passes_against_this_release_and_writes_its_report() throws Exception {
        Http http = new Http(contextRoot);
        People demo = new People(http, Api.DEMO_PASSWORD);
        for (Oq.Part part : Oq.Part.values()) {
            if (part != Oq.Part.INSPECTOR) {
                demo.readyToSign(part.demoUser);
            }
        }
        System.setProperty(Oq.DEMO_PASSWORD, Api.DEMO_PASSWORD);

        Run run = run("--target", contextRoot.toString(), "--report-dir", REPORTS.toString());

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.lastLine()).isEqualTo("OQ report: " + run.folder());
        String report = Files.readString(run.folder().resolve("oq-report.txt"));
        assertThat(report).contains("Result:       PASSED (8 of 8 OQ tests passed)")
                .contains("Installation: OpenEBR " + OqRunner.releaseVersion())
                .contains("operator=operator1").doesNotContain(Api.DEMO_PASSWORD);
        for (int i = 1; i <= 8; i++) {
            assertThat(report).contains("PASSED   OQ-0" + i + " ");
        }
        assertThat(report).contains("requirements: A11-15-1, A11D-12-5, DI-FDA-Q7-1, PR-211.192-1");
        try (Stream<Path> files = Files.walk(run.folder())) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).contains("open-test-report.xml", "oq-08-released-record-1024.png",
                    "oq-08-released-record-1280.png", "oq-08-wrong-password.png", "installation-ca.pem")
                    .anyMatch(n -> n.startsWith("batch-report-") && n.endsWith(".pdf"));
        }
    }

    @Test
    @Tag("A11-3-1")
    @Tag("negative")
    void an_unreachable_target_another_release_or_an_incomplete_accounts_file_fail_naming_it() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run unreachable = run("--target", "http://127.0.0.1:" + closed + "/ebr", "--report-dir", REFUSED.toString());
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.output()).contains("oq: FAILED: the target http://127.0.0.1:" + closed
                + "/ebr/ is unreachable: nothing answers at 127.0.0.1:" + closed);
        assertThat(unreachable.lastLine()).isEqualTo("OQ report: " + unreachable.folder());
        assertThat(Files.readString(unreachable.folder().resolve("oq-report.txt")))
                .contains("Result:       FAILED before any test: the target");

        URL root = contextRoot.toURI().resolve("/no-openebr-here/").toURL();
        Run notOpenEbr = run("--target", root.toString(), "--report-dir", REFUSED.toString());
        assertThat(notOpenEbr.status()).isEqualTo(1);
        assertThat(notOpenEbr.output()).contains("does not answer as OpenEBR");

        Run other = run("--target", contextRoot.toString(), "--report-dir", REFUSED.toString(),
                "--expected-version", "0.0.9");
        assertThat(other.status()).isEqualTo(1);
        assertThat(other.output()).contains("answers as OpenEBR " + OqRunner.releaseVersion()
                + ", and this OQ is for 0.0.9: run the OQ of the release the installation runs");

        Path accounts = Files.createTempFile("oq-accounts", ".properties");
        Files.writeString(accounts, "operator=operator1\noperator.password=x\nsecond.operator=operator2\n");
        Run incomplete = run("--target", contextRoot.toString(), "--report-dir", REFUSED.toString(),
                "--accounts", accounts.toString());
        assertThat(incomplete.status()).isEqualTo(1);
        assertThat(incomplete.output()).contains("lacks second.operator.password, supervisor, author, approver,"
                + " qa.reviewer, qa.releaser, inspector");
        assertThat(incomplete.lastLine()).startsWith("OQ report: ");
    }

    record Run(int status, Path folder, String output) {
        String lastLine() {
            List<String> lines = output.lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OqRunner.Result result = OqRunner.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Run(result.status(), result.folder(), printed.toString(StandardCharsets.UTF_8));
    }
}
