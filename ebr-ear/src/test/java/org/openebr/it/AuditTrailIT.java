package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.it.Api.q;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openebr.audit.control.AuditChainStore;
import org.openebr.audit.control.CanonicalRevision;

/**
 * The audit trail on the real server and database: revisions with who/role/why/where/when, the
 * mandatory reason, value history, append-only tables, search and exports, and the integrity
 * verifier against every kind of tampering, done here as a database superuser would (the owner
 * role disables the append-only trigger) and undone afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String PASSWORD = "vials leave the tunnel at dawn";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Api admin;
    Api inspector;
    Api qa;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        admin = Api.demo(http, "admin1");
        inspector = Api.demo(http, "inspector1");
        qa = Api.demo(http, "qa1");
    }

    // --- what a revision records --------------------------------------------------------------

    @Test
    @Tag("P11-10e-1")
    @Tag("negative")
    void a_rolled_back_transaction_leaves_neither_data_nor_audit_row() throws SQLException {
        String user = unique("rollback");
        create(user, "Rita Rollback");

        String correlation = "it-rollback-" + UUID.randomUUID();
        HttpResponse<String> failed = http.send(HttpRequest.newBuilder(http.uri("api/v1/it-probe/audit/rollback/" + user))
                .header("Authorization", basic("admin1")).header("X-Correlation-Id", correlation)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(failed.statusCode()).isEqualTo(500);
        // the request's sign-in is committed on its own (it must count even when the work fails); nothing else is
        assertThat(count("select count(*) from audit_revision where correlation_id = '" + correlation + "'"
                + " and command not like 'Sign-in%'")).isZero();
        assertThat(count("select count(*) from training_record where qualification = 'IT-ROLLBACK'")).isZero();
        assertThat(count("select count(*) from training_record_aud where qualification = 'IT-ROLLBACK'")).isZero();
    }

    @Test
    @Tag("P11-10e-3")
    @Tag("A11-12.4-1")
    void three_changes_give_four_values_in_the_history_each_with_who_when_and_why() throws SQLException {
        String user = unique("history");
        create(user, "Hanna History");
        for (int i = 0; i < 5; i++) {
            assertThat(new Api(http, user, "not the password " + i).get("api/v1/me").statusCode()).isEqualTo(401);
        }
        assertThat(admin.post("api/v1/users/" + user + "/unlock", "{\"reason\":\"identity confirmed by phone\"}").statusCode())
                .isEqualTo(200);
        assertThat(admin.post("api/v1/users/" + user + "/deactivate", "{\"reason\":\"left the company\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = inspector.get("api/v1/audit/records/UserAccount/" + accountId(user));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonObject> versions = Api.array(response).getValuesAs(JsonObject.class);
        assertThat(versions).extracting(v -> v.getJsonObject("values").getString("status"))
                .containsExactly("ACTIVE", "LOCKED", "ACTIVE", "DEACTIVATED");
        assertThat(versions).extracting(v -> v.getString("action")).containsExactly("CREATED", "CHANGED", "CHANGED", "CHANGED");
        assertThat(versions).extracting(v -> v.getString("userName")).containsExactly("admin1", "anonymous", "admin1", "admin1");
        assertThat(versions).extracting(v -> v.getString("reason"))
                .containsExactly("new hire", "locked after 5 consecutive failed sign-in attempts",
                        "identity confirmed by phone", "left the company");
        assertThat(versions.get(3).getString("command")).isEqualTo("Deactivate account");
        assertThat(versions.get(3).getString("actingRole")).isEqualTo("ADMIN");

        JsonObject page = inspector.getJson("api/v1/audit?entityType=UserAccount&recordId=" + accountId(user) + "&order=asc");
        List<JsonObject> entries = page.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertThat(entries).hasSize(4);
        assertThat(changesOf(entries.get(1))).containsEntry("status", List.of("ACTIVE", "LOCKED"));
        assertThat(changesOf(entries.get(3))).containsEntry("status", List.of("ACTIVE", "DEACTIVATED"));
    }

    @Test
    @Tag("A11-9-1")
    void a_change_without_a_reason_is_refused_and_changes_nothing() throws SQLException {
        String user = unique("noreason");
        create(user, "Nora Noreason");
        long versionsBefore = count("select count(*) from user_account_aud where id = '" + accountId(user) + "'");

        HttpResponse<String> blank = admin.post("api/v1/users/" + user + "/deactivate", "{\"reason\":\"  \"}");
        assertThat(blank.statusCode()).as(blank.body()).isBetween(400, 422);
        assertThat(blank.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(blank.body()).containsIgnoringCase("reason");

        // below every boundary: the revision listener refuses a modification without a reason
        HttpResponse<String> bypass = admin.post("api/v1/it-probe/audit/change-without-reason/" + user, "{}");
        assertThat(bypass.statusCode()).as(bypass.body()).isEqualTo(422);
        assertThat(Api.object(bypass).getString("type")).endsWith("reason-required");
        assertThat(Api.object(bypass).getString("detail")).startsWith("A reason is required to change UserAccount");

        assertThat(admin.getJson("api/v1/users/" + user).getString("status")).isEqualTo("ACTIVE");
        assertThat(count("select count(*) from user_account_aud where id = '" + accountId(user) + "'")).isEqualTo(versionsBefore);
    }

    @Test
    @Tag("A11D-12-1")
    @Tag("TIME-2")
    @Tag("ALCOA-A-1")
    void every_entry_names_user_full_name_role_command_reason_client_and_utc_time_with_the_site_zone() throws SQLException {
        String user = unique("who");
        create(user, "Walter Who");
        String correlation = "it-" + UUID.randomUUID();
        HttpResponse<String> granted = http.send(HttpRequest.newBuilder(http.uri("api/v1/users/" + user + "/roles"))
                .header("Authorization", basic("admin1")).header("X-Correlation-Id", correlation)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"GRANT\",\"role\":\"OPERATOR\",\"reason\":\"qualified for line 2\"}")));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);

        JsonObject entry = inspector.getJson("api/v1/audit?entityType=RoleGrant&text=" + correlation)
                .getJsonArray("entries").getJsonObject(0);

        assertThat(entry.getString("userName")).isEqualTo("admin1");
        assertThat(entry.getString("fullName")).isEqualTo("Adam Administrator");
        assertThat(entry.getString("actingRole")).isEqualTo("ADMIN");
        assertThat(entry.getString("command")).isEqualTo("Grant role OPERATOR");
        assertThat(entry.getString("reason")).isEqualTo("qualified for line 2");
        assertThat(entry.getString("clientAddress")).isNotBlank();
        assertThat(entry.getString("correlationId")).isEqualTo(correlation);
        assertThat(entry.getString("siteZone")).isEqualTo("Europe/Berlin");
        assertThat(Instant.parse(entry.getString("recordedAt"))).isCloseTo(Instant.now(), within(120));
        assertThat(entry.getString("action")).isEqualTo("CREATED");
        assertThat(changesOf(entry)).containsEntry("role", java.util.Arrays.asList(null, "OPERATOR"));
        // the server runs with user.timezone America/New_York: the stored instant is UTC regardless
        assertThat(count("select count(*) from audit_revision where site_zone <> 'Europe/Berlin'")).isZero();
        assertThat(count("select count(*) from audit_revision where user_name = '' or full_name = ''"
                + " or acting_role = '' or command = '' or client_address = ''")).isZero();
        // schema-wide: every audited value belongs to a revision that names its performer
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement();
             ResultSet tables = sql.executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = 'ebr' and table_name like '%\\_aud'")) {
            List<String> auditTables = new ArrayList<>();
            while (tables.next()) {
                auditTables.add(tables.getString(1));
            }
            for (String table : auditTables) {
                assertThat(count("select count(*) from " + table + " a left join audit_revision r on r.id = a.rev"
                        + " where r.id is null or r.user_name = ''")).as(table).isZero();
            }
        }
    }

    @Test
    @Tag("PICS-AT-1")
    void each_interaction_is_saved_at_once_as_its_own_revision_with_its_own_time() throws SQLException {
        String user = unique("steps");
        create(user, "Stella Steps");
        List<String> qualifications = List.of("OP-GOWNING", "OP-LINE-CLEARANCE", "OP-WEIGHING", "OP-FILLING");
        for (String qualification : qualifications) {
            HttpResponse<String> recorded = admin.post("api/v1/users/" + user + "/training", "{\"qualification\":"
                    + q(qualification) + ",\"description\":\"aseptic filling line 2\",\"validFrom\":\"2026-11-01\"}");
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        }

        List<JsonObject> ofUser = new ArrayList<>();
        String id = accountId(user);
        for (JsonObject entry : inspector.getJson("api/v1/audit?entityType=TrainingRecord&size=200")
                .getJsonArray("entries").getValuesAs(JsonObject.class)) {
            if (entry.getString("action").equals("CREATED") && id.equals(changesOf(entry).get("account_id").get(1))) {
                ofUser.add(0, entry); // newest first: reversed into the order of the interactions
            }
        }
        assertThat(ofUser).extracting(e -> changesOf(e).get("qualification").get(1)).containsExactlyElementsOf(qualifications);
        assertThat(ofUser).extracting(e -> e.getJsonNumber("revision").longValue()).doesNotHaveDuplicates();
        List<Instant> times = ofUser.stream().map(e -> Instant.parse(e.getString("recordedAt"))).toList();
        assertThat(times).doesNotHaveDuplicates().isSorted();
    }

    @Test
    @Tag("A11D-12-2")
    @Tag("negative")
    void sign_ins_privilege_changes_alert_acknowledgements_and_exports_are_in_one_trail() throws SQLException {
        String user = unique("day");
        String password = activate(user, "Dora Day");
        Instant dayStart = Instant.now().truncatedTo(ChronoUnit.DAYS);
        assertThat(new Api(http, user, password).get("api/v1/me").statusCode()).isEqualTo(200);
        assertThat(grant(user, "QA_REVIEWER").statusCode()).isEqualTo(200);
        HttpResponse<String> export = new Api(http, user, password).get("api/v1/audit/export?format=csv&user=" + user);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);

        List<JsonObject> ofTheDay = inspector.getJson("api/v1/audit?size=200&user=" + user + "&from=" + dayStart
                + "&to=" + dayStart.plus(1, ChronoUnit.DAYS)).getJsonArray("entries").getValuesAs(JsonObject.class);

        assertThat(ofTheDay).anyMatch(e -> e.getString("entityType").equals("SecurityEvent")
                && "LOGIN".equals(changesOf(e).get("type").get(1)));
        assertThat(ofTheDay).anyMatch(e -> e.getString("entityType").equals("SecurityEvent")
                && "PASSWORD_CHANGED".equals(changesOf(e).get("type").get(1)));
        assertThat(ofTheDay).anyMatch(e -> e.getString("entityType").equals("RecordExport")
                && "CSV".equals(changesOf(e).get("format").get(1))
                && export.headers().firstValue("X-Content-SHA256").orElseThrow().equals(changesOf(e).get("content_sha256").get(1)));
        // an alert and its acknowledgement: a lockout, acknowledged by an administrator with a comment
        String locked = unique("alert");
        create(locked, "Alma Alert");
        Instant beforeWrong = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            new Api(http, locked, "wrong " + i).get("api/v1/me");
        }
        // the failed sign-ins are in the trail too, each with the account it tried
        assertThat(inspector.getJson("api/v1/audit?size=200&entityType=SecurityEvent&from=" + beforeWrong)
                .getJsonArray("entries").getValuesAs(JsonObject.class))
                .filteredOn(e -> changesOf(e).containsKey("subject") && locked.equals(changesOf(e).get("subject").get(1))
                        && "LOGIN_FAILED".equals(changesOf(e).get("type").get(1)))
                .hasSize(5).allSatisfy(e -> assertThat(e.getString("command")).isEqualTo("Sign-in (API)"));
        long alert = Api.array(admin.get("api/v1/security-alerts")).getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("type").equals("ACCOUNT_LOCKED") && locked.equals(a.getString("subject")))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertThat(admin.post("api/v1/security-alerts/" + alert + "/acknowledge",
                "{\"comment\":\"called the user: typing errors after a holiday\"}").statusCode()).isBetween(200, 204);
        assertThat(inspector.getJson("api/v1/audit?entityType=SecurityAlertAcknowledgement&recordId=" + alert)
                .getJsonArray("entries").getValuesAs(JsonObject.class)).singleElement().satisfies(e -> {
                    assertThat(e.getString("userName")).isEqualTo("admin1");
                    assertThat(e.getString("command")).isEqualTo("Acknowledge security alert");
                    assertThat(e.getString("reason")).isEqualTo("called the user: typing errors after a holiday");
                });
        // the grant was made by the administrator: in the administrator's trail, with the account as subject
        assertThat(inspector.getJson("api/v1/audit?entityType=SecurityEvent&user=admin1&size=200&from=" + dayStart)
                .getJsonArray("entries").getValuesAs(JsonObject.class))
                .anyMatch(e -> "ROLE_GRANTED".equals(changesOf(e).get("type").get(1)) && user.equals(changesOf(e).get("subject").get(1)));
    }

    // --- reading: roles, filters, sorting, paging, exports ------------------------------------

    @Test
    @Tag("P11-10e-4")
    @Tag("P11-10c-1")
    void qa_and_inspectors_read_the_trail_nobody_changes_or_purges_it() {
        assertThat(inspector.get("api/v1/audit").statusCode()).isEqualTo(200);
        assertThat(qa.get("api/v1/audit").statusCode()).isEqualTo(200);
        assertThat(Api.demo(http, "operator1").get("api/v1/audit").statusCode()).isEqualTo(403);
        assertThat(admin.get("api/v1/audit").statusCode()).isEqualTo(403);
        assertThat(Api.demo(http, "operator1").get("api/v1/audit/verification").statusCode()).isEqualTo(403);
        for (String method : List.of("DELETE", "PUT", "PATCH")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("api/v1/audit"))
                    .header("Authorization", basic("inspector1")).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).as(method).isEqualTo(405);
        }
        assertThat(inspector.post("api/v1/audit", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    @Tag("A11D-12-4")
    void the_trail_is_filtered_by_record_type_user_action_time_and_text_sorted_and_paged() throws SQLException {
        String user = unique("filter");
        create(user, "Fiona Filter");
        String id = accountId(user);

        JsonObject created = inspector.getJson("api/v1/audit?entityType=UserAccount&recordId=" + id + "&action=CREATED");
        assertThat(created.getInt("total")).isEqualTo(1);
        assertThat(inspector.getJson("api/v1/audit?text=Fiona&entityType=UserAccount").getJsonArray("entries")
                .getValuesAs(JsonObject.class)).isEmpty(); // text searches who/why/where, not the values
        assertThat(inspector.getJson("api/v1/audit?text=" + id.substring(0, 13)).getInt("total")).isGreaterThanOrEqualTo(1);
        assertThat(inspector.getJson("api/v1/audit?user=ADMIN1&from=" + Instant.now().minusSeconds(300)).getInt("total"))
                .isGreaterThanOrEqualTo(1);
        assertThat(inspector.getJson("api/v1/audit?to=2000-01-01T00:00:00Z").getInt("total")).isZero();

        JsonObject page = inspector.getJson("api/v1/audit?size=3&page=1");
        assertThat(page.getJsonArray("entries")).hasSize(3);
        assertThat(page.getInt("page")).isEqualTo(1);
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThan(6);
        List<Long> newestFirst = revisions(inspector.getJson("api/v1/audit?size=20"));
        assertThat(newestFirst).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<String> users = inspector.getJson("api/v1/audit?size=50&sort=user&order=asc").getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("userName").toLowerCase()).toList();
        assertThat(users).isSorted();

        for (String bad : List.of("entityType=NoSuchRecordType", "action=EDITED", "from=yesterday", "size=1000", "page=-1",
                "sort=colour", "order=up", "from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z")) {
            HttpResponse<String> response = inspector.get("api/v1/audit?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(bad)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        }
        assertThat(inspector.get("api/v1/audit/records/UserAccount/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("A11D-12-4")
    void exports_as_csv_json_and_pdf_state_the_filter_and_are_themselves_audited() throws IOException, SQLException {
        String user = unique("export");
        create(user, "Erik Export");
        String filter = "entityType=UserAccount&recordId=" + accountId(user);

        HttpResponse<String> csv = inspector.get("api/v1/audit/export?format=csv&" + filter);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".csv");
        assertThat(csv.body()).contains("revision,").contains(user);

        JsonObject json = Api.object(inspector.get("api/v1/audit/export?format=json&" + filter));
        assertThat(json.getInt("entryCount")).isEqualTo(1);
        assertThat(json.getJsonObject("filter").getString("description")).contains("record type = UserAccount");

        HttpResponse<byte[]> pdf = inspector.getBytes("api/v1/audit/export?format=pdf&" + filter);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            int pages = document.getNumberOfPages();
            for (int i = 1; i <= pages; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = stripper.getText(document);
                assertThat(text).contains("Page " + i + " of " + pages).contains("record type = UserAccount");
            }
        }
        assertThat(count("select count(*) from record_export where exported_by = 'inspector1' and format = 'PDF'"
                + " and filter_description like '%" + accountId(user) + "%'")).isEqualTo(1);

        HttpResponse<String> badFormat = inspector.get("api/v1/audit/export?format=xml");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("csv, json or pdf");
    }

    @Test
    @Tag("A11D-12-4")
    void a_recipe_save_reads_as_what_changed_in_the_recipe_under_the_versions_name_with_every_value_kept()
            throws IOException, SQLException {
        String author = unique("author");
        String password = activate(author, "Rhea Recipewriter");
        assertThat(grant(author, "RECIPE_AUTHOR").statusCode()).isEqualTo(200);
        Api writer = new Api(http, author, password);
        String recipe = RecipesIT.uniqueId();
        String document = RecipesIT.reference(recipe);
        HttpResponse<String> imported = writer.post("api/v1/recipes/import?reason=new%20product", document);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String versionId = Api.object(imported).getString("id");
        String saved = document.replace("\"upper\": 45.37", "\"upper\": 45.35");
        HttpResponse<String> save = writer.put("api/v1/recipes/" + recipe + "/versions/1", "{\"draftRevision\":1,"
                + "\"reason\":\"net weight limit after validation run 3\",\"document\":" + saved + "}");
        assertThat(save.statusCode()).as(save.body()).isEqualTo(200);

        // the trail names the version and says what the save changed, as the version comparison does
        List<JsonObject> entries = inspector.getJson("api/v1/audit?entityType=RecipeVersion&recordId=" + versionId
                + "&order=asc").getJsonArray("entries").getValuesAs(JsonObject.class);
        assertThat(entries).hasSize(2);
        for (JsonObject entry : entries) {
            assertThat(entry.getString("recordName")).isEqualTo(recipe + " version 1 (Demoprofen 10 mg/mL solution for injection)");
        }
        JsonObject created = documentChange(entries.get(0));
        assertThat(created.getJsonArray("readable").getString(0)).startsWith("Recipe document of Demoprofen 10 mg/mL")
                .contains("unit procedures");
        JsonObject change = documentChange(entries.get(1));
        assertThat(change.getJsonArray("readable").getValuesAs(JsonString.class)).map(JsonString::getString)
                .singleElement().asString().contains("upper action limit changed from 45.37 to 45.35");
        // nothing hidden: the complete old and new document stay in the entry
        assertThat(change.getString("oldValue")).contains("\"upper\": 45.37").contains("unitProcedures");
        assertThat(change.getString("newValue")).contains("\"upper\": 45.35").contains("unitProcedures");

        // the history marks the fields each revision changed, the document's change in words
        JsonArray history = Api.array(inspector.get("api/v1/audit/records/RecipeVersion/" + versionId));
        List<String> changedBySave = history.getJsonObject(1).getJsonArray("changes").getValuesAs(JsonObject.class)
                .stream().map(c -> c.getString("field")).toList();
        assertThat(changedBySave).contains("document", "content_hash").doesNotContain("recipe_id", "version_number");

        // a user account by its user name and full name
        JsonObject account = inspector.getJson("api/v1/audit?entityType=UserAccount&recordId=" + accountId(author))
                .getJsonArray("entries").getJsonObject(0);
        assertThat(account.getString("recordName")).isEqualTo(author + " (Rhea Recipewriter)");

        // the JSON export: the exact values and the name; the PDF: the change in words on one page
        String filter = "entityType=RecipeVersion&recordId=" + versionId;
        JsonObject json = Api.object(inspector.get("api/v1/audit/export?format=json&" + filter));
        JsonObject exported = json.getJsonArray("entries").getJsonObject(1);
        assertThat(exported.getString("recordName")).startsWith(recipe + " version 1");
        assertThat(exported.getJsonArray("changes").getValuesAs(JsonObject.class)).filteredOn(c -> c.getString("field").equals("document"))
                .singleElement().satisfies(c -> assertThat(c.getString("new")).isEqualTo(change.getString("newValue")));
        HttpResponse<byte[]> pdf = inspector.getBytes("api/v1/audit/export?format=pdf&" + filter);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument printed = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(printed).replaceAll("\\s+", " ");
            assertThat(printed.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains(recipe + " version 1").contains("upper action limit changed from 45.37 to 45.35")
                    .doesNotContain("unitProcedures");
        }
    }

    private static JsonObject documentChange(JsonObject entry) {
        return entry.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("field").equals("document")).findFirst().orElseThrow();
    }

    // --- append-only in the database ---------------------------------------------------------

    @Test
    @Tag("P11-10e-2")
    @Tag("ALCOA-Comp-1")
    @Tag("negative")
    void neither_the_runtime_role_nor_the_owner_can_update_delete_or_truncate_audit_tables() throws SQLException {
        List<String> tables = new ArrayList<>(List.of("audit_revision", "audit_chain_link", "record_export"));
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement();
             ResultSet rows = sql.executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = 'ebr' and table_name like '%\\_aud'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertThat(tables).contains("user_account_aud", "role_grant_aud", "training_record_aud", "security_event_aud");
        for (String table : tables) {
            boolean hasRows = count("select count(*) from " + table) > 0;
            for (Connection connection : List.of(TestDatabase.asRuntimeRole(), TestDatabase.asOwner())) {
                boolean owner = connection.getMetaData().getUserName().equals(TestDatabase.ownerRole());
                try (connection; Statement sql = connection.createStatement()) {
                    List<String> statements = new ArrayList<>();
                    // the owner's row triggers fire only for rows that exist; the runtime role lacks the privilege anyway
                    if (hasRows || !owner) {
                        statements.add("update " + table + " set " + anyColumn(table) + " = " + anyColumn(table));
                        statements.add("delete from " + table);
                    }
                    // CASCADE: a referenced table is truncated with the tables that refer to it, each with its trigger
                    statements.add("truncate " + table + " cascade");
                    for (String statement : statements) {
                        assertThatThrownBy(() -> sql.executeUpdate(statement)).as(statement + (owner ? " (owner)" : ""))
                                .isInstanceOfSatisfying(SQLException.class,
                                        e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
                    }
                }
            }
        }
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
            for (String table : List.of("user_account", "role_grant", "training_record", "security_event")) {
                assertThatThrownBy(() -> sql.executeUpdate("delete from " + table)).as(table)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
    }

    // --- integrity -----------------------------------------------------------------------------

    @Test
    @Tag("P11-10a-1")
    void an_untouched_trail_verifies_intact_online_offline_and_its_checkpoint_with_openssl() throws Exception {
        create(unique("clean"), "Carl Clean");
        HttpResponse<String> checkpoint = qa.post("api/v1/audit/checkpoints", "");
        assertThat(checkpoint.statusCode()).as(checkpoint.body()).isEqualTo(201);
        String base = Api.object(checkpoint).getString("fileName").replace(".json", "");

        JsonObject result = verification();
        assertThat(result.getBoolean("intact")).as(result.toString()).isTrue();
        assertThat(result.getJsonNumber("linksChecked").longValue()).isPositive();
        assertThat(result.getInt("checkpointsChecked")).isPositive();
        assertThat(result.getJsonArray("problems")).isEmpty();

        Offline offline = offline();
        assertThat(offline.status).as(offline.output).isZero();
        assertThat(offline.output).contains("INTACT");

        Path dir = Path.of(System.getProperty("ebr.test.checkpoint.dir"));
        Path ca = Files.writeString(Files.createTempFile("ebr-ca", ".pem"), inspector.get("api/v1/audit/certificate").body());
        Openssl.verifies("cms", "-verify", "-binary", "-inform", "DER", "-in", dir.resolve(base + ".p7s").toString(),
                "-content", dir.resolve(base + ".json").toString(), "-CAfile", ca.toString(), "-out", "/dev/null");
        Openssl.verifies("ts", "-verify", "-data", dir.resolve(base + ".json").toString(),
                "-in", dir.resolve(base + ".tsr").toString(), "-CAfile", ca.toString());
        assertThat(Files.readString(dir.resolve(base + ".json"))).contains("\"format\":\"openebr-audit-checkpoint/1\"");
    }

    @Test
    @Tag("A11D-12-3")
    void the_audit_trail_cannot_be_switched_off_a_disabled_append_only_trigger_is_a_finding() throws Exception {
        assertThat(verification().getBoolean("intact")).isTrue();
        try (Tamper off = Tamper.change("alter table training_record_aud disable trigger training_record_aud_append_only",
                "alter table training_record_aud enable trigger training_record_aud_append_only")) {
            JsonObject result = verification();
            assertThat(result.getBoolean("intact")).isFalse();
            assertThat(result.getJsonArray("problems").getString(0))
                    .isEqualTo("Audit table training_record_aud has an append-only trigger missing or disabled.");
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    @Tag("P11-10a-1")
    @Tag("A11-13-1")
    @Tag("negative")
    void an_edited_audit_row_is_found_named_and_raises_an_alert() throws Exception {
        String user = unique("edit");
        create(user, "Edith Edit");
        grant(user, "OPERATOR");
        verification();
        long rev = count("select max(rev) from role_grant_aud where account_id = '" + accountId(user) + "'");

        try (Tamper edited = Tamper.withTriggerOff("role_grant_aud", "role_grant_aud_append_only",
                "update role_grant_aud set grant_reason = 'forged' where rev = " + rev,
                "update role_grant_aud set grant_reason = 'trained and approved for the line' where rev = " + rev)) {
            JsonObject broken = verification();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getJsonNumber("firstBadRevision").longValue()).isEqualTo(rev);
            assertThat(broken.getJsonArray("problems").getString(0)).contains("Revision " + rev).contains("altered");
            Offline offline = offline();
            assertThat(offline.status).as(offline.output).isEqualTo(1);
            assertThat(offline.output).contains("first bad revision " + rev);
            assertThat(Api.array(admin.get("api/v1/security-alerts")).getValuesAs(JsonObject.class))
                    .anyMatch(a -> a.getString("type").equals("AUDIT_INTEGRITY_FAILURE") && a.getString("detail").contains("revision " + rev));
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    @Tag("P11-10a-1")
    void a_deleted_audit_row_is_found() throws Exception {
        String user = unique("delete");
        create(user, "Dana Delete");
        verification();
        String id = accountId(user);
        long rev = count("select min(rev) from user_account_aud where id = '" + id + "'");

        try (Tamper deleted = Tamper.deleting("user_account_aud", "user_account_aud_append_only",
                "id = '" + id + "' and rev = " + rev)) {
            JsonObject broken = verification();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getJsonNumber("firstBadRevision").longValue()).isEqualTo(rev);
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    @Tag("P11-10a-1")
    void a_forged_row_inserted_into_a_recorded_revision_is_found() throws Exception {
        String user = unique("forge");
        create(user, "Fred Forge");
        verification();
        long rev = count("select min(rev) from user_account_aud where id = '" + accountId(user) + "'");
        UUID forged = UUID.randomUUID();

        // an INSERT needs no trigger to be disabled: the owner may insert, like the application
        try (Tamper inserted = Tamper.change(Tamper.sql("insert into training_record_aud (id, rev, revtype, account_id,"
                        + " qualification, description, valid_from, recorded_at, recorded_by) values ('" + forged + "', " + rev
                        + ", 0, '" + accountId(user) + "', 'OP-ASEPTIC-FILLING', 'backdated', date '2026-01-01', now(), 'admin1')"),
                Tamper.triggerOff("training_record_aud", "training_record_aud_append_only",
                        "delete from training_record_aud where id = '" + forged + "'"))) {
            JsonObject broken = verification();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getJsonNumber("firstBadRevision").longValue()).isEqualTo(rev);
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    @Tag("P11-10a-1")
    void a_reordered_chain_is_found() throws Exception {
        create(unique("order"), "Otto Order");
        create(unique("order"), "Olga Order");
        verification();
        // two links behind the head: the chainer keeps appending to the (untouched) head meanwhile
        long after = count("select max(position) from audit_chain_link") - 1;
        long before = after - 1;
        long aside = after + 1_000_000_000L;
        // the primary key is checked row by row: swap through a position set aside
        List<String> swap = List.of("update audit_chain_link set position = " + aside + " where position = " + after,
                "update audit_chain_link set position = " + after + " where position = " + before,
                "update audit_chain_link set position = " + before + " where position = " + aside);

        try (Tamper reordered = Tamper.change(chain(swap), chain(swap))) {
            JsonObject broken = verification();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getJsonNumber("firstBadPosition").longValue()).isEqualTo(before);
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    @Tag("P11-10a-1")
    void a_superuser_who_edits_rows_and_recomputes_the_whole_chain_is_caught_by_the_signed_checkpoint() throws Exception {
        String user = unique("rewrite");
        create(user, "Rhea Rewrite");
        assertThat(qa.post("api/v1/audit/checkpoints", "").statusCode()).isEqualTo(201);
        long rev = count("select min(rev) from user_account_aud where id = '" + accountId(user) + "'");

        try (Tamper rewritten = Tamper.change(rewrite(rev, "Rhea Rewritten"), rewrite(rev, "Rhea Rewrite"))) {
            JsonObject broken = verification();
            assertThat(broken.getBoolean("intact")).as(broken.toString()).isFalse();
            assertThat(broken.getJsonArray("problems").getString(0)).contains("Checkpoint").contains("rewritten");
            Offline offline = offline();
            assertThat(offline.status).isEqualTo(1);
            assertThat(offline.output).contains("Checkpoint");
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    @Tag("P11-10a-1")
    void a_record_changed_in_the_database_behind_the_application_no_longer_matches_its_trail() throws Exception {
        String user = unique("behind");
        create(user, "Bea Behind");
        assertThat(verification().getBoolean("intact")).isTrue();
        // the owner (like anyone with write access to the live table) changes a GMP record without the application
        try (Tamper changed = Tamper.change("update user_account set full_name = 'Mallory' where user_name = '" + user + "'",
                "update user_account set full_name = 'Bea Behind' where user_name = '" + user + "'")) {
            JsonObject broken = verification();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getJsonArray("problems").toString()).contains("of user_account differ from their audit trail")
                    .contains(accountId(user));
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    @Tag("P11-10a-1")
    void a_forged_checkpoint_is_found() throws Exception {
        HttpResponse<String> written = qa.post("api/v1/audit/checkpoints", "");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        Path json = Path.of(System.getProperty("ebr.test.checkpoint.dir"), Api.object(written).getString("fileName"));
        byte[] original = Files.readAllBytes(json);
        String forged = new String(original, StandardCharsets.UTF_8).replaceFirst("\"revision\":\\d+", "\"revision\":1");
        json.toFile().setWritable(true);
        Files.writeString(json, forged);
        try {
            JsonObject broken = verification();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getJsonArray("problems").getString(0)).contains(json.getFileName().toString()).contains("does not verify");
        } finally {
            Files.write(json, original);
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    @Tag("P11-10a-1")
    void links_that_no_checkpoint_covers_for_too_long_are_a_finding() throws Exception {
        Path dir = Path.of(System.getProperty("ebr.test.checkpoint.dir"));
        Path aside = Files.createTempDirectory("it-checkpoints-aside");
        List<Path> moved = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).toList()) {
                moved.add(Files.move(file, aside.resolve(file.getFileName())));
            }
        }
        try (Tamper aged = Tamper.change(
                chain(List.of("update audit_chain_link set chained_at = chained_at - interval '1 day' where position = 1")),
                chain(List.of("update audit_chain_link set chained_at = chained_at + interval '1 day' where position = 1")))) {
            JsonObject result = verification();
            assertThat(result.getBoolean("intact")).isFalse();
            assertThat(result.getJsonArray("problems").getString(0)).contains("Links from 1 on").contains("no signed checkpoint");
        } finally {
            for (Path file : moved) {
                Files.move(aside.resolve(file.getFileName()), file);
            }
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Edits a full name in the audit trail and recomputes every link from there on, as a superuser could. */
    private static Tamper.Step rewrite(long rev, String fullName) {
        return owner -> rewrite(owner, rev, fullName);
    }

    private static void rewrite(Connection owner, long rev, String fullName) throws SQLException {
        try (Statement sql = owner.createStatement()) {
            AuditChainStore store = new AuditChainStore(owner);
            store.lockChain();
            sql.execute("alter table user_account_aud disable trigger user_account_aud_append_only");
            sql.execute("alter table audit_chain_link disable trigger audit_chain_link_append_only");
            sql.execute("update user_account_aud set full_name = " + Tamper.text(fullName) + " where rev = " + rev);
            long position = count(owner, "select position from audit_chain_link where revision_id = " + rev);
            List<AuditChainStore.Link> links = store.links(position, Integer.MAX_VALUE);
            byte[] chain = position == 1 ? CanonicalRevision.GENESIS : store.links(position - 1, 1).get(0).chainHash();
            Map<Long, byte[]> contents = store.canonical(links.stream().map(AuditChainStore.Link::revisionId).toList());
            try (PreparedStatement update = owner.prepareStatement(
                    "update audit_chain_link set content_hash = ?, chain_hash = ? where position = ?")) {
                for (AuditChainStore.Link link : links) {
                    byte[] content = CanonicalRevision.sha256(contents.get(link.revisionId()));
                    chain = CanonicalRevision.link(chain, content);
                    update.setBytes(1, content);
                    update.setBytes(2, chain);
                    update.setLong(3, link.position());
                    update.executeUpdate();
                }
            }
            sql.execute("alter table user_account_aud enable trigger user_account_aud_append_only");
            sql.execute("alter table audit_chain_link enable trigger audit_chain_link_append_only");
        }
    }

    /** Changes to the chain as a superuser would make them: the chain locked against the chainer, its trigger off. */
    private static Tamper.Step chain(List<String> statements) {
        return owner -> {
            new AuditChainStore(owner).lockChain();
            Tamper.triggerOff("audit_chain_link", "audit_chain_link_append_only", statements.toArray(String[]::new)).on(owner);
        };
    }

    private JsonObject verification() {
        HttpResponse<String> response = inspector.get("api/v1/audit/verification");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.object(response);
    }

    private record Offline(int status, String output) {
    }

    /** The offline verifier of bin/ebr verify-audit, run against the test database. */
    private static Offline offline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = org.openebr.audit.control.VerifyAuditCommand.run(new String[] {
                "--url", System.getProperty("ebr.test.db.url"), "--user", TestDatabase.runtimeRole(),
                "--checkpoints", System.getProperty("ebr.test.checkpoint.dir"),
                "--ca", Path.of(System.getProperty("ebr.test.key.dir"), "ca.pem").toString()},
                System.getProperty("ebr.test.db.password"), print, print);
        return new Offline(status, out.toString(StandardCharsets.UTF_8));
    }



    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> changesOf(JsonObject entry) {
        Map<String, List<String>> changes = new java.util.HashMap<>();
        for (JsonObject change : entry.getJsonArray("changes").getValuesAs(JsonObject.class)) {
            changes.put(change.getString("field"), java.util.Arrays.asList(text(change, "oldValue"), text(change, "newValue")));
        }
        return changes;
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value == null || value == JsonValue.NULL ? null : object.getString(name);
    }

    private static List<Long> revisions(JsonObject page) {
        JsonArray entries = page.getJsonArray("entries");
        return entries.getValuesAs(JsonObject.class).stream().map(e -> e.getJsonNumber("revision").longValue()).toList();
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return org.assertj.core.api.Assertions.within(seconds, ChronoUnit.SECONDS);
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private void create(String user, String fullName) {
        new People(http, PASSWORD).create(user, fullName);
    }

    private String activate(String user, String fullName) {
        new People(http, PASSWORD).activate(user, fullName);
        return PASSWORD;
    }

    private HttpResponse<String> grant(String user, String role) {
        return admin.post("api/v1/users/" + user + "/roles",
                "{\"action\":\"GRANT\",\"role\":\"" + role + "\",\"reason\":\"trained and approved for the line\"}");
    }

    private static String accountId(String user) throws SQLException {
        try (Connection app = TestDatabase.asRuntimeRole();
             PreparedStatement select = app.prepareStatement("select id from user_account where user_name = ?")) {
            select.setString(1, user);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("account " + user).isTrue();
                return row.getString(1);
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection app = TestDatabase.asRuntimeRole()) {
            return count(app, sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String anyColumn(String table) {
        return table.equals("audit_chain_link") ? "position" : table.equals("audit_revision") || table.equals("record_export")
                ? "id" : "rev";
    }
}
