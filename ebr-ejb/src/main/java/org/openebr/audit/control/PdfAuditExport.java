package org.openebr.audit.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.openebr.audit.boundary.AuditAction;
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditExportHeader;
import org.openebr.audit.boundary.FieldChange;

/**
 * The audit trail as a printable PDF for reviewers and inspectors: a table on A4 landscape, one row
 * per entry, as many rows per page as fit. Every page carries the title, the filter, who exported
 * it when, the column heads and "Page x of y", so a single printed page still says what it is part
 * of. The layout is done before any page is drawn, so the page count is known.
 *
 * <p>A row holds the changed fields only, each with its full value wrapped; a row longer than what
 * is left of a page continues on the next one, nothing is cut off. A recipe document's change
 * arrives in words (the version comparison), not as two copies of its JSON: printing those made 13
 * entries 130 pages and most of the time an export took. The exact values are in the JSON export.
 */
final class PdfAuditExport {

    static final String NO_ENTRIES = "No audit trail entries match this filter.";
    static final String NO_CHANGES = "No field changes recorded.";

    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 30;
    private static final float WIDTH = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
    private static final float TITLE_SIZE = 12;
    private static final float TITLE_LEADING = TITLE_SIZE * 1.35f;
    private static final float TEXT_SIZE = 7.5f;
    private static final float LEADING = TEXT_SIZE * 1.3f;
    private static final float PADDING = 3;
    private static final float RULE_SPACE = 6;
    private static final float HANGING_INDENT = 8;
    /** Room between two rows, the rule in its middle; less than a line, so pages hold more rows. */
    private static final float ROW_GAP = LEADING * 0.6f;
    /** A row starts a page rather than end one with fewer of its lines than this. */
    private static final int KEEP_TOGETHER = 3;
    /** Below this the filter statement crowds out the entries; such a filter is refused, not printed. */
    private static final int MIN_BODY_LINES = 10;

    /** The columns: head and width in points; the changes get what is left. */
    private static final String[] HEADS = {"When (site time / UTC)", "User and role", "Record", "Command and reason", "Changes (old → new)"};
    private static final float[] WIDTHS = {98, 96, 162, 118, WIDTH - 98 - 96 - 162 - 118};

    /** One printed line of a cell. */
    private record Line(String text, float indent, boolean strong) {
    }

    /**
     * One table row: the lines of each cell; {@code rule} draws the separator above it;
     * {@code continued} heads the rest of the row when it continues on the next page.
     */
    private record Row(List<List<Line>> cells, boolean rule, String continued) {
        int height() {
            return cells.stream().mapToInt(List::size).max().orElse(0);
        }

        /** Who, when, what and why stay on one page; only a long list of changes continues on the next. */
        int keep() {
            int facts = cells.subList(0, cells.size() - 1).stream().mapToInt(List::size).max().orElse(0);
            return Math.max(Math.min(KEEP_TOGETHER, height()), facts);
        }
    }

    private final AuditExportHeader header;
    private final PdfFont font;
    private final String arrow;
    private final List<String> titleLines;
    private final List<String> headerLines;
    private final Row heads;

    private PdfAuditExport(AuditExportHeader header, PdfFont font, int entryCount) {
        this.header = header;
        this.font = font;
        this.arrow = font.canShow("→") ? " → " : " -> ";
        this.titleLines = font.wrap(header.title(), WIDTH, WIDTH, TITLE_SIZE);
        this.headerLines = new ArrayList<>(font.wrap("Filter: " + header.filter().describe(), WIDTH, WIDTH, TEXT_SIZE));
        headerLines.addAll(font.wrap("Exported " + ExportTimes.utc(header.exportedAt())
                + " (" + ExportTimes.site(header.exportedAt(), header.siteZone()) + ") by "
                + header.exportedByFullName() + " (" + header.exportedBy() + ") | "
                + (entryCount == 1 ? "1 entry" : entryCount + " entries"), WIDTH, WIDTH, TEXT_SIZE));
        List<List<Line>> headCells = new ArrayList<>();
        for (int i = 0; i < HEADS.length; i++) {
            headCells.add(cell(i, List.of(font.printable(arrow.equals(" → ") ? HEADS[i] : HEADS[i].replace("→", "->"))), true));
        }
        this.heads = new Row(headCells, false, null);
    }

