package org.openebr.validation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.openebr.validation.TraceabilityMatrix.Row;
import org.openebr.validation.TraceabilityMatrix.TestRef;

/** Renders the matrix as self-contained HTML, as Markdown and as CSV, all from the same rows. */
final class MatrixWriter {

    static final String TITLE = "OpenEBR traceability matrix";

    private static final DateTimeFormatter GENERATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * Where the matrix came from.
     *
     * @param gitCommit commit id (and branch), or {@code null} when {@code .git} could not be read
     */
    record Provenance(Instant generatedAt, String gitCommit, String catalogue) {

        String generated() {
            return GENERATED.format(generatedAt);
        }
    }

    private static final List<String> STATUS_MEANING = List.of(
            "VERIFIED: at least one test carries the id, and every one that ran passed.",
            "FAILED: a test carrying the id failed.",
            "NOT RUN: tests carry the id, but none of them ran (skipped, or no report names them).",
            "NO TEST: no test carries the id yet; the catalogue says why (a planned capability, or the reason).",
            "Risk: severity (S) x probability (P) give the risk class (1 highest); the class x detectability (D) give"
                    + " the priority HIGH, MEDIUM or LOW (GAMP 5, ICH Q9).",
            "HIGH needs " + Risk.Priority.HIGH.rigour + ". MEDIUM needs " + Risk.Priority.MEDIUM.rigour
                    + ". LOW needs " + Risk.Priority.LOW.rigour + ".",
            "A negative test (tag \"negative\") asserts bad input, a refusal, an attack or a failure path.",
            "The build fails when a test failed, when a HIGH requirement has no passing test or no passing negative"
                    + " test (unless the capability it needs is planned, not built), or when a requirement has no passing test and the catalogue"
                    + " does not say why.");

    private final TraceabilityMatrix matrix;
    private final Provenance provenance;

    MatrixWriter(TraceabilityMatrix matrix, Provenance provenance) {
        this.matrix = matrix;
        this.provenance = provenance;
    }

    private List<String[]> summary() {
        Map<RequirementStatus, Long> counts = matrix.counts();
        return List.of(
                new String[] {"Requirements in the catalogue", String.valueOf(matrix.rows().size())},
                new String[] {"Covered by passing tests (VERIFIED)", String.valueOf(counts.get(RequirementStatus.VERIFIED))},
                new String[] {"With a failing test (FAILED)", String.valueOf(counts.get(RequirementStatus.FAILED))},
                new String[] {"With tests that did not run (NOT RUN)", String.valueOf(counts.get(RequirementStatus.NOT_RUN))},
                new String[] {"Without any test (NO TEST)", String.valueOf(counts.get(RequirementStatus.NO_TEST))},
                new String[] {"Risk HIGH / MEDIUM / LOW", matrix.count(Risk.Priority.HIGH) + " / "
                        + matrix.count(Risk.Priority.MEDIUM) + " / " + matrix.count(Risk.Priority.LOW)},
                new String[] {"HIGH risk and verified", String.valueOf(matrix.rows().stream()
                        .filter(r -> r.requirement().risk().priority() == Risk.Priority.HIGH
                                && r.status() == RequirementStatus.VERIFIED).count())},
                new String[] {"HIGH risk, capability planned (not in this release)", String.valueOf(matrix.rows()
                        .stream().filter(r -> r.requirement().risk().priority() == Risk.Priority.HIGH
                                && r.status() != RequirementStatus.VERIFIED && r.requirement().planned()).count())},
                new String[] {"HIGH risk verified by unit tests only (rigour gap)", String.valueOf(matrix.rows()
                        .stream().filter(Row::rigourGap).count())},
                new String[] {"Test classes that failed as a whole", String.valueOf(matrix.failedContainers().size())});
    }

