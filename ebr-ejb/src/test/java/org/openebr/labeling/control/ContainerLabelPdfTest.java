package org.openebr.labeling.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.LabelContent;

/** The label's DataMatrix is decoded back from the PDF by ZXing's reader, as a scanner would read it. */
class ContainerLabelPdfTest {

    private static final ZoneId SITE = ZoneId.of("Europe/Berlin");
    private static final LabelContent DEMOPROFEN = new LabelContent("C-2026-000123-01", "RM-DEMOPROFEN", "Demoprofen (API)",
            "04012345000016", "L-2026-000123", "Synthex Fine Chemicals GmbH", "DP2311-0457", new BigDecimal("500.00"), "g",
            LocalDate.of(2028, 11, 30), LocalDate.of(2026, 11, 30), "QUARANTINE", "warehouse1",
            Instant.parse("2026-12-03T15:04:00Z"));

    @Test
    void theDataMatrixDecodesToTheGs1CodeOfTheContainer() throws Exception {
        byte[] pdf = ContainerLabelPdf.render(DEMOPROFEN, SITE);

        Result decoded = decode(onlyImage(pdf));

        assertThat(decoded.getBarcodeFormat()).isEqualTo(BarcodeFormat.DATA_MATRIX);
        // ]d2: FNC1 in first position, a GS1 DataMatrix; the FNC1 after the lot comes back as GS.
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]d2");
        // ZXing's reader gives FNC1 in first position as GS too; a scanner sends ]d2 instead.
        assertThat(decoded.getText().chars().toArray()).isEqualTo((Gs1Codec.GS + "0104012345000016" + "17281130" + "10L-2026-000123" + Gs1Codec.GS
                + "21C-2026-000123-01").chars().toArray());
        assertThat(new Gs1Codec(LocalDate.of(2026, 12, 3)).parseElementString(decoded.getText()))
                .isEqualTo(new Gs1Code("04012345000016", "L-2026-000123", LocalDate.of(2028, 11, 30), "C-2026-000123-01"));
    }

    @Test
    void thePrintedPageScansToo() throws Exception {
        byte[] pdf = ContainerLabelPdf.render(DEMOPROFEN, SITE);

        // The whole label at a thermal printer's 203 dpi, text and all, as a scanner sees it.
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 203, ImageType.GRAY);
        }
        // A scanner is aimed at the symbol: the label's top left 40 x 42 mm, the text beside and under it included.
        BufferedImage aimed = page.getSubimage(0, 0, page.getWidth() * 40 / 100, page.getHeight() * 60 / 100);
        Result decoded = new DataMatrixReader().decode(bitmap(aimed), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

        assertThat(decoded.getText()).isEqualTo(Gs1Codec.GS + ContainerLabelPdf.encodedData(DEMOPROFEN));
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]d2");
    }

    @Test
    void theTextSaysWhatTheCodeHoldsAndMore() throws Exception {
        String text = text(ContainerLabelPdf.render(DEMOPROFEN, SITE));

        assertThat(text).contains("Demoprofen (API)", "Material RM-DEMOPROFEN", "Lot L-2026-000123",
                "Supplier lot DP2311-0457", "Supplier Synthex Fine Chemicals GmbH", "Quantity 500 g",
                "Expiry 2028-11-30", "Retest 2026-11-30", "Container C-2026-000123-01", "Status: QUARANTINE",
                "(01) 04012345000016", "(17) 281130", "(10) L-2026-000123", "(21) C-2026-000123-01",
                "Printed 2026-12-03 16:04 CET by warehouse1");
    }

    @Test
    void aMaterialWithoutGtinGetsAPlainDataMatrixOfTheContainerId() throws Exception {
        LabelContent noGtin = new LabelContent("C-2026-000124-01", "RM-NACL", "sodium chloride Ph. Eur.", null,
                "L-2026-000124", null, null, new BigDecimal("25"), "kg", null, null, "RELEASED", "warehouse1",
                Instant.parse("2026-12-03T15:04:00Z"));
        byte[] pdf = ContainerLabelPdf.render(noGtin, SITE);

        Result decoded = decode(onlyImage(pdf));

        assertThat(decoded.getText()).isEqualTo("C-2026-000124-01");
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]d1");
        assertThat(text(pdf)).contains("no GTIN: OpenEBR id only", "Expiry -", "Status: RELEASED");
    }

    @Test
    void longTextIsCutNotLostOffTheLabelAndUnprintableCharactersShowAsQuestionMarks() throws Exception {
        LabelContent odd = new LabelContent("C-1", "RM-X", "A material name far too long for one line of a label "
                + "of one hundred millimetres", "04012345000016", "L-1", "Łukasz Żółć \u4e2d", "S\u0007", BigDecimal.ONE,
                "pcs", LocalDate.of(2027, 1, 1), null, "BLOCKED", "w", Instant.parse("2026-12-03T15:04:00Z"));

        String text = text(ContainerLabelPdf.render(odd, SITE));

        assertThat(text).contains("A material name far too long", "...", "Supplier Łukasz Żółć ?", "Supplier lot S?");
    }

    private static BufferedImage onlyImage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            List<BufferedImage> images = new ArrayList<>();
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    images.add(image.getImage());
                }
            }
            assertThat(images).hasSize(1);
            return images.get(0);
        }
    }

    private static Result decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        return new DataMatrixReader().decode(bitmap(image), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        return new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, image.getRGB(0, 0, width, height, null, 0, width))));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