    static void write(AuditExportHeader header, List<AuditEntry> entries, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); PdfFont font = PdfFont.embedIn(document)) {
            PdfAuditExport export = new PdfAuditExport(header, font, entries.size());
            List<List<Row>> pages = export.paginate(export.rows(entries));
            for (int i = 0; i < pages.size(); i++) {
                export.drawPage(document, pages.get(i), i + 1, pages.size());
            }
            describe(document, header);
            document.save(out);
        }
    }

    private static void describe(PDDocument document, AuditExportHeader header) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(header.title());
        info.setAuthor(header.exportedByFullName() + " (" + header.exportedBy() + ")");
        info.setSubject("Audit trail, " + header.filter().describe());
        info.setCreator(header.systemName());
        info.setCreationDate(GregorianCalendar.from(header.exportedAt().atZone(ZoneOffset.UTC)));
        document.getDocumentCatalog().setLanguage("en");
    }

    private List<Row> rows(List<AuditEntry> entries) {
        List<Row> rows = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            rows.add(row(entry));
        }
        if (rows.isEmpty()) {
            List<List<Line>> cells = new ArrayList<>();
            cells.add(List.of(new Line(NO_ENTRIES, 0, false)));
            for (int i = 1; i < HEADS.length; i++) {
                cells.add(List.of());
            }
            rows.add(new Row(cells, true, null));
        }
        return rows;
    }

    private Row row(AuditEntry entry) {
        List<List<Line>> cells = new ArrayList<>(HEADS.length);
        cells.add(cell(0, List.of(ExportTimes.site(entry.recordedAt(), entry.siteZone()),
                ExportTimes.utc(entry.recordedAt()), "Revision " + entry.revision()), false));
        cells.add(cell(1, List.of(entry.fullName() + " (" + entry.userName() + ")", "as " + shown(entry.actingRole()),
                "From: " + shown(entry.clientAddress())), false));
        List<String> record = new ArrayList<>();
        record.add(entry.action() + " " + entry.recordLabel());
        if (entry.recordName() != null) {
            // the id on a line of its own: a UUID then fits the column unbroken
            record.add(entry.entityType());
            record.add(entry.recordId());
        }
        cells.add(cell(2, record, false));
        List<String> why = new ArrayList<>();
        why.add(shown(entry.command()));
        why.add("Reason: " + shown(entry.reason()));
        if (entry.correlationId() != null) {
            why.add("Correlation: " + entry.correlationId());
        }
        cells.add(cell(3, why, false));
        List<Line> changes = new ArrayList<>();
        if (entry.changes().isEmpty()) {
            add(changes, 4, NO_CHANGES, 0, false);
        }
        for (FieldChange change : entry.changes()) {
            if (!change.readable().isEmpty()) {
                add(changes, 4, change.field() + " (the change in words; exact text in the JSON export):", 0, false);
                for (String line : change.readable()) {
                    add(changes, 4, "• " + line, HANGING_INDENT, false);
                }
            } else if (entry.action() == AuditAction.CREATED && change.oldValue() == null) {
                add(changes, 4, change.field() + ": " + shown(change.newValue()), 0, false);
            } else {
                add(changes, 4, change.field() + ": " + shown(change.oldValue()) + arrow + shown(change.newValue()), 0, false);
            }
        }
        cells.add(changes);
        return new Row(cells, true, "Revision " + entry.revision() + " (continued)");
    }

    /** Null and empty look alike on paper, so both are named. */
    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.isEmpty() ? "(empty)" : value;
    }

    private List<Line> cell(int column, List<String> texts, boolean strong) {
        List<Line> lines = new ArrayList<>();
        for (String text : texts) {
            add(lines, column, text, 0, strong);
        }
        return lines;
    }

    private void add(List<Line> lines, int column, String text, float indent, boolean strong) {
        float width = WIDTHS[column] - 2 * PADDING - indent;
        List<String> wrapped = font.wrap(text, width, width - HANGING_INDENT, TEXT_SIZE);
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add(new Line(wrapped.get(i), i == 0 ? indent : indent + HANGING_INDENT, strong));
        }
    }

    /** Fills pages row by row; a row longer than what is left continues on the next page, no line lost. */
    private List<List<Row>> paginate(List<Row> rows) {
        float capacity = bodyCapacity();
        List<List<Row>> pages = new ArrayList<>();
        List<Row> page = new ArrayList<>();
        float used = 0;
        for (Row row : rows) {
            Row rest = row;
            while (rest != null) {
                int left = (int) ((capacity - used - ROW_GAP) / LEADING);
                int height = rest.height();
                if (height <= left) {
                    page.add(rest);
                    used += height * LEADING + ROW_GAP;
                    rest = null;
                } else if (left >= rest.keep() || page.isEmpty()) {
                    page.add(slice(rest, 0, left, rest.rule()));
                    rest = continuation(slice(rest, left, height, true));
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0;
                } else {
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0;
                }
            }
        }
        pages.add(page);
        return pages;
    }

    private static Row slice(Row row, int from, int to, boolean rule) {
        List<List<Line>> cells = new ArrayList<>(row.cells().size());
        for (List<Line> cell : row.cells()) {
            cells.add(cell.subList(Math.min(from, cell.size()), Math.min(to, cell.size())));
        }
        return new Row(cells, rule, row.continued());
    }

    /** The rest of a row on the next page says whose rest it is. */
    private static Row continuation(Row rest) {
        if (rest.continued() == null || !rest.cells().get(0).isEmpty()) {
            return rest;
        }
        List<List<Line>> cells = new ArrayList<>(rest.cells());
        cells.set(0, List.of(new Line(rest.continued(), 0, false)));
        return new Row(cells, true, rest.continued());
    }

    /** The body's height in points. */
    private float bodyCapacity() {
        float top = titleLines.size() * TITLE_LEADING + headerLines.size() * LEADING + RULE_SPACE
                + heads.height() * LEADING + RULE_SPACE;
        float footer = LEADING + RULE_SPACE;
        float capacity = A4_LANDSCAPE.getHeight() - 2 * MARGIN - top - footer;
        if (capacity < MIN_BODY_LINES * LEADING) {
            throw new IllegalArgumentException("The title and filter statement are too long to repeat on every page");
        }
        return capacity;
    }

    private void drawPage(PDDocument document, List<Row> rows, int number, int count) throws IOException {
        PDPage page = new PDPage(A4_LANDSCAPE);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = A4_LANDSCAPE.getHeight() - MARGIN;
            // All text of a page in one text object with one font: drawing the rules between rows
            // afterwards keeps the content stream short (a text object per line made it twice as long).
            List<Float> rules = new ArrayList<>();
            content.setLineWidth(TEXT_SIZE * 0.03f);
            content.beginText();
            content.setFont(font.font(), TITLE_SIZE);
            Text text = new Text(content);
            for (String line : titleLines) {
                text.show(line, MARGIN, y - TITLE_SIZE, true);
                y -= TITLE_LEADING;
            }
            content.setFont(font.font(), TEXT_SIZE);
            for (String line : headerLines) {
                text.show(line, MARGIN, y - TEXT_SIZE, false);
                y -= LEADING;
            }
            rules.add(y - RULE_SPACE / 3);
            y -= RULE_SPACE;
            y = drawRow(text, heads, y);
            rules.add(y - RULE_SPACE / 3);
            y -= RULE_SPACE;
            for (Row row : rows) {
                if (row.rule() && row != rows.get(0)) {
                    rules.add(y - ROW_GAP / 2);
                }
                y = drawRow(text, row, y - (row == rows.get(0) ? 0 : ROW_GAP));
            }
            float footerBaseline = MARGIN + 2;
            text.show(font.printable(header.systemName()), MARGIN, footerBaseline, false);
            String pageOf = "Page " + number + " of " + count;
            text.show(pageOf, MARGIN + WIDTH - font.width(pageOf, TEXT_SIZE), footerBaseline, false);
            content.endText();
            content.setLineWidth(0.3f);
            content.setStrokingColor(0.6f);
            for (float rule : rules) {
                content.moveTo(MARGIN, rule);
                content.lineTo(MARGIN + WIDTH, rule);
            }
            content.moveTo(MARGIN, footerBaseline + LEADING);
            content.lineTo(MARGIN + WIDTH, footerBaseline + LEADING);
            content.stroke();
        }
    }

    private float drawRow(Text text, Row row, float y) throws IOException {
        float x = MARGIN;
        for (int column = 0; column < row.cells().size(); column++) {
            float lineY = y;
            for (Line line : row.cells().get(column)) {
                text.show(line.text(), x + PADDING + line.indent(), lineY - TEXT_SIZE, line.strong());
                lineY -= LEADING;
            }
            x += WIDTHS[column];
        }
        return y - row.height() * LEADING;
    }

    /**
     * Places lines inside one text object. Only the regular weight ships with PDFBox, so emphasis
     * is the glyph outline stroked as well as filled; text extraction and searching are unaffected.
     */
    private static final class Text {
        private final PDPageContentStream content;
        private boolean strong;

        Text(PDPageContentStream content) throws IOException {
            this.content = content;
            content.setRenderingMode(RenderingMode.FILL);
        }

        void show(String printable, float x, float baseline, boolean strongLine) throws IOException {
            if (printable.isEmpty()) {
                return;
            }
            if (strongLine != strong) {
                content.setRenderingMode(strongLine ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                strong = strongLine;
            }
            content.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
            content.showText(printable);
        }
    }
}
