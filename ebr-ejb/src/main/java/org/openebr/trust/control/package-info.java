/**
 * Plain Java cryptography (BouncyCastle signs, the JDK digests and encrypts): the PKCS#12 {@link
 * org.openebr.trust.control.TrustStore}, which also issues users' signing credentials and keeps their
 * keys encrypted, the {@link org.openebr.trust.control.TimeStampAuthority} port with its internal and
 * HTTP implementations, the {@link org.openebr.trust.control.CmsSigner} and the {@link
 * org.openebr.trust.control.TrustVerifier} that needs nothing but the CA certificate.
 */
package org.openebr.trust.control;
