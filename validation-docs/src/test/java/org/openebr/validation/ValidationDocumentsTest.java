package org.openebr.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * The validation documents come from the same catalogue and test results as the matrix, carry the release's version
 * and commit, and are readable as XHTML and PDF.
 */
@Tag("P11-10k-1")
class ValidationDocumentsTest {

    @TempDir
    Path dir;

    private Path documents() {
        return dir.resolve("validation-docs/target").resolve(ValidationDocuments.DIR);
    }

    private FakeReactor built() throws Exception {
        FakeReactor reactor = new FakeReactor(dir).catalogue("""
                P11-300d-1,Access control,11.300(d),lockout after N failures,5 wrong -> locked,H,M,L,HIGH,\
                guessing passwords signs as someone else,\r
                A11D-11-4,Access control,A11D 11.10; A11 12.1,admin and GMP roles segregated,SoD rule,H,L,M,MEDIUM,\
                role model is small,"planned: role editor, issue 99"\r
                """).test("ebr-ear", "failsafe", "org.x.LoginIT", "the_sixth_attempt_is_refused",
                "P11-300d-1,negative", "SUCCESSFUL");
        Files.createDirectories(dir.resolve(".git/refs/heads"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(dir.resolve(".git/refs/heads/main"), "0123456789abcdef0123456789abcdef01234567\n");
        GenerateTraceabilityMatrix.generate(dir, reactor.catalogue(), reactor.output(), FakeReactor.CLOCK, "2.3.4");
        return reactor;
    }

    @Test
    void every_document_is_written_as_well_formed_xhtml_and_as_pdf_with_the_release_s_version_and_commit()
            throws Exception {
        built();

        for (String name : ValidationDocuments.DOCUMENTS.keySet()) {
            String xhtml = Files.readString(documents().resolve(name + ".xhtml"));
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(
                    xhtml.replace("<!DOCTYPE html>", ""))));
            assertThat(xhtml).as(name).contains("OpenEBR 2.3.4, commit 0123456789abcdef0123456789abcdef01234567");
            try (PDDocument pdf = Loader.loadPDF(documents().resolve(name + ".pdf").toFile())) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text).as(name).contains(ValidationDocuments.DOCUMENTS.get(name).replaceAll("\\s+", " "))
                        .contains("-2.3.4");
            }
        }
    }

    @Test
    void the_documents_say_what_the_catalogue_and_the_test_results_say() throws Exception {
        built();

        assertThat(documents().resolve("user-requirements.xhtml")).content()
                .contains("<td class='id'>P11-300d-1</td><td>lockout after N failures</td><td>11.300(d)</td>"
                        + "<td>5 wrong -&gt; locked</td><td>HIGH</td>");
        assertThat(documents().resolve("risk-assessment.xhtml")).content()
                .contains("<td class='id'>A11D-11-4</td><td>admin and GMP roles segregated</td><td>H</td><td>L</td>"
                        + "<td>M</td><td>2</td><td>MEDIUM</td><td>role model is small<br/><i>planned: role editor,"
                        + " issue 99</i>");
        String compliance = Files.readString(documents().resolve("compliance-assessment.xhtml"));
        assertThat(compliance).contains("<h2>21 CFR Part 11</h2>", "<td>§11.300(d)</td><td><b>P11-300d-1</b>"
                + " lockout after N failures: VERIFIED, 1 test<br/></td><td class='ok'>Met</td>");
        // one requirement, two regulations: it stands under each; planned and untested: not yet
        assertThat(compliance).contains("<h2>EU GMP Annex 11 (2011)</h2>", "<td>12.1</td>",
                "<h2>EU GMP Annex 11 (draft revision 2025)</h2>", "<td>11.10</td>")
                .contains("NO TEST (planned: role editor, issue 99)<br/></td><td class='open'>Not yet</td>");
        assertThat(documents().resolve("validation-summary-report-template.xhtml")).content()
                .contains("<tr><th>Requirements</th><td>2</td></tr>", "<tr><th>Verified by passing tests</th><td>1</td>",
                        "HIGH risk: verified / planned (not in this release)</th><td>1 / 0</td>");
    }

    @Test
    void the_specification_is_read_from_the_release_s_readme_sources_openapi_document_and_migrations()
            throws Exception {
        write("README.md", """
                # OpenEBR

                OpenEBR is an **electronic batch record** system, see [Security](#security).

                ## Configuration

                | variable | default | used by | meaning |
                |---|---|---|---|
                | `EBR_DB_HOST` | `127.0.0.1` | server, bin/ebr | PostgreSQL host |
                """);
        write("ebr-ejb/src/main/java/org/openebr/audit/boundary/AuditTrail.java", """
                package org.openebr.audit.boundary;

                /**
                 * Reads the audit trail: {@code search}, history and exports. More here.
                 */
                @Stateless
                @RolesAllowed({"INSPECTOR"})
                public class AuditTrail {
                }
                """);
        write("ebr-ejb/src/main/java/org/openebr/audit/boundary/AuditFilter.java", """
                /** A filter. */
                public record AuditFilter(String text) {
                }
                """);
        write("ebr-ejb/src/main/resources/db/migration/V3__audit.sql", """
                CREATE TABLE audit_revision (
                    id             bigint        PRIMARY KEY,
                    user_name      varchar(64)   NOT NULL,
                    CONSTRAINT x CHECK (id > 0)
                );
                SELECT make_append_only('audit_revision');
                """);
        write("ebr-ear/target/openapi-lint/openapi.json", """
                {"openapi":"3.1.0","paths":{"/audit":{"get":{"summary":"Search the audit trail","tags":["audit"]},
                "parameters":[]}}}
                """);
        built();

        String fds = Files.readString(documents().resolve("functional-and-design-specification.xhtml"));
        assertThat(fds).contains("<p>OpenEBR is an electronic batch record system, see Security.</p>")
                .contains("<td>audit</td><td>AuditTrail</td><td>Reads the audit trail: search, history and exports.</td>")
                .doesNotContain("AuditFilter")
                .contains("<td>GET</td><td>/audit</td><td>Search the audit trail</td><td>audit</td>")
                .contains("<td>audit_revision</td><td>id bigint, user_name varchar(64)</td><td>append-only</td>"
                        + "<td>V3</td>")
                .contains("<td>EBR_DB_HOST</td><td>127.0.0.1</td><td>server, bin/ebr</td><td>PostgreSQL host</td>")
                .doesNotContain("Not available in this build");
    }

    @Test
    void a_build_without_its_openapi_document_says_so_in_the_specification() throws Exception {
        built();

        assertThat(documents().resolve("functional-and-design-specification.xhtml")).content()
                .contains("Not available in this build: README.md (NoSuchFileException); the sources of the EJB module;"
                        + " the OpenAPI document (ebr-ear/target/openapi-lint/openapi.json: ApiContractIT writes it);"
                        + " the database migrations");
    }

    private void write(String path, String content) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void clauses_are_ordered_as_the_regulation_numbers_them() {
        assertThat(ValidationDocuments.clauseOrder("§11.10(b)", "§11.10(a)")).isPositive();
        assertThat(ValidationDocuments.clauseOrder("§11.300(d)", "§11.50")).isPositive();
        assertThat(ValidationDocuments.clauseOrder("4.4", "10")).isNegative();
        assertThat(ValidationDocuments.clauseOrder("12.1", "12.1")).isZero();
    }
}
