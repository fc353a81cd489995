package org.openebr.labeling.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.LabelContent;

/**
 * A container label as a one-page PDF of 100 x 70 mm (a common thermal label): the GS1 DataMatrix
 * on the left with the code in human-readable form under it, the material, lot, supplier lot,
 * quantity, dates and status on the right, who printed it when at the foot.
 *
 * <p>The DataMatrix is made by ZXing with FNC1 in first position (so a scanner reports {@code ]d2},
 * a GS1 DataMatrix) and FNC1 after the variable-length lot; it is embedded as a lossless 1-bit image
 * with 8 pixels per module and a quiet zone of two modules, so it prints sharp at any size. A
 * material without a GTIN, or an id GS1 cannot carry, gets a plain DataMatrix of the container id,
 * which the scan service reads as an id.
 */
public final class ContainerLabelPdf {

    private static final float MM = 72 / 25.4f;
    private static final PDRectangle LABEL = new PDRectangle(100 * MM, 70 * MM);
    private static final float MARGIN = 4 * MM;
    private static final float SYMBOL_SIZE = 30 * MM;
    private static final int PIXELS_PER_MODULE = 8;
    private static final int QUIET_ZONE_MODULES = 2;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private ContainerLabelPdf() {
    }

    /** The GS1 code the label encodes, or {@code null} when it encodes the plain container id. */
    public static Gs1Code gs1(LabelContent label) {
        if (!Gs1Codec.validGtin(label.gtin()) || !Gs1Codec.encodable(label.lotId())
                || !Gs1Codec.encodable(label.containerId())) {
            return null;
        }
        return new Gs1Code(label.gtin(), label.lotId(), label.expiry(), label.containerId());
    }

    /** Exactly the data in the DataMatrix: the GS1 element string (GS between elements), or the container id. */
    public static String encodedData(LabelContent label) {
        Gs1Code code = gs1(label);
        return code == null ? label.containerId() : Gs1Codec.elementString(code);
    }

