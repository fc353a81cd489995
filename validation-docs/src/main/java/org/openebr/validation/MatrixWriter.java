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
            "NO TEST: no test carries the id yet.");

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
                new String[] {"Without any test (NO TEST)", String.valueOf(counts.get(RequirementStatus.NO_TEST))});
    }

    private String sources() {
        List<Path> files = matrix.reportFiles();
        if (files.isEmpty()) {
            return "no test reports found (tests skipped or not built yet): every test shows as NOT RUN";
        }
        TreeSet<String> dirs = new TreeSet<>();
        for (Path f : files) {
            dirs.add(f.getParent() == null ? "." : f.getParent().toString().replace('\\', '/'));
        }
        return plural(files.size(), "report file") + ", " + plural(matrix.testCases(), "testcase") + ", from "
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
                    .append("<col class=\"c-req\"><col class=\"c-tests\"><col class=\"c-status\"></colgroup>\n")
                    .append("<thead><tr><th>Id</th><th>Source</th><th>Requirement</th><th>Tests</th>")
                    .append("<th>Status</th></tr></thead>\n<tbody>\n");
            for (Row row : section.getValue()) {
                Requirement r = row.requirement();
                h.append("<tr id=\"").append(esc(r.id())).append("\"><td class=\"id\">").append(esc(r.id()))
                        .append("</td><td>").append(esc(r.source())).append("</td><td>").append(esc(r.text()));
                if (!r.proof().isEmpty()) {
                    h.append("<div class=\"proof\">Proof: ").append(esc(r.proof())).append("</div>");
                }
                h.append("</td><td>");
                if (row.tests().isEmpty()) {
                    h.append("<span class=\"none\">none</span>");
                } else {
                    h.append("<ul class=\"tests\">");
                    for (TestRef t : row.tests()) {
                        h.append("<li><span class=\"result ").append(cssClass(t.result().label)).append("\">")
                                .append(esc(t.result().label)).append("</span> <code>")
                                .append(htmlTestName(t)).append("</code> <span class=\"module\">")
                                .append(esc(t.module())).append("</span></li>");
                    }
                    h.append("</ul>");
                }
                h.append("</td><td><span class=\"status ").append(cssClass(row.status().label)).append("\">")
                        .append(esc(row.status().label)).append("</span></td></tr>\n");
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
            col.c-req { width: 28%; }
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
                    .append("| Id | Source | Requirement | Tests | Status |\n|---|---|---|---|---|\n");
            for (Row row : section.getValue()) {
                Requirement r = row.requirement();
                m.append("| ").append(md(r.id())).append(" | ").append(md(r.source())).append(" | ")
                        .append(md(r.text()));
                if (!r.proof().isEmpty()) {
                    m.append("<br>*Proof:* ").append(md(r.proof()));
                }
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
                                .append(md(t.module())).append(')');
                    }
                    m.append(tests);
                }
                m.append(" | **").append(row.status().label).append("** |\n");
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

    static final List<String> CSV_COLUMNS = List.of("id", "section", "source", "requirement", "status", "module",
            "test_class", "test_method", "test_result");

    /** One record per requirement x test; a requirement without tests has one record with the test fields empty. */
    String csv() {
        StringBuilder c = new StringBuilder(Csv.record(CSV_COLUMNS));
        for (Row row : matrix.rows()) {
            Requirement r = row.requirement();
            if (row.tests().isEmpty()) {
                c.append(Csv.record(List.of(r.id(), r.section(), r.source(), r.text(), row.status().label, "", "",
                        "", "")));
            }
            for (TestRef t : row.tests()) {
                c.append(Csv.record(List.of(r.id(), r.section(), r.source(), r.text(), row.status().label,
                        t.module(), t.className(), t.method(), t.result().label)));
            }
        }
        return c.toString();
    }
}
