package org.openebr.trust.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * The system's keys, in one password-protected PKCS#12 file {@value #KEY_STORE_FILE} in the key
 * directory: the internal CA, the time-stamp authority and the audit checkpoint signer, each an
 * ECDSA P-256 key with its certificate chain, and the AES-256 key-encryption key that protects the
 * users' signing keys kept in the database.
 *
 * <p>The first {@link #open} of an empty directory creates all four; later opens read the same keys
 * back, so every signature ever made stays verifiable with one CA certificate, and every stored user
 * key stays usable. A key store made before electronic signatures gets its key-encryption key on
 * its next open. Next to the key store lies {@value #CA_CERTIFICATE_FILE}, the CA certificate in
 * PEM, for inspectors and {@code openssl}; it holds no secret.
 */
public final class TrustStore {

    public static final String KEY_STORE_FILE = "openebr-trust.p12";
    public static final String CA_CERTIFICATE_FILE = "ca.pem";
    /** Held while the key store is created or completed, by whichever server of a cluster does it. */
    static final String LOCK_FILE = ".openebr-trust.lock";

    static final String CA_ALIAS = "internal-ca";
    static final String TIME_STAMP_AUTHORITY_ALIAS = "time-stamp-authority";
    static final String CHECKPOINT_SIGNER_ALIAS = "audit-checkpoint-signer";
    static final String DOCUMENT_SIGNER_ALIAS = "document-signer";
    static final String KEY_ENCRYPTION_KEY_ALIAS = "signature-key-encryption";
    static final String TIME_STAMP_AUTHORITY_NAME = "OpenEBR Time-Stamp Authority";
    public static final String CHECKPOINT_SIGNER_NAME = "OpenEBR Audit Checkpoint Signer";
    public static final String DOCUMENT_SIGNER_NAME = "OpenEBR Document Signer";

    private static final String KEY_STORE_TYPE = "PKCS12";
    private static final List<String> SYSTEM_NAMES =
            List.of(CertificateAuthority.CA_NAME, TIME_STAMP_AUTHORITY_NAME, CHECKPOINT_SIGNER_NAME, DOCUMENT_SIGNER_NAME);

    private final CertificateAuthority authority;
    private final SigningIdentity timeStampAuthority;
    private final SigningIdentity checkpointSigner;
    private final SigningIdentity documentSigner;
    private final KeyEncryptionKey keyEncryptionKey;
    private final Clock clock;

    private TrustStore(CertificateAuthority authority, SigningIdentity timeStampAuthority,
            SigningIdentity checkpointSigner, SigningIdentity documentSigner, KeyEncryptionKey keyEncryptionKey,
            Clock clock) {
        this.authority = authority;
        this.timeStampAuthority = timeStampAuthority;
        this.checkpointSigner = checkpointSigner;
        this.documentSigner = documentSigner;
        this.keyEncryptionKey = keyEncryptionKey;
        this.clock = clock;
    }

    /**
     * Opens the key store in {@code directory}, creating directory, keys and certificates on first
     * use, and adding the key-encryption key to a key store that lacks it. The {@code
     * installationName} (the O= of every certificate) only matters on creation: an existing CA keeps
     * the name it was created with.
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
        // the usual case writes nothing, so a read-only key directory keeps working
        KeyStore keys = Files.exists(file) ? read(file, password) : null;
        if (keys == null || !contains(keys, KEY_ENCRYPTION_KEY_ALIAS, file) || !contains(keys, DOCUMENT_SIGNER_ALIAS, file)) {
            keys = createOrComplete(directory, password, clock, installationName);
        }
        TrustStore store = new TrustStore(new CertificateAuthority(identity(keys, CA_ALIAS, file, password), clock),
                identity(keys, TIME_STAMP_AUTHORITY_ALIAS, file, password),
                identity(keys, CHECKPOINT_SIGNER_ALIAS, file, password),
                identity(keys, DOCUMENT_SIGNER_ALIAS, file, password),
                keyEncryptionKey(keys, file, password), clock);
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

    /** The installation's key that signs the documents it issues (batch reports as PDF signatures). */
    public SigningIdentity documentSigner() {
        return documentSigner;
    }

    /**
     * A new credential for a person whose identity has been verified: an ECDSA P-256 key pair, a
     * three-year certificate from the internal CA ("CN=printedName, UID=userId, O=installation",
     * digitalSignature and nonRepudiation, no extended key usage) and the private key wrapped for the
     * database. The private key is returned encrypted only; {@link #unwrapUserIdentity} decrypts it
     * when the user signs.
     *
     * <p>The wrapped key is the PKCS#8 key encrypted with AES-256-GCM under the key-encryption key,
     * with SHA-256 of the certificate as associated data: it only ever unwraps with this certificate.
     *
     * @throws IllegalArgumentException if the user id or printed name is blank, or the printed name is
     *         that of one of the system's own keys
     */
    public UserSigningCredential issueUserCredential(String userId, String printedName) {
        if (userId == null || userId.isBlank() || printedName == null || printedName.isBlank()) {
            throw new IllegalArgumentException("a signing credential needs the user's id and printed name");
        }
        // Refused rather than prefixed: the audit trail accepts checkpoint signatures by their CN, and
        // a person's printed name must appear exactly as the signature manifests it (21 CFR 11.50).
        // Compared ignoring case, spacing and Unicode compatibility forms, so such variants are refused too.
        if (SYSTEM_NAMES.stream().anyMatch(name -> comparable(name).equals(comparable(printedName)))) {
            throw new IllegalArgumentException("'" + printedName + "' is the name of one of OpenEBR's own keys "
                    + "and cannot be a person's printed name");
        }
        KeyPair keys = Crypto.newKeyPair();
        X509Certificate certificate = authority.issueUserCertificate(userId, printedName, keys.getPublic());
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        try {
            return new UserSigningCredential(certificate, keyEncryptionKey.wrap(pkcs8, associatedData(certificate)));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * The identity to sign with now, from a credential {@link #issueUserCredential} made: the
     * decrypted key, its certificate and the chain up to the CA.
     *
     * @throws CredentialUnusable if the certificate is not this CA's or is not valid now, or the
     *         wrapped key was altered, belongs to another certificate or to another key store
     */
    public SigningIdentity unwrapUserIdentity(X509Certificate certificate, byte[] wrappedPrivateKey) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(wrappedPrivateKey, "wrappedPrivateKey");
        String subject = certificate.getSubjectX500Principal().getName();
        if (!authority.issued(certificate)) {
            throw new CredentialUnusable("The certificate of " + subject + " was not issued by this installation's CA");
        }
        Instant now = clock.instant();
        try {
            // a signature by an expired certificate would not verify: refuse before signing, not after
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new CredentialUnusable("The certificate of " + subject + " is not valid at " + now + " (valid from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                    + "): the user needs a new signing credential", e);
        }
        byte[] pkcs8;
        try {
            pkcs8 = keyEncryptionKey.unwrap(wrappedPrivateKey, associatedData(certificate));
        } catch (AEADBadTagException e) {
            throw new CredentialUnusable("The wrapped private key does not belong to the certificate of " + subject
                    + ": it was altered, made for another certificate or under another key store's key", e);
        }
        try {
            PrivateKey key = KeyFactory.getInstance("EC", Crypto.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningIdentity(key, certificate, List.of(certificate, caCertificate()));
        } catch (GeneralSecurityException e) {
            throw new CredentialUnusable("The private key of " + subject + " decrypts but is no EC key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The whole certificate, so a wrapped key cannot be moved onto another one. */
    private static byte[] associatedData(X509Certificate certificate) {
        try {
            return Crypto.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CredentialUnusable("The certificate of " + certificate.getSubjectX500Principal().getName()
                    + " cannot be encoded", e);
        }
    }

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Creates the key store, or adds the key-encryption key to one made before electronic
     * signatures, keeping every other entry. Servers of a cluster may share the key directory, and
     * two of them generating a key at once would each keep a different one, so one at a time: a
     * file lock across processes, {@code synchronized} within this one (the JVM refuses to lock one
     * file twice). Each checks again under the lock and all read back what is on disk.
     */
    private static synchronized KeyStore createOrComplete(Path directory, char[] password, Clock clock,
            String installationName) {
        Path file = directory.resolve(KEY_STORE_FILE);
        try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK_FILE),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), permissions("rw-------", directory));
             FileLock lock = lockFile.lock()) {
            if (Files.notExists(file)) {
                write(newKeyStore(password, clock, installationName), file, password);
            } else {
                KeyStore keys = read(file, password);
                boolean completed = false;
                if (!contains(keys, KEY_ENCRYPTION_KEY_ALIAS, file)) {
                    addKeyEncryptionKey(keys, password);
                    completed = true;
                }
                if (!contains(keys, DOCUMENT_SIGNER_ALIAS, file)) {
                    // a key store from before signed documents: the document signer is issued by its own CA
                    CertificateAuthority authority = new CertificateAuthority(identity(keys, CA_ALIAS, file, password), clock);
                    put(keys, DOCUMENT_SIGNER_ALIAS, authority.issueEndEntity(DOCUMENT_SIGNER_NAME,
                            CertificateProfile.CHECKPOINT_SIGNING), password);
                    completed = true;
                }
                if (completed) {
                    write(keys, file, password);
                }
            }
            return read(file, password);
        } catch (AtomicMoveNotSupportedException e) {
            throw new TrustStoreUnavailable("The key store " + file + " cannot be written: the file system "
                    + "cannot replace files atomically", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new TrustStoreUnavailable("The key store " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static KeyStore newKeyStore(char[] password, Clock clock, String installationName)
            throws IOException, GeneralSecurityException {
        CertificateAuthority authority = CertificateAuthority.createRoot(installationName, clock);
        SigningIdentity timeStampAuthority = authority.issueEndEntity(TIME_STAMP_AUTHORITY_NAME,
                CertificateProfile.TIME_STAMPING);
        SigningIdentity checkpointSigner = authority.issueEndEntity(CHECKPOINT_SIGNER_NAME,
                CertificateProfile.CHECKPOINT_SIGNING);
        KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE);
        store.load(null, null);
        put(store, CA_ALIAS, authority.identity(), password);
        put(store, TIME_STAMP_AUTHORITY_ALIAS, timeStampAuthority, password);
        put(store, CHECKPOINT_SIGNER_ALIAS, checkpointSigner, password);
        put(store, DOCUMENT_SIGNER_ALIAS, authority.issueEndEntity(DOCUMENT_SIGNER_NAME,
                CertificateProfile.CHECKPOINT_SIGNING), password);
        addKeyEncryptionKey(store, password);
        return store;
    }

    private static void put(KeyStore store, String alias, SigningIdentity identity, char[] password)
            throws GeneralSecurityException {
        store.setKeyEntry(alias, identity.key(), password, identity.chain().toArray(new Certificate[0]));
    }

    private static void addKeyEncryptionKey(KeyStore store, char[] password) throws GeneralSecurityException {
        store.setEntry(KEY_ENCRYPTION_KEY_ALIAS, new KeyStore.SecretKeyEntry(KeyEncryptionKey.generate()),
                new KeyStore.PasswordProtection(password));
    }

    /**
     * Written next to the target, flushed to disk and moved in one step: a crash leaves the old key
     * store or the new one, never half of one, and a key is never lost once the file is in place.
     */
    private static void write(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        Path temporary = Files.createTempFile(file.getParent(), KEY_STORE_FILE, ".tmp", permissions("rw-------", file));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                store.store(Channels.newOutputStream(channel), password);
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(file.getParent());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The move itself is durable only once the directory is on disk: otherwise a power cut could
     * bring back the old file, and with it a key-encryption key other than the one that wrapped the
     * users' keys since. Directories can be flushed this way on POSIX systems only.
     */
    private static void forceDirectory(Path directory) throws IOException {
        if (posix(directory)) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static KeyStore read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE);
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new TrustStoreUnavailable("The key store " + file + " cannot be opened: the password is wrong "
                        + "(or the file is damaged)", e);
            }
            throw new TrustStoreUnavailable("The key store " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TrustStoreUnavailable("The key store " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean contains(KeyStore store, String alias, Path file) {
        try {
            return store.containsAlias(alias);
        } catch (KeyStoreException e) {
            throw new TrustStoreUnavailable("The key store " + file + " cannot be read: " + e.getMessage(), e);
        }
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

    private static KeyEncryptionKey keyEncryptionKey(KeyStore store, Path file, char[] password) {
        try {
            if (store.getKey(KEY_ENCRYPTION_KEY_ALIAS, password) instanceof SecretKey key) {
                return new KeyEncryptionKey(key);
            }
            throw new TrustStoreUnavailable("The key store " + file + " has no secret key entry '"
                    + KEY_ENCRYPTION_KEY_ALIAS + "': it has been altered");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TrustStoreUnavailable("The key '" + KEY_ENCRYPTION_KEY_ALIAS + "' in " + file
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Writes ca.pem when it is missing, or when it no longer holds this store's CA (e.g. left over
     * from a replaced key store): inspectors must never be handed the wrong anchor.
     */
    private void writeCaCertificate(Path pemFile) {
        try {
            String pem = Pem.of(caCertificate());
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
        } catch (IOException e) {
            throw new TrustStoreUnavailable("The CA certificate " + pemFile + " cannot be written: "
                    + e.getMessage(), e);
        }
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
        if (!posix(path)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
