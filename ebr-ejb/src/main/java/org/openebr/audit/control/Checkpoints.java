package org.openebr.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.openebr.trust.control.CmsSigner;
import org.openebr.trust.control.HttpTimeStampAuthority;
import org.openebr.trust.control.InternalTimeStampAuthority;
import org.openebr.trust.control.TimeStampAuthority;
import org.openebr.trust.control.TrustStore;

/**
 * Signed checkpoints of the audit chain, kept outside the database (EBR_AUDIT_CHECKPOINT_DIR):
 * the chain head signed with the checkpoint key (a CMS detached signature) and time-stamped
 * (RFC 3161), so that a database superuser who rewrites rows and recomputes the whole chain is
 * still caught. Files are written once and made read-only; {@code openssl} verifies them with
 * the installation's CA certificate (README, "Audit trail").
 */
@ApplicationScoped
public class Checkpoints {

    @Inject
    AuditSettings settings;

    @Inject
    Clock clock;

    private TrustStore trust;

    /**
     * The installation's keys, opened (and on first use created) on demand. A missing key store is
     * only created while there are no checkpoints: new keys would make every existing checkpoint
     * unverifiable against a new CA, so a lost key store must be restored from backup instead.
     */
    synchronized TrustStore trust() {
        if (trust == null) {
            if (Files.notExists(settings.keyDir().resolve(TrustStore.KEY_STORE_FILE)) && checkpointsExist()) {
                throw new IllegalStateException("The key store " + settings.keyDir().resolve(TrustStore.KEY_STORE_FILE)
                        + " is missing but signed checkpoints exist in " + settings.checkpointDir()
                        + ": restore EBR_KEY_DIR from backup (new keys would not verify the existing checkpoints).");
            }
            trust = TrustStore.open(settings.keyDir(), settings.keyPassword(), clock, settings.installationName());
        }
        return trust;
    }

    private boolean checkpointsExist() {
        try (java.util.stream.Stream<Path> files = Files.list(settings.checkpointDir())) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
        } catch (IOException noDirectory) {
            return false;
        }
    }

    /** The CA certificate an inspector verifies checkpoints (and later signatures) with, PEM. */
    public String caCertificatePem() {
        return pem(trust().caCertificate());
    }

    public CheckpointSet load() {
        return CheckpointSet.load(settings.checkpointDir(),
                CheckpointSet.verifiedBy(trust().caCertificate(), timeStampCa()));
    }

    /** The CA that issued the time-stamp authority's certificate: ours, or the external TSA's (EBR_TSA_CA_FILE). */
    X509Certificate timeStampCa() {
        if (settings.tsaCaFile().isEmpty()) {
            return trust().caCertificate();
        }
        try (java.io.InputStream in = Files.newInputStream(settings.tsaCaFile().get())) {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("EBR_TSA_CA_FILE " + settings.tsaCaFile().get() + " is not a readable certificate", e);
        }
    }

    /** The checkpoint of the given chain head: the existing one, or a new one written now. */
    public synchronized CheckpointSet.Checkpoint write(AuditChainStore.Link head) {
        Path directory = settings.checkpointDir();
        String base = CheckpointSet.baseName(head.position());
        Instant now = clock.instant();
        try {
            Files.createDirectories(directory);
            // servers of a cluster share the directory: one writer at a time, across processes
            try (FileChannel lockFile = FileChannel.open(directory.resolve(".checkpoint.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                return writeLocked(directory, base, head, now);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + base + " to " + directory, e);
        }
    }

    private CheckpointSet.Checkpoint writeLocked(Path directory, String base, AuditChainStore.Link head, Instant now)
            throws IOException {
        Path json = directory.resolve(base + ".json");
        if (Files.exists(json)) {
            String existing = Files.readString(json);
            if (!existing.contains("\"chainHash\":\"" + CanonicalRevision.hex(head.chainHash()) + "\"")) {
                // e.g. a database restored from a backup older than the checkpoint, or a rewritten chain
                throw new IllegalStateException("Checkpoint " + json + " records another chain hash at link "
                        + head.position() + " than the database now has: the audit trail was rewritten or restored.");
            }
            return new CheckpointSet.Checkpoint(json.getFileName().toString(), head.position(), head.revisionId(),
                    head.chainHash(), Files.getLastModifiedTime(json).toInstant());
        }
        byte[] statement = CheckpointSet.statement(settings.installationName(), head.position(), head.revisionId(),
                head.chainHash(), now);
        byte[] signature = new CmsSigner(clock).signDetached(statement, trust().checkpointSigner());
        byte[] timeStamp = timeStampAuthority().timeStamp(statement);
        // the statement last: a checkpoint exists only once all three files do
        writeOnce(directory.resolve(base + ".p7s"), signature);
        writeOnce(directory.resolve(base + ".tsr"), timeStamp);
        writeOnce(json, statement);
        return new CheckpointSet.Checkpoint(json.getFileName().toString(), head.position(), head.revisionId(),
                head.chainHash(), now);
    }

    TimeStampAuthority timeStampAuthority() {
        return settings.tsaUrl()
                .<TimeStampAuthority>map(url -> new HttpTimeStampAuthority(URI.create(url), Duration.ofSeconds(15)))
                .orElseGet(() -> new InternalTimeStampAuthority(trust().timeStampAuthority(), clock));
    }

    private static void writeOnce(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary); // left read-only by a crash in the middle of a write
        Files.write(temporary, content);
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("r--r-----"));
        } catch (UnsupportedOperationException notPosix) {
            temporary.toFile().setReadOnly();
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the CA certificate cannot be encoded", e);
        }
    }
}
