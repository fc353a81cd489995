package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openebr.it.EbrCommand.Run;

/**
 * Backup and restore as an operator runs them (Annex 11 section 7.2): {@code bin/ebr backup} of the test
 * installation while it runs (database, signed audit checkpoints, key store), {@code bin/ebr restore} into a new,
 * empty database and empty key and checkpoint folders; the restored audit trail verifies and holds the record made
 * just before the backup. A damaged backup, a database that is not empty and key folders that are not empty are
 * refused, naming what is wrong, and nothing is restored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupRestoreIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    @Test
    @Tag("A11-7.2-1")
    @Tag("negative")
    void a_backup_restores_into_an_empty_database_whose_audit_trail_verifies_and_a_damaged_one_is_refused()
            throws Exception {
        Http http = new Http(contextRoot);
        String recipe = RecipesIT.uniqueId();
        HttpResponse<String> imported = Api.demo(http, "author1").post("api/v1/recipes/import", RecipesIT.reference(recipe));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        HttpResponse<String> checkpoint = Api.demo(http, "inspector1").post("api/v1/audit/checkpoints", "");
        assertThat(checkpoint.statusCode()).as(checkpoint.body()).isEqualTo(201);

        String tag = Long.toString(System.nanoTime(), 36);
        Path backup = Path.of("target", "backups", "backup-" + tag).toAbsolutePath();
        Run made = ebr(Map.of(), "backup", backup.toString());
        assertThat(made.status()).as(made.output()).isZero();
        assertThat(made.lastLine()).isEqualTo("Backup: " + backup);
        assertThat(backup.resolve("database.dump")).isNotEmptyFile();
        assertThat(backup.resolve("keys/ca.pem")).isNotEmptyFile();
        assertThat(Files.readString(backup.resolve("backup.properties"))).contains("database=" + TestDatabase.name());
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("  database.dump\n").contains("  keys/ca.pem\n");
        try (var checkpoints = Files.list(backup.resolve("audit-checkpoints"))) {
            assertThat(checkpoints.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".p7s"));
        }

        String restored = "ebr_restored_" + tag;
        Path keys = Path.of("target", "restore-" + tag, "keys").toAbsolutePath();
        Path checkpoints = Path.of("target", "restore-" + tag, "checkpoints").toAbsolutePath();
        Map<String, String> into = Map.of("EBR_KEY_DIR", keys.toString(), "EBR_AUDIT_CHECKPOINT_DIR", checkpoints.toString());
        try {
            Run restore = ebr(into, "restore", backup.toString(), "--database", restored);
            assertThat(restore.status()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("INTACT");
            assertThat(restore.lastLine()).startsWith("Restored: database " + restored).endsWith("audit trail intact");
            // the record made just before the backup is in the restored database, with its audit trail
            try (Connection db = EbrCommand.database(restored);
                 PreparedStatement query = db.prepareStatement("select count(*) from ebr.recipe_version where recipe_id = ?")) {
                query.setString(1, recipe);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            }
            // a restore never overwrites: the database holds tables now, and the key folder is not empty
            Path other = Path.of("target", "restore-" + tag + "-again").toAbsolutePath();
            Run again = ebr(Map.of("EBR_KEY_DIR", other.resolve("keys").toString(), "EBR_AUDIT_CHECKPOINT_DIR",
                    other.resolve("checkpoints").toString()), "restore", backup.toString(), "--database", restored);
            assertThat(again.status()).isNotZero();
            assertThat(again.output()).contains("database " + restored + " holds").contains("a restore goes into a new,"
                    + " empty database only");
            Run keysInUse = ebr(into, "restore", backup.toString(), "--database", restored + "_x");
            assertThat(keysInUse.status()).isNotZero();
            assertThat(keysInUse.output()).contains(keys + " is not empty: a restore never overwrites keys");
            assertThat(EbrCommand.databaseExists(restored + "_x")).isFalse();

            // one byte of the dump changed: refused before anything is restored, naming the file
            Path damaged = Path.of("target", "backups", "damaged-" + tag).toAbsolutePath();
            EbrCommand.copyTree(backup, damaged);
            byte[] dump = Files.readAllBytes(damaged.resolve("database.dump"));
            dump[dump.length / 2] ^= 1;
            Files.write(damaged.resolve("database.dump"), dump);
            Path fresh = Path.of("target", "restore-" + tag + "-damaged").toAbsolutePath();
            Run refused = ebr(Map.of("EBR_KEY_DIR", fresh.resolve("keys").toString(), "EBR_AUDIT_CHECKPOINT_DIR",
                    fresh.resolve("checkpoints").toString()), "restore", damaged.toString(), "--database", restored + "_d");
            assertThat(refused.status()).isNotZero();
            assertThat(refused.output()).contains("is damaged or changed, nothing was restored").contains("database.dump: FAILED");
            assertThat(EbrCommand.databaseExists(restored + "_d")).isFalse();
            assertThat(fresh.resolve("keys")).doesNotExist();
        } finally {
            EbrCommand.dropDatabase(restored);
        }
    }

    /** bin/ebr as an operator runs it on the test installation (its database, keys and checkpoints). */
    private static Run ebr(Map<String, String> overrides, String... args) throws Exception {
        return EbrCommand.run(Path.of("target", "backup-home"), overrides, args);
    }
}
