package org.openebr.trust.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The system's keys, in one password-protected PKCS#12 file {@value #KEY_STORE_FILE} in the key
 * directory: the internal CA, the time-stamp authority and the audit checkpoint signer, each an
 * ECDSA P-256 key with its certificate chain.
 *
 * <p>The first {@link #open} of an empty directory creates the CA and the two end entities; later
 * opens read the same keys back, so every signature ever made stays verifiable with one CA
 * certificate. Next to the key store lies {@value #CA_CERTIFICATE_FILE}, the CA certificate in PEM,
 * for inspectors and {@code openssl}; it holds no secret.
 */
public final class TrustStore {

    public static final String KEY_STORE_FILE = "openebr-trust.p12";
    public static final String CA_CERTIFICATE_FILE = "ca.pem";

    static final String CA_ALIAS = "internal-ca";
    static final String TIME_STAMP_AUTHORITY_ALIAS = "time-stamp-authority";
    static final String CHECKPOINT_SIGNER_ALIAS = "audit-checkpoint-signer";
    static final String TIME_STAMP_AUTHORITY_NAME = "OpenEBR Time-Stamp Authority";
    public static final String CHECKPOINT_SIGNER_NAME = "OpenEBR Audit Checkpoint Signer";

    private static final String KEY_STORE_TYPE = "PKCS12";

    private final CertificateAuthority authority;
    private final SigningIdentity timeStampAuthority;
    private final SigningIdentity checkpointSigner;

    private TrustStore(CertificateAuthority authority, SigningIdentity timeStampAuthority,
            SigningIdentity checkpointSigner) {
        this.authority = authority;
        this.timeStampAuthority = timeStampAuthority;
        this.checkpointSigner = checkpointSigner;
    }

    /**
     * Opens the key store in {@code directory}, creating directory, keys and certificates on first
     * use. The {@code installationName} (the O= of every certificate) only matters then: an existing
     * CA keeps the name it was created with.
     *
     * @throws TrustStoreUnavailable if the store cannot be created or read, e.g. a wrong password
     */
    public static TrustStore open(Path directory, char[] password, Clock clock, String installationName) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clock, "clock");
        if (installationName == null || installationName.isBlank()) {
            throw new IllegalArgumentException("the installation name (O= of the certificates) is required");
        }
        createPrivateDirectory(directory);
        Path file = directory.resolve(KEY_STORE_FILE);
        if (Files.notExists(file)) {
            create(file, password, clock, installationName);
        }
        // read back even right after creating it, so the keys in memory are always those on disk
        TrustStore store = load(file, password, clock);
        store.writeCaCertificate(directory.resolve(CA_CERTIFICATE_FILE));
        return store;
    }

    public X509Certificate caCertificate() {
        return authority.certificate();
    }

    /** The key of the internal time-stamp authority (extended key usage: timeStamping only). */
    public SigningIdentity timeStampAuthority() {
        return timeStampAuthority;
    }

    /** The key that signs the audit trail's checkpoints. */
    public SigningIdentity checkpointSigner() {
        return checkpointSigner;
    }

    private static void create(Path file, char[] password, Clock clock, String installationName) {
        CertificateAuthority authority = CertificateAuthority.createRoot(installationName, clock);
        SigningIdentity timeStampAuthority = authority.issueEndEntity(TIME_STAMP_AUTHORITY_NAME,
                CertificateProfile.TIME_STAMPING);
        SigningIdentity checkpointSigner = authority.issueEndEntity(CHECKPOINT_SIGNER_NAME,
                CertificateProfile.CHECKPOINT_SIGNING);
        try {
            KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE);
            store.load(null, null);
            put(store, CA_ALIAS, authority.identity(), password);
            put(store, TIME_STAMP_AUTHORITY_ALIAS, timeStampAuthority, password);
            put(store, CHECKPOINT_SIGNER_ALIAS, checkpointSigner, password);
            // written next to the target, flushed to disk and moved in one step: a crash never leaves
            // half a key store, and the CA key is never lost once the file is in place
            Path temporary = Files.createTempFile(file.getParent(), KEY_STORE_FILE, ".tmp",
                    permissions("rw-------", file));
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    store.store(Channels.newOutputStream(channel), password);
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new TrustStoreUnavailable("The key store " + file + " cannot be created: the file system "
                    + "cannot replace files atomically", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new TrustStoreUnavailable("The key store " + file + " cannot be created: " + e.getMessage(), e);
        }
    }

    private static void put(KeyStore store, String alias, SigningIdentity identity, char[] password)
            throws GeneralSecurityException {
        store.setKeyEntry(alias, identity.key(), password, identity.chain().toArray(new Certificate[0]));
    }

    private static TrustStore load(Path file, char[] password, Clock clock) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance(KEY_STORE_TYPE);
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new TrustStoreUnavailable("The key store " + file + " cannot be opened: the password is wrong "
                        + "(or the file is damaged)", e);
            }
            throw new TrustStoreUnavailable("The key store " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TrustStoreUnavailable("The key store " + file + " cannot be read: " + e.getMessage(), e);
        }
        SigningIdentity ca = identity(store, CA_ALIAS, file, password);
        return new TrustStore(new CertificateAuthority(ca, clock),
                identity(store, TIME_STAMP_AUTHORITY_ALIAS, file, password),
                identity(store, CHECKPOINT_SIGNER_ALIAS, file, password));
    }

    private static SigningIdentity identity(KeyStore store, String alias, Path file, char[] password) {
        try {
            Key key = store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(key instanceof PrivateKey) || chain == null) {
                throw new TrustStoreUnavailable("The key store " + file + " has no key entry '" + alias
                        + "': it was not made by OpenEBR or has been altered");
            }
            List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
            return new SigningIdentity((PrivateKey) key, certificates.get(0), certificates);
        } catch (GeneralSecurityException e) {
            throw new TrustStoreUnavailable("The key '" + alias + "' in " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes ca.pem when it is missing, or when it no longer holds this store's CA (e.g. left over
     * from a replaced key store): inspectors must never be handed the wrong anchor.
     */
    private void writeCaCertificate(Path pemFile) {
        try {
            String pem = pem(caCertificate());
            if (Files.exists(pemFile) && Files.readString(pemFile, StandardCharsets.US_ASCII).equals(pem)) {
                return;
            }
            // public, unlike the key store: anyone allowed into the directory may copy it
            Path temporary = Files.createTempFile(pemFile.getParent(), CA_CERTIFICATE_FILE, ".tmp",
                    permissions("rw-r--r--", pemFile));
            try {
                Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
                Files.move(temporary, pemFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | CertificateEncodingException e) {
            throw new TrustStoreUnavailable("The CA certificate " + pemFile + " cannot be written: "
                    + e.getMessage(), e);
        }
    }

    static String pem(X509Certificate certificate) throws CertificateEncodingException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    }

    /**
     * Creates the directory accessible to the server's account only, where the file system allows.
     * An existing directory is left as it is: its permissions are the administrator's decision.
     */
    private static void createPrivateDirectory(Path directory) {
        try {
            if (Files.notExists(directory)) {
                Files.createDirectories(directory, permissions("rwx------", directory));
            }
        } catch (IOException e) {
            throw new TrustStoreUnavailable("The key directory " + directory + " cannot be created: "
                    + e.getMessage(), e);
        }
    }

    /** POSIX permissions for a new file or directory, or none where the file system has no such thing. */
    private static FileAttribute<?>[] permissions(String permissions, Path path) {
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }
}
