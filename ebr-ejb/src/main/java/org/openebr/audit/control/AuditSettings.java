package org.openebr.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the audit trail keeps what must not be in the database, and how often it acts. Read from
 * MicroProfile Config, i.e. from the EBR_* environment variables listed in the README.
 */
@ApplicationScoped
public class AuditSettings {

    @Inject
    @ConfigProperty(name = "ebr.audit.checkpoint.dir")
    Optional<String> checkpointDir;

    @Inject
    @ConfigProperty(name = "ebr.audit.checkpoint.minutes", defaultValue = "60")
    int checkpointMinutes;

    @Inject
    @ConfigProperty(name = "ebr.audit.verify.minutes", defaultValue = "60")
    int verifyMinutes;

    @Inject
    @ConfigProperty(name = "ebr.audit.reasons", defaultValue = DEFAULT_REASONS)
    List<String> reasons;

    /** The pick-list offered wherever a reason for change is asked; free text is always allowed too. */
    public static final String DEFAULT_REASONS = "Data entry error,Correction after second-person review,"
            + "Deviation investigation,Change control,Personnel change,Training completed,Security incident,"
            + "Identity confirmed";

    /** Signed checkpoints: a directory outside the database, ideally on write-once or remote storage. */
    public Path checkpointDir() {
        return checkpointDir.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> dataDir().resolve("audit-checkpoints"));
    }

    public int checkpointMinutes() {
        return Math.max(1, checkpointMinutes);
    }

    public int verifyMinutes() {
        return Math.max(1, verifyMinutes);
    }

    public List<String> reasons() {
        return reasons.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    private static Path dataDir() {
        String data = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        return Path.of(data, "openebr");
    }
}
