package org.openebr.validation;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openebr.validation.MatrixWriter.Provenance;
import org.openebr.validation.TraceabilityMatrix.Row;

/**
 * The validation documents of a release, generated from the requirement catalogue and the traceability matrix of
 * the same build, so that they cannot disagree with it: user requirements, risk assessment, a clause-by-clause
 * compliance assessment (21 CFR Part 11, EU GMP Annex 11 and its draft revision), a validation plan template and a
 * validation summary report template with the vendor's results filled in. Each as XHTML and as PDF/A-3u, with the
 * release's version and commit on every one.
 */
final class ValidationDocuments {

    static final String DIR = "validation-documents";

    /** file name (without extension) -> title. */
    static final Map<String, String> DOCUMENTS = documents();

    private static Map<String, String> documents() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("user-requirements", "User requirements specification");
        d.put("functional-and-design-specification", "Functional and design specification");
        d.put("risk-assessment", "Risk assessment");
        d.put("compliance-assessment", "Compliance assessment: 21 CFR Part 11 and EU GMP Annex 11");
        d.put("validation-plan-template", "Validation plan (template)");
        d.put("validation-summary-report-template", "Validation summary report (template)");
        return d;
    }

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final TraceabilityMatrix matrix;
    private final Provenance provenance;
    private final String version;
    private final Path root;

    ValidationDocuments(TraceabilityMatrix matrix, Provenance provenance, String version, Path root) {
        this.matrix = matrix;
        this.provenance = provenance;
        this.version = version;
        this.root = root;
    }

    /** Writes every document as {@code .xhtml} and {@code .pdf} into the folder; returns the files written. */
    List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> d : DOCUMENTS.entrySet()) {
            String xhtml = switch (d.getKey()) {
                case "user-requirements" -> userRequirements(d.getValue());
                case "functional-and-design-specification" -> specification(d.getValue());
                case "risk-assessment" -> riskAssessment(d.getValue());
                case "compliance-assessment" -> complianceAssessment(d.getValue());
                case "validation-plan-template" -> validationPlan(d.getValue());
                default -> summaryReport(d.getValue());
            };
            Path html = folder.resolve(d.getKey() + ".xhtml");
            Files.writeString(html, xhtml, StandardCharsets.UTF_8);
            Path pdf = folder.resolve(d.getKey() + ".pdf");
            Files.write(pdf, pdf(xhtml));
            written.add(html);
            written.add(pdf);
        }
        return written;
    }

    // ------------------------------------------------------------------ the documents

    String userRequirements(String title) {
        StringBuilder h = start(title, "URS");
        h.append("<p>What OpenEBR must do to be fit for GMP use, one requirement per row, from the requirement"
                + " catalogue (<code>").append(esc(provenance.catalogue())).append("</code>). The source names the"
                + " regulation or guidance each comes from; the acceptance criterion says how it is proved. Ids are"
                + " permanent. The risk of each is in the risk assessment, its tests in the traceability matrix.</p>");
        for (Map.Entry<String, List<Row>> section : matrix.bySection().entrySet()) {
            h.append("<h2>").append(esc(section.getKey())).append("</h2><table><thead><tr><th class='id'>Id</th>"
                    + "<th>Requirement</th><th class='src'>Source</th><th>Acceptance criterion</th>"
                    + "<th class='risk'>Risk</th></tr></thead><tbody>");
            for (Row row : section.getValue()) {
                Requirement r = row.requirement();
                h.append("<tr><td class='id'>").append(esc(r.id())).append("</td><td>").append(esc(r.text()))
                        .append("</td><td>").append(esc(r.source())).append("</td><td>").append(esc(r.proof()))
                        .append("</td><td>").append(r.risk().priority()).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        return end(h);
    }

    String specification(String title) {
        DesignFacts facts = new DesignFacts(root);
        StringBuilder h = start(title, "FDS");
        h.append("<p>Generated from the release itself: the README's introduction and configuration table, the"
                + " components' boundary services (the first sentence of each one's documentation), the REST"
                + " operations of the OpenAPI document the server served during the build, and the tables of the"
                + " database migrations. The README describes each function in full; the user requirements say what"
                + " each must do.</p>");
        if (!facts.missing.isEmpty()) {
            h.append("<p class='note'>Not available in this build: ").append(esc(String.join("; ", facts.missing)))
                    .append(".</p>");
        }
        h.append("<h2>1 The system</h2>");
        for (String paragraph : facts.introduction.split("\\n\\s*\\n")) {
            h.append("<p>").append(esc(paragraph.replace("**", "").replaceAll("\\[([^]]+)]\\([^)]+\\)", "$1")))
                    .append("</p>");
        }
        h.append("<h2>2 Components and their services</h2><p>Each component keeps its data behind its boundary"
                + " services (Jakarta EE session beans, with the roles each allows); the web tier (screens and REST API)"
                + " calls only boundaries. The build enforces these layers (ArchUnit).</p><table><thead><tr>"
                + "<th class='src'>Component</th><th class='id'>Service</th><th>What it does</th></tr></thead><tbody>");
        facts.components.forEach((component, services) -> {
            if (services.isEmpty()) {
                h.append("<tr><td>").append(esc(component)).append("</td><td colspan='2'>(shared code, no boundary"
                        + " service)</td></tr>");
            }
            for (DesignFacts.Service service : services) {
                h.append("<tr><td>").append(esc(component)).append("</td><td>").append(esc(service.name()))
                        .append("</td><td>").append(esc(service.summary())).append("</td></tr>");
            }
        });
        h.append("</tbody></table><h2>3 Interfaces</h2><p>The REST API under <code>/ebr/api/v1</code> (").append(
                facts.operations.size()).append(" operations; every error an RFC 9457 problem document). The ERP"
                + " interface (orders in, confirmations out as JSON or B2MML) and the equipment interface (OPC UA)"
                + " are among them and described in the README.</p><table><thead><tr><th class='risk'>Method</th>"
                + "<th class='src'>Path</th><th>Summary</th><th class='risk'>Area</th></tr></thead><tbody>");
        for (DesignFacts.Operation o : facts.operations) {
            h.append("<tr><td>").append(o.method()).append("</td><td>").append(esc(o.path())).append("</td><td>")
                    .append(esc(o.summary())).append("</td><td>").append(esc(o.tag())).append("</td></tr>");
        }
        h.append("</tbody></table><h2>4 Data model</h2><p>PostgreSQL, schema <code>ebr</code>, made by versioned"
                + " migrations run as the owner role; the application runs as a role that may not delete. ")
                .append(facts.tables.size()).append(" tables; append-only ones refuse UPDATE and DELETE by trigger;"
                + " audited ones keep every version in their <code>_aud</code> twin, in the hash-chained audit"
                + " trail.</p><table><thead><tr><th class='src'>Table</th><th>Columns</th><th class='risk'>Kept</th>"
                + "<th class='risk'>Since</th></tr></thead><tbody>");
        for (DesignFacts.Table t : facts.tables) {
            h.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(esc(String.join(", ", t.columns())))
                    .append("</td><td>").append(t.appendOnly() ? "append-only" : "").append(t.appendOnly()
                            && t.audited() ? ", " : "").append(t.audited() ? "audited" : "").append("</td><td>")
                    .append(esc(t.migration().substring(0, t.migration().indexOf("__")))).append("</td></tr>");
        }
        h.append("</tbody></table><h2>5 Configuration</h2><p>By environment variable only; the server reads them at"
                + " start.</p><table><thead><tr><th class='id'>Variable</th><th class='src'>Default</th>"
                + "<th class='risk'>Used by</th><th>Meaning</th></tr></thead><tbody>");
        for (DesignFacts.Setting c : facts.settings) {
            h.append("<tr><td>").append(esc(c.variable())).append("</td><td>").append(esc(c.defaultValue()))
                    .append("</td><td>").append(esc(c.usedBy())).append("</td><td>").append(esc(c.meaning()))
                    .append("</td></tr>");
        }
        return end(h.append("</tbody></table>"));
    }

    String riskAssessment(String title) {
        StringBuilder h = start(title, "RA");
        h.append("<h2>Method</h2><p>Each requirement is assessed for what its failure would do (GAMP 5 second"
                + " edition, ICH Q9): the <b>severity</b> of the harm to patient safety, product quality or data"
                + " integrity, the <b>probability</b> of the failure, and its <b>detectability</b> before it does"
                + " harm; each H, M or L. Severity and probability give the risk class, the class and detectability"
                + " the priority:</p>");
        h.append("<table class='small'><thead><tr><th>severity \\ probability</th><th>H</th><th>M</th><th>L</th>"
                + "</tr></thead><tbody>");
        for (Risk.Level s : Risk.Level.values()) {
            h.append("<tr><th>").append(s).append("</th>");
            for (Risk.Level p : Risk.Level.values()) {
                h.append("<td>class ").append(Risk.riskClass(s, p)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table><table class='small'><thead><tr><th>class \\ detectability</th><th>L</th>"
                + "<th>M</th><th>H</th></tr></thead><tbody>");
        for (int c = 1; c <= 3; c++) {
            h.append("<tr><th>").append(c).append("</th>");
            for (Risk.Level d : List.of(Risk.Level.L, Risk.Level.M, Risk.Level.H)) {
                h.append("<td>").append(Risk.priority(c, d)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table><h2>Rigour of testing per priority</h2><table class='small'><tbody>");
        for (Risk.Priority p : Risk.Priority.values()) {
            h.append("<tr><th>").append(p).append("</th><td>").append(esc(p.rigour)).append("</td><td>")
                    .append(matrix.count(p)).append(" requirements</td></tr>");
        }
        h.append("</tbody></table><p>The build fails when a HIGH requirement has no passing test and no passing"
                + " negative test, unless the capability it needs is planned (not in this release).</p>");
        h.append("<h2>Assessment</h2><table><thead><tr><th class='id'>Id</th><th>Requirement</th><th>S</th>"
                + "<th>P</th><th>D</th><th>Class</th><th class='risk'>Risk</th><th>Rationale</th></tr></thead><tbody>");
        for (Row row : matrix.rows()) {
            Requirement r = row.requirement();
            Risk k = r.risk();
            h.append("<tr><td class='id'>").append(esc(r.id())).append("</td><td>").append(esc(r.text()))
                    .append("</td><td>").append(k.severity()).append("</td><td>").append(k.probability())
                    .append("</td><td>").append(k.detectability()).append("</td><td>").append(k.riskClass())
                    .append("</td><td>").append(k.priority()).append("</td><td>").append(esc(k.rationale()));
            if (r.planned()) {
                h.append("<br/><i>").append(esc(r.notTestedBecause())).append("</i>");
            }
            h.append("</td></tr>");
        }
        return end(h.append("</tbody></table>"));
    }

    /** The regulation a catalogue source token belongs to, and the clause as that regulation names it. */
    record Clause(String regulation, String clause) {

        static Clause of(String token) {
            String t = token.strip();
            if (t.matches("11\\.\\d+.*")) {
                return new Clause("21 CFR Part 11", "§" + t);
            }
            if (t.startsWith("A11D ")) {
                return new Clause("EU GMP Annex 11 (draft revision 2025)", t.substring(5));
            }
            if (t.startsWith("A11 ")) {
                return new Clause("EU GMP Annex 11 (2011)", t.substring(4));
            }
            return new Clause("Other guidance (GAMP 5, PIC/S, ISA-88/95, 21 CFR 211, EU GMP Chapter 4)", t);
        }
    }

    String complianceAssessment(String title) {
        StringBuilder h = start(title, "CA");
        h.append("<p>Clause by clause, the requirements that implement each clause of the regulations and whether"
                + " the tests of this release prove them (from the traceability matrix of the same build). \"Met\":"
                + " every requirement of the clause is verified by passing tests; \"In part\": some are, or a part is"
                + " planned; \"Not yet\": none is (planned capabilities are named). Procedural controls (SOPs,"
                + " training, supplier assessment) are the regulated user's and are not assessed here.</p>");
        Map<String, Map<String, List<Row>>> byRegulation = new TreeMap<>();
        for (Row row : matrix.rows()) {
            for (String token : row.requirement().source().split(";")) {
                if (token.isBlank()) {
                    continue;
                }
                Clause c = Clause.of(token);
                byRegulation.computeIfAbsent(c.regulation(), k -> new TreeMap<>(ValidationDocuments::clauseOrder))
                        .computeIfAbsent(c.clause(), k -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<String, Map<String, List<Row>>> regulation : byRegulation.entrySet()) {
            h.append("<h2>").append(esc(regulation.getKey())).append("</h2><table><thead><tr>"
                    + "<th class='src'>Clause</th><th>Requirements</th><th class='risk'>Assessment</th></tr></thead>"
                    + "<tbody>");
            for (Map.Entry<String, List<Row>> clause : regulation.getValue().entrySet()) {
                List<Row> rows = clause.getValue();
                long verified = rows.stream().filter(r -> r.status() == RequirementStatus.VERIFIED).count();
                boolean partPlanned = rows.stream().anyMatch(r -> r.requirement().planned());
                String assessment = verified == rows.size() && !partPlanned ? "Met"
                        : verified > 0 ? "In part" : "Not yet";
                h.append("<tr><td>").append(esc(clause.getKey())).append("</td><td>");
                for (Row r : rows) {
                    h.append("<b>").append(esc(r.requirement().id())).append("</b> ")
                            .append(esc(r.requirement().text())).append(": ").append(r.status().label);
                    if (!r.tests().isEmpty()) {
                        h.append(", ").append(r.tests().size()).append(r.tests().size() == 1 ? " test" : " tests");
                    }
                    if (r.status() != RequirementStatus.VERIFIED || r.requirement().planned()) {
                        if (!r.requirement().notTestedBecause().isEmpty()) {
                            h.append(" (").append(esc(r.requirement().notTestedBecause())).append(")");
                        }
                    }
                    h.append("<br/>");
                }
                h.append("</td><td class='").append(assessment.equals("Met") ? "ok" : "open").append("'>")
                        .append(assessment).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        return end(h);
    }

    /** 11.10(a) before 11.10(b) before 11.300; 4.4 before 10; numbers compared as numbers. */
    static int clauseOrder(String a, String b) {
        String[] x = a.replace("§", "").split("[^0-9A-Za-z]+");
        String[] y = b.replace("§", "").split("[^0-9A-Za-z]+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return x.length != y.length ? Integer.compare(x.length, y.length) : a.compareTo(b);
    }

    String validationPlan(String title) {
        StringBuilder h = start(title, "VP");
        h.append("<p class='note'>A template: the regulated user completes the parts marked ____ and approves the"
                + " plan before qualification starts.</p>");
        h.append("<h2>1 Purpose and scope</h2><p>To establish that OpenEBR ").append(esc(version))
                .append(" (commit ").append(esc(commit())).append("), installed at ____ for ____ (processes, sites,"
                + " products), is fit for its intended use under 21 CFR Part 11 and EU GMP Annex 11.</p>");
        h.append("<h2>2 System description</h2><p>Electronic batch record system: master recipes (ISA-88),"
                + " execution on the shop floor, electronic signatures, audit trail, review by exception and release,"
                + " ERP and equipment (OPC UA) interfaces. GAMP 5 category: 4 (configured product), with ____"
                + " (configuration, interfaces) assessed by the user. Intended use and GMP impact: ____.</p>");
        h.append("<h2>3 Roles and responsibilities</h2><table class='small'><thead><tr><th>Role</th><th>Name</th>"
                + "<th>Responsibility</th></tr></thead><tbody><tr><td>System owner</td><td>____</td><td>the"
                + " system and its validated state</td></tr><tr><td>Process owner</td><td>____</td><td>intended use,"
                + " user requirements</td></tr><tr><td>Quality assurance</td><td>____</td><td>approval of plan and"
                + " report, deviations</td></tr><tr><td>Validation lead</td><td>____</td><td>IQ, OQ, PQ execution"
                + "</td></tr></tbody></table>");
        h.append("<h2>4 Approach</h2><p>Risk-based (GAMP 5 second edition, FDA Computer Software Assurance): the"
                + " supplier's evidence is leveraged where the risk assessment allows. This release's risk"
                + " assessment holds ").append(matrix.count(Risk.Priority.HIGH)).append(" HIGH, ")
                .append(matrix.count(Risk.Priority.MEDIUM)).append(" MEDIUM and ").append(matrix.count(Risk.Priority.LOW))
                .append(" LOW requirements; the supplier's signed evidence bundle of the release holds the tests"
                + " and their results (traceability matrix).</p><ul><li>Installation qualification: <code>bin/ebr"
                + " iq</code> on the installation; its report passes every check.</li><li>Operational qualification:"
                + " the OQ suite run against the installation with the user's accounts (<code>bin/ebr oq --target"
                + " URL</code>, planned), plus the user's own tests of HIGH requirements: ____.</li><li>Performance"
                + " qualification: ____ (batches of the user's processes, under the user's SOPs).</li></ul>");
        h.append("<h2>5 Acceptance criteria</h2><ul><li>Every IQ check passes.</li><li>Every OQ test passes;"
                + " every HIGH requirement in scope is verified.</li><li>Deviations are closed or justified.</li>"
                + "</ul><h2>6 Deviations</h2><p>Recorded, assessed for impact and closed per ____ (SOP).</p>");
        h.append(approvals());
        return end(h);
    }

    String summaryReport(String title) {
        StringBuilder h = start(title, "VSR");
        long verified = matrix.count(RequirementStatus.VERIFIED);
        long highVerified = matrix.rows().stream().filter(r -> r.requirement().risk().priority() == Risk.Priority.HIGH
                && r.status() == RequirementStatus.VERIFIED).count();
        long highPlanned = matrix.rows().stream().filter(r -> r.requirement().risk().priority() == Risk.Priority.HIGH
                && r.status() != RequirementStatus.VERIFIED && r.requirement().planned()).count();
        h.append("<p class='note'>A template: the supplier's results are filled in from the build; the regulated user"
                + " completes the parts marked ____.</p>");
        h.append("<h2>1 System and release</h2><table class='small'><tbody><tr><th>System</th><td>OpenEBR ")
                .append(esc(version)).append("</td></tr><tr><th>Commit</th><td>").append(esc(commit()))
                .append("</td></tr><tr><th>Installation</th><td>____</td></tr></tbody></table>");
        h.append("<h2>2 Supplier's testing (this release)</h2><table class='small'><tbody>")
                .append("<tr><th>Requirements</th><td>").append(matrix.rows().size()).append("</td></tr>")
                .append("<tr><th>Verified by passing tests</th><td>").append(verified).append("</td></tr>")
                .append("<tr><th>HIGH risk: verified / planned (not in this release)</th><td>").append(highVerified)
                .append(" / ").append(highPlanned).append("</td></tr>")
                .append("<tr><th>Tests, failed</th><td>").append(matrix.testCases()).append(", ")
                .append(matrix.count(RequirementStatus.FAILED)).append(" requirements with a failed test</td></tr>")
                .append("<tr><th>Evidence</th><td>the signed evidence bundle of the build (MANIFEST.sha256.p7s)"
                        + "</td></tr></tbody></table>");
        h.append("<h2>3 Installation qualification</h2><p>Report: ____ (folder named by <code>bin/ebr iq</code>)."
                + " Result: ____.</p><h2>4 Operational qualification</h2><p>Report: ____. Result: ____.</p>"
                + "<h2>5 Performance qualification</h2><p>____</p><h2>6 Deviations</h2><p>____</p>"
                + "<h2>7 Conclusion</h2><p>OpenEBR ").append(esc(version)).append(" at ____ is / is not fit for its"
                + " intended use: ____.</p>");
        h.append(approvals());
        return end(h);
    }

    private static String approvals() {
        return "<h2>Approval</h2><table class='small'><thead><tr><th>Role</th><th>Name</th><th>Signature</th>"
                + "<th>Date</th></tr></thead><tbody><tr><td>Author</td><td></td><td></td><td></td></tr>"
                + "<tr><td>System owner</td><td></td><td></td><td></td></tr><tr><td>Quality assurance</td><td></td>"
                + "<td></td><td></td></tr></tbody></table>";
    }

    // ------------------------------------------------------------------ layout

    private String commit() {
        return provenance.gitCommit() == null ? "unknown" : provenance.gitCommit();
    }

    private StringBuilder start(String title, String code) {
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"/><title>").append(esc(title)).append("</title><style>").append(CSS)
                .append("</style></head><body><h1>").append(esc(title)).append("</h1><table class='meta'><tbody>")
                .append("<tr><th>Document</th><td>OpenEBR-").append(code).append('-').append(esc(version))
                .append("</td></tr><tr><th>Release</th><td>OpenEBR ").append(esc(version)).append(", commit ")
                .append(esc(commit())).append("</td></tr><tr><th>Generated</th><td>")
                .append(esc(provenance.generated())).append(" from ").append(esc(provenance.catalogue()))
                .append(" and the build's test results; regenerated with every build, never edited</td></tr>")
                .append("</tbody></table>");
        return h;
    }

    private static String end(StringBuilder h) {
        return h.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return MatrixWriter.esc(s == null ? "" : s);
    }

    private static final String CSS = """
            @page { size: A4; margin: 16mm 14mm;
                    @bottom-right { content: counter(page) " / " counter(pages); font-family: 'Liberation Sans';
                                    font-size: 8pt; } }
            * { font-family: 'Liberation Sans'; }
            body { font-size: 9pt; color: #1f2328; }
            h1 { font-size: 16pt; margin: 0 0 6pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
            th, td { border: 0.5pt solid #8c959f; padding: 2pt 4pt; text-align: left; vertical-align: top; }
            thead th, table.meta th, table.small th { background: #eaeef2; }
            table.small, table.meta { width: auto; }
            th.id, td.id { width: 18%; } th.src { width: 16%; } th.risk { width: 9%; }
            thead { display: table-header-group; } tr { page-break-inside: avoid; }
            td.ok { color: #1a7f37; font-weight: bold; } td.open { color: #9a6700; font-weight: bold; }
            .note { color: #57606a; font-style: italic; }
            """;

    /** XHTML -> PDF/A-3u with the Liberation Sans font PDFBox ships. */
    static byte[] pdf(String xhtml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(ValidationDocuments::font, "Liberation Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
        builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        builder.withProducer("OpenEBR validation-docs");
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    private static InputStream font() {
        InputStream ttf = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(FONT);
        if (ttf == null) {
            throw new IllegalStateException("PDFBox no longer ships " + FONT);
        }
        return ttf;
    }
}
