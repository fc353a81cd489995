package org.openebr.report.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openebr.trust.control.CmsSigner;
import org.openebr.trust.control.InternalTimeStampAuthority;
import org.openebr.trust.control.TrustStore;

/** A document is PDF/A-3 by an independent validator, carries its files and a signature that verifies. */
class PdfATest {

    private static final Instant NOW = Instant.parse("2025-06-02T08:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void a_signed_document_with_its_record_attached_is_valid_pdf_a_3_and_its_signature_verifies() throws Exception {
        TrustStore trust = TrustStore.open(temp.resolve("keys"), "test-password".toCharArray(), CLOCK, "Example Pharma");
        byte[] json = "{\"batchId\":\"B-2026-0001\",\"name\":\"Łukasz Żółć\"}".getBytes(StandardCharsets.UTF_8);
        String xhtml = """
                <html><head><title>Batch report B-2026-0001</title><style>
                @page { size: A4; margin: 20mm 15mm;
                  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'Liberation Sans'; } }
                body { font-family: 'Liberation Sans'; font-size: 10pt; }
                </style></head><body><h1>Batch B-2026-0001</h1><p>Signed by Łukasz Żółć, 2026-12-04 11:00:00 +01:00</p>
                <p style="page-break-before: always">Second page</p></body></html>""";

        byte[] pdf = PdfA.document(xhtml, List.of(new PdfA.Attachment("record.json", "application/json",
                        "The electronic batch record", "Source", json)), NOW,
                new PdfA.Signing(TrustStore.DOCUMENT_SIGNER_NAME, "Batch record B-2026-0001", "Example Pharma", NOW,
                        bytes -> new CmsSigner(CLOCK).signDetachedTimeStamped(bytes, trust.documentSigner(),
                                new InternalTimeStampAuthority(trust.timeStampAuthority(), CLOCK))));

        assertThat(VeraPdf.failures(pdf)).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Page 1 of 2").contains("Page 2 of 2").contains("Łukasz Żółć");
            Map<String, PDComplexFileSpecification> files = document.getDocumentCatalog().getNames().getEmbeddedFiles()
                    .getNames();
            assertThat(files).containsOnlyKeys("record.json");
            assertThat(files.get("record.json").getEmbeddedFile().toByteArray()).isEqualTo(json);

            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature signature = signatures.get(0);
            assertThat(signature.getName()).isEqualTo(TrustStore.DOCUMENT_SIGNER_NAME);
            byte[] signedBytes = signature.getSignedContent(new ByteArrayInputStream(pdf));
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes), der(signature.getContents(pdf)));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
            assertThat(certificate.getSubject().toString()).contains(TrustStore.DOCUMENT_SIGNER_NAME);
            // the time-stamp token inside stamps this signature's value
            TimeStampToken token = new TimeStampToken(new CMSSignedData(signer.getUnsignedAttributes()
                    .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded()));
            assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(NOW);
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(
                    java.security.MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
            // the signature covers the whole document except its own value
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).isEqualTo(pdf.length);
        }
        // a byte changed inside the signed range: the signature no longer verifies
        byte[] tampered = Arrays.copyOf(pdf, pdf.length);
        int at = indexOf(tampered, "Batch report".getBytes(StandardCharsets.US_ASCII));
        if (at > 0) {
            tampered[at] = 'X';
        } else {
            tampered[100] ^= 1;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(
                    new ByteArrayInputStream(tampered))), der(signature.getContents(pdf)));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            assertThat(verifies(signer, certificate)).isFalse();
        }
    }

    /** The CMS as stored in /Contents: DER followed by the zeros that fill the reserved space. */
    static byte[] der(byte[] padded) throws java.io.IOException {
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(padded)) {
            return in.readObject().getEncoded("DER");
        }
    }

    private static boolean verifies(SignerInformation signer, X509CertificateHolder certificate) throws Exception {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException mismatch) {
            return false;
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
