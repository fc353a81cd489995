package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;

/** The signature of a PDF the server signed, checked as an inspector would: extracted, and verified by openssl. */
final class PdfSignature {

    private PdfSignature() {
    }

    /**
     * The document's (first) signature verifies with openssl against the installation's CA certificate, covers
     * what it says it covers, and carries a time-stamp token; the signer is the installation's document signer.
     */
    static void verifiesWithOpenssl(PDDocument document, byte[] pdf, String caPem) throws Exception {
        PDSignature signature = document.getSignatureDictionaries().get(0);
        Path signed = Files.createTempFile("ebr-pdf", ".bin");
        Path cms = Files.createTempFile("ebr-pdf", ".p7s");
        Path ca = Files.createTempFile("ebr-ca", ".pem");
        Files.write(signed, signature.getSignedContent(pdf));
        try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
            Files.write(cms, in.readObject().getEncoded("DER"));
        }
        Files.writeString(ca, caPem);
        Openssl.verifies("cms", "-verify", "-binary", "-inform", "DER", "-in", cms.toString(), "-content",
                signed.toString(), "-CAfile", ca.toString(), "-out", "/dev/null");
        assertThat(Openssl.run("cms", "-cmsout", "-print", "-inform", "DER", "-in", cms.toString()).output())
                .contains("id-smime-aa-timeStampToken").contains("OpenEBR Document Signer");
    }
}