    private String sources() {
        List<Path> files = matrix.reportFiles();
        if (files.isEmpty()) {
            return "no JUnit Platform reports found (tests skipped or not built yet): no requirement is verified";
        }
        TreeSet<String> dirs = new TreeSet<>();
        for (Path f : files) {
            dirs.add(f.getParent() == null ? "." : f.getParent().toString().replace('\\', '/'));
        }
        return plural(files.size(), "JUnit Platform report") + ", " + plural(matrix.testCases(), "test") + ", from "
                + String.join(", ", dirs);
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private String commit() {
        return provenance.gitCommit() == null ? "unknown (.git not readable)" : provenance.gitCommit();
    }

    // ---------------------------------------------------------------- HTML

    String html() {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(TITLE)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(esc(TITLE)).append("</h1>\n");
        h.append("<table class=\"meta\">\n");
        meta(h, "Generated", provenance.generated());
        meta(h, "Commit", commit());
        meta(h, "Catalogue", provenance.catalogue());
        meta(h, "Test results", sources());
        h.append("</table>\n");

        h.append("<h2>Summary</h2>\n<table class=\"summary\">\n");
        for (String[] line : summary()) {
            h.append("<tr><th scope=\"row\">").append(esc(line[0])).append("</th><td>").append(esc(line[1]))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<ul class=\"legend\">\n");
        for (String meaning : STATUS_MEANING) {
            h.append("<li>").append(esc(meaning)).append("</li>\n");
        }
        h.append("</ul>\n");

        for (Map.Entry<String, List<Row>> section : matrix.bySection().entrySet()) {
            h.append("<section>\n<h2>").append(esc(section.getKey())).append("</h2>\n")
                    .append("<table class=\"matrix\">\n<colgroup><col class=\"c-id\"><col class=\"c-src\">")
                    .append("<col class=\"c-req\"><col class=\"c-risk\"><col class=\"c-tests\"><col class=\"c-status\">")
                    .append("</colgroup>\n<thead><tr><th>Id</th><th>Source</th><th>Requirement</th><th>Risk</th>")
                    .append("<th>Tests</th><th>Status</th></tr></thead>\n<tbody>\n");
            for (Row row : section.getValue()) {
                Requirement r = row.requirement();
                h.append("<tr id=\"").append(esc(r.id())).append("\"><td class=\"id\">").append(esc(r.id()))
                        .append("</td><td>").append(esc(r.source())).append("</td><td>").append(esc(r.text()));
                if (!r.proof().isEmpty()) {
                    h.append("<div class=\"proof\">Proof: ").append(esc(r.proof())).append("</div>");
                }
                Risk risk = r.risk();
                h.append("</td><td><span class=\"risk ").append(cssClass(risk.priority().name())).append("\">")
                        .append(risk.priority()).append("</span><div class=\"factors\">S ").append(risk.severity())
                        .append(" · P ").append(risk.probability()).append(" · D ").append(risk.detectability())
                        .append(" · class ").append(risk.riskClass()).append("</div><div class=\"rationale\">")
                        .append(esc(risk.rationale())).append("</div>");
                h.append("</td><td>");
                if (row.tests().isEmpty()) {
                    h.append("<span class=\"none\">none</span>");
                } else {
                    h.append("<ul class=\"tests\">");
                    for (TestRef t : row.tests()) {
                        h.append("<li><span class=\"result ").append(cssClass(t.result().label)).append("\">")
                                .append(esc(t.result().label)).append("</span> <code>")
                                .append(htmlTestName(t)).append("</code> <span class=\"module\">")
                                .append(esc(t.module())).append(", ").append(esc(t.tier().label))
                                .append(t.negative() ? ", negative" : "").append("</span></li>");
                    }
                    h.append("</ul>");
                }
                h.append("</td><td><span class=\"status ").append(cssClass(row.status().label)).append("\">")
                        .append(esc(row.status().label)).append("</span>");
                if ((row.status() != RequirementStatus.VERIFIED || r.planned()) && !r.notTestedBecause().isEmpty()) {
                    h.append("<div class=\"why\">").append(row.status() == RequirementStatus.VERIFIED
                            ? "in part; still " : "").append(esc(r.notTestedBecause())).append("</div>");
                }
                if (row.rigourGap()) {
                    h.append("<div class=\"why\">unit tests only: no real-server test yet</div>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void meta(StringBuilder h, String key, String value) {
        h.append("<tr><th scope=\"row\">").append(esc(key)).append("</th><td>").append(esc(value))
                .append("</td></tr>\n");
    }

    /** Package in a muted span, so the class and method stand out; both escaped. */
    private static String htmlTestName(TestRef t) {
        String cls = t.className();
        int dot = cls.lastIndexOf('.');
        String pkg = dot < 0 ? "" : cls.substring(0, dot + 1);
        return "<span class=\"pkg\">" + breakable(esc(pkg)) + "</span>" + breakable(esc(cls.substring(dot + 1)))
                + "#<wbr>" + breakable(esc(t.method()));
    }

    /** Long names may wrap after a dot, a {@code $} or an underscore, rather than anywhere. */
    private static String breakable(String escaped) {
        return escaped.replace(".", ".<wbr>").replace("$", "$<wbr>").replace("_", "_<wbr>");
    }

    private static String cssClass(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            :root { --ok: #1a7f37; --bad: #c62828; --warn: #9a6700; --none: #57606a; }
            body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: #1f2328; margin: 1.5em auto; max-width: 80em; padding: 0 1em; }
            h1 { font-size: 1.6em; margin: 0 0 .4em; }
            h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #d0d7de; padding: .3em .5em; text-align: left; vertical-align: top; }
            thead th { background: #f6f8fa; }
            table.meta th, table.summary th { background: #f6f8fa; font-weight: 600; }
            table.matrix { width: 100%; table-layout: fixed; }
            col.c-id { width: 9em; } col.c-src { width: 9em; } col.c-status { width: 7em; }
            col.c-req { width: 26%; } col.c-risk { width: 14em; }
            .risk { display: inline-block; font-weight: 700; font-size: .8em; padding: 0 .35em; border-radius: 3px; }
            .risk.high { color: #fff; background: var(--bad); } .risk.medium { color: #1f2328; background: #f2cc60; }
            .risk.low { color: #1f2328; background: #d0d7de; }
            .factors { font-size: .85em; color: #57606a; margin-top: .2em; }
            .rationale, .why { font-size: .85em; color: #57606a; margin-top: .2em; }
            .why { color: var(--warn); }
            td.id { font-weight: 600; white-space: nowrap; }
            .proof { color: #57606a; font-size: .9em; margin-top: .25em; }
            ul.tests { list-style: none; margin: 0; padding: 0; }
            ul.tests li { margin: 0 0 .2em; overflow-wrap: break-word; }
            code { font: .9em/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
            .pkg, .module { color: #6e7781; }
            .module { font-size: .85em; }
            .none { color: #6e7781; font-style: italic; }
            .result, .status { display: inline-block; font-weight: 700; font-size: .8em; padding: 0 .35em;
                               border-radius: 3px; border: 1px solid currentColor; white-space: nowrap; }
            .passed, .verified { color: var(--ok); }
            .failed { color: var(--bad); background: #ffebe9; }
            .skipped, .not-run { color: var(--warn); }
            .no-test { color: var(--none); }
            ul.legend { color: #57606a; font-size: .9em; }
            @media print {
              @page { size: A4 landscape; margin: 12mm; }
              body { margin: 0; max-width: none; font-size: 9pt; }
              thead { display: table-header-group; }
              tr { break-inside: avoid; }
              h2 { break-after: avoid; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    // ---------------------------------------------------------------- Markdown

    String markdown() {
        StringBuilder m = new StringBuilder(64 * 1024);
        m.append("# ").append(TITLE).append("\n\n");
        m.append("- Generated: ").append(md(provenance.generated())).append('\n');
        m.append("- Commit: ").append(md(commit())).append('\n');
        m.append("- Catalogue: ").append(md(provenance.catalogue())).append('\n');
        m.append("- Test results: ").append(md(sources())).append("\n\n");
        m.append("## Summary\n\n| | |\n|---|---:|\n");
        for (String[] line : summary()) {
            m.append("| ").append(md(line[0])).append(" | ").append(md(line[1])).append(" |\n");
        }
        m.append('\n');
        for (String meaning : STATUS_MEANING) {
            m.append("- ").append(md(meaning)).append('\n');
        }
        for (Map.Entry<String, List<Row>> section : matrix.bySection().entrySet()) {
            m.append("\n## ").append(md(section.getKey())).append("\n\n")
                    .append("| Id | Source | Requirement | Risk | Tests | Status |\n|---|---|---|---|---|---|\n");
            for (Row row : section.getValue()) {
                Requirement r = row.requirement();
                m.append("| ").append(md(r.id())).append(" | ").append(md(r.source())).append(" | ")
                        .append(md(r.text()));
                if (!r.proof().isEmpty()) {
                    m.append("<br>*Proof:* ").append(md(r.proof()));
                }
                Risk risk = r.risk();
                m.append(" | **").append(risk.priority()).append("** S ").append(risk.severity()).append(" P ")
                        .append(risk.probability()).append(" D ").append(risk.detectability()).append("<br>")
                        .append(md(risk.rationale()));
                m.append(" | ");
                if (row.tests().isEmpty()) {
                    m.append("none");
                } else {
                    StringBuilder tests = new StringBuilder();
                    for (TestRef t : row.tests()) {
                        if (tests.length() > 0) {
                            tests.append("<br>");
                        }
                        tests.append("**").append(t.result().label).append("** `")
                                .append(t.label().replace("`", "'").replace("|", "\\|")).append("` (")
                                .append(md(t.module())).append(", ").append(md(t.tier().label))
                                .append(t.negative() ? ", negative" : "").append(')');
                    }
                    m.append(tests);
                }
                m.append(" | **").append(row.status().label).append("**");
                if ((row.status() != RequirementStatus.VERIFIED || r.planned()) && !r.notTestedBecause().isEmpty()) {
                    m.append("<br>").append(row.status() == RequirementStatus.VERIFIED ? "in part; still " : "")
                            .append(md(r.notTestedBecause()));
                }
                if (row.rigourGap()) {
                    m.append("<br>unit tests only: no real-server test yet");
                }
                m.append(" |\n");
            }
        }
        return m.toString();
    }

    /** Markdown text in a table cell: Markdown punctuation backslash-escaped, HTML special characters as entities. */
    static String md(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '|', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- CSV

    static final List<String> CSV_COLUMNS = List.of("id", "section", "source", "requirement", "severity",
            "probability", "detectability", "risk", "status", "not_tested_because", "module", "test_tier",
            "test_class", "test_method", "test_result", "test_negative");

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** One record per requirement x test; a requirement without tests has one record with the test fields empty. */
    String csv() {
        StringBuilder c = new StringBuilder(Csv.record(CSV_COLUMNS));
        for (Row row : matrix.rows()) {
            Requirement r = row.requirement();
            Risk risk = r.risk();
            List<String> head = List.of(r.id(), r.section(), r.source(), r.text(), risk.severity().name(),
                    risk.probability().name(), risk.detectability().name(), risk.priority().name(),
                    row.status().label, row.status() == RequirementStatus.VERIFIED && !r.planned() ? ""
                            : r.notTestedBecause());
            if (row.tests().isEmpty()) {
                c.append(Csv.record(concat(head, List.of("", "", "", "", "", ""))));
            }
            for (TestRef t : row.tests()) {
                c.append(Csv.record(concat(head, List.of(t.module(), t.tier().label, t.className(), t.method(),
                        t.result().label, t.negative() ? "yes" : "no"))));
            }
        }
        return c.toString();
    }
}
