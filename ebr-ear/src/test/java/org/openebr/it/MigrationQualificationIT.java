package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openebr.it.EbrCommand.Run;
import org.openebr.platform.control.SchemaVersion;

/**
 * Migration qualification (Annex 11 section 4.8) and archives after an upgrade (section 17), on a dataset that the
 * previous release made: {@code src/test/resources/migration/V19} holds a backup ({@code bin/ebr backup}) of the
 * installation that release 597dfb1 (schema 19) set up with {@code bin/ebr start} - its demo batches, among them one
 * released with its signatures, machine data, deviations, the signed audit checkpoints and the key store - and the
 * archive an inspector took from that installation: the released batch's signed report (PDF/A), its record as JSON
 * and BatchML, the offline bundles of its 33 signatures, its audit trail (CSV) and the CA certificate.
 *
 * <p>This release restores the backup into a new database (verifying the old audit trail against the old signed
 * checkpoints), takes a fingerprint of every table (row count and MD5 of the sorted rows over the columns of schema
 * 19), shows that a server of this release started on the old schema before the migration is not in service (503
 * for the API and the screens, naming both versions and what to do) and writes nothing to it, migrates with
 * {@code bin/ebr migrate}, and finds every fingerprint unchanged and the audit trail intact. Then a server of this
 * release on the migrated database serves the same records: the archived signatures verify with openssl and the
 * server's bundles of them are byte for byte the archived ones, the released batch's record still holds every
 * archived value with every signature valid, its report is signed again, verifiably, and the archived audit trail's
 * rows are all still in the trail.
 */
class MigrationQualificationIT {

    private static final Path DATASET = Path.of("src", "test", "resources", "migration", "V19");
    private static final String PREVIOUS_SCHEMA = "19";
    /** The password the previous release's demo accounts were given (its {@code bin/ebr start} default). */
    private static final String DATASET_DEMO_PASSWORD = "OpenEBR-demo-2026";
    /** The key store password of the previous release's installation (EBR_KEY_PASSWORD unset: the default). */
    private static final String DATASET_KEY_PASSWORD = "openebr-development-only";
    private static final String RELEASED_BATCH = "B-2026-0001";

    private final PackagedServer server = new PackagedServer("migration-server",
            PackagedServer.offset("ebr.it.migration.port.offset", 300));
    private final String database = "ebr_migration_" + Long.toString(System.nanoTime(), 36);
    private final Path work = Path.of("target", database).toAbsolutePath();

    @AfterEach
    void cleanUp() throws SQLException {
        server.kill9();
        EbrCommand.dropDatabase(database);
    }

    @Test
    @Tag("A11-4.8-1")
    @Tag("A11-17-1")
    @Tag("negative")
    void the_previous_releases_records_keep_value_and_meaning_through_the_migration_and_its_archive_verifies_after_the_upgrade()
            throws Exception {
        Map<String, String> installation = Map.of("EBR_DB_NAME", database,
                "EBR_KEY_DIR", work.resolve("keys").toString(),
                "EBR_AUDIT_CHECKPOINT_DIR", work.resolve("checkpoints").toString());

        // restored as an operator restores a backup: this release verifies the old chain against the old checkpoints
        Run restore = EbrCommand.run(work.resolve("home"), installation, "restore",
                DATASET.resolve("backup").toAbsolutePath().toString(), "--database", database);
        assertThat(restore.status()).as(restore.output()).isZero();
        assertThat(restore.lastLine()).endsWith("audit trail intact");
        Map<String, List<String>> columns;
        Map<String, String> before;
        try (Connection db = EbrCommand.database(database)) {
            assertThat(schemaVersion(db)).isEqualTo(PREVIOUS_SCHEMA);
            columns = columns(db);
            before = fingerprint(db, columns);
        }
        assertThat(columns).containsKeys("batch", "step_entry", "electronic_signature", "audit_revision",
                "audit_chain_link", "process_value_2026_12");
        assertThat(before.get("electronic_signature")).startsWith("86 rows");

        // this release on the old schema, not migrated: DOWN, naming both versions, and nothing written
        server.prepare()
                .env("EBR_DB_NAME", database)
                .env("EBR_KEY_DIR", work.resolve("keys").toString())
                .env("EBR_AUDIT_CHECKPOINT_DIR", work.resolve("checkpoints").toString())
                .env("EBR_KEY_PASSWORD", DATASET_KEY_PASSWORD)
                .env("EBR_DEMO_PASSWORD", DATASET_DEMO_PASSWORD);
        HttpResponse<String> refused = server.startAndAskHealth();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        JsonObject health = Http.json(refused);
        assertThat(health.getString("status")).isEqualTo("DOWN");
        assertThat(health.getString("schemaVersion")).isEqualTo(PREVIOUS_SCHEMA);
        assertThat(health.getString("expectedSchemaVersion")).isEqualTo(SchemaVersion.EXPECTED);
        Http unmigrated = new Http(server.http());
        HttpResponse<String> read = Api.session(unmigrated, "inspector1", DATASET_DEMO_PASSWORD)
                .get("api/v1/batches/" + RELEASED_BATCH);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
        assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(read).getString("detail")).contains("schema at version " + PREVIOUS_SCHEMA)
                .contains("expects version " + SchemaVersion.EXPECTED).contains("bin/ebr migrate");
        HttpResponse<String> screen = unmigrated.get("app/home.xhtml");
        assertThat(screen.statusCode()).isEqualTo(503);
        assertThat(screen.body()).contains("OpenEBR is not in service").contains("bin/ebr migrate");
        // what a person sees in the browser: the reason and what to do, nothing blocked by the page's policy
        Browser browser = new Browser(server.http());
        try {
            browser.open("app/home.xhtml");
            assertThat(browser.text()).contains("OpenEBR is not in service").contains("bin/ebr migrate")
                    .contains("Tell your administrator");
            browser.windowSize(1024, 768).screenshot(Path.of("target", "screenshots", "not-in-service-1024.png"));
        } finally {
            browser.close();
        }
        server.kill9();
        try (Connection db = EbrCommand.database(database)) {
            assertThat(fingerprint(db, columns)).as("the old database after a start of this release on it")
                    .containsExactlyEntriesOf(before);
        }

