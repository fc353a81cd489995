/**
 * Plain Java cryptography (BouncyCastle signs, the JDK digests): the PKCS#12 {@link
 * org.openebr.trust.control.TrustStore}, the {@link org.openebr.trust.control.TimeStampAuthority}
 * port with its internal and HTTP implementations, the {@link org.openebr.trust.control.CmsSigner}
 * and the {@link org.openebr.trust.control.TrustVerifier} that needs nothing but the CA certificate.
 */
package org.openebr.trust.control;