    public static byte[] render(LabelContent label, ZoneId zone) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Container label " + label.containerId());
            info.setCreator("OpenEBR");
            PDPage page = new PDPage(LABEL);
            document.addPage(page);
            TrueTypeFont source;
            try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
                if (ttf == null) {
                    throw new IllegalStateException("PDFBox no longer ships " + FONT + "; bundle a font for labels");
                }
                source = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
            }
            try (source) {
                source.setEnableGsub(false); // Latin text needs no ligatures (see the audit export's font)
                PDType0Font font = PDType0Font.load(document, source, true);
                Gs1Code code = gs1(label);
                PDImageXObject symbol = LosslessFactory.createFromImage(document, dataMatrix(encodedData(label), code != null));
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    new Layout(content, font).draw(label, code, symbol, zone);
                }
                ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                document.save(pdf);
                return pdf.toByteArray();
            }
        } catch (IOException e) {
            // Everything is in memory: an IOException here is a defect, not a condition to handle.
            throw new UncheckedIOException("the container label could not be written", e);
        }
    }

    /** The DataMatrix as a 1-bit image: black modules, white background and quiet zone. */
    static BufferedImage dataMatrix(String data, boolean gs1) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
        // ZXing writes FNC1 only through its minimal ("compact") encoder, where GS in the data
        // becomes FNC1 and GS1_FORMAT adds the FNC1 in first position.
        hints.put(EncodeHintType.DATA_MATRIX_COMPACT, Boolean.TRUE);
        hints.put(EncodeHintType.GS1_FORMAT, gs1);
        BitMatrix modules = new DataMatrixWriter().encode(data, BarcodeFormat.DATA_MATRIX, 0, 0, hints);
        int quiet = QUIET_ZONE_MODULES * PIXELS_PER_MODULE;
        int width = modules.getWidth() * PIXELS_PER_MODULE + 2 * quiet;
        int height = modules.getHeight() * PIXELS_PER_MODULE + 2 * quiet;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int mx = (x - quiet) / PIXELS_PER_MODULE;
                int my = (y - quiet) / PIXELS_PER_MODULE;
                boolean inside = x >= quiet && y >= quiet && mx < modules.getWidth() && my < modules.getHeight();
                image.setRGB(x, y, inside && modules.get(mx, my) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }

    /** Writes the page; positions in points from the bottom left. */
    private static final class Layout {
        private final PDPageContentStream content;
        private final PDType0Font font;

        Layout(PDPageContentStream content, PDType0Font font) {
            this.content = content;
            this.font = font;
        }

        void draw(LabelContent label, Gs1Code code, PDImageXObject symbol, ZoneId zone) throws IOException {
            float top = LABEL.getHeight() - MARGIN;
            float symbolTop = top - 6;
            content.drawImage(symbol, MARGIN, symbolTop - SYMBOL_SIZE, SYMBOL_SIZE, SYMBOL_SIZE);
            float under = symbolTop - SYMBOL_SIZE - 8;
            if (code != null) {
                under = lines(MARGIN, under, SYMBOL_SIZE, 5.5f, 7f,
                        "(01) " + code.gtin(),
                        code.expiry() == null ? null : "(17) " + Gs1Codec.yymmdd(code.expiry()),
                        "(10) " + code.lot(),
                        "(21) " + code.serial());
            } else {
                under = lines(MARGIN, under, SYMBOL_SIZE, 6, 7.5f, label.containerId(), "no GTIN: OpenEBR id only");
            }

            float x = MARGIN + SYMBOL_SIZE + 4 * MM;
            float width = LABEL.getWidth() - x - MARGIN;
            float y = top - 9;
            y = line(x, y, width, 10.5f, label.materialName(), 13);
            y = line(x, y, width, 8, "Material " + label.materialNumber(), 11);
            y = line(x, y, width, 8, "Lot " + label.lotId(), 11);
            if (label.supplierLot() != null || label.supplier() != null) {
                y = line(x, y, width, 7, "Supplier lot " + orDash(label.supplierLot()), 9.5f);
                y = line(x, y, width, 7, "Supplier " + orDash(label.supplier()), 11);
            }
            y = line(x, y, width, 8, "Quantity " + quantity(label.quantity()) + " " + label.unit(), 11);
            y = line(x, y, width, 8, "Expiry " + day(label.expiry())
                    + (label.retest() == null ? "" : "   Retest " + day(label.retest())), 11);
            y = line(x, y, width, 7, "Container " + label.containerId(), 10);
            statusBox(x, y - 3, width, label.status());

            float foot = MARGIN;
            String printed = "Printed " + PRINTED.format(label.printedAt().atZone(zone)) + " by " + label.printedBy();
            text(MARGIN, foot, 6, fit(printed, LABEL.getWidth() - 2 * MARGIN, 6));
            if (under < foot + 8) {
                throw new IllegalStateException("label layout overflow: " + under);
            }
        }

        private void statusBox(float x, float top, float width, String status) throws IOException {
            float size = 11;
            float height = size + 6;
            content.setLineWidth(1.2f);
            content.addRect(x, top - height, width, height);
            content.stroke();
            String shown = fit("Status: " + status, width - 6, size);
            text(x + 3, top - height + 5, size, shown);
        }

        private float lines(float x, float y, float width, float size, float leading, String... texts) throws IOException {
            for (String text : texts) {
                if (text != null) {
                    text(x, y, size, fit(text, width, size));
                    y -= leading;
                }
            }
            return y;
        }

        private float line(float x, float y, float width, float size, String text, float leading) throws IOException {
            text(x, y, size, fit(text, width, size));
            return y - leading;
        }

        private void text(float x, float y, float size, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        /** The text as it can be printed in the width: unknown glyphs as '?', cut with "..." when too long. */
        private String fit(String text, float width, float size) throws IOException {
            StringBuilder printable = new StringBuilder();
            text.codePoints().forEach(c -> printable.appendCodePoint(Character.isISOControl(c) || !hasGlyph(c) ? '?' : c));
            String shown = printable.toString();
            if (widthOf(shown, size) <= width) {
                return shown;
            }
            while (!shown.isEmpty() && widthOf(shown + "...", size) > width) {
                shown = shown.substring(0, shown.length() - 1);
            }
            return shown + "...";
        }

        private boolean hasGlyph(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException noGlyph) {
                // PDFBox's only answer to "no glyph for this character": the label prints '?' instead.
                return false;
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }

        private float widthOf(String text, float size) throws IOException {
            return font.getStringWidth(text) * size / 1000;
        }
    }

    private static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static String day(LocalDate date) {
        return date == null ? "-" : DAY.format(date);
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
