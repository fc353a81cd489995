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
import org.openebr.audit.boundary.AuditEntry;
import org.openebr.audit.boundary.AuditExportHeader;
import org.openebr.audit.boundary.FieldChange;

/**
 * The audit trail as a printable PDF for reviewers and inspectors, A4 landscape. Every page carries
 * the title, the filter, who exported it when, and "Page x of y", so a single printed page still
 * says what it is part of. The layout is done before any page is drawn, so the page count is known.
 */
final class PdfAuditExport {

    static final String NO_ENTRIES = "No audit trail entries match this filter.";

    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float WIDTH = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
    private static final float TITLE_SIZE = 13;
    private static final float TITLE_LEADING = TITLE_SIZE * 1.4f;
    private static final float TEXT_SIZE = 8.5f;
    private static final float LEADING = TEXT_SIZE * 1.35f;
    private static final float RULE_SPACE = 9;
    private static final float CHANGE_INDENT = 18;
    private static final float HANGING_INDENT = 24;
    /** An entry's heading, user and reason lines start a page together rather than end one alone. */
    private static final int KEEP_TOGETHER = 3;
    /** Below this the filter statement crowds out the entries; such a filter is refused, not printed. */
    private static final int MIN_BODY_LINES = 10;

    /** One printed line of the body; a null text is the gap between two entries. */
    private record Line(String text, float indent, boolean strong) {
        static final Line GAP = new Line(null, 0, false);
    }

    private final AuditExportHeader header;
    private final PdfFont font;
    private final String arrow;
    private final List<String> titleLines;
    private final List<String> headerLines;

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
    }

    static void write(AuditExportHeader header, List<AuditEntry> entries, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PdfAuditExport export = new PdfAuditExport(header, PdfFont.embedIn(document), entries.size());
            List<List<Line>> pages = export.paginate(export.blocks(entries));
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

    /** Each entry as a block of wrapped lines; an empty export is one block with one sentence. */
    private List<List<Line>> blocks(List<AuditEntry> entries) {
        List<List<Line>> blocks = new ArrayList<>();
        for (AuditEntry entry : entries) {
            blocks.add(lines(entry));
        }
        if (blocks.isEmpty()) {
            blocks.add(List.of(new Line(NO_ENTRIES, 0, false)));
        }
        return blocks;
    }

    private List<Line> lines(AuditEntry entry) {
        List<Line> lines = new ArrayList<>();
        add(lines, "Revision " + entry.revision() + " | " + entry.action() + " " + entry.entityType() + " "
                + entry.recordId() + " | " + ExportTimes.utc(entry.recordedAt()) + " | "
                + ExportTimes.site(entry.recordedAt(), entry.siteZone()), 0, true);
        add(lines, "User: " + entry.fullName() + " (" + entry.userName() + "), acting as " + shown(entry.actingRole())
                + " | Client: " + shown(entry.clientAddress()) + " | Correlation: " + shown(entry.correlationId()), 0, false);
        add(lines, "Command: " + shown(entry.command()) + " | Reason: " + shown(entry.reason()), 0, false);
        if (entry.changes().isEmpty()) {
            add(lines, "No field changes recorded.", CHANGE_INDENT, false);
        }
        for (FieldChange change : entry.changes()) {
            add(lines, change.field() + ": " + shown(change.oldValue()) + arrow + shown(change.newValue()),
                    CHANGE_INDENT, false);
        }
        return lines;
    }

    /** Null and empty look alike on paper, so both are named. */
    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.isEmpty() ? "(empty)" : value;
    }

    private void add(List<Line> lines, String text, float indent, boolean strong) {
        List<String> wrapped = font.wrap(text, WIDTH - indent, WIDTH - indent - HANGING_INDENT, TEXT_SIZE);
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add(new Line(wrapped.get(i), i == 0 ? indent : indent + HANGING_INDENT, strong));
        }
    }

    /** Fills pages line by line; an entry may continue on the next page but never loses a line. */
    private List<List<Line>> paginate(List<List<Line>> blocks) {
        int capacity = bodyCapacity();
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        for (List<Line> block : blocks) {
            int keep = Math.min(block.size(), KEEP_TOGETHER);
            if (!page.isEmpty() && capacity - page.size() < keep + 1) {
                pages.add(page);
                page = new ArrayList<>();
            }
            if (!page.isEmpty()) {
                page.add(Line.GAP);
            }
            for (Line line : block) {
                if (page.size() == capacity) {
                    pages.add(page);
                    page = new ArrayList<>();
                }
                page.add(line);
            }
        }
        pages.add(page);
        return pages;
    }

    private int bodyCapacity() {
        float header = titleLines.size() * TITLE_LEADING + headerLines.size() * LEADING + RULE_SPACE;
        float footer = LEADING + RULE_SPACE;
        int capacity = (int) ((A4_LANDSCAPE.getHeight() - 2 * MARGIN - header - footer) / LEADING);
        if (capacity < MIN_BODY_LINES) {
            throw new IllegalArgumentException("The title and filter statement are too long to repeat on every page");
        }
        return capacity;
    }

    private void drawPage(PDDocument document, List<Line> lines, int number, int count) throws IOException {
        PDPage page = new PDPage(A4_LANDSCAPE);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = A4_LANDSCAPE.getHeight() - MARGIN;
            for (String line : titleLines) {
                show(content, line, MARGIN, y - TITLE_SIZE, TITLE_SIZE, true);
                y -= TITLE_LEADING;
            }
            for (String line : headerLines) {
                show(content, line, MARGIN, y - TEXT_SIZE, TEXT_SIZE, false);
                y -= LEADING;
            }
            rule(content, y - RULE_SPACE / 3, 0.5f, 0);
            y -= RULE_SPACE;
            for (Line line : lines) {
                if (line == Line.GAP) {
                    rule(content, y - LEADING / 2, 0.3f, 0.7f);
                } else {
                    show(content, line.text(), MARGIN + line.indent(), y - TEXT_SIZE, TEXT_SIZE, line.strong());
                }
                y -= LEADING;
            }
            float footerBaseline = MARGIN + 2;
            rule(content, footerBaseline + LEADING, 0.5f, 0);
            show(content, font.printable(header.systemName()), MARGIN, footerBaseline, TEXT_SIZE, false);
            String pageOf = "Page " + number + " of " + count;
            show(content, pageOf, MARGIN + WIDTH - font.width(pageOf, TEXT_SIZE), footerBaseline, TEXT_SIZE, false);
        }
    }

    /**
     * Only the regular weight ships with PDFBox, so emphasis is the glyph outline stroked as well
     * as filled; text extraction and searching are unaffected.
     */
    private void show(PDPageContentStream content, String text, float x, float baseline, float size, boolean strong)
            throws IOException {
        content.setLineWidth(size * 0.03f);
        content.beginText();
        content.setFont(font.font(), size);
        content.setRenderingMode(strong ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        content.endText();
    }

    private static void rule(PDPageContentStream content, float y, float lineWidth, float gray) throws IOException {
        content.saveGraphicsState();
        content.setLineWidth(lineWidth);
        content.setStrokingColor(gray);
        content.moveTo(MARGIN, y);
        content.lineTo(MARGIN + WIDTH, y);
        content.stroke();
        content.restoreGraphicsState();
    }
}
