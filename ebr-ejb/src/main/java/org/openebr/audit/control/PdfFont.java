package org.openebr.audit.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of the PDF export and what depends on it: which characters it can show, how wide
 * text is and where lines break. The font is embedded so the copy reads the same on any machine,
 * whatever fonts the server or the inspector's computer have.
 */
final class PdfFont implements Closeable {

    /**
     * Liberation Sans (SIL Open Font License) ships inside the PDFBox jar and covers Latin, Greek and
     * Cyrillic, so names such as Łukasz Żółć print correctly. It is not PDFBox API: a PDFBox upgrade
     * that drops it fails the export tests, not an inspection.
     */
    private static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final float CANNOT_SHOW = -1;

    private final PDType0Font font;
    /** Advance width per code point in 1/1000 em, or CANNOT_SHOW; lines are measured character by character. */
    private final Map<Integer, Float> advances = new HashMap<>();

    private final TrueTypeFont source;

    private PdfFont(PDType0Font font, TrueTypeFont source) {
        this.font = font;
        this.source = source;
    }

    /**
     * The font, embedded in the document as a subset (only the glyphs used, which keeps a one-page
     * export small). Close it after the document is saved: the subset is made from it at saving.
     */
    static PdfFont embedIn(PDDocument document) throws IOException {
        try (InputStream ttf = PDDocument.class.getResourceAsStream(RESOURCE)) {
            if (ttf == null) {
                throw new IllegalStateException("PDFBox no longer ships " + RESOURCE + "; bundle a font for the audit export");
            }
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
            // Glyph substitution (GSUB) off: for every line shown, PDFBox compiled regular expressions
            // to look for ligatures, which took most of an export's time (1,000 entries: 6.9 s of
            // page writing, about 1 s without it). Latin text needs no substitution; without it,
            // copied text also keeps "fi" as two letters.
            parsed.setEnableGsub(false);
            return new PdfFont(PDType0Font.load(document, parsed, true), parsed);
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    PDFont font() {
        return font;
    }

    boolean canShow(String text) {
        return text.codePoints().allMatch(codePoint -> advance(codePoint) != CANNOT_SHOW);
    }

    /**
     * The text as it can be printed: composed (NFC, so a decomposed é prints as one glyph), tabs as
     * spaces, and '?' for each character the font has no glyph for. An export must never fail on
     * what a user once typed; the JSON copy keeps the exact characters.
     */
    String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(codePoint -> {
            if (codePoint == '\t') {
                printable.append(' ');
            } else if (advance(codePoint) == CANNOT_SHOW) {
                printable.append('?');
            } else {
                printable.appendCodePoint(codePoint);
            }
        });
        return printable.toString();
    }

    float width(String printable, float size) {
        return units(printable) * size / 1000;
    }

    /**
     * The text broken into printable lines: at its own line breaks, then at the last space that
     * fits, and inside a word only when the word alone is wider than the line. Nothing is cut off.
     *
     * @param firstWidth width available to the first line, in points
     * @param nextWidth  width available to every further line (narrower under a hanging indent)
     */
    List<String> wrap(String text, float firstWidth, float nextWidth, float size) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : LINE_BREAK.split(text, -1)) {
            breakParagraph(printable(paragraph), firstWidth * 1000 / size, nextWidth * 1000 / size, lines);
        }
        return lines;
    }

    private void breakParagraph(String paragraph, float firstLimit, float nextLimit, List<String> lines) {
        int start = 0;
        int lastSpace = -1;
        float used = 0;
        int i = 0;
        while (i < paragraph.length()) {
            int codePoint = paragraph.codePointAt(i);
            float advance = advance(codePoint);
            float limit = lines.isEmpty() ? firstLimit : nextLimit;
            if (used + advance > limit && i > start) {
                boolean atSpace = lastSpace > start;
                int end = atSpace ? lastSpace : i;
                lines.add(paragraph.substring(start, end));
                // Measure the rest again from its start: the next line may be narrower.
                start = atSpace ? lastSpace + 1 : i;
                i = start;
                used = 0;
                lastSpace = -1;
                continue;
            }
            if (codePoint == ' ') {
                lastSpace = i;
            }
            used += advance;
            i += Character.charCount(codePoint);
        }
        lines.add(paragraph.substring(start));
    }

    private float units(String printable) {
        float units = 0;
        for (int i = 0; i < printable.length(); ) {
            int codePoint = printable.codePointAt(i);
            units += Math.max(0, advance(codePoint));
            i += Character.charCount(codePoint);
        }
        return units;
    }

    private float advance(int codePoint) {
        return advances.computeIfAbsent(codePoint, this::measure);
    }

    private float measure(int codePoint) {
        // Control characters may map to an invisible glyph; printing them would hide what was stored.
        if (Character.isISOControl(codePoint)) {
            return CANNOT_SHOW;
        }
        try {
            return font.getStringWidth(new String(Character.toChars(codePoint)));
        } catch (IllegalArgumentException | IOException noGlyph) {
            // PDFBox's only answer to "no glyph for this character"; the caller prints '?' instead.
            return CANNOT_SHOW;
        }
    }
}