        // migrated as an operator upgrades: every old row keeps every old value, and the trail still verifies
        Run migrate = EbrCommand.run(work.resolve("home"), installation, "migrate");
        assertThat(migrate.status()).as(migrate.output()).isZero();
        try (Connection db = EbrCommand.database(database)) {
            assertThat(schemaVersion(db)).isEqualTo(SchemaVersion.EXPECTED);
            assertThat(fingerprint(db, columns)).as("every table of schema " + PREVIOUS_SCHEMA + " after the migration")
                    .containsExactlyEntriesOf(before);
        }
        // as of the backup's time, as bin/ebr restore verifies: the links after its last checkpoint were new then (the
        // upgraded server covers them with the checkpoint it writes when it starts)
        Map<String, String> asOfBackup = new java.util.HashMap<>(installation);
        asOfBackup.put("EBR_VERIFY_AS_OF", backupTime());
        Run verify = EbrCommand.run(work.resolve("home"), asOfBackup, "verify-audit");
        assertThat(verify.status()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("INTACT");

        // this release on the migrated records, and the archive the previous release gave an inspector
        server.start();
        Http http = new Http(server.http());
        Api inspector = Api.session(http, "inspector1", DATASET_DEMO_PASSWORD);
        Path archive = DATASET.resolve("archive");
        String ca = inspector.get("api/v1/audit/certificate").body();
        assertThat(ca).as("the CA certificate the upgraded installation publishes")
                .isEqualToIgnoringNewLines(Files.readString(archive.resolve("ca.pem")));
        Path caFile = work.resolve("ca.pem");
        Files.writeString(caFile, ca);
        assertThat(inspector.getJson("api/v1/audit/verification").getBoolean("intact")).isTrue();

        List<Path> bundles;
        try (Stream<Path> files = Files.list(archive.resolve("signatures"))) {
            bundles = files.sorted().toList();
        }
        assertThat(bundles).hasSize(33);
        for (Path archived : bundles) {
            String id = archived.getFileName().toString().replace(".zip", "");
            Path old = SignatureBundles.unpack(Files.readAllBytes(archived), work.resolve("archived-" + id));
            SignatureBundles.verifiesWithOpenssl(old, caFile);
            HttpResponse<byte[]> served = inspector.getBytes("api/v1/signatures/" + id + "/bundle");
            assertThat(served.statusCode()).isEqualTo(200);
            Path now = SignatureBundles.unpack(served.body(), work.resolve("served-" + id));
            for (String file : List.of("record.json", "signature.p7s", "signature-value.bin", "timestamp.tsr")) {
                assertThat(now.resolve(file)).as(file + " of signature " + id).hasSameBinaryContentAs(old.resolve(file));
            }
            SignatureBundles.verifiesWithOpenssl(now, caFile);
        }

        // the released batch's record: every archived value is still there, every signature still valid
        HttpResponse<String> record = inspector.get("api/v1/batches/" + RELEASED_BATCH + "/record.json");
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        JsonObject archivedRecord = json(Files.readString(archive.resolve("record.json")));
        JsonObject servedRecord = json(record.body());
        List<String> differences = new ArrayList<>();
        keeps(archivedRecord.get("record"), servedRecord.get("record"), "record", differences);
        assertThat(differences).as("archived values the upgraded record does not hold").isEmpty();
        JsonArray signatures = servedRecord.getJsonObject("record").getJsonArray("signatures");
        assertThat(signatures).hasSize(33).allSatisfy(signature -> {
            assertThat(signature.asJsonObject().getBoolean("valid")).isTrue();
            assertThat(signature.asJsonObject().getJsonArray("problems")).isEmpty();
        });
        assertThat(servedRecord.getJsonObject("record").getJsonObject("batch").getString("status")).isEqualTo("RELEASED");

        // the archived report and the report the upgraded server signs now both verify
        byte[] archivedReport = Files.readAllBytes(archive.resolve("report.pdf"));
        try (PDDocument document = Loader.loadPDF(archivedReport)) {
            PdfSignature.verifiesWithOpenssl(document, archivedReport, ca);
        }
        HttpResponse<byte[]> report = inspector.getBytes("api/v1/batches/" + RELEASED_BATCH + "/report.pdf");
        assertThat(report.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(report.body())) {
            PdfSignature.verifiesWithOpenssl(document, report.body(), ca);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains(RELEASED_BATCH).contains("RELEASED");
        }

        // every row of the archived audit trail is still in the trail
        HttpResponse<String> trail = inspector.get("api/v1/audit/export?format=csv&batch=" + RELEASED_BATCH);
        assertThat(trail.statusCode()).isEqualTo(200);
        List<String> archivedRows = Files.readString(archive.resolve("audit-trail.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(trail.body().lines().toList()).as("the audit trail of " + RELEASED_BATCH).containsAll(archivedRows);
    }

    /** When the dataset's backup was made ({@code created=20261205T224902Z} in backup.properties), as an instant. */
    private static String backupTime() throws IOException {
        String created = Files.readAllLines(DATASET.resolve("backup").resolve("backup.properties")).stream()
                .filter(line -> line.startsWith("created=")).findFirst().orElseThrow().substring("created=".length());
        return java.time.LocalDateTime.parse(created, java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'"))
                .toInstant(java.time.ZoneOffset.UTC).toString();
    }

    private static String schemaVersion(Connection db) throws SQLException {
        try (Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select max(version::int)::text from ebr.flyway_schema_history where success")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The columns of every table of schema ebr, in their order. */
    private static Map<String, List<String>> columns(Connection db) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select c.table_name, c.column_name from information_schema.columns c"
                     + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
                     + " where c.table_schema = 'ebr' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position")) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return columns;
    }

    /**
     * Per table: its row count and the MD5 of its rows (over the given columns, as text, sorted). The migration history
     * counts only the migrations that were there: a migration adds its own line.
     */
    private static Map<String, String> fingerprint(Connection db, Map<String, List<String>> columns) throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
            String row = "row(" + String.join(", ", table.getValue().stream().map(c -> "\"" + c + "\"").toList()) + ")::text";
            String where = table.getKey().equals("flyway_schema_history")
                    ? " where version::int <= " + PREVIOUS_SCHEMA : "";
            try (Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("select count(*), coalesce(md5(string_agg(r, E'\\n' order by r)), '-')"
                         + " from (select " + row + " r from ebr.\"" + table.getKey() + "\"" + where + ") x")) {
                rows.next();
                fingerprints.put(table.getKey(), rows.getLong(1) + " rows, md5 " + rows.getString(2));
            }
        }
        return fingerprints;
    }

