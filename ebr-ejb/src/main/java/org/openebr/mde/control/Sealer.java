package org.openebr.mde.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openebr.trust.control.Keys;

/**
 * Seals the passwords OpenEBR uses towards equipment (AES-256-GCM), so that the database and its backups
 * never hold them in clear. The key is a file of the installation's key directory (opcua-secrets.key,
 * readable by the server's user only), made on first use; losing it means re-entering the passwords,
 * nothing recorded is lost.
 */
@ApplicationScoped
public class Sealer {

    static final String KEY_FILE = "opcua-secrets.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Keys keys;

    private SecretKeySpec key;

    public String seal(String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public String unseal(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring("v1:".length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the sealed password cannot be opened with " + KEY_FILE
                    + " of the key directory (restored from another installation?): enter the password again", e);
        }
    }

    private synchronized SecretKeySpec key() {
        if (key == null) {
            Path file = keys.keyDir().resolve(KEY_FILE);
            try {
                if (Files.notExists(file)) {
                    Files.createDirectories(file.getParent());
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    Files.write(file, fresh, StandardOpenOption.CREATE_NEW);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // the key directory's own protection applies
                    }
                }
                key = new SecretKeySpec(Files.readAllBytes(file), "AES");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read or create " + file, e);
            }
        }
        return key;
    }
}
