package org.openebr.trust.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The AES-256 key that encrypts users' private keys for storage in the database. It lives in the
 * key store, never in the database, so a copy of the database alone signs nothing.
 *
 * <p>A wrapped key is {@code IV (12 bytes) || AES-GCM ciphertext || tag (16 bytes)}, by the Java
 * runtime's AES-GCM (javax.crypto). The caller's associated data (the certificate's digest) is
 * authenticated with it: a wrapped key moved onto another certificate, or altered in any bit, is
 * refused.
 */
final class KeyEncryptionKey {

    private static final String ALGORITHM = "AES";
    private static final int KEY_BITS = 256;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;

    KeyEncryptionKey(SecretKey key) {
        if (!ALGORITHM.equalsIgnoreCase(key.getAlgorithm()) || key.getEncoded().length * 8 != KEY_BITS) {
            throw new IllegalArgumentException("the key-encryption key must be AES-256, not " + key.getAlgorithm()
                    + " of " + key.getEncoded().length * 8 + " bits");
        }
        this.key = key;
    }

    static SecretKey generate() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(ALGORITHM);
            generator.init(KEY_BITS, Crypto.random());
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-256", e);
        }
    }

    byte[] wrap(byte[] plaintext, byte[] associatedData) {
        // NIST SP 800-38D allows 2^32 random IVs under one key: far more keys than an installation has users
        byte[] iv = new byte[IV_BYTES];
        Crypto.random().nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot encrypt with AES-GCM", e);
        }
    }

    /**
     * @throws AEADBadTagException if {@code wrapped} was altered, or made for other associated data or
     *         under another key
     */
    byte[] unwrap(byte[] wrapped, byte[] associatedData) throws AEADBadTagException {
        if (wrapped.length < IV_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("only " + wrapped.length + " bytes, too short for IV and tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, IV_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot decrypt with AES-GCM", e);
        }
    }

    @Override
    public String toString() {
        // never print the key
        return "KeyEncryptionKey[AES-256]";
    }
}
