package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.it.Api.q;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Equipment on the real server through the API: the demo equipment and the gate's answer for each
 * of its cases, a cleaning verified by a second person and its clean-hold, a failed calibration
 * with the batches it puts in question, an overdue calibration and a wear limit that block use,
 * a batch taking and releasing a vessel, every bad input, and the logbook complete and in order.
 * The gate's writing calls (use, occupy, release) go through a test-only probe, as dispensing and
 * batch execution will make them. Each test registers its own equipment, so its people (maintenance,
 * operators, performer and verifiers) are the same for all tests (see {@link People#sharedPerson}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EquipmentIT {


    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe(); // with the equipment gate's probe (occupy/release)
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
    @Tag("P11-10h-1")
    void the_demo_equipment_is_there_and_the_gate_refuses_the_overdue_balance_the_dirty_vessel_and_the_wrong_class() {
        Api operator = Api.demo(http, "operator1");

        JsonArray units = Api.array(operator.get("api/v1/equipment"));
        assertThat(units.getValuesAs(JsonObject.class)).extracting(u -> u.getString("equipmentId"))
                .contains("V-101", "V-102", "V-201", "BAL-01", "BAL-02", "BAL-03", "PHM-01");
        assertThat(units.getValuesAs(JsonObject.class)).allSatisfy(u -> assertThat(u.getString("status")).isNotBlank());
        JsonObject bal03 = operator.getJson("api/v1/equipment/BAL-03");
        assertThat(bal03.getBoolean("calibrationOverdue")).isTrue();
        assertThat(operator.getJson("api/v1/equipment/V-102").getString("status")).isEqualTo("DIRTY");

        HttpResponse<String> balance = operator.get("api/v1/equipment/BAL-01/admission?equipmentClass=balance"
                + "&checks=CALIBRATED,QUALIFIED");
        assertThat(balance.statusCode()).as(balance.body()).isEqualTo(200);
        assertThat(Instant.parse(Api.object(balance).getString("calibrationDue"))).isAfter(Instant.now());
        assertThat(Api.object(balance).getString("equipmentClass")).isEqualTo("balance");
        assertThat(operator.get("api/v1/equipment/PHM-01/admission?equipmentClass=pH%20meter&checks=CALIBRATED,QUALIFIED")
                .statusCode()).isEqualTo(200);

        assertRefused(operator.get("api/v1/equipment/BAL-03/admission?equipmentClass=balance&checks=CALIBRATED,QUALIFIED"),
                409, "equipment-calibration-overdue", "BAL-03: calibration overdue since");
        assertRefused(operator.get("api/v1/equipment/V-102/admission?equipmentClass=compounding%20vessel&checks=CLEAN,"
                + "CLEAN_HOLD_TIME"), 409, "equipment-not-clean", "V-102 is DIRTY");
        assertRefused(operator.get("api/v1/equipment/BAL-01/admission?equipmentClass=compounding%20vessel"),
                409, "equipment-wrong-class", "BAL-01 is a balance, not a compounding vessel as the step requires.");
        assertRefused(operator.get("api/v1/equipment/NO-SUCH-UNIT/admission"), 404, "equipment-unknown", "NO-SUCH-UNIT");
        assertRefused(operator.get("api/v1/equipment/NO-SUCH-UNIT/logbook"), 404, "equipment-unknown", "NO-SUCH-UNIT");
        HttpResponse<String> badCheck = operator.get("api/v1/equipment/BAL-01/admission?checks=CLEANISH");
        assertThat(badCheck.statusCode()).isEqualTo(400);
        assertThat(Api.object(badCheck).getString("detail")).contains("CLEANISH").contains("CALIBRATED");

        // administrators do no GMP work and read none of it; QA and inspectors read
        assertThat(Api.demo(http, "admin1").get("api/v1/equipment").statusCode()).isEqualTo(403);
        assertThat(Api.demo(http, "inspector1").get("api/v1/equipment/V-101/logbook").statusCode()).isEqualTo(200);
        assertThat(Api.demo(http, "qa1").get("api/v1/equipment-classes").statusCode()).isEqualTo(200);
    }

    @Test
    void a_cleaning_is_verified_by_a_second_person_never_by_its_performer_and_the_clean_hold_runs_from_it()
            throws InterruptedException {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String performer = people.sharedSigner(EquipmentIT.class, "Pia Performer", "OPERATOR");
        String verifier = people.sharedSigner(EquipmentIT.class, "Vera Verifier", "OPERATOR");
        String vesselClass = defineClass(maintenance, false, "PT8S", "PT24H");
        String vessel = register(maintenance, vesselClass, null, null);
        qualify(maintenance, vessel);
        assertThat(people.api(performer).getJson("api/v1/equipment/" + vessel).getString("status")).isEqualTo("DIRTY");

        HttpResponse<String> cleaned = people.api(performer).post("api/v1/equipment/" + vessel + "/cleanings",
                "{\"procedure\":\"SOP-CL-101 CIP\"}");
        assertThat(cleaned.statusCode()).as(cleaned.body()).isEqualTo(201);
        String cleaning = Api.object(cleaned).getJsonObject("entry").getString("id");
        assertThat(Api.object(cleaned).getJsonObject("unit").getString("pendingCleaning")).isEqualTo(cleaning);
        // not yet clean: the cleaning waits for its verification
        assertRefused(people.api(performer).get(admission(vessel, vesselClass, "CLEAN")), 409, "equipment-not-clean", vessel);

        HttpResponse<String> self = people.sign(performer, "EQUIPMENT_CLEANING", cleaning, "VERIFIED");
        assertRefused(self, 403, "signature-not-allowed", "You performed this cleaning of " + vessel);
        assertThat(people.api(performer).getJson("api/v1/equipment/" + vessel).getString("status")).isEqualTo("DIRTY");

        HttpResponse<String> verified = people.sign(verifier, "EQUIPMENT_CLEANING", cleaning, "VERIFIED");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(201);
        JsonObject clean = people.api(performer).getJson("api/v1/equipment/" + vessel);
        assertThat(clean.getString("status")).isEqualTo("CLEAN");
        assertThat(absent(clean, "pendingCleaning")).isTrue();
        HttpResponse<String> admitted = people.api(performer).get(admission(vessel, vesselClass, "CLEAN,CLEAN_HOLD_TIME"));
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
        assertRefused(people.sign(verifier, "EQUIPMENT_CLEANING", cleaning, "VERIFIED"), 403, "signature-not-allowed",
                "verified already");

        Instant cleanUntil = Instant.parse(clean.getString("cleanUntil"));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), cleanUntil).toMillis()) + 500);
        assertRefused(people.api(performer).get(admission(vessel, vesselClass, "CLEAN_HOLD_TIME")), 409,
                "equipment-clean-hold-expired", vessel + ": clean-hold expired at " + cleanUntil);
        assertThat(people.api(performer).getJson("api/v1/equipment/" + vessel).getBoolean("cleanHoldExpired")).isTrue();

        List<JsonObject> logbook = logbook(performer, vessel);
        assertThat(logbook).extracting(e -> e.getString("kind"))
                .containsExactly("REGISTERED", "QUALIFICATION", "CLEANING", "CLEANING_VERIFIED");
        assertThat(logbook.get(2).getString("recordedBy")).isEqualTo(performer);
        assertThat(logbook.get(3).getString("recordedBy")).isEqualTo(verifier);
        assertThat(logbook.get(3).getString("verifiesCleaning")).isEqualTo(cleaning);
        assertThat(logbook.get(3).getString("statusAfter")).isEqualTo("CLEAN");
        assertInOrder(logbook);
    }

    @Test
    @Tag("P11-10h-1")
    void a_failed_calibration_takes_the_balance_out_of_service_and_lists_every_batch_since_its_last_good_calibration() {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String operator = people.sharedPerson(EquipmentIT.class, "Otto Operator", "OPERATOR");
        String balanceClass = defineClass(maintenance, true, null, null);
        String balance = register(maintenance, balanceClass, 365, null);
        qualify(maintenance, balance);
        // never calibrated: refused for any use
        assertRefused(use(operator, balance, "B-NONE"), 409, "equipment-calibration-overdue", "no calibration recorded");

        calibrate(maintenance, balance, "PASS", Instant.now().minus(Duration.ofDays(20)));
        assertThat(use(operator, balance, "B-0").statusCode()).isEqualTo(200);
        calibrate(maintenance, balance, "PASS", Instant.now().minus(Duration.ofDays(10)));
        for (String batch : List.of("B-1", "B-2", "B-1")) {
            HttpResponse<String> used = use(operator, balance, batch);
            assertThat(used.statusCode()).as(used.body()).isEqualTo(200);
        }

        JsonObject failed = Api.object(calibrate(maintenance, balance, "FAIL", null));

        assertThat(failed.getJsonArray("batchesSinceLastGoodCalibration").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("B-1", "B-2");
        assertThat(failed.getJsonObject("unit").getString("status")).isEqualTo("OUT_OF_SERVICE");
        assertThat(failed.getJsonObject("entry").getString("calibrationResult")).isEqualTo("FAIL");
        assertRefused(use(operator, balance, "B-3"), 409, "equipment-out-of-service", balance + " is out of service");

        // back into service only by maintenance, and not usable before a calibration passes
        assertRefused(people.api(operator).post("api/v1/equipment/" + balance + "/status",
                "{\"status\":\"DIRTY\",\"reason\":\"repaired\"}"), 403, "equipment-not-permitted", "only maintenance");
        HttpResponse<String> back = people.api(maintenance).post("api/v1/equipment/" + balance + "/status",
                "{\"status\":\"DIRTY\",\"reason\":\"load cell replaced, work order WO-4711\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
        assertRefused(use(operator, balance, "B-3"), 409, "equipment-calibration-overdue", "calibration overdue since");
        calibrate(maintenance, balance, "PASS", null);
        assertThat(use(operator, balance, "B-3").statusCode()).isEqualTo(200);

        List<JsonObject> logbook = logbook(operator, balance);
        assertThat(logbook).extracting(e -> e.getString("kind")).containsExactly("REGISTERED", "QUALIFICATION",
                "CALIBRATION", "USE", "CALIBRATION", "USE", "USE", "USE", "CALIBRATION", "STATUS", "CALIBRATION", "USE");
        assertInOrder(logbook);
        assertThat(people.api(operator).getJson("api/v1/equipment/" + balance).getInt("usageCount")).isEqualTo(5);
    }

    @Test
    @Tag("P11-10h-1")
    @Tag("negative")
    void an_overdue_calibration_blocks_use_and_nothing_is_recorded() {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String operator = people.sharedPerson(EquipmentIT.class, "Otto Operator", "OPERATOR");
        String balance = register(maintenance, defineClass(maintenance, true, null, null), 365, null);
        qualify(maintenance, balance);
        calibrate(maintenance, balance, "PASS", Instant.now().minus(Duration.ofDays(400)));
        int entries = logbook(operator, balance).size();

        assertRefused(use(operator, balance, "B-1"), 409, "equipment-calibration-overdue", balance
                + ": calibration overdue since");

        assertThat(logbook(operator, balance)).hasSize(entries);
        assertThat(people.api(operator).getJson("api/v1/equipment/" + balance).getInt("usageCount")).isZero();
    }

    @Test
    @Tag("MES-TOOL-1")
    void a_unit_at_its_wear_limit_is_blocked_with_the_count_and_the_limit() {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String operator = people.sharedPerson(EquipmentIT.class, "Otto Operator", "OPERATOR");
        String tool = register(maintenance, defineClass(maintenance, false, null, null), null, 2L);
        qualify(maintenance, tool);

        assertThat(use(operator, tool, "B-1").statusCode()).isEqualTo(200);
        assertThat(use(operator, tool, "B-2").statusCode()).isEqualTo(200);
        assertRefused(use(operator, tool, "B-3"), 409, "equipment-wear-limit-reached",
                tool + " has reached its wear limit: used 2 times, limit 2.");

        JsonObject unit = people.api(operator).getJson("api/v1/equipment/" + tool);
        assertThat(unit.getInt("usageCount")).isEqualTo(2);
        assertThat(unit.getBoolean("wearLimitReached")).isTrue();
        assertThat(logbook(operator, tool)).extracting(e -> e.getString("kind") + " " + e.getString("batch", ""))
                .containsExactly("REGISTERED ", "QUALIFICATION ", "USE B-1", "USE B-2");
    }

    @Test
    @Tag("MES-TOOL-1")
    void two_uses_at_the_same_moment_of_a_unit_with_one_use_left_admit_exactly_one() {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String first = people.sharedPerson(EquipmentIT.class, "Otto Operator", "OPERATOR");
        String second = people.sharedPerson(EquipmentIT.class, "Ottavio Operator", "OPERATOR");
        String tool = register(maintenance, defineClass(maintenance, false, null, null), null, 1L);
        people.api(first).get("api/v1/equipment"); // both clients signed in before the race
        people.api(second).get("api/v1/equipment");

        java.util.concurrent.CompletableFuture<HttpResponse<String>> a = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> use(first, tool, "B-A"));
        java.util.concurrent.CompletableFuture<HttpResponse<String>> b = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> use(second, tool, "B-B"));

        assertThat(List.of(a.join().statusCode(), b.join().statusCode())).containsExactlyInAnyOrder(200, 409);
        assertThat(people.api(first).getJson("api/v1/equipment/" + tool).getInt("usageCount")).isEqualTo(1);
        assertThat(logbook(first, tool)).extracting(e -> e.getString("kind")).containsExactly("REGISTERED", "USE");
    }

    @Test
    void a_batch_takes_a_clean_vessel_another_batch_is_refused_and_the_release_makes_it_dirty() {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String performer = people.sharedSigner(EquipmentIT.class, "Pia Performer", "OPERATOR");
        String verifier = people.sharedSigner(EquipmentIT.class, "Vito Verifier", "SUPERVISOR");
        String vesselClass = defineClass(maintenance, false, "PT72H", "PT24H");
        String vessel = register(maintenance, vesselClass, null, null);
        String cleaning = Api.object(people.api(performer).post("api/v1/equipment/" + vessel + "/cleanings",
                "{\"procedure\":\"SOP-CL-101\"}")).getJsonObject("entry").getString("id");
        assertThat(people.sign(verifier, "EQUIPMENT_CLEANING", cleaning, "VERIFIED").statusCode()).isEqualTo(201);

        HttpResponse<String> taken = people.api(performer).post("api/v1/it-probe/equipment/" + vessel + "/occupy?batch=B-1", "");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(people.api(performer).getJson("api/v1/equipment/" + vessel).getString("batch")).isEqualTo("B-1");
        assertRefused(people.api(performer).post("api/v1/it-probe/equipment/" + vessel + "/occupy?batch=B-2", ""), 409,
                "equipment-in-use", vessel + " is in use by batch B-1.");
        assertRefused(people.api(performer).get(admission(vessel, vesselClass, "CLEAN") + "&batch=B-2"), 409,
                "equipment-in-use", "B-1");
        assertThat(people.api(performer).get(admission(vessel, vesselClass, "CLEAN") + "&batch=B-1").statusCode())
                .isEqualTo(200);
        assertRefused(people.api(performer).post("api/v1/it-probe/equipment/" + vessel + "/release?batch=B-2", ""), 409,
                "equipment-state", "only the batch that has it releases it");
        assertRefused(people.api(performer).post("api/v1/equipment/" + vessel + "/cleanings",
                "{\"procedure\":\"SOP-CL-101\"}"), 409, "equipment-state", "batch B-1 must release it first");

        HttpResponse<String> released = people.api(performer).post("api/v1/it-probe/equipment/" + vessel + "/release?batch=B-1", "");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        JsonObject dirty = people.api(performer).getJson("api/v1/equipment/" + vessel);
        assertThat(dirty.getString("status")).isEqualTo("DIRTY");
        assertThat(Instant.parse(dirty.getString("dirtyUntil"))).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertRefused(people.api(performer).get(admission(vessel, vesselClass, "CLEAN") + "&batch=B-1"), 409,
                "equipment-not-clean", vessel + " is DIRTY");
        assertThat(logbook(performer, vessel)).extracting(e -> e.getString("kind") + " " + e.getString("statusAfter", ""))
                .containsExactly("REGISTERED DIRTY", "CLEANING DIRTY", "CLEANING_VERIFIED CLEAN", "OCCUPIED IN_USE",
                        "RELEASED DIRTY");
    }

    @Test
    void maintenance_and_qualification_move_the_unit_and_are_kept_in_its_logbook() {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String operator = people.sharedPerson(EquipmentIT.class, "Otto Operator", "OPERATOR");
        String vessel = register(maintenance, defineClass(maintenance, false, "PT72H", null), null, null);
        Api m = people.api(maintenance);

        assertRefused(m.post("api/v1/equipment/" + vessel + "/maintenance", "{\"phase\":\"COMPLETED\",\"description\":"
                + "\"seal\",\"reason\":\"x\"}"), 409, "equipment-state", "only a unit under maintenance completes it");
        assertThat(m.post("api/v1/equipment/" + vessel + "/maintenance", "{\"phase\":\"STARTED\",\"description\":"
                + "\"agitator seal replaced\",\"reason\":\"work order WO-4712\"}").statusCode()).isEqualTo(201);
        assertRefused(people.api(operator).get(admission(vessel, null, "")), 409, "equipment-in-maintenance",
                vessel + " is under maintenance");
        assertThat(m.post("api/v1/equipment/" + vessel + "/maintenance", "{\"phase\":\"COMPLETED\",\"description\":"
                + "\"seal tested\",\"reason\":\"work order WO-4712\"}").statusCode()).isEqualTo(201);
        assertRefused(people.api(operator).get(admission(vessel, null, "QUALIFIED")), 409, "equipment-not-qualified",
                vessel + " is NOT_QUALIFIED");
        qualify(maintenance, vessel);
        assertThat(people.api(operator).get(admission(vessel, null, "QUALIFIED")).statusCode()).isEqualTo(200);
        String why = "crack in the sight glass " + suffix();
        assertThat(people.api(operator).post("api/v1/equipment/" + vessel + "/status",
                "{\"status\":\"OUT_OF_SERVICE\",\"reason\":" + q(why) + "}").statusCode()).isEqualTo(201);
        assertRefused(people.api(operator).get(admission(vessel, null, "")), 409, "equipment-out-of-service", vessel);

        // the audit trail has the change of the unit with who, role, command and reason, old and new value
        JsonArray audited = Api.demo(http, "inspector1").getJson("api/v1/audit?entityType=EquipmentUnit&text="
                + why.replace(" ", "%20")).getJsonArray("entries");
        assertThat(audited).hasSize(1);
        JsonObject entry = audited.getJsonObject(0);
        assertThat(entry.getString("userName")).isEqualTo(operator);
        assertThat(entry.getString("actingRole")).isEqualTo("OPERATOR");
        assertThat(entry.getString("command")).isEqualTo("Record status of " + vessel + ": OUT_OF_SERVICE");
        assertThat(entry.getString("reason")).isEqualTo(why);
        assertThat(entry.getJsonArray("changes").getValuesAs(JsonObject.class))
                .anySatisfy(c -> assertThat(c.getString("field") + " " + c.getString("oldValue") + " -> "
                        + c.getString("newValue")).isEqualTo("status DIRTY -> OUT_OF_SERVICE"));

        assertThat(logbook(operator, vessel)).extracting(e -> e.getString("kind") + " " + e.getString("statusAfter", ""))
                .containsExactly("REGISTERED DIRTY", "MAINTENANCE MAINTENANCE", "MAINTENANCE DIRTY",
                        "QUALIFICATION DIRTY", "STATUS OUT_OF_SERVICE");
    }

    @Test
    void bad_input_is_refused_with_a_specific_problem_and_nothing_is_recorded() {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String operator = people.sharedPerson(EquipmentIT.class, "Otto Operator", "OPERATOR");
        Api m = people.api(maintenance);
        String vesselClass = defineClass(maintenance, false, "PT72H", "PT24H");
        String vessel = register(maintenance, vesselClass, null, null);

        HttpResponse<String> incomplete = m.post("api/v1/equipment", "{\"equipmentId\":\"bad id!\",\"equipmentClass\":"
                + q(vesselClass) + "}");
        assertRefused(incomplete, 422, "equipment-input-incomplete", "Nothing was recorded");
        assertThat(Api.object(incomplete).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("field")).contains("equipmentId", "description", "location", "reason");
        assertRefused(m.post("api/v1/equipment", unit("X-" + suffix(), "no such class", null, null)), 404,
                "equipment-class-unknown", "no such class");
        assertRefused(m.post("api/v1/equipment", unit(vessel.toLowerCase(), vesselClass, null, null)), 409,
                "equipment-duplicate", "is taken already");
        assertRefused(m.post("api/v1/equipment-classes", "{\"name\":" + q(vesselClass.toUpperCase())
                + ",\"calibrationRequired\":false,\"reason\":\"again\"}"), 409, "equipment-duplicate", "exists already");
        assertRefused(m.post("api/v1/equipment-classes", "{\"name\":\"negative hold\",\"calibrationRequired\":false,"
                + "\"cleanHold\":\"-PT1H\",\"reason\":\"x\"}"), 422, "equipment-input-incomplete", "cleanHold");
        assertRefused(m.post("api/v1/equipment", unit("C-" + suffix(), defineClass(maintenance, true, null, null), null,
                null)), 422, "equipment-input-incomplete", "calibration interval");

        int entries = logbook(operator, vessel).size();
        assertRefused(people.api(operator).post("api/v1/equipment/" + vessel + "/cleanings", "{\"procedure\":\"  \"}"),
                422, "equipment-input-incomplete", "procedure");
        assertRefused(m.post("api/v1/equipment/" + vessel + "/calibrations", "{\"result\":\"PASS\",\"certificate\":\"C-1\","
                + "\"reason\":\"x\"}"), 409, "equipment-state", "not calibrated");
        assertRefused(m.post("api/v1/equipment/" + vessel + "/status", "{\"status\":\"CLEAN\",\"reason\":\"looks clean\"}"),
                422, "equipment-input-incomplete", "CLEAN follows a verified cleaning");
        assertRefused(m.post("api/v1/equipment/" + vessel + "/status", "{\"status\":\"DIRTY\"}"), 422,
                "equipment-input-incomplete", "reason");
        assertRefused(m.post("api/v1/equipment/" + vessel + "/qualification", "{\"qualification\":\"SORT_OF\","
                + "\"reference\":\"PQ-1\",\"reason\":\"x\"}"), 422, "equipment-input-incomplete", "QUALIFIED or NOT_QUALIFIED");
        assertThat(people.api(operator).post("api/v1/equipment/" + vessel + "/qualification", "{\"qualification\":"
                + "\"QUALIFIED\",\"reference\":\"PQ-1\",\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(m.post("api/v1/equipment/" + vessel + "/cleanings", "{\"procedure\":\"SOP-CL-101\"}").statusCode())
                .isEqualTo(403);
        assertThat(Api.demo(http, "admin1").post("api/v1/equipment/" + vessel + "/status",
                "{\"status\":\"OUT_OF_SERVICE\",\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(logbook(operator, vessel)).hasSize(entries);

        String balance = register(maintenance, defineClass(maintenance, true, null, null), 180, null);
        assertRefused(m.post("api/v1/equipment/" + balance + "/calibrations", "{\"result\":\"MAYBE\",\"certificate\":"
                + "\"C-1\",\"reason\":\"x\"}"), 422, "equipment-input-incomplete", "PASS or FAIL");
        assertRefused(m.post("api/v1/equipment/" + balance + "/calibrations", "{\"result\":\"PASS\",\"certificate\":\"C-1\","
                + "\"performedAt\":" + q(Instant.now().plus(Duration.ofDays(2)).toString()) + ",\"reason\":\"x\"}"), 422,
                "equipment-input-incomplete", "performedAt is in the future");
        assertRefused(m.post("api/v1/equipment/" + balance + "/calibrations", "{\"result\":\"PASS\",\"certificate\":\"C-1\","
                + "\"nextDue\":\"2020-01-01T00:00:00Z\",\"reason\":\"x\"}"), 422, "equipment-input-incomplete",
                "is not after the calibration");
        assertThat(absent(people.api(operator).getJson("api/v1/equipment/" + balance), "calibrationDue")).isTrue();
        assertThat(logbook(operator, balance)).hasSize(1);
    }

    @Test
    void the_logbook_is_read_only_and_the_usage_counter_only_grows_even_for_the_runtime_role() throws SQLException {
        String maintenance = people.sharedPerson(EquipmentIT.class, "Mira Maintenance", "MAINTENANCE");
        String operator = people.sharedPerson(EquipmentIT.class, "Otto Operator", "OPERATOR");
        String vesselClass = defineClass(maintenance, false, null, null);
        String tool = register(maintenance, vesselClass, null, null);
        assertThat(use(operator, tool, "B-1").statusCode()).isEqualTo(200);
        List<JsonObject> before = logbook(operator, tool);

        try (Connection app = TestDatabase.asRuntimeRole(); Statement sql = app.createStatement()) {
            String entry = before.get(0).getString("id");
            assertThatThrownBy(() -> sql.executeUpdate("update ebr.equipment_log_entry set detail = 'rewritten' where id = "
                    + entry)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("delete from ebr.equipment_log_entry where id = " + entry))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("update ebr.equipment_unit set usage_count = 0 where equipment_id = '"
                    + tool + "'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("update ebr.equipment_class set clean_hold_seconds = 1 where name = '"
                    + vesselClass + "'")).isInstanceOf(SQLException.class);
        }

        assertThat(logbook(operator, tool)).isEqualTo(before);
        assertThat(people.api(operator).getJson("api/v1/equipment/" + tool).getInt("usageCount")).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private String defineClass(String maintenance, boolean calibrated, String cleanHold, String dirtyHold) {
        String name = "it class " + suffix();
        HttpResponse<String> defined = people.api(maintenance).post("api/v1/equipment-classes", "{\"name\":" + q(name)
                + ",\"calibrationRequired\":" + calibrated + (cleanHold == null ? "" : ",\"cleanHold\":" + q(cleanHold))
                + (dirtyHold == null ? "" : ",\"dirtyHold\":" + q(dirtyHold)) + ",\"reason\":\"new equipment type\"}");
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        return name;
    }

    private String register(String maintenance, String equipmentClass, Integer intervalDays, Long wearLimit) {
        String id = "T-" + suffix().toUpperCase();
        HttpResponse<String> registered = people.api(maintenance).post("api/v1/equipment", unit(id, equipmentClass,
                intervalDays, wearLimit));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(Api.object(registered).getString("equipmentId")).isEqualTo(id);
        assertThat(registered.headers().firstValue("Location").orElseThrow()).endsWith("/equipment/" + id);
        return id;
    }

    private static String unit(String id, String equipmentClass, Integer intervalDays, Long wearLimit) {
        return "{\"equipmentId\":" + q(id) + ",\"equipmentClass\":" + q(equipmentClass) + ",\"description\":\"test unit\","
                + "\"location\":\"Room IT-1\"" + (intervalDays == null ? "" : ",\"calibrationIntervalDays\":" + intervalDays)
                + (wearLimit == null ? "" : ",\"wearLimit\":" + wearLimit) + ",\"reason\":\"installed\"}";
    }

    private void qualify(String maintenance, String unit) {
        HttpResponse<String> qualified = people.api(maintenance).post("api/v1/equipment/" + unit + "/qualification",
                "{\"qualification\":\"QUALIFIED\",\"reference\":\"PQ-2026-014\",\"reason\":\"PQ report approved\"}");
        assertThat(qualified.statusCode()).as(qualified.body()).isEqualTo(201);
    }

    private HttpResponse<String> calibrate(String maintenance, String unit, String result, Instant performedAt) {
        HttpResponse<String> calibrated = people.api(maintenance).post("api/v1/equipment/" + unit + "/calibrations",
                "{\"result\":" + q(result) + ",\"certificate\":\"CAL-IT-" + suffix() + "\""
                        + (performedAt == null ? "" : ",\"performedAt\":" + q(performedAt.toString()))
                        + ",\"reason\":\"scheduled calibration\"}");
        assertThat(calibrated.statusCode()).as(calibrated.body()).isEqualTo(201);
        return calibrated;
    }

    private HttpResponse<String> use(String operator, String unit, String batch) {
        return people.api(operator).post("api/v1/it-probe/equipment/" + unit + "/use?batch=" + batch + "&step=S-10", "");
    }

    private static String admission(String unit, String equipmentClass, String checks) {
        return "api/v1/equipment/" + unit + "/admission?checks=" + checks + (equipmentClass == null ? ""
                : "&equipmentClass=" + equipmentClass.replace(" ", "%20"));
    }

    private List<JsonObject> logbook(String user, String unit) {
        HttpResponse<String> logbook = people.api(user).get("api/v1/equipment/" + unit + "/logbook");
        assertThat(logbook.statusCode()).as(logbook.body()).isEqualTo(200);
        return Api.array(logbook).getValuesAs(JsonObject.class);
    }

    /** Numbered in the order recorded, and no entry recorded before the one above it. */
    private static void assertInOrder(List<JsonObject> logbook) {
        for (int i = 1; i < logbook.size(); i++) {
            assertThat(Long.parseLong(logbook.get(i).getString("id")))
                    .isGreaterThan(Long.parseLong(logbook.get(i - 1).getString("id")));
            assertThat(Instant.parse(logbook.get(i).getString("recordedAt")))
                    .isAfterOrEqualTo(Instant.parse(logbook.get(i - 1).getString("recordedAt")));
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String kind, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Api.object(response);
        assertThat(problem.getString("type")).endsWith("/" + kind);
        assertThat(problem.getString("detail")).contains(detail);
    }

    /** JSON-B leaves null members out. */
    private static boolean absent(JsonObject object, String member) {
        return !object.containsKey(member) || object.isNull(member);
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
