package org.openebr.report.control;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Archival PDF documents (ISO 19005-3, PDF/A-3u): XHTML laid out by openhtmltopdf, its one font
 * embedded, an sRGB output intent; files attached as PDF/A-3 associated files (the electronic record
 * itself as JSON and XML, so that the document carries its own data); and the whole signed with a
 * PDF signature that readers show (CMS, the signer's chain and a time-stamp token inside).
 */
public final class PdfA {

    /** Liberation Sans (SIL Open Font License), shipped inside the PDFBox jar; covers Latin, Greek and Cyrillic. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    public static final String FONT_FAMILY = "Liberation Sans";

    /**
     * A file carried inside the PDF.
     *
     * @param relationship how it relates to the document (PDF/A-3 AFRelationship): Source, Data, Alternative, Supplement
     */
    public record Attachment(String fileName, String mimeType, String description, String relationship, byte[] content) {
    }

    /** Makes the CMS signature over the bytes a PDF signature covers. */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(byte[] signedBytes);
    }

    /** Who signs the document and why, as a reader's signature panel shows it. */
    public record Signing(String name, String reason, String location, Instant at, Signer signer) {
    }

    private PdfA() {
    }

    /** The XHTML as a PDF/A-3u document with the attachments, signed. */
    public static byte[] document(String xhtml, List<Attachment> attachments, Instant at, Signing signing) {
        return sign(attach(render(xhtml), attachments, at), signing);
    }

    /** The XHTML laid out as PDF/A-3u (no attachments, unsigned). */
    public static byte[] render(String xhtml) {
        return render(xhtml, true);
    }

    /**
     * The XHTML laid out, as PDF/A-3u or as a plain PDF (the same layout and font without the archival
     * profile: what {@code bin/ebr benchmark-report} compares the archival document against).
     */
    public static byte[] render(String xhtml, boolean archival) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(PdfA::font, FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            if (archival) {
                builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
                builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            }
            builder.withProducer("OpenEBR");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be laid out", e);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        InputStream ttf = PDDocument.class.getResourceAsStream(FONT);
        if (ttf == null) {
            throw new IllegalStateException("PDFBox no longer ships " + FONT + "; bundle a font for the reports");
        }
        return ttf;
    }

    /** Adds the files as PDF/A-3 associated files of the document (catalog /AF and the embedded files name tree). */
    static byte[] attach(byte[] pdf, List<Attachment> attachments, Instant at) {
        if (attachments.isEmpty()) {
            return pdf;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
            COSArray associated = new COSArray();
            for (Attachment a : attachments) {
                PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(a.content()));
                embedded.setSubtype(a.mimeType());
                embedded.setSize(a.content().length);
                embedded.setCreationDate(calendar(at));
                embedded.setModDate(calendar(at));
                PDComplexFileSpecification file = new PDComplexFileSpecification();
                file.setFile(a.fileName());
                file.setFileUnicode(a.fileName());
                file.setFileDescription(a.description());
                file.setEmbeddedFile(embedded);
                file.setEmbeddedFileUnicode(embedded);
                file.getCOSObject().setName(COSName.getPDFName("AFRelationship"), a.relationship());
                files.put(a.fileName(), file);
                associated.add(file);
            }
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(files);
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
            names.setEmbeddedFiles(tree);
            catalog.setNames(names);
            catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the record could not be attached to the report", e);
        }
    }

    /**
     * Signs the document with an invisible signature field (readers list it in their signature panel),
     * appended as an incremental update: the signed bytes stay exactly as they were.
     */
    static byte[] sign(byte[] pdf, Signing signing) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(signing.name());
            signature.setReason(signing.reason());
            signature.setLocation(signing.location());
            signature.setSignDate(calendar(signing.at()));
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(32_768);
                document.addSignature(signature, content -> signing.signer().sign(content.readAllBytes()), options);
                // PDF/A: every annotation, the signature's widget too, is printed
                PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
                if (form != null) {
                    for (PDField field : form.getFields()) {
                        if (field instanceof PDSignatureField signatureField) {
                            signatureField.getWidgets().forEach(widget -> widget.setPrinted(true));
                        }
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be signed", e);
        }
    }

    private static Calendar calendar(Instant at) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(at.toEpochMilli());
        return calendar;
    }
}
