package org.openebr.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openebr.trust.control.CmsSigner;
import org.openebr.trust.control.InternalTimeStampAuthority;
import org.openebr.trust.control.TrustStore;

class CheckpointSetTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path keys;

    @TempDir
    Path checkpoints;

    private TrustStore trust() {
        return TrustStore.open(keys, "unit-test-passphrase".toCharArray(), CLOCK, "Unit tests");
    }

    private void write(TrustStore trust, long position, byte[] chainHash) throws Exception {
        byte[] statement = CheckpointSet.statement("Unit tests", position, position + 10, chainHash, CLOCK.instant());
        String base = CheckpointSet.baseName(position);
        Files.write(checkpoints.resolve(base + ".json"), statement);
        Files.write(checkpoints.resolve(base + ".p7s"), new CmsSigner(CLOCK).signDetached(statement, trust.checkpointSigner()));
        Files.write(checkpoints.resolve(base + ".tsr"),
                new InternalTimeStampAuthority(trust.timeStampAuthority(), CLOCK).timeStamp(statement));
    }

    @Test
    void a_signed_time_stamped_checkpoint_is_read_back() throws Exception {
        TrustStore trust = trust();
        byte[] head = CanonicalRevision.sha256("head".getBytes(StandardCharsets.UTF_8));
        write(trust, 42, head);

        CheckpointSet set = CheckpointSet.load(checkpoints, CheckpointSet.verifiedBy(trust.caCertificate()));

        assertThat(set.problems()).isEmpty();
        assertThat(set.valid()).singleElement().satisfies(c -> {
            assertThat(c.position()).isEqualTo(42);
            assertThat(c.revision()).isEqualTo(52);
            assertThat(c.chainHash()).isEqualTo(head);
            assertThat(c.fileName()).isEqualTo("checkpoint-000000000042.json");
        });
    }

    @Test
    @Tag("P11-10a-1")
    void an_edited_checkpoint_statement_is_a_finding_and_is_not_used() throws Exception {
        TrustStore trust = trust();
        write(trust, 7, CanonicalRevision.sha256(new byte[] {1}));
        Path json = checkpoints.resolve("checkpoint-000000000007.json");
        String forged = Files.readString(json).replaceFirst("\"chainHash\":\"[0-9a-f]{64}\"",
                "\"chainHash\":\"" + CanonicalRevision.hex(CanonicalRevision.sha256(new byte[] {2})) + "\"");
        Files.writeString(json, forged);

        CheckpointSet set = CheckpointSet.load(checkpoints, CheckpointSet.verifiedBy(trust.caCertificate()));

        assertThat(set.valid()).isEmpty();
        assertThat(set.problems()).singleElement().asString()
                .contains("checkpoint-000000000007.json").contains("does not verify");
    }

    @Test
    void a_checkpoint_without_its_signature_files_is_a_finding() throws Exception {
        Files.write(checkpoints.resolve("checkpoint-000000000003.json"),
                CheckpointSet.statement("Unit tests", 3, 3, new byte[32], CLOCK.instant()));

        CheckpointSet set = CheckpointSet.load(checkpoints, CheckpointSet.verifiedBy(trust().caCertificate()));

        assertThat(set.problems()).singleElement().asString().contains("has no signature or time stamp");
    }

    @Test
    void a_time_stamp_of_an_external_authority_verifies_against_that_authority_s_ca_only(@TempDir Path externalKeys)
            throws Exception {
        TrustStore trust = trust();
        TrustStore external = TrustStore.open(externalKeys, "external-tsa-passphrase".toCharArray(), CLOCK, "External TSA");
        byte[] statement = CheckpointSet.statement("Unit tests", 5, 9, new byte[32], CLOCK.instant());
        Files.write(checkpoints.resolve("checkpoint-000000000005.json"), statement);
        Files.write(checkpoints.resolve("checkpoint-000000000005.p7s"),
                new CmsSigner(CLOCK).signDetached(statement, trust.checkpointSigner()));
        Files.write(checkpoints.resolve("checkpoint-000000000005.tsr"),
                new InternalTimeStampAuthority(external.timeStampAuthority(), CLOCK).timeStamp(statement));

        assertThat(CheckpointSet.load(checkpoints, CheckpointSet.verifiedBy(trust.caCertificate(),
                List.of(trust.caCertificate(), external.caCertificate())))
                .valid()).hasSize(1);
        assertThat(CheckpointSet.load(checkpoints, CheckpointSet.verifiedBy(trust.caCertificate())).problems())
                .singleElement().asString().contains("time stamp");
    }

    @Test
    void only_the_checkpoint_signer_may_sign_a_checkpoint() {
        assertThat(CheckpointSet.signedByCheckpointSigner("CN=OpenEBR Audit Checkpoint Signer,O=Plant 1")).isTrue();
        assertThat(CheckpointSet.signedByCheckpointSigner("CN=Olivia Operator,O=Plant 1")).isFalse();
        assertThat(CheckpointSet.signedByCheckpointSigner("CN=OpenEBR Audit Checkpoint Signer x,O=Plant 1")).isFalse();
        assertThat(CheckpointSet.signedByCheckpointSigner("O=OpenEBR Audit Checkpoint Signer,CN=Mallory")).isFalse();
        assertThat(CheckpointSet.signedByCheckpointSigner("not a name")).isFalse();
        assertThat(CheckpointSet.signedByCheckpointSigner(null)).isFalse();
    }

    @Test
    void no_directory_means_no_checkpoints() {
        assertThat(CheckpointSet.load(checkpoints.resolve("missing"), (s, p, t) -> null)).isEqualTo(CheckpointSet.none());
    }
}
