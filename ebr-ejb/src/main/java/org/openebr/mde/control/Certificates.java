package org.openebr.mde.control;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** Certificate facts as OPC UA and people use them: the SHA-1 thumbprint (OPC UA's), PEM text. */
public final class Certificates {

    private Certificates() {
    }

    /** The certificate's SHA-1 thumbprint in lower-case hex, as OPC UA identifies certificates. */
    public static String thumbprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String thumbprint(X509Certificate certificate) {
        return thumbprint(der(certificate));
    }

    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    public static byte[] fromPem(String pem) {
        String body = pem.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /** Subject, validity and thumbprint, the way an administrator checks a certificate against the machine's. */
    public static String describe(X509Certificate c) {
        return c.getSubjectX500Principal().getName() + ", valid " + c.getNotBefore().toInstant() + " to "
                + c.getNotAfter().toInstant() + ", SHA-1 thumbprint " + thumbprint(c);
    }
}
