package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
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
 * Materials on the real server through the API: the demo material master, goods receipt into
 * quarantine, QA's release and rejection as signatures (never by the person who received the lot),
 * block and unblock, custody transfers with the receiver's password for a controlled material,
 * dispensing with a verifier, every bad input of the issue that is the materials' (each with its own
 * problem type, nothing recorded half-way), two dispensings from one container at the same moment,
 * and the material gate.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MaterialsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    People people;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        people = new People(http);
    }

    @Test
    void the_reference_recipes_materials_are_master_data_named_as_the_recipe_names_them() {
        JsonArray materials = Api.array(Api.demo(http, "operator1").get("api/v1/materials"));

        assertThat(materials.stream().map(m -> m.asJsonObject().getString("name")).toList())
                .contains("Demoprofen", "sodium chloride", "sodium phosphate dibasic", "sodium hydroxide 1 N",
                        "water for injection");
        assertThat(materials.stream().map(m -> m.asJsonObject().getString("materialNumber")).toList())
                .contains("FG-DEMOPROFEN-2ML", "RM-DEMOPROFEN");
        JsonObject api = material(materials, "RM-DEMOPROFEN");
        assertThat(api.getString("type")).isEqualTo("API");
        assertThat(api.getBoolean("controlled")).isTrue();
        assertThat(api.getString("gtin")).matches("[0-9]{14}");
    }

    @Test
    void the_demo_lots_are_released_expired_and_in_quarantine_as_the_demo_needs_them() {
        JsonArray lots = Api.array(Api.demo(http, "qa2").get("api/v1/lots"));

        JsonObject expired = bySupplierLot(lots, "NC2201-0904");
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(expired.getString("recordedStatus")).isEqualTo("RELEASED");
        assertThat(expired.getBoolean("usable")).isFalse();
        JsonObject quarantined = bySupplierLot(lots, "DP2312-0502");
        assertThat(quarantined.getString("status")).isEqualTo("QUARANTINE");
        assertThat(quarantined.getString("receivedBy")).isEqualTo("warehouse1");
        JsonObject api = bySupplierLot(lots, "DP2311-0457");
        assertThat(api.getString("status")).isEqualTo("RELEASED");
        assertThat(api.getString("statusChangedBy")).isEqualTo("qa2");
        assertThat(api.getJsonArray("containers")).hasSize(3); // 3 x 500 g: two batches of 453.6 g
    }

    @Test
    void a_received_lot_waits_in_quarantine_until_qa_releases_it_with_a_signature() {
        String warehouse = warehouse();
        String releaser = releaser();

        HttpResponse<String> received = people.api(warehouse).post("api/v1/lots", receipt("RM-NACL", "[{\"quantity\":25,"
                + "\"unit\":\"kg\"},{\"quantity\":25000,\"unit\":\"g\"}]"));

        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonObject lot = Api.object(received);
        String lotId = lot.getString("lotId");
        assertThat(lotId).matches("L-\\d{4}-\\d{6}");
        assertThat(lot.getString("status")).isEqualTo("QUARANTINE");
        assertThat(lot.getString("receivedBy")).isEqualTo(warehouse);
        JsonArray containers = lot.getJsonArray("containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.getJsonObject(0).getString("containerId")).matches("C-\\d{7}");
        assertThat(containers.getJsonObject(0).getString("location")).isEqualTo("Quarantine store");
        assertThat(received.headers().firstValue("Location").orElseThrow()).endsWith("/lots/" + lotId);
        JsonObject container = people.api(warehouse).getJson("api/v1/containers/"
                + containers.getJsonObject(0).getString("containerId"));
        assertThat(container.getJsonArray("history")).hasSize(1);
        assertThat(container.getJsonArray("history").getJsonObject(0).getString("kind")).isEqualTo("RECEIVED");

        HttpResponse<String> signed = people.sign(releaser, "LOT", lotId, "RELEASED");

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        JsonObject released = people.api(releaser).getJson("api/v1/lots/" + lotId);
        assertThat(released.getString("status")).isEqualTo("RELEASED");
        assertThat(released.getString("statusChangedBy")).isEqualTo(releaser);
        assertThat(released.getBoolean("usable")).isTrue();
        // a released lot is not released twice, and a warehouse worker does not decide at all
        assertThat(people.sign(releaser, "LOT", lotId, "RELEASED").statusCode()).isEqualTo(403);
        assertThat(people.api(warehouse).post("api/v1/lots/" + lotId + "/block", "{\"reason\":\"x\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void nobody_releases_a_lot_they_received() {
        String both = people.signer("Sam Selfrelease", "WAREHOUSE", "QA_RELEASER");
        String lotId = Api.object(people.api(both).post("api/v1/lots", receipt("RM-NACL", "[{\"quantity\":100,\"unit\":\"g\"}]")))
                .getString("lotId");

        HttpResponse<String> own = people.sign(both, "LOT", lotId, "RELEASED");

        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("You received lot " + lotId);
        assertThat(people.api(both).getJson("api/v1/lots/" + lotId).getString("status")).isEqualTo("QUARANTINE");
    }

    @Test
    void qa_blocks_a_released_lot_with_a_reason_and_lifts_the_block_back_to_released() {
        String qa = people.person("Quirin Reviewer", "QA_REVIEWER");
        String lotId = releasedLot("RM-NACL", "[{\"quantity\":1000,\"unit\":\"g\"}]").getString("lotId");

        HttpResponse<String> blocked = people.api(qa).post("api/v1/lots/" + lotId + "/block",
                "{\"reason\":\"customer complaint CC-2026-014 under investigation\"}");

        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(200);
        assertThat(Api.object(blocked).getString("status")).isEqualTo("BLOCKED");
        assertThat(Api.object(blocked).getString("statusReason")).contains("CC-2026-014");
        HttpResponse<String> again = people.api(qa).post("api/v1/lots/" + lotId + "/block", "{\"reason\":\"twice\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(type(again)).endsWith("/lot-status");
        HttpResponse<String> lifted = people.api(qa).post("api/v1/lots/" + lotId + "/unblock",
                "{\"reason\":\"complaint closed, not lot related\"}");
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(Api.object(lifted).getString("status")).isEqualTo("RELEASED");
    }

    @Test
    void a_bad_goods_receipt_is_refused_with_its_own_problem_and_nothing_is_received() {
        Api warehouse = people.api(warehouse());
        int before = Api.array(warehouse.get("api/v1/lots")).size();

        assertRefused(warehouse.post("api/v1/lots", receipt("RM-UNKNOWN", "[{\"quantity\":1,\"unit\":\"g\"}]")), 422,
                "material-unknown", "RM-UNKNOWN");
        assertRefused(warehouse.post("api/v1/lots", receipt("RM-NACL", "[{\"quantity\":0,\"unit\":\"g\"}]")), 422,
                "quantity-not-positive", "containers[0].quantity");
        assertRefused(warehouse.post("api/v1/lots", receipt("RM-NACL", "[{\"quantity\":5,\"unit\":\"g\"},"
                + "{\"quantity\":-5,\"unit\":\"g\"}]")), 422, "quantity-not-positive", "-5");
        assertRefused(warehouse.post("api/v1/lots", receipt("RM-NACL", "[{\"quantity\":5,\"unit\":\"mL\"}]")), 422,
                "unit-not-convertible", "mL");
        assertRefused(warehouse.post("api/v1/lots", receipt("RM-NACL", "[{\"quantity\":5,\"unit\":\"lb\"}]")), 422,
                "unit-unknown", "lb");
        assertRefused(warehouse.post("api/v1/lots", "{\"materialNumber\":\"RM-NACL\",\"supplier\":\"S\",\"supplierLot\":\"X1\","
                + "\"expiryDate\":\"2020-01-01\",\"containers\":[{\"quantity\":1,\"unit\":\"g\"}],\"reason\":\"r\"}"), 422,
                "lot-dates-invalid", "2020-01-01");
        assertRefused(warehouse.post("api/v1/lots", "{\"materialNumber\":\"RM-NACL\",\"containers\":[]}"), 422,
                "material-input-incomplete", "supplier");

        assertThat(Api.array(warehouse.get("api/v1/lots")).size()).isEqualTo(before);
    }

    @Test
    @Tag("A11-6-1")
    void a_controlled_material_is_dispensed_only_with_a_second_person_verifying_with_their_password() {
        String operator = weigher();
        String verifier = secondWeigher();
        String drum = releasedLot("RM-DEMOPROFEN", "[{\"quantity\":500,\"unit\":\"g\"}]").getJsonArray("containers")
                .getJsonObject(0).getString("containerId");
        Api me = people.api(operator);

        assertRefused(me.post("api/v1/dispensings", dispensing(drum, "RM-DEMOPROFEN", "453.6", "null", null, null)), 422,
                "verifier-required", "verifier");
        assertRefused(me.post("api/v1/dispensings", dispensing(drum, "RM-DEMOPROFEN", "453.6", "null", operator,
                People.PASSWORD)), 403, "witness-not-allowed", "yourself");
        assertRefused(me.post("api/v1/dispensings", dispensing(drum, "RM-DEMOPROFEN", "453.6", "null", verifier,
                "not the password")), 403, "witness-not-authenticated", verifier);
        assertThat(quantity(me, drum)).isEqualTo("500");

        HttpResponse<String> done = me.post("api/v1/dispensings", dispensing(drum, "RM-DEMOPROFEN", "453.6", "null",
                verifier, People.PASSWORD));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        JsonObject d = Api.object(done);
        assertThat(d.getString("performedBy")).isEqualTo(operator);
        assertThat(d.getString("verifiedBy")).isEqualTo(verifier);
        assertThat(d.getJsonNumber("net").bigDecimalValue()).isEqualByComparingTo("453.6");
        assertThat(quantity(me, drum)).isEqualTo("46.4");
    }

    @Test
    @Tag("PICS-AT-1")
    void each_dispensing_leaves_its_own_time_stamped_entries_in_the_history_of_both_containers() {
        Api operator = people.api(weigher());
        String bag = releasedLot("RM-NACL", "[{\"quantity\":2,\"unit\":\"kg\"}]").getJsonArray("containers")
                .getJsonObject(0).getString("containerId");
        String batch = "B-" + Long.toString(System.nanoTime(), 36);
        List<JsonObject> done = new ArrayList<>();
        for (String gross : List.of("405.2", "404.9", "405.0", "405.1")) {
            HttpResponse<String> response = operator.post("api/v1/dispensings", dispensing(bag, "RM-NACL", "405.0",
                    "1", null, null).replace("\"batch\":\"B-IT\"", "\"batch\":" + q(batch)).replace("\"gross\":405.0",
                    "\"gross\":" + gross));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            done.add(Api.object(response));
        }

        List<Instant> times = done.stream().map(d -> Instant.parse(d.getString("dispensedAt"))).toList();
        assertThat(times).doesNotHaveDuplicates().isSorted();
        JsonArray history = operator.getJson("api/v1/containers/" + bag).getJsonArray("history");
        assertThat(history.stream().map(e -> e.asJsonObject().getString("kind")).toList())
                .containsExactly("RECEIVED", "DISPENSED_FROM", "DISPENSED_FROM", "DISPENSED_FROM", "DISPENSED_FROM");
        assertThat(history.stream().map(e -> e.asJsonObject().getInt("seq")).toList()).containsExactly(1, 2, 3, 4, 5);
        assertThat(history.getJsonObject(4).getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("0.3798");
        JsonArray ofBatch = Api.array(operator.get("api/v1/dispensings?batch=" + batch));
        assertThat(ofBatch).hasSize(4);
        JsonObject into = operator.getJson("api/v1/containers/" + done.get(0).getString("dispensedContainerId"));
        assertThat(into.getString("origin")).isEqualTo("DISPENSED");
        assertThat(into.getString("batch")).isEqualTo(batch);
        assertThat(into.getJsonArray("history").getJsonObject(0).getString("kind")).isEqualTo("DISPENSED");
    }

    @Test
    void material_of_a_lot_not_released_or_expired_the_wrong_material_an_overdraw_and_bad_quantities_are_never_dispensed() {
        Api operator = people.api(weigher());
        String releaser = releaser();
        JsonArray demoLots = Api.array(Api.demo(http, "qa2").get("api/v1/lots"));
        String quarantined = firstContainer(bySupplierLot(demoLots, "DP2312-0502"));
        String expired = firstContainer(bySupplierLot(demoLots, "NC2201-0904"));
        String rejectedLot = Api.object(people.api(warehouse()).post("api/v1/lots",
                receipt("RM-NACL", "[{\"quantity\":1000,\"unit\":\"g\"}]"))).getString("lotId");
        assertThat(people.sign(releaser, "LOT", rejectedLot, "REJECTED").statusCode()).isEqualTo(201);
        String rejected = firstContainer(operator.getJson("api/v1/lots/" + rejectedLot));
        String small = firstContainer(releasedLot("RM-NACL", "[{\"quantity\":100,\"unit\":\"g\"}]"));

        assertRefused(operator.post("api/v1/dispensings", dispensing(quarantined, "RM-DEMOPROFEN", "453.6", "null", null,
                null)), 409, "lot-quarantined", "QUARANTINE");
        assertRefused(operator.post("api/v1/dispensings", dispensing(rejected, "RM-NACL", "405.0", "1", null, null)), 409,
                "lot-rejected", rejectedLot);
        assertRefused(operator.post("api/v1/dispensings", dispensing(expired, "RM-NACL", "405.0", "1", null, null)), 409,
                "lot-expired", "expired on");
        assertRefused(operator.post("api/v1/dispensings", dispensing(small, "RM-NA2HPO4", "63.0", "1", null, null)), 409,
                "wrong-material", "RM-NACL");
        assertRefused(operator.post("api/v1/dispensings", dispensing(small, "RM-NACL", "405.0", "1", null, null)), 409,
                "container-overdraw", "holds 100 g");
        assertRefused(operator.post("api/v1/dispensings", dispensing(small, "RM-NACL", "405.0", "1", null, null)
                .replace("\"gross\":405.0", "\"gross\":0")), 422, "quantity-not-positive", "gross");
        assertRefused(operator.post("api/v1/dispensings", dispensing(small, "RM-NACL", "405.0", "1", null, null)
                .replace("\"gross\":405.0", "\"gross\":-3")), 422, "quantity-not-positive", "-3");
        assertRefused(operator.post("api/v1/dispensings", dispensing(small, "RM-NACL", "40", "1", null, null)
                .replace("\"gross\":405.0", "\"gross\":40").replace("\"unit\":\"g\"", "\"unit\":\"mL\"")), 422,
                "unit-not-convertible", "mL");
        assertRefused(operator.post("api/v1/dispensings", dispensing(small, "RM-NACL", "50", "1", null, null)
                .replace("\"gross\":405.0", "\"gross\":60")), 422, "out-of-tolerance", "49.5 to 50.5 g");

        assertThat(quantity(operator, small)).isEqualTo("100");
        assertThat(operator.getJson("api/v1/containers/" + small).getJsonArray("history")).hasSize(1);
        // in kg from a container kept in g: the same dimension converts
        HttpResponse<String> inKg = operator.post("api/v1/dispensings", dispensing(small, "RM-NACL", "0.05", "1", null, null)
                .replace("\"gross\":405.0", "\"gross\":0.05").replace("\"unit\":\"g\"", "\"unit\":\"kg\""));
        assertThat(inKg.statusCode()).as(inKg.body()).isEqualTo(201);
        assertThat(quantity(operator, small)).isEqualTo("50");
    }

    @Test
    void two_dispensings_from_one_container_at_the_same_moment_never_overdraw_it() throws Exception {
        Api first = people.api(weigher());
        Api second = people.api(secondWeigher());
        String bag = firstContainer(releasedLot("RM-NACL", "[{\"quantity\":100,\"unit\":\"g\"}]"));
        String body = dispensing(bag, "RM-NACL", "60", "1", null, null).replace("\"gross\":405.0", "\"gross\":60");
        first.get("api/v1/containers/" + bag); // both signed in before they start
        second.get("api/v1/containers/" + bag);
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> at(start, () -> first.post("api/v1/dispensings", body)));
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> at(start, () -> second.post("api/v1/dispensings", body)));
        List<HttpResponse<String>> answers = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));

        assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList()).as(answers.toString())
                .containsExactly(201, 409);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow().body())
                .contains("container-overdraw").contains("holds 40 g");
        assertThat(quantity(first, bag)).isEqualTo("40");
        JsonArray history = first.getJson("api/v1/containers/" + bag).getJsonArray("history");
        assertThat(history.stream().map(e -> e.asJsonObject().getString("kind")).toList())
                .containsExactly("RECEIVED", "DISPENSED_FROM");
    }

    @Test
    void a_controlled_material_changes_hands_only_with_the_receivers_password_and_every_movement_is_in_its_history() {
        String warehouse = warehouse();
        String operator = weigher();
        String drum = firstContainer(releasedLot("RM-DEMOPROFEN", "[{\"quantity\":500,\"unit\":\"g\"}]"));
        Api me = people.api(warehouse);

        HttpResponse<String> moved = me.post("api/v1/containers/" + drum + "/transfers",
                "{\"toLocation\":\"Released store RS-2\",\"reason\":\"released: put away\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        assertRefused(me.post("api/v1/containers/" + drum + "/transfers", "{\"toLocation\":\"Dispensary D-1\",\"toPerson\":"
                + q(operator) + ",\"reason\":\"for weighing\"}"), 422, "receiver-signature-required", operator);
        assertRefused(me.post("api/v1/containers/" + drum + "/transfers", "{\"toLocation\":\"Dispensary D-1\",\"toPerson\":"
                + q(operator) + ",\"receiverPassword\":\"wrong\",\"reason\":\"for weighing\"}"), 403,
                "witness-not-authenticated", operator);
        HttpResponse<String> handed = me.post("api/v1/containers/" + drum + "/transfers", "{\"toLocation\":\"Dispensary D-1\","
                + "\"toPerson\":" + q(operator) + ",\"receiverPassword\":" + q(People.PASSWORD) + ",\"reason\":\"for weighing\"}");

        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(201);
        JsonObject container = Api.object(handed);
        assertThat(container.getString("location")).isEqualTo("Dispensary D-1");
        assertThat(container.getString("holder")).isEqualTo(operator);
        JsonArray history = container.getJsonArray("history");
        assertThat(history.stream().map(e -> e.asJsonObject().getString("kind")).toList())
                .containsExactly("RECEIVED", "MOVED", "HANDED_OVER");
        JsonObject handOver = history.getJsonObject(2);
        assertThat(handOver.getString("fromLocation")).isEqualTo("Released store RS-2");
        assertThat(handOver.getString("toPerson")).isEqualTo(operator);
        assertThat(handOver.getString("recordedBy")).isEqualTo(warehouse);
        assertThat(handOver.getBoolean("receivedBySignature")).isTrue();
        assertThat(handOver.getString("reason")).isEqualTo("for weighing");
    }

    @Test
    void a_split_leaves_its_entry_in_both_histories_and_never_takes_all_or_more() {
        Api warehouse = people.api(warehouse());
        String bag = firstContainer(releasedLot("RM-NACL", "[{\"quantity\":25,\"unit\":\"kg\"}]"));

        HttpResponse<String> split = warehouse.post("api/v1/containers/" + bag + "/splits",
                "{\"quantity\":5000,\"unit\":\"g\",\"reason\":\"sub-lot for the dispensary\"}");

        assertThat(split.statusCode()).as(split.body()).isEqualTo(201);
        JsonObject part = Api.object(split);
        assertThat(part.getJsonNumber("quantity").bigDecimalValue()).isEqualByComparingTo("5");
        assertThat(part.getString("unit")).isEqualTo("kg");
        assertThat(part.getJsonArray("history").getJsonObject(0).getString("kind")).isEqualTo("SPLIT");
        assertThat(part.getJsonArray("history").getJsonObject(0).getString("reference")).isEqualTo(bag);
        assertThat(quantity(warehouse, bag)).isEqualTo("20");
        assertThat(warehouse.getJson("api/v1/containers/" + bag).getJsonArray("history").stream()
                .map(e -> e.asJsonObject().getString("kind")).toList()).containsExactly("RECEIVED", "SPLIT");
        assertRefused(warehouse.post("api/v1/containers/" + bag + "/splits",
                "{\"quantity\":20,\"unit\":\"kg\",\"reason\":\"all of it\"}"), 409, "container-overdraw", "holds 20 kg");
        assertRefused(warehouse.post("api/v1/containers/" + bag + "/splits",
                "{\"quantity\":2,\"unit\":\"L\",\"reason\":\"volume\"}"), 422, "unit-not-convertible", "L");
        assertThat(people.api(weigher()).post("api/v1/containers/" + bag + "/splits",
                "{\"quantity\":1,\"unit\":\"kg\",\"reason\":\"not mine\"}").statusCode()).isEqualTo(403);
        assertThat(quantity(warehouse, bag)).isEqualTo("20");
    }

    @Test
    @Tag("P11-10h-1")
    void only_a_calibrated_qualified_balance_weighs_and_each_weighing_is_a_use_in_its_logbook() {
        Api operator = people.api(weigher());
        String bag = firstContainer(releasedLot("RM-NACL", "[{\"quantity\":1000,\"unit\":\"g\"}]"));
        String batch = "B-" + Long.toString(System.nanoTime(), 36);
        String body = dispensing(bag, "RM-NACL", "405.0", "1", null, null).replace("\"batch\":\"B-IT\"", "\"batch\":" + q(batch));

        assertRefused(operator.post("api/v1/dispensings", body.replace("BAL-01", "BAL-03")), 409,
                "equipment-calibration-overdue", "BAL-03");
        assertRefused(operator.post("api/v1/dispensings", body.replace("BAL-01", "V-101")), 409,
                "equipment-wrong-class", "V-101");
        assertRefused(operator.post("api/v1/dispensings", body.replace("BAL-01", "BAL-99")), 404,
                "equipment-unknown", "BAL-99");
        assertThat(quantity(operator, bag)).isEqualTo("1000");
        assertThat(operator.getJson("api/v1/containers/" + bag).getJsonArray("history")).hasSize(1);
        assertThat(Api.array(operator.get("api/v1/equipment/BAL-03/logbook")).stream()
                .map(e -> e.asJsonObject()).filter(e -> batch.equals(e.getString("batch", null))).toList()).isEmpty();

        HttpResponse<String> done = operator.post("api/v1/dispensings", body);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(Api.object(done).getString("balanceId")).isEqualTo("BAL-01");
        List<JsonObject> uses = Api.array(operator.get("api/v1/equipment/BAL-01/logbook")).stream()
                .map(JsonValue::asJsonObject).filter(e -> batch.equals(e.getString("batch", null))).toList();
        assertThat(uses).hasSize(1);
        assertThat(uses.get(0).getString("kind")).isEqualTo("USE");
        assertThat(uses.get(0).getString("step")).isEqualTo("weigh");
    }

    @Test
    @Tag("MES-CERT-1")
    @Tag("negative")
    void only_a_person_with_a_current_weighing_qualification_weighs_and_a_lapsed_one_is_named() {
        String untrained = people.person("Uwe Untrained", "OPERATOR");
        String lapsed = people.person("Lea Lapsed", "OPERATOR");
        people.train(lapsed, "OP-WEIGHING", java.time.LocalDate.now().minusDays(2));
        String bag = firstContainer(releasedLot("RM-NACL", "[{\"quantity\":1000,\"unit\":\"g\"}]"));
        String body = dispensing(bag, "RM-NACL", "405.0", "1", null, null);

        assertRefused(people.api(untrained).post("api/v1/dispensings", body), 403, "performer-not-qualified", "OP-WEIGHING");
        assertRefused(people.api(lapsed).post("api/v1/dispensings", body), 403, "performer-not-qualified", lapsed);
        assertThat(quantity(people.api(untrained), bag)).as("nothing was taken").isEqualTo("1000");

        // the supervisor records the training: the same person now weighs
        people.train(untrained, "OP-WEIGHING", java.time.LocalDate.now().plusYears(1));
        HttpResponse<String> done = people.api(untrained).post("api/v1/dispensings", body);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(quantity(people.api(untrained), bag)).isEqualTo("595");
    }

    @Test
    void a_use_of_a_container_at_a_place_it_was_never_transferred_to_is_flagged() {
        Api operator = people.api(weigher());
        String bag = firstContainer(releasedLot("RM-NACL", "[{\"quantity\":1000,\"unit\":\"g\"}]"));

        JsonObject d = Api.object(operator.post("api/v1/dispensings", dispensing(bag, "RM-NACL", "405.0", "1", null, null)
                .replace("\"location\":\"Quarantine store\"", "\"location\":\"Dispensary D-9\"")));

        assertThat(d.getString("locationFlag")).contains("Dispensary D-9").contains("never transferred");
        JsonArray history = operator.getJson("api/v1/containers/" + bag).getJsonArray("history");
        assertThat(history.getJsonObject(1).getString("flag")).contains("never transferred");
    }

    @Test
    void the_material_gate_admits_only_a_container_dispensed_for_the_batch_and_step_within_tolerance() {
        Api operator = people.api(weigher());
        String bag = firstContainer(releasedLot("RM-NACL", "[{\"quantity\":1000,\"unit\":\"g\"}]"));
        String dispensed = Api.object(operator.post("api/v1/dispensings", dispensing(bag, "RM-NACL", "405.0", "1", null,
                null))).getString("dispensedContainerId");
        String ask = "api/v1/containers/" + dispensed + "/admission?materialNumber=RM-NACL&batch=B-IT&step=weigh&target=%s"
                + "&tolerancePercent=1&unit=%s";

        HttpResponse<String> admitted = operator.get(String.format(ask, "405.0", "g"));
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
        assertThat(Api.object(admitted).getString("containerId")).isEqualTo(dispensed);
        assertThat(operator.get(String.format(ask, "0.405", "kg")).statusCode()).isEqualTo(200);
        assertRefused(operator.get(String.format(ask, "450", "g")), 422, "out-of-tolerance", "445.5 to 454.5 g");
        assertRefused(operator.get(String.format(ask, "405.0", "g").replace("step=weigh", "step=other")), 409,
                "container-not-dispensed-for-step", "step weigh");
        assertRefused(operator.get(String.format(ask, "405.0", "g").replace("RM-NACL", "RM-NA2HPO4")), 409,
                "wrong-material", "RM-NACL");
        assertRefused(operator.get("api/v1/containers/" + bag + "/admission?materialNumber=RM-NACL&batch=B-IT&step=weigh"
                + "&target=405&tolerancePercent=1&unit=g"), 409, "container-not-dispensed-for-step", "stock container");
    }

    // --- helpers -----------------------------------------------------------------------------------

    /*
     * The tests' people: each test receives, releases and weighs its own new lots and containers, so the
     * same warehouse worker, QA releaser and weighers serve all of them (a person of their own costs six
     * to eight slow password hashes). The people a test changes (training) or that hold two roles at
     * once are the test's own.
     */

    private String warehouse() {
        return people.sharedPerson(MaterialsIT.class, "Walt Warehouse", "WAREHOUSE");
    }

    private String releaser() {
        return people.sharedSigner(MaterialsIT.class, "Rhea Releaser", "QA_RELEASER");
    }

    private String weigher() {
        return people.sharedWeigher(MaterialsIT.class, "Otto Operator");
    }

    /** A weigher other than {@link #weigher}: a verifier, a second person at the same container. */
    private String secondWeigher() {
        return people.sharedWeigher(MaterialsIT.class, "Vera Verifier");
    }

    /** A lot received by the warehouse worker and released by the QA releaser of the tests. */
    private JsonObject releasedLot(String materialNumber, String containers) {
        String warehouse = warehouse();
        String releaser = releaser();
        HttpResponse<String> received = people.api(warehouse).post("api/v1/lots", receipt(materialNumber, containers));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String lotId = Api.object(received).getString("lotId");
        HttpResponse<String> released = people.sign(releaser, "LOT", lotId, "RELEASED");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        return people.api(releaser).getJson("api/v1/lots/" + lotId);
    }

    private static String receipt(String materialNumber, String containers) {
        return "{\"materialNumber\":" + q(materialNumber) + ",\"supplier\":\"Salinas Excipients S.A.\",\"supplierLot\":"
                + q("SL-" + Long.toString(System.nanoTime(), 36)) + ",\"expiryDate\":" + q(LocalDate.now().plusYears(2).toString())
                + ",\"retestDate\":" + q(LocalDate.now().plusYears(1).toString()) + ",\"containers\":" + containers
                + ",\"reason\":\"goods receipt GR-4711\"}";
    }

    /** A dispensing at the quarantine store (where received containers are), batch B-IT, step "weigh", gross = 405.0 g. */
    private static String dispensing(String container, String material, String target, String tolerance, String verifier,
                                     String password) {
        return "{\"sourceContainerId\":" + q(container) + ",\"materialNumber\":" + q(material) + ",\"batch\":\"B-IT\","
                + "\"step\":\"weigh\",\"target\":" + target + ",\"tolerancePercent\":" + ("null".equals(tolerance) ? "0.5"
                : tolerance) + ",\"gross\":" + ("453.6".equals(target) ? "453.6" : "405.0") + ",\"tare\":0,\"unit\":\"g\","
                + "\"balanceId\":\"BAL-01\",\"location\":\"Quarantine store\""
                + (verifier == null ? "" : ",\"verifier\":" + q(verifier)) + (password == null ? ""
                : ",\"verifierPassword\":" + q(password)) + "}";
    }

    private static void assertRefused(HttpResponse<String> response, int status, String kind, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(type(response)).as(response.body()).endsWith("/" + kind);
        assertThat(response.body()).contains(mentions);
    }

    private static String type(HttpResponse<String> response) {
        return Api.object(response).getString("type");
    }

    private static String quantity(Api api, String container) {
        return api.getJson("api/v1/containers/" + container).getJsonNumber("quantity").bigDecimalValue()
                .stripTrailingZeros().toPlainString();
    }

    private static String firstContainer(JsonObject lot) {
        return lot.getJsonArray("containers").getJsonObject(0).getString("containerId");
    }

    private static JsonObject bySupplierLot(JsonArray lots, String supplierLot) {
        return lots.stream().map(JsonValue::asJsonObject).filter(l -> l.getString("supplierLot").equals(supplierLot))
                .findFirst().orElseThrow(() -> new AssertionError("no demo lot " + supplierLot));
    }

    private static JsonObject material(JsonArray materials, String number) {
        return materials.stream().map(JsonValue::asJsonObject).filter(m -> m.getString("materialNumber").equals(number))
                .findFirst().orElseThrow(() -> new AssertionError("no material " + number));
    }

    private static <T> T at(CyclicBarrier start, java.util.function.Supplier<T> call) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception notTogether) {
            throw new IllegalStateException(notTogether);
        }
        return call.get();
    }
}
