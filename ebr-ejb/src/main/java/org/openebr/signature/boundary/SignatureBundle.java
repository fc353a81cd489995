package org.openebr.signature.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openebr.signature.entity.ElectronicSignature;
import org.openebr.signature.entity.SigningCredential;
import org.openebr.trust.control.Pem;

/**
 * The offline verification bundle of one signature: everything an inspector needs to check it
 * with openssl, without OpenEBR: the signed content ({@code record.json}, canonical JSON), the
 * detached CMS signature ({@code signature.p7s}, DER), the signature value the time stamp covers
 * ({@code signature-value.bin}), the RFC 3161 time-stamp response ({@code timestamp.tsr}), the CA
 * certificate ({@code ca.pem}; plus {@code tsa-ca.pem} when an external time-stamp authority is
 * used), the signer's certificate and a README with the commands.
 */
final class SignatureBundle {

    private SignatureBundle() {
    }

    /** The bundle's files by name, in the order they are written. */
    static java.util.Map<String, byte[]> files(ElectronicSignature signature, SigningCredential credential,
                                              X509Certificate ca, java.util.List<X509Certificate> timeStampCas) {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("record.json", signature.signedContent());
        files.put("signature.p7s", signature.cms());
        files.put("signature-value.bin", signature.signatureValue());
        files.put("timestamp.tsr", signature.timeStamp());
        files.put("ca.pem", pem(ca));
        // with an external time-stamp authority: every trusted TSA CA, whichever of them stamped this signature
        boolean externalTsa = !timeStampCas.equals(java.util.List.of(ca));
        if (externalTsa) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (X509Certificate tsaCa : timeStampCas) {
                all.writeBytes(pem(tsaCa));
            }
            files.put("tsa-ca.pem", all.toByteArray());
        }
        files.put("signer.pem", pem(Signatures.certificateOf(credential)));
        files.put("README.txt", readme(signature, externalTsa).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static byte[] zip(java.util.Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (java.util.Map.Entry<String, byte[]> file : files.entrySet()) {
                add(zip, file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the signature bundle failed", e);
        }
        return bytes.toByteArray();
    }

    private static String readme(ElectronicSignature signature, boolean externalTsa) {
        ElectronicSignature.Facts facts = signature.facts();
        return "OpenEBR electronic signature " + facts.id() + "\n"
                + facts.signerFullName() + " (" + facts.signerUserName() + "), role " + facts.signerRole() + ", meaning "
                + facts.meaning() + ", signed " + facts.signedAt() + " (site zone " + facts.siteZone() + ")\n"
                + "Record: " + facts.recordType() + " " + facts.recordId() + "\n\n"
                + "1. The signature is over record.json, exactly these bytes (canonical JSON, RFC 8785):\n"
                + "   openssl cms -verify -binary -inform DER -in signature.p7s -content record.json -CAfile ca.pem -out /dev/null\n"
                + "2. The time stamp covers the signature value:\n"
                + "   openssl ts -verify -data signature-value.bin -in timestamp.tsr -CAfile "
                + (externalTsa ? "tsa-ca.pem" : "ca.pem") + "\n"
                + "3. signature-value.bin is the signature inside signature.p7s:\n"
                + "   openssl cms -cmsout -print -inform DER -in signature.p7s   (see signature: under signerInfos)\n"
                + "Obtain ca.pem from a trusted source (the installation's administrator), not only from this bundle.\n";
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] pem(X509Certificate certificate) {
        return Pem.of(certificate).getBytes(StandardCharsets.US_ASCII);
    }
}
