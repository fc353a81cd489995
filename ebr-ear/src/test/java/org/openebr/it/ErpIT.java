package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ERP interface on the real server with the fake ERP (bin/lib/FakeErp.java, a real HTTP receiver
 * in its own process) as the other side: orders in as JSON and B2MML, idempotent, changed before and
 * refused after dispatch; the confirmations of an executed and released batch pushed by the relay in
 * order, each delivered once in effect across an ERP outage, a lost answer (a duplicate with the same
 * message id) and a parked message an administrator retries; the pull feed; every bad input its own
 * problem.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErpIT {

    private static final int ERP_PORT = Integer.getInteger("ebr.it.erp.port", 18099);
    private static FakeErpProcess fakeErp;
    private static BatchFloor shared;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    BatchFloor floor;
    Api erp;

    @BeforeAll
    static void startFakeErp() throws Exception {
        fakeErp = FakeErpProcess.start(ERP_PORT);
    }

    @AfterAll
    static void stopFakeErp() {
        if (fakeErp != null) {
            fakeErp.close();
        }
    }

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        synchronized (ErpIT.class) {
            if (shared == null) {
                shared = new BatchFloor(http);
            }
        }
        floor = shared;
        erp = Api.demo(http, "erp-client");
    }

    @Test
    @Tag("INT-ERP-3")
    void an_order_becomes_a_planned_batch_once_changes_before_dispatch_and_is_refused_after() throws Exception {
        String number = "PO-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String order = order(number, floor.productMaterial, "45", "2026-12-20");
        HttpResponse<String> created = erp.post("api/v1/erp/orders", order);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject answer = Api.object(created);
        String batch = answer.getString("batchId");
        assertThat(answer.getString("batchStatus")).isEqualTo("PLANNED");
        assertThat(answer.getString("recipeId")).isEqualTo(floor.recipeId);
        assertThat(answer.getString("outcome")).isEqualTo("CREATED");

        // the same order again: the same batch, nothing new
        HttpResponse<String> again = erp.post("api/v1/erp/orders", order);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Api.object(again).getString("batchId")).isEqualTo(batch);
        assertThat(Api.object(again).getString("outcome")).isEqualTo("REPEATED");
        // an Idempotency-Key replays its first answer, and refuses another body
        String key = "k-" + number;
        HttpResponse<String> keyed = erp.post("api/v1/erp/orders", order, "Idempotency-Key", key);
        assertThat(keyed.statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = erp.post("api/v1/erp/orders", order, "Idempotency-Key", key);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertProblem(erp.post("api/v1/erp/orders", order(number, floor.productMaterial, "44", "2026-12-20"),
                "Idempotency-Key", key), 422, "idempotency-key-reused", key);

        // changed before dispatch: the batch is re-planned, audited as the technical account
        HttpResponse<String> changed = erp.post("api/v1/erp/orders", order(number, floor.productMaterial, "40", "2026-12-21"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Api.object(changed).getString("outcome")).isEqualTo("CHANGED");
        assertThat(Api.object(changed).getInt("revision")).isEqualTo(2);
        assertThat(floor.batch(floor.supervisor, batch).getJsonNumber("plannedQuantity").bigDecimalValue())
                .isEqualByComparingTo("40");
        String trail = Api.demo(http, "inspector1").get("api/v1/audit?batch=" + batch).body();
        assertThat(trail).contains("erp-client").contains(number);
        JsonObject known = Json.createReader(new java.io.StringReader(Api.demo(http, "supervisor1")
                .get("api/v1/erp/orders?limit=500").body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("orderNumber").equals(number)).findFirst().orElseThrow();
        assertThat(known.getString("batchId")).isEqualTo(batch);
        assertThat(known.getInt("revision")).isEqualTo(2);
        assertThat(known.getString("receivedBy")).isEqualTo("erp-client");

        // dispatched, the plan stays: a changed order is refused with the reason, nothing changes
        HttpResponse<String> dispatch = floor.people.api(floor.supervisor).post("api/v1/batches/" + batch + "/dispatch",
                "{\"reason\":\"line clearance booked\"}");
        assertThat(dispatch.statusCode()).as(dispatch.body()).isEqualTo(200);
        assertProblem(erp.post("api/v1/erp/orders", order(number, floor.productMaterial, "45", "2026-12-21")), 409,
                "erp-order-dispatched", "dispatched");
        assertThat(floor.batch(floor.supervisor, batch).getJsonNumber("plannedQuantity").bigDecimalValue())
                .isEqualByComparingTo("40");
        // the unchanged order is still answered with its batch
        assertThat(erp.post("api/v1/erp/orders", order(number, floor.productMaterial, "40", "2026-12-21")).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Tag("INT-ERP-2")
    void a_b2mml_order_is_validated_against_the_schema_and_bad_orders_are_refused_each_with_its_problem() {
        String number = "PO-X" + Long.toString(System.nanoTime(), 36).toUpperCase();
        HttpResponse<String> created = xml(erp, schedule(number, floor.productMaterial, "45"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.object(created).getString("outcome")).isEqualTo("CREATED");
        assertThat(xml(erp, schedule(number, floor.productMaterial, "45")).statusCode()).isEqualTo(200);

        // not valid against the schema: the problem names the error and where it is
        String noId = schedule("PO-Y1", floor.productMaterial, "45").replace("<ID>PO-Y1</ID>", "");
        HttpResponse<String> invalid = xml(erp, noId);
        assertProblem(invalid, 422, "erp-schema-invalid", "line ");
        assertThat(invalid.body()).doesNotContain("Exception");
        assertProblem(xml(erp, "<OperationsSchedule xmlns=\"http://www.mesa.org/xml/B2MML\"><ID>1</ID>"), 422,
                "erp-schema-invalid", "well-formed");
        assertProblem(xml(erp, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<OperationsSchedule xmlns=\"http://www.mesa.org/xml/B2MML\"><ID>&e;</ID></OperationsSchedule>"), 422,
                "erp-schema-invalid", "DOCTYPE");
        // bad orders
        assertProblem(erp.post("api/v1/erp/orders", order("PO-Z1", "FG-NOBODY-MAKES-THIS", "45", "2026-12-20")), 422,
                "erp-material-unknown", "FG-NOBODY-MAKES-THIS");
        assertProblem(erp.post("api/v1/erp/orders", order("PO-Z2", floor.productMaterial, "-5", "2026-12-20")), 422,
                "erp-order-invalid", "positive");
        assertProblem(erp.post("api/v1/erp/orders", order("PO-Z3", floor.productMaterial, "45", "20.12.2026")), 422,
                "erp-order-invalid", "YYYY-MM-DD");
        assertProblem(erp.post("api/v1/erp/orders", order("", floor.productMaterial, "45", "2026-12-20")), 422,
                "erp-order-invalid", "order number");
        assertProblem(erp.post("api/v1/erp/orders", "{\"orderNumber\":"), 400, null, null);
        HttpResponse<String> huge = erp.post("api/v1/erp/orders", "{\"orderNumber\":\"PO-BIG\",\"material\":\""
                + "x".repeat(1_100_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        // no order was half-made
        assertThat(Api.demo(http, "supervisor1").get("api/v1/erp/orders?limit=500").body()).doesNotContain("PO-Z1")
                .doesNotContain("PO-Z2").doesNotContain("PO-BIG");
        // only the technical account sends orders; a revoked token is refused
        assertThat(floor.people.api(floor.supervisor).post("api/v1/erp/orders", order("PO-Z4", floor.productMaterial,
                "45", "2026-12-20")).statusCode()).isEqualTo(403);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(http.uri("api/v1/auth/tokens"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("erp-client:"
                        + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"rotation test\"}")));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        Api rotated = Api.bearer(http, Api.object(token).getString("token"));
        assertThat(rotated.post("api/v1/erp/orders", order(number + "-2", floor.productMaterial, "45", "2026-12-20"))
                .statusCode()).isEqualTo(201);
        HttpResponse<String> revoked = rotated.post("api/v1/me/tokens/" + Api.object(token).getJsonObject("details").getString("id") + "/revoke",
                "{\"reason\":\"rotated\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isBetween(200, 204);
        assertThat(rotated.post("api/v1/erp/orders", order(number + "-3", floor.productMaterial, "45", "2026-12-20"))
                .statusCode()).isEqualTo(401);
        // two tokens live side by side: revoking one leaves the other working (rotation without downtime)
        assertThat(erp.post("api/v1/erp/orders", order(number + "-2", floor.productMaterial, "45", "2026-12-20"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    @Tag("INT-ERP-1")
    @Tag("INT-ERP-2")
    @Tag("MES-BDE-1")
    void a_batch_s_confirmations_reach_the_erp_in_order_once_each_across_an_outage_a_lost_answer_and_a_parked_message()
            throws Exception {
        fakeErp.post("/reset");
        String number = "PO-C" + Long.toString(System.nanoTime(), 36).toUpperCase();
        HttpResponse<String> created = erp.post("api/v1/erp/orders", order(number, floor.productMaterial, "45", "2026-12-22"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String batch = Api.object(created).getString("batchId");
        // a cursor beyond the end gives an empty page that keeps it
        JsonObject beyond = erp.getJson("api/v1/erp/confirmations?limit=1&after=999999999");
        assertThat(beyond.getJsonArray("confirmations")).isEmpty();
        assertThat(beyond.getString("next")).isEqualTo("999999999");
        assertProblem(erp.get("api/v1/erp/confirmations?after=-3"), 422, "erp-cursor-invalid", "-3");

        // the ERP is down for the first attempts: the relay backs off and delivers later, in order
        fakeErp.post("/control?mode=fail&count=3");
        String[] made = floor.completed(floor.dispensedAndDispatched(batch), "19740", "40");
        waitFor("the batch's confirmations delivered", () -> delivered(batch) >= 6);
        List<JsonObject> ofBatch = fakeErp.received().stream()
                .filter(r -> batch.equals(r.getString("batchId", null))).toList();
        assertThat(ofBatch.stream().filter(r -> r.getString("answer").equals("503")).count()).isEqualTo(3);
        List<JsonObject> booked = ofBatch.stream().filter(r -> r.getString("answer").equals("200")).toList();
        assertThat(booked).extracting(r -> r.getInt("sequence")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(booked).extracting(r -> r.getString("kind")).containsExactly("BATCH_STARTED", "MATERIAL_CONSUMED",
                "MATERIAL_CONSUMED", "MATERIAL_CONSUMED", "MATERIAL_CONSUMED", "PRODUCTION_REPORTED");
        assertThat(booked).noneMatch(r -> r.getBoolean("duplicate")); // each booked once
        assertThat(booked).extracting(r -> r.getString("messageId")).doesNotHaveDuplicates();
        JsonObject production = body(booked.get(5));
        assertThat(production.getString("orderNumber")).isEqualTo(number);
        assertThat(production.getJsonObject("produced").getJsonNumber("quantity").intValue()).isEqualTo(19740);
        assertThat(production.getJsonObject("produced").getString("lot")).isEqualTo(batch);
        assertThat(production.getJsonObject("produced").getString("material")).isEqualTo(floor.productMaterial);
        assertThat(production.getJsonArray("rejects").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("stepId") + "=" + r.getJsonNumber("quantity").intValue())
                .containsExactlyInAnyOrder("rejects_particles=40", "rejects_cracks=25", "rejects_fill_level=30",
                        "rejects_cosmetic=15");
        assertThat(production.getJsonArray("operations")).isNotEmpty();
        // the shop-floor data of each operation: its downtime and losses with their cause codes (MES-BDE-1)
        JsonObject filling = production.getJsonArray("operations").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("operation").equals("Filling and stoppering")).findFirst().orElseThrow();
        assertThat(filling.containsKey("downtimeMinutes")).isTrue(); // 1 s of downtime: 0.0 min
        assertThat(filling.getJsonArray("losses").getValuesAs(JsonObject.class))
                .extracting(l -> l.getString("kind") + " " + l.getString("cause") + " " + (l.containsKey("quantity")
                        ? l.getJsonNumber("quantity").intValue() + " " + l.getString("unit") : l.getString("from")))
                .hasSize(2).anySatisfy(l -> assertThat(l).startsWith("DOWNTIME EQUIPMENT_FAILURE 20"))
                .contains("SCRAP EQUIPMENT_FAILURE 120 vials");
        // each consumption as the record has it: the same lot, container and quantity as the charge's entry
        List<JsonObject> charges = Api.demo(http, "inspector1").getJson("api/v1/batches/" + batch + "/record.json")
                .getJsonObject("record").getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.get("containerId") != null && e.get("containerId").getValueType()
                        == jakarta.json.JsonValue.ValueType.STRING).toList();
        assertThat(charges).hasSize(4);
        for (JsonObject c : booked.subList(1, 5).stream().map(r -> body(r).getJsonObject("consumption")).toList()) {
            JsonObject entry = charges.stream().filter(e -> e.getString("stepId").equals(c.getString("stepId")))
                    .findFirst().orElseThrow();
            assertThat(c.getString("lot")).isEqualTo(entry.getString("lotId"));
            assertThat(c.getString("container")).isEqualTo(entry.getString("containerId"));
            assertThat(c.getJsonNumber("quantity").bigDecimalValue()).isEqualByComparingTo(
                    entry.getJsonNumber("value").bigDecimalValue());
            assertThat(c.getString("unit")).isEqualTo(entry.getString("unit"));
        }
        // each as B2MML OperationsPerformance (EBR_ERP_FORMAT=b2mml sends this), valid against the schema
        javax.xml.validation.Schema operationsPerformance = javax.xml.validation.SchemaFactory.newInstance(
                javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(ErpIT.class.getClassLoader()
                .getResource(org.openebr.erp.control.ErpB2mml.SCHEMA));
        Api supervisor = Api.demo(http, "supervisor1");
        for (JsonObject r : booked) {
            HttpResponse<String> xml = supervisor.get("api/v1/erp/messages/" + r.getString("messageId") + "/b2mml");
            assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
            operationsPerformance.newValidator().validate(new javax.xml.transform.stream.StreamSource(
                    new java.io.StringReader(xml.body())));
            assertThat(xml.body()).contains("<OperationsScheduleID>" + number + "</OperationsScheduleID>");
        }
        assertThat(supervisor.get("api/v1/erp/messages/" + booked.get(5).getString("messageId") + "/b2mml").body())
                .containsPattern("<MaterialUse>Produced</MaterialUse>\\s*<Quantity>\\s*<QuantityString>19740<");
        // the same confirmations from the feed, after the cursor
        JsonObject feed = erp.getJson("api/v1/erp/confirmations?after=0&limit=200");
        List<String> fed = feed.getJsonArray("confirmations").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("batchId").equals(batch)).map(m -> m.getString("messageId")).toList();
        assertThat(fed).containsExactlyElementsOf(booked.stream().map(r -> r.getString("messageId")).toList());

        // the answer to the release is lost (the ERP answers after the relay's time-out): sent again, same id
        fakeErp.post("/control?mode=timeout&count=1&delay=5");
        release(batch, made[1]);
        waitFor("the release delivered", () -> delivered(batch) >= 7);
        List<JsonObject> release = fakeErp.received().stream()
                .filter(r -> batch.equals(r.getString("batchId", null)) && "BATCH_RELEASED".equals(r.getString("kind", null)))
                .toList();
        assertThat(release).hasSizeGreaterThanOrEqualTo(2);
        assertThat(release).extracting(r -> r.getString("messageId")).containsOnly(release.get(0).getString("messageId"));
        assertThat(release.get(1).getBoolean("duplicate")).isTrue();
        assertThat(body(release.get(0)).getString("decision")).isEqualTo("RELEASED");
        assertThat(body(release.get(0)).getJsonObject("produced").getJsonNumber("quantity").intValue()).isEqualTo(19740);

        // a long outage parks the message for an administrator, who sees the error and retries it
        String parkedNumber = "PO-P" + Long.toString(System.nanoTime(), 36).toUpperCase();
        HttpResponse<String> second = erp.post("api/v1/erp/orders", order(parkedNumber, floor.productMaterial, "45",
                "2026-12-23"));
        String parkedBatch = Api.object(second).getString("batchId");
        fakeErp.post("/control?mode=close&count=0"); // the ERP drops every connection without an answer
        floor.dispensedAndDispatched(parkedBatch);
        assertThat(floor.enter(floor.operator1, parkedBatch, "line_clearance", "{\"acknowledged\":true}").statusCode())
                .isEqualTo(201);
        Api admin = Api.demo(http, "admin1");
        waitFor("the message parked", () -> admin.get("api/v1/erp/messages?state=parked&limit=200").body()
                .contains(parkedBatch));
        JsonObject parked = Json.createReader(new java.io.StringReader(admin.get("api/v1/erp/messages?state=parked"
                + "&limit=200").body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("batchId").equals(parkedBatch)).findFirst().orElseThrow();
        assertThat(parked.getString("lastError")).contains("connection failed");
        assertThat(parked.getInt("attempts")).isEqualTo(6);
        String id = parked.getString("messageId");
        JsonObject detail = admin.getJson("api/v1/erp/messages/" + id);
        assertThat(detail.getJsonArray("attempts")).hasSize(6);
        assertProblem(Api.demo(http, "supervisor1").post("api/v1/erp/messages/" + id + "/retry", "{}"), 403, null, null);
        fakeErp.post("/control?mode=ok");
        // the administrator finds it on the interface monitor with its error and retries it there, with a reason
        Browser browser = new Browser(contextRoot);
        try {
            browser.signIn("admin1", Api.DEMO_PASSWORD);
            browser.open("app/erp.xhtml?state=parked");
            assertThat(browser.text()).contains("Parked messages").contains(parkedBatch).contains("connection failed")
                    .contains("6 attempts").contains(number);
            browser.look("erp-monitor-parked");
            browser.assertAccessible();
            browser.viewport(1024, 768);
            assertThat(browser.scrollsSideways()).isFalse();
            browser.normalViewport();
            String row = "tr.erp-message-" + id;
            browser.clickAt(row + " button[id$='retry-button']");
            browser.waitForTextAt(row, "Say why the message is retried");
            browser.typeAt(row + " input[id$='reason']", "ERP back after maintenance");
            browser.clickAt(row + " button[id$='retry-button']");
            browser.waitForTextAt(row, "is pending again");
            browser.look("erp-monitor-retried");
        } finally {
            browser.screenshot(Path.of("target", "screenshots", "erp-monitor-retry.png"));
            browser.close();
        }
        waitFor("the retried message delivered", () -> delivered(parkedBatch) >= 1);
        assertProblem(admin.post("api/v1/erp/messages/" + id + "/retry", "{}"), 409, "erp-message-not-parked", "DELIVERED");
        assertThat(admin.getJson("api/v1/erp/messages/" + id).getJsonArray("attempts").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("outcome")).contains("PARKED", "RETRY_REQUESTED", "DELIVERED");
        assertThat(admin.get("api/v1/erp/messages?state=parked&limit=200").body()).doesNotContain(id);
    }

    /** The batch released by QA the way BatchExecutionIT does it: exceptions accepted, the deviation closed. */
    private void release(String batch, String deviation) {
        String qc = floor.people.signer("Quade QC", "QA_REVIEWER");
        Api reviewer = floor.people.api(qc);
        HttpResponse<String> closed = reviewer.post("api/v1/batches/" + batch + "/deviations/" + deviation + "/closure",
                "{\"rootCause\":\"electrode not equilibrated\",\"impact\":\"none: measured again within limits\","
                        + "\"capa\":\"CAPA-2026-0060\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        for (JsonObject x : reviewer.getJson("api/v1/batches/" + batch + "/review").getJsonArray("exceptions")
                .getValuesAs(JsonObject.class)) {
            if (!x.getString("kind").startsWith("DEVIATION")) {
                assertThat(reviewer.post("api/v1/batches/" + batch + "/review/exceptions/" + x.getString("exceptionId")
                        + "/disposition", "{\"decision\":\"ACCEPTED\",\"comment\":\"checked against the record\"}")
                        .statusCode()).isEqualTo(201);
            }
        }
        HttpResponse<String> reviewed = floor.people.sign(qc, "BATCH", batch, "REVIEWED");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
        HttpResponse<String> released = floor.people.sign(floor.releaser, "BATCH", batch, "RELEASED");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
    }

    private long delivered(String batch) {
        String list = Api.demo(http, "admin1").get("api/v1/erp/messages?state=delivered&limit=200").body();
        return Json.createReader(new java.io.StringReader(list)).readArray().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("batchId").equals(batch)).count();
    }

    private static JsonObject body(JsonObject received) {
        return FakeErpProcess.body(received);
    }

    private static String order(String number, String material, String quantity, String due) {
        return "{\"orderNumber\":" + q(number) + ",\"material\":" + q(material) + ",\"quantity\":" + quantity
                + ",\"unit\":\"L\",\"dueDate\":" + q(due) + "}";
    }

    /** A B2MML OperationsSchedule with one order, as an ERP sends it. */
    static String schedule(String number, String material, String quantity) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <OperationsSchedule xmlns="http://www.mesa.org/xml/B2MML">
                  <ID>SCHED-%1$s</ID>
                  <PublishedDate>2026-12-04T08:00:00Z</PublishedDate>
                  <OperationsType>Production</OperationsType>
                  <OperationsRequest>
                    <ID>%1$s</ID>
                    <Description>Process order from the ERP</Description>
                    <EndTime>2026-12-20T18:00:00+01:00</EndTime>
                    <OperationsType>Production</OperationsType>
                    <SegmentRequirement>
                      <ID>0010</ID>
                      <ProcessSegmentID>FILLING</ProcessSegmentID>
                      <OperationsDefinitionID>ROUTING-1</OperationsDefinitionID>
                      <OperationsSegmentID>0010</OperationsSegmentID>
                      <MaterialRequirement>
                        <ID>OUT-1</ID>
                        <MaterialDefinitionID>%2$s</MaterialDefinitionID>
                        <MaterialUse>Produced</MaterialUse>
                        <Quantity><QuantityString>%3$s</QuantityString><UnitOfMeasure>L</UnitOfMeasure></Quantity>
                      </MaterialRequirement>
                    </SegmentRequirement>
                  </OperationsRequest>
                </OperationsSchedule>
                """.formatted(number, material, quantity);
    }

    private HttpResponse<String> xml(Api as, String body) {
        return http.send(HttpRequest.newBuilder(http.uri("api/v1/erp/orders")).header("Authorization", as.authorization())
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (kind != null) {
            JsonObject problem = Api.object(response);
            assertThat(problem.getString("type")).endsWith("/" + kind);
            if (mentions != null) {
                assertThat(problem.getString("detail")).contains(mentions);
            }
        }
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(90);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("waited 90 s for " + what);
            }
            Thread.sleep(500);
        }
    }
}
