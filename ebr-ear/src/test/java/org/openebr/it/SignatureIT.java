package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Electronic signatures on the real server: the ceremony through the API, the cryptographic
 * binding checked by openssl on a bundle the server produced, and every refusal. IT_STEP is a
 * test-only record type (see ItStepRecordType) standing in for the steps batches will have.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignatureIT {

    private static final String PASSWORD = "sterile filtration before filling";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Api admin;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        admin = Api.demo(http, "admin1");
    }

    @Test
    @Tag("A11D-13-3")
    void nonces_that_expired_unused_are_purged_and_no_other_nonce_can_be_deleted() throws SQLException {
        String user = signer("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        String unused = nonce(me);
        String used = nonce(me);
        String fresh = nonce(me);
        // the nonce is used up before anything else is checked, also by a request that is then refused
        HttpResponse<String> refused = me.post("api/v1/signatures", "{\"recordType\":\"NO_SUCH_RECORD_TYPE\","
                + "\"recordId\":\"1\",\"meaning\":\"APPROVED\",\"userName\":" + q(user) + ",\"password\":"
                + q(PASSWORD) + ",\"nonce\":" + q(used) + "}");
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        Tamper.setUp("UPDATE signature_nonce SET issued_at = now() - interval '3 days', expires_at = now()"
                + " - interval '2 days' WHERE nonce IN (" + sqlText(unused) + ", " + sqlText(used) + ")");
        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM signature_nonce WHERE nonce = " + sqlText(fresh)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("only a nonce expired more than a day ago");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM signature_nonce WHERE nonce = " + sqlText(used)))
                    .as("a used nonce stays with the record of its use").isInstanceOf(SQLException.class);
        }

        HttpResponse<String> purged = admin.post("api/v1/it-probe/nonces/purge", "");
        assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);

        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement();
             ResultSet rows = sql.executeQuery("SELECT nonce FROM signature_nonce WHERE nonce IN (" + sqlText(unused)
                     + ", " + sqlText(used) + ", " + sqlText(fresh) + ")")) {
            List<String> left = new ArrayList<>();
            while (rows.next()) {
                left.add(rows.getString(1));
            }
            assertThat(left).containsExactlyInAnyOrder(used, fresh);
        }
    }

    private static String sqlText(String value) {
        return Tamper.text(value);
    }

    @Test
    @Tag("P11-10j-1")
    @Tag("P11-50a-1")
    @Tag("A11D-13-1")
    void the_accountability_statement_is_signed_through_the_api_and_verifies_offline_with_openssl() throws Exception {
        String user = signer("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        assertThat(me.getJson("api/v1/me/accountability-statement").getString("text")).contains("legally binding");

        HttpResponse<String> signed = signStatement(me, user, PASSWORD, nonce(me));

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        JsonObject signature = Api.object(signed);
        String id = signature.getString("id");
        JsonObject shown = me.getJson("api/v1/signatures/" + id);
        assertThat(shown.getString("printedName")).isEqualTo("Sina Signer");
        assertThat(shown.getString("userName")).isEqualTo(user);
        assertThat(shown.getString("role")).isEqualTo("OPERATOR");
        assertThat(shown.getString("meaning")).isEqualTo("APPROVED");
        assertThat(shown.getString("siteZone")).isEqualTo("Europe/Berlin");
        assertThat(shown.getString("signedAtSite")).endsWith("Europe/Berlin");
        assertThat(shown.getBoolean("valid")).as(shown.toString()).isTrue();
        assertThat(me.getJson("api/v1/me/accountability-statement").getJsonObject("signature").getString("id")).isEqualTo(id);

        HttpResponse<byte[]> zip = me.getBytes("api/v1/signatures/" + id + "/bundle");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        Path bundle = SignatureBundles.unpack(zip.body());
        assertThat(bundle.resolve("record.json")).exists();
        SignatureBundles.verifiesWithOpenssl(bundle, bundle.resolve("ca.pem"));
        String record = Files.readString(bundle.resolve("record.json"));
        assertThat(record).contains("\"userName\":\"" + user + "\"").contains("\"meaning\":\"APPROVED\"")
                .contains("legally binding");

        flipOneByte(bundle.resolve("record.json"));
        flipOneByte(bundle.resolve("signature-value.bin"));
        Openssl.refuses("cms", "-verify", "-binary", "-inform", "DER", "-in", bundle.resolve("signature.p7s").toString(),
                "-content", bundle.resolve("record.json").toString(), "-CAfile", bundle.resolve("ca.pem").toString(),
                "-out", "/dev/null");
        Openssl.refuses("ts", "-verify", "-data", bundle.resolve("signature-value.bin").toString(),
                "-in", bundle.resolve("timestamp.tsr").toString(), "-CAfile", bundle.resolve("ca.pem").toString());
    }

    @Test
    @Tag("P11-10j-1")
    void nobody_signs_a_record_before_the_accountability_statement() {
        String user = signer("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        step("fill-weight-" + user, "812");

        HttpResponse<String> refused = signStep(me, user, "fill-weight-" + user, "PERFORMED", PASSWORD, nonce(me));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("accountability statement");
    }

    @Test
    @Tag("A11D-13-3")
    @Tag("P11-200-1")
    @Tag("negative")
    void every_signing_re_authenticates_and_a_nonce_works_once() {
        String user = ready("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        String step = "ph-" + user;
        step(step, "7.2");

        assertThat(signStep(me, user, step, "PERFORMED", "", nonce(me)).statusCode()).isEqualTo(400);
        assertThat(signStep(me, null, step, "PERFORMED", PASSWORD, nonce(me)).statusCode()).isEqualTo(400);
        assertThat(signStep(me, user, step, "PERFORMED", PASSWORD, "made-up-nonce").statusCode()).isEqualTo(409);

        String nonce = nonce(me);
        HttpResponse<String> first = signStep(me, user, step, "PERFORMED", PASSWORD, nonce);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        step(step, "7.3"); // a new version: the same request again would otherwise be a new, valid signing
        HttpResponse<String> replayed = signStep(me, user, step, "PERFORMED", PASSWORD, nonce);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(409);
        assertThat(Api.object(replayed).getString("type")).endsWith("signature-nonce-refused");
        String failed = nonce(me);
        assertThat(signStep(me, user, step, "PERFORMED", "not my password", failed).statusCode()).isEqualTo(401);
        assertThat(signStep(me, user, step, "PERFORMED", PASSWORD, failed).statusCode())
                .as("a nonce is used up by a failed signing too").isEqualTo(409);
        String others = nonce(Api.demo(http, "operator1"));
        assertThat(signStep(me, user, step, "PERFORMED", PASSWORD, others).statusCode())
                .as("someone else's nonce").isEqualTo(409);
    }

    @Test
    @Tag("P11-300d-1")
    void wrong_passwords_at_signing_count_toward_lockout() {
        String user = ready("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        String step = "lock-" + user;
        step(step, "1");
        List<String> nonces = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nonces.add(nonce(me));
        }
        for (String nonce : nonces) {
            signStep(me, user, step, "PERFORMED", "wrong password", nonce);
        }
        assertThat(admin.getJson("api/v1/users/" + user).getString("status")).isEqualTo("LOCKED");
        assertThat(Api.array(admin.get("api/v1/security-alerts")).getValuesAs(JsonObject.class))
                .anyMatch(a -> a.getString("type").equals("ACCOUNT_LOCKED") && user.equals(a.getString("subject")));
    }

    @Test
    @Tag("P11-200-3")
    @Tag("negative")
    void nobody_signs_as_someone_else_and_the_attempt_is_recorded() {
        String user = ready("OPERATOR");
        String other = ready("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        step("other-" + user, "3");

        HttpResponse<String> refused = signStep(me, other, "other-" + user, "PERFORMED", PASSWORD, nonce(me));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.array(admin.get("api/v1/security-events?type=SIGNATURE_REFUSED&user=" + user))
                .getValuesAs(JsonObject.class)).anyMatch(e -> e.getString("detail").contains("only sign as yourself"));
    }

    @Test
    @Tag("P11-100b-1")
    void no_signature_without_a_recorded_identity_verification() {
        String user = signer("OPERATOR", false);
        Api me = new Api(http, user, PASSWORD);

        HttpResponse<String> refused = signStatement(me, user, PASSWORD, nonce(me));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("verification of your identity");
    }

    @Test
    @Tag("P11-10g-2")
    @Tag("C4D-4.66-1")
    void a_second_person_verifies_and_the_performer_never_verifies_their_own_step() {
        String performer = ready("OPERATOR");
        String verifier = ready("SUPERVISOR");
        String step = "weigh-" + performer;
        step(step, "12.504");
        Api p = new Api(http, performer, PASSWORD);
        Api v = new Api(http, verifier, PASSWORD);

        assertThat(signStep(p, performer, step, "PERFORMED", PASSWORD, nonce(p)).statusCode()).isEqualTo(201);
        HttpResponse<String> own = signStep(p, performer, step, "VERIFIED", PASSWORD, nonce(p));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("second person");
        assertThat(signStep(v, verifier, step, "PERFORMED", PASSWORD, nonce(v)).statusCode())
                .as("PERFORMED needs the OPERATOR role").isEqualTo(403);
        assertThat(signStep(v, verifier, step, "RELEASED", PASSWORD, nonce(v)).statusCode())
                .as("IT_STEP takes no RELEASED signature").isEqualTo(403);
        HttpResponse<String> verified = signStep(v, verifier, step, "VERIFIED", PASSWORD, nonce(v));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(201);
        // the other way round too: whoever verified a step never performs it
        String reverse = "reverse-" + performer;
        step(reverse, "1.0");
        assertThat(signStep(p, performer, reverse, "VERIFIED", PASSWORD, nonce(p)).statusCode()).isEqualTo(201);
        HttpResponse<String> ownPerformed = signStep(p, performer, reverse, "PERFORMED", PASSWORD, nonce(p));
        assertThat(ownPerformed.statusCode()).as(ownPerformed.body()).isEqualTo(403);
        assertThat(Api.array(v.get("api/v1/signatures?recordType=IT_STEP&recordId=" + step)).getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("meaning") + " " + s.getString("userName") + " " + s.getBoolean("valid"))
                .containsExactly("PERFORMED " + performer + " true", "VERIFIED " + verifier + " true");
    }

    @Test
    @Tag("P11-70-1")
    @Tag("A11D-13-2")
    @Tag("negative")
    void a_change_after_signing_invalidates_the_signature_and_the_new_version_is_unsigned() {
        String user = ready("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        String step = "temp-" + user;
        step(step, "21.0");
        String id = Api.object(signStep(me, user, step, "PERFORMED", PASSWORD, nonce(me))).getString("id");
        assertThat(me.getJson("api/v1/signatures/" + id).getBoolean("valid")).isTrue();

        step(step, "22.0");

        JsonObject after = me.getJson("api/v1/signatures/" + id);
        assertThat(after.getBoolean("valid")).isFalse();
        assertThat(after.getJsonArray("problems").getString(0)).contains("changed after signing");
        // the new version can be signed again (it is unsigned until then)
        assertThat(signStep(me, user, step, "PERFORMED", PASSWORD, nonce(me)).statusCode()).isEqualTo(201);
    }

    @Test
    @Tag("P11-70-1")
    @Tag("P11-50b-1")
    @Tag("P11-10a-1")
    void a_signature_row_cannot_be_changed_and_moved_to_another_record_it_no_longer_verifies() throws SQLException {
        String user = ready("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        step("a-" + user, "1.0");
        step("b-" + user, "1.0");
        String id = Api.object(signStep(me, user, "a-" + user, "PERFORMED", PASSWORD, nonce(me))).getString("id");

        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.executeUpdate(
                            "update electronic_signature set record_id = 'b-" + user + "' where id = '" + id + "'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        try (Tamper moved = Tamper.withTriggerOff("electronic_signature", "electronic_signature_append_only",
                "update electronic_signature set record_id = 'b-" + user + "' where id = '" + id + "'",
                "update electronic_signature set record_id = 'a-" + user + "' where id = '" + id + "'")) {
            JsonObject shown = me.getJson("api/v1/signatures/" + id);
            assertThat(shown.getString("recordId")).isEqualTo("b-" + user);
            assertThat(shown.getBoolean("valid")).isFalse();
            // the audit trail's verifier sees the tampering too (the row no longer matches its audit row)
            assertThat(Api.demo(http, "inspector1").getJson("api/v1/audit/verification").getJsonArray("problems").toString())
                    .contains("electronic_signature differ from their audit trail");
        }
        assertThat(me.getJson("api/v1/signatures/" + id).getBoolean("valid")).isTrue();
    }

    @Test
    @Tag("A11D-13-3")
    void of_two_concurrent_signings_of_the_same_record_exactly_one_succeeds() throws Exception {
        String user = ready("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        String step = "race-" + user;
        step(step, "5");
        List<String> nonces = List.of(nonce(me), nonce(me), nonce(me));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String nonce : nonces) {
                Callable<Integer> sign = () -> signStep(me, user, step, "PERFORMED", PASSWORD, nonce).statusCode();
                results.add(pool.submit(sign));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnlyOnce(201).filteredOn(s -> s != 201).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Tag("P11-50b-1")
    void deactivating_an_account_revokes_its_credential_and_its_earlier_signatures_stay_valid() {
        String user = ready("OPERATOR");
        String statement = Api.object(new Api(http, user, PASSWORD).get("api/v1/me/accountability-statement"))
                .getJsonObject("signature").getString("id");
        assertThat(admin.post("api/v1/users/" + user + "/deactivate", "{\"reason\":\"left the company\"}").statusCode())
                .isEqualTo(200);

        JsonObject credential = Api.array(admin.get("api/v1/signing-credentials/" + user)).getJsonObject(0);
        assertThat(credential.getString("revokeReason")).contains("left the company");
        JsonObject signature = Api.demo(http, "inspector1").getJson("api/v1/signatures/" + statement);
        assertThat(signature.getBoolean("valid")).as(signature.toString()).isTrue();
    }

    @Test
    @Tag("A11D-11-5")
    @Tag("C4D-4.66-1")
    void the_access_review_is_recorded_and_signed_reviewed_by_an_administrator_only() {
        String reviewer = ready("ADMIN");
        Api me = new Api(http, reviewer, PASSWORD);
        HttpResponse<String> recorded = me.post("api/v1/access-review/records", "");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String review = Api.object(recorded).getString("id");
        assertThat(Api.object(recorded).getString("reportJson")).contains("dormantDays");

        HttpResponse<String> signed = me.post("api/v1/signatures", "{\"recordType\":\"ACCESS_REVIEW\",\"recordId\":"
                + q(review) + ",\"meaning\":\"REVIEWED\",\"userName\":" + q(reviewer) + ",\"password\":" + q(PASSWORD)
                + ",\"nonce\":" + q(nonce(me)) + "}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        JsonObject shown = Api.demo(http, "inspector1").getJson("api/v1/signatures/" + Api.object(signed).getString("id"));
        assertThat(shown.getString("meaning")).isEqualTo("REVIEWED");
        assertThat(shown.getString("role")).isEqualTo("ADMIN");
        assertThat(shown.getBoolean("valid")).as(shown.toString()).isTrue();

        String operator = ready("OPERATOR");
        Api op = new Api(http, operator, PASSWORD);
        assertThat(op.post("api/v1/signatures", "{\"recordType\":\"ACCESS_REVIEW\",\"recordId\":" + q(review)
                + ",\"meaning\":\"REVIEWED\",\"userName\":" + q(operator) + ",\"password\":" + q(PASSWORD)
                + ",\"nonce\":" + q(nonce(op)) + "}").statusCode()).isEqualTo(403);
    }

    @Test
    void bad_input_is_answered_with_a_problem_not_a_stack_trace() {
        String user = ready("OPERATOR");
        Api me = new Api(http, user, PASSWORD);
        assertThat(me.get("api/v1/signatures/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(me.get("api/v1/signatures/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        HttpResponse<String> meaning = me.post("api/v1/signatures", "{\"recordType\":\"IT_STEP\",\"recordId\":\"x\","
                + "\"meaning\":\"BLESSED\",\"userName\":" + q(user) + ",\"password\":\"x\",\"nonce\":\"n\"}");
        assertThat(meaning.statusCode()).isEqualTo(400);
        assertThat(me.post("api/v1/signatures", "{\"recordType\":\"NO_SUCH\",\"recordId\":\"x\",\"meaning\":\"PERFORMED\","
                + "\"userName\":" + q(user) + ",\"password\":" + q(PASSWORD) + ",\"nonce\":" + q(nonce(me)) + "}").statusCode())
                .isEqualTo(404);
        assertThat(me.post("api/v1/me/accountability-statement/signature", "{}").statusCode()).isEqualTo(400);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A new person with a password and a role, identity verified, statement signed: ready to sign. */
    private String ready(String role) {
        String user = signer(role);
        Api me = new Api(http, user, PASSWORD);
        HttpResponse<String> statement = signStatement(me, user, PASSWORD, nonce(me));
        assertThat(statement.statusCode()).as(statement.body()).isEqualTo(201);
        return user;
    }

    private String signer(String role) {
        return signer(role, true);
    }

    private String signer(String role, boolean identityVerified) {
        People people = new People(http, PASSWORD);
        return identityVerified ? people.credentialed("Sina Signer", role) : people.person("Sina Signer", role);
    }

    private static String nonce(Api me) {
        HttpResponse<String> nonce = me.post("api/v1/signatures/nonces", "");
        assertThat(nonce.statusCode()).as(nonce.body()).isEqualTo(201);
        return Api.object(nonce).getString("nonce");
    }

    private static HttpResponse<String> signStatement(Api me, String user, String password, String nonce) {
        return me.post("api/v1/me/accountability-statement/signature",
                "{\"userName\":" + q(user) + ",\"password\":" + q(password) + ",\"nonce\":" + q(nonce) + "}");
    }

    private static HttpResponse<String> signStep(Api me, String user, String step, String meaning, String password,
                                                 String nonce) {
        return me.post("api/v1/signatures", "{\"recordType\":\"IT_STEP\",\"recordId\":" + q(step) + ",\"meaning\":"
                + q(meaning) + (user == null ? "" : ",\"userName\":" + q(user)) + ",\"password\":" + q(password)
                + ",\"nonce\":" + q(nonce) + "}");
    }

    private void step(String id, String value) {
        HttpResponse<String> recorded = http.send(HttpRequest.newBuilder(http.uri("api/v1/it-probe/steps/" + id
                        + "?parameter=fill-weight&unit=mg&value=" + value))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin1:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(recorded.statusCode()).isEqualTo(204);
    }


    private static void flipOneByte(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 0x01;
        Files.write(file, content);
    }

}
