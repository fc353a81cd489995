package org.openebr.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import org.openebr.trust.control.CmsSigner;
import org.openebr.trust.control.KeyDependents;
import org.openebr.trust.control.Keys;
import org.openebr.trust.control.Pem;
import org.openebr.trust.control.TrustStore;

/**
 * Signed checkpoints of the audit chain, kept outside the database (EBR_AUDIT_CHECKPOINT_DIR):
 * the chain head signed with the checkpoint key (a CMS detached signature) and time-stamped
 * (RFC 3161), so that a database superuser who rewrites rows and recomputes the whole chain is
 * still caught. Files are written once and made read-only; {@code openssl} verifies them with
 * the installation's CA certificate (README, "Audit trail").
 */
@ApplicationScoped
public class Checkpoints implements KeyDependents {

    @Inject
    AuditSettings settings;

    @Inject
    Clock clock;

    @Inject
    Keys keys;

    TrustStore trust() {
        return keys.store();
    }

    /** Signed checkpoints exist: the keys that signed them must not be re-created. */
    @Override
    public boolean exist() {
        try (java.util.stream.Stream<Path> files = Files.list(settings.checkpointDir())) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
        } catch (IOException noDirectory) {
            return false;
        }
    }

    /** The CA certificate an inspector verifies checkpoints (and later signatures) with, PEM. */
    public String caCertificatePem() {
        return Pem.of(trust().caCertificate());
    }

    public CheckpointSet load() {
        return CheckpointSet.load(settings.checkpointDir(),
                CheckpointSet.verifiedBy(trust().caCertificate(), keys.timeStampCas(trust())));
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
        byte[] statement = CheckpointSet.statement(keys.installationName(), head.position(), head.revisionId(),
                head.chainHash(), now);
        byte[] signature = new CmsSigner(clock).signDetached(statement, trust().checkpointSigner());
        byte[] timeStamp = keys.timeStampAuthority(trust()).timeStamp(statement);
        // the statement last: a checkpoint exists only once all three files do
        writeOnce(directory.resolve(base + ".p7s"), signature);
        writeOnce(directory.resolve(base + ".tsr"), timeStamp);
        writeOnce(json, statement);
        return new CheckpointSet.Checkpoint(json.getFileName().toString(), head.position(), head.revisionId(),
                head.chainHash(), now);
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

}