    /**
     * Whether {@code now} still holds what {@code archived} says: every member of an archived object with the same
     * value (numbers by value: 45.000000 is 45), arrays element by element and as long; members the upgrade added
     * are allowed. Each difference is named by its path.
     */
    private static void keeps(JsonValue archived, JsonValue now, String path, List<String> differences) {
        if (now == null) {
            differences.add(path + ": missing");
        } else if (archived instanceof JsonObject object && now instanceof JsonObject current) {
            object.forEach((name, value) -> keeps(value, current.get(name), path + "." + name, differences));
        } else if (archived instanceof JsonArray array && now instanceof JsonArray current) {
            if (array.size() != current.size()) {
                differences.add(path + ": " + array.size() + " entries archived, " + current.size() + " now");
            } else {
                for (int i = 0; i < array.size(); i++) {
                    keeps(array.get(i), current.get(i), path + "[" + i + "]", differences);
                }
            }
        } else if (archived instanceof JsonNumber number && now instanceof JsonNumber current) {
            if (number.bigDecimalValue().compareTo(current.bigDecimalValue()) != 0) {
                differences.add(path + ": " + number + " archived, " + current + " now");
            }
        } else if (!archived.equals(now)) {
            differences.add(path + ": " + archived + " archived, " + now + " now");
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
