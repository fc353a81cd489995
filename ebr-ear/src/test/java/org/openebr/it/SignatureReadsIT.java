package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
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
 * Who reads a signature on the real server: the signer, QA, inspectors and administrators read any
 * (within the record's own read rules); on a record type that names its readers (a master recipe
 * version: everyone who reads recipes) those too; anyone else gets a 403 problem and a security
 * event. And a technical account that tries to sign is refused by rule (403), not as if its
 * password were wrong.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignatureReadsIT {

    private static final String PROBLEM = "application/problem+json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    People people;
    Api admin;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        people = new People(http);
        admin = Api.demo(http, "admin1");
    }

    @Test
    @Tag("P11-10g-1")
    void another_persons_signature_and_bundle_are_read_only_by_the_signer_qa_inspectors_and_administrators() {
        String signer = people.signer("Sina Signer", "OPERATOR");
        String other = people.person("Otto Other", "OPERATOR");
        String id = people.api(signer).getJson("api/v1/me/accountability-statement").getJsonObject("signature").getString("id");
        String list = "api/v1/signatures?recordType=ACCOUNTABILITY_STATEMENT&recordId=" + signer;

        for (Api reader : List.of(people.api(signer), Api.demo(http, "qa1"), Api.demo(http, "qa2"),
                Api.demo(http, "inspector1"), admin)) {
            assertThat(reader.getJson("api/v1/signatures/" + id).getString("userName")).isEqualTo(signer);
            assertThat(reader.getBytes("api/v1/signatures/" + id + "/bundle").statusCode()).isEqualTo(200);
            assertThat(Api.array(reader.get(list))).hasSize(1);
        }

        for (Api refused : List.of(people.api(other), Api.demo(http, "supervisor1"), Api.demo(http, "author1"),
                Api.demo(http, "erp-client"))) {
            refusedToRead(refused.get("api/v1/signatures/" + id));
            refusedToRead(refused.get(list));
            HttpResponse<byte[]> bundle = refused.getBytes("api/v1/signatures/" + id + "/bundle");
            assertThat(bundle.statusCode()).isEqualTo(403);
            assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        }
        JsonArray denied = Api.array(admin.get("api/v1/security-events?type=ACCESS_DENIED&user=" + other));
        assertThat(denied.getValuesAs(JsonObject.class)).extracting(e -> e.getString("detail"))
                .anyMatch(d -> d.contains("signature " + id))
                .anyMatch(d -> d.contains("the signatures of ACCOUNTABILITY_STATEMENT " + signer));
        // the own (empty) list, and a record nobody signed, are no one else's signatures
        assertThat(Api.array(people.api(other).get("api/v1/signatures?recordType=ACCOUNTABILITY_STATEMENT&recordId="
                + other))).isEmpty();
        assertThat(Api.array(people.api(other).get("api/v1/signatures?recordType=NO_SUCH_TYPE&recordId=x"))).isEmpty();
    }

    @Test
    @Tag("P11-10g-1")
    void recipe_signatures_are_read_by_everyone_who_reads_master_recipes_and_by_nobody_else() {
        String author = people.signer("Arne Author", "RECIPE_AUTHOR");
        String recipe = RecipesIT.uniqueId();
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import?reason=reads",
                RecipesIT.reference(recipe));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        HttpResponse<String> signed = people.sign(author, "RECIPE_VERSION", recipe + ":1", "PERFORMED");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        String id = Api.object(signed).getString("id");
        String list = "api/v1/signatures?recordType=RECIPE_VERSION&recordId=" + recipe + ":1";

        // the designer shows every version's signatures to these roles; a batch checks them before it follows a version
        for (String reader : List.of("approver1", "author1", "qa1", "inspector1")) {
            Api api = Api.demo(http, reader);
            assertThat(api.getJson("api/v1/signatures/" + id).getString("meaning")).as(reader).isEqualTo("PERFORMED");
            assertThat(Api.array(api.get(list))).as(reader).hasSize(1);
            assertThat(api.getBytes("api/v1/signatures/" + id + "/bundle").statusCode()).as(reader).isEqualTo(200);
        }
        // operators, supervisors and the ERP interface (its orders plan batches) work from effective versions only:
        // a draft's signatures are not theirs to read
        for (String floor : List.of("operator1", "supervisor1", "erp-client")) {
            HttpResponse<String> draft = Api.demo(http, floor).get("api/v1/signatures/" + id);
            assertThat(draft.statusCode()).as(floor + ": " + draft.body()).isEqualTo(403);
            assertThat(draft.body()).as(floor).contains("recipe-effective-only");
        }
        // a role that reads no recipe at all is refused the signature, and told who may read it
        Api warehouse = people.api(people.person("Wim Warehouse", "WAREHOUSE"));
        refusedToRead(warehouse.get("api/v1/signatures/" + id));
        HttpResponse<String> warehouseList = warehouse.get(list);
        refusedToRead(warehouseList);
        assertThat(Api.object(warehouseList).getString("detail")).contains("on RECIPE_VERSION records, by ERP_INTERFACE,"
                + " OPERATOR, RECIPE_APPROVER, RECIPE_AUTHOR, SUPERVISOR");
        // administrators read any signature, but no master recipe: the recipe's own read rules still apply
        HttpResponse<String> byAdmin = admin.get("api/v1/signatures/" + id);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(403);
        assertThat(byAdmin.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
    }

    @Test
    void bad_signature_ids_are_a_400_or_404_problem_whoever_asks() {
        String other = people.person("Bea Bad", "OPERATOR");
        for (Api api : List.of(people.api(other), admin)) {
            HttpResponse<String> notAnId = api.get("api/v1/signatures/not-a-uuid");
            assertThat(notAnId.statusCode()).isEqualTo(400);
            assertThat(notAnId.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
            assertThat(api.get("api/v1/signatures/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
            assertThat(api.getBytes("api/v1/signatures/" + UUID.randomUUID() + "/bundle").statusCode()).isEqualTo(404);
            assertThat(api.get("api/v1/signatures?recordType=ACCOUNTABILITY_STATEMENT").statusCode()).isEqualTo(400);
        }
    }

    @Test
    @Tag("A11D-11-1")
    void a_technical_account_that_tries_to_sign_gets_403_signature_not_allowed_and_the_attempt_is_recorded() {
        String password = "sterile vials need a careful key";
        String user = "erp-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = admin.post("api/v1/users", "{\"userName\":" + q(user) + ",\"fullName\":\"ERP line 2\","
                + "\"technical\":true,\"reason\":\"interface of line 2\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String oneTime = Api.object(created).getString("oneTimePassword");
        assertThat(new Api(http, user, oneTime).post("api/v1/me/password", "{\"currentPassword\":" + q(oneTime)
                + ",\"newPassword\":" + q(password) + "}").statusCode()).isEqualTo(200);
        people.grant(user, "ERP_INTERFACE");
        Api erp = new Api(http, user, password);

        HttpResponse<String> refused = signOwnStatement(erp, user, password);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        assertThat(Api.object(refused).getString("type")).endsWith("/signature-not-allowed");
        assertThat(Api.object(refused).getString("detail")).contains("Technical accounts cannot sign");
        // a wrong password is still a failed re-authentication (401), and says nothing about the account
        HttpResponse<String> wrong = signOwnStatement(erp, user, "not the password");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
        assertThat(Api.object(wrong).getString("detail")).doesNotContain("echnical");
        assertThat(Api.array(admin.get("api/v1/security-events?type=SIGNATURE_REFUSED&user=" + user))
                .getValuesAs(JsonObject.class)).anyMatch(e -> e.getString("detail").contains("Technical accounts cannot sign"));
        assertThat(Api.object(erp.get("api/v1/me/accountability-statement")).containsKey("signature")).isFalse();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void refusedToRead(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        JsonObject problem = Api.object(response);
        assertThat(problem.getString("type")).endsWith("/signature-not-allowed");
        assertThat(problem.getString("detail")).contains("read only by QA, inspectors and administrators")
                .contains("The attempt has been recorded");
    }

    private static HttpResponse<String> signOwnStatement(Api me, String user, String password) {
        return me.post("api/v1/signatures", "{\"recordType\":\"ACCOUNTABILITY_STATEMENT\",\"recordId\":" + q(user)
                + ",\"meaning\":\"APPROVED\",\"userName\":" + q(user) + ",\"password\":" + q(password)
                + ",\"nonce\":" + q(People.nonce(me)) + "}");
    }
}
