package org.openebr.mde.control;

import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;

/**
 * Accepts exactly the server certificate an administrator trusted (its SHA-1 thumbprint), and nothing
 * else: never Milo's accept-everything default. Checked when the secure channel opens, after the
 * endpoint's certificate was already compared: a server that swaps its certificate is refused.
 */
final class PinnedCertificateValidator implements CertificateValidator {

    private final String trustedThumbprint;

    PinnedCertificateValidator(String trustedThumbprint) {
        this.trustedThumbprint = trustedThumbprint;
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String[] validHostnames)
            throws UaException {
        if (chain == null || chain.isEmpty()) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "the server sent no certificate");
        }
        X509Certificate certificate = chain.get(0);
        if (trustedThumbprint == null || !trustedThumbprint.equals(Certificates.thumbprint(certificate))) {
            throw new UaException(StatusCodes.Bad_CertificateUntrusted, "server certificate "
                    + Certificates.thumbprint(certificate) + " is not the trusted one");
        }
        try {
            certificate.checkValidity();
        } catch (java.security.cert.CertificateException e) {
            throw new UaException(StatusCodes.Bad_CertificateTimeInvalid, "the trusted server certificate is out of its"
                    + " validity period: " + e.getMessage());
        }
    }
}
