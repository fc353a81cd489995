package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openebr.sim.EquipmentSimulator;
import org.openebr.sim.SimulatorConfig;

/**
 * Machine data on the real server from the real equipment simulator (a Milo OPC UA server in the test
 * JVM, over TCP): a connection refused until an administrator trusts the server certificate it presents,
 * then connected with Basic256Sha256 / SignAndEncrypt and a user name; a wrong password, policy None and
 * a node that does not exist each refused with a clear state; the mixing temperature of a batch captured
 * with its status code and source and server time stamps; a Bad value and an implausible one recorded
 * only with a reason and never as Good; the simulator stopped in the middle of the batch (capture
 * refused, a gap in the log and in the stored values, nothing invented) and back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MachineDataIT {

    private static final int PORT = Integer.getInteger("ebr.it.opcua.port", 14840);
    private static final String PASSWORD = "it-sim-password";
    private static EquipmentSimulator simulator;
    private static SimulatorConfig config;
    private static BatchFloor shared;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Api admin;
    BatchFloor floor;

    @BeforeEach
    void clients() throws Exception {
        http = new Http(contextRoot);
        admin = Api.demo(http, "admin1");
        synchronized (MachineDataIT.class) {
            if (shared == null) {
                shared = new BatchFloor(http);
            }
            if (simulator == null) {
                // the simulator trusts OpenEBR's application certificate, as the machine's administrator would
                HttpResponse<String> pem = admin.get("api/v1/opcua/client-certificate");
                assertThat(pem.statusCode()).as(pem.body()).isEqualTo(200);
                assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----");
                Path dir = Files.createTempDirectory("ebr-it-sim");
                Path clientCertificate = dir.resolve("openebr.pem");
                Files.writeString(clientCertificate, pem.body(), StandardCharsets.US_ASCII);
                config = new SimulatorConfig("localhost", PORT, "/openebr-sim", dir.resolve("pki"), false,
                        Map.of("openebr", PASSWORD), List.of(clientCertificate), 0, 0, 100, 42);
                simulator = EquipmentSimulator.start(config);
            }
        }
        floor = shared;
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    @Tag("INT-OPC-1")
    @Tag("negative")
    void a_connection_is_refused_until_its_server_certificate_is_trusted_and_insecure_or_wrong_settings_are_refused() {
        // policy None and anonymous sessions are for development servers only
        assertProblem(admin.post("api/v1/opcua/connections", connection("it-none-" + nano(), "None", "None",
                "\"identity\":\"ANONYMOUS\"")), 422, "opcua-security-none", "Basic256Sha256");
        assertProblem(admin.post("api/v1/opcua/connections", connection("it-bad-" + nano(), "Basic256Sha256",
                "SignAndEncrypt", "\"identity\":\"USERNAME\",\"userName\":\"openebr\",\"password\":\"x\"")
                .replace("opc.tcp://", "http://")), 422, "opcua-connection-invalid", "opc.tcp");
        assertProblem(admin.post("api/v1/opcua/connections", connection("it-bad-" + nano(), "Basic128", "SignAndEncrypt",
                "\"identity\":\"CERTIFICATE\"")), 422, "opcua-connection-invalid", "Basic256Sha256");
        assertProblem(admin.post("api/v1/opcua/connections", connection("it-bad-" + nano(), "Basic256Sha256",
                "SignAndEncrypt", "\"identity\":\"USERNAME\",\"userName\":\"openebr\"")), 422, "opcua-connection-invalid",
                "password");
        // a supervisor watches connections, only an administrator configures them
        assertThat(Api.demo(http, "supervisor1").post("api/v1/opcua/connections", connection("it-sup-" + nano(),
                "Basic256Sha256", "SignAndEncrypt", "\"identity\":\"CERTIFICATE\"")).statusCode()).isEqualTo(403);

        // a new connection: the server answers, presents its certificate, and is refused until trusted
        String id = created(connection("it-untrusted-" + nano(), "Aes256_Sha256_RsaPss", "SignAndEncrypt",
                "\"identity\":\"USERNAME\",\"userName\":\"openebr\",\"password\":" + q(PASSWORD)));
        JsonObject untrusted = until(id, c -> c.getString("state").equals("UNTRUSTED_CERTIFICATE"));
        assertThat(untrusted.getString("serverCertificateThumbprint")).isEqualTo(simulator.sha1Thumbprint());
        assertThat(untrusted.getString("message")).contains("not trusted").contains(simulator.sha1Thumbprint());
        assertThat(absent(untrusted, "trustedThumbprint")).isTrue();

        // the trust decision names the thumbprint as compared and says why
        assertProblem(admin.post("api/v1/opcua/connections/" + id + "/trust", "{\"thumbprint\":\""
                + "0".repeat(40) + "\",\"reason\":\"compared\"}"), 409, "opcua-thumbprint-mismatch", simulator.sha1Thumbprint());
        assertProblem(admin.post("api/v1/opcua/connections/" + id + "/trust", "{\"thumbprint\":" + q(simulator.sha1Thumbprint())
                + "}"), 422, "opcua-connection-invalid", null);
        assertThat(Api.demo(http, "supervisor1").post("api/v1/opcua/connections/" + id + "/trust", "{\"thumbprint\":"
                + q(simulator.sha1Thumbprint()) + ",\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        trust(id);
        JsonObject connected = until(id, c -> c.getString("state").equals("CONNECTED"));
        assertThat(connected.getString("message")).contains("Aes256_Sha256_RsaPss/SignAndEncrypt").contains("user openebr");
        assertThat(connected.getString("trustedBy")).isEqualTo("admin1");
        assertThat(Api.demo(http, "inspector1").get("api/v1/audit?entityType=OpcUaConnection&recordId=" + id).body())
                .contains(simulator.sha1Thumbprint()).contains("thumbprint compared");

        // a wrong password: refused by the server, said so
        String wrong = created(connection("it-wrong-password-" + nano(), "Basic256Sha256", "SignAndEncrypt",
                "\"identity\":\"USERNAME\",\"userName\":\"openebr\",\"password\":\"not-the-password\""));
        until(wrong, c -> c.getString("state").equals("UNTRUSTED_CERTIFICATE"));
        trust(wrong);
        JsonObject refused = until(wrong, c -> c.getString("state").equals("REFUSED"));
        assertThat(refused.getString("message")).contains("refuses user openebr").contains("password");

        // the log says what happened, in order
        List<String> kinds = Api.array(admin.get("api/v1/opcua/connections/" + id + "/log")).getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("kind")).toList();
        assertThat(kinds).containsSubsequence("CONNECTED", "TRUSTED", "REFUSED", "CONFIGURED");
        assertProblem(admin.get("api/v1/opcua/connections/not-a-connection"), 404, "opcua-connection-not-found", null);
    }

    @Test
    @Tag("P11-10h-2")
    @Tag("MES-MDE-1")
    @Tag("A11D-10-1")
    @Tag("negative")
    void the_mixing_temperature_is_captured_with_its_quality_and_a_bad_or_implausible_value_never_passes_as_good()
            throws Exception {
        String connection = trustedConnection();
        String vessel = floor.cleanVessel();
        HttpResponse<String> tag = admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":"
                + q(vessel) + ",\"tag\":\"V101.Temperature\",\"nodeId\":\"nsu=urn:openebr:sim;s=V-101.Temperature\","
                + "\"engineeringUnit\":\"°C\",\"rangeLow\":-20,\"rangeHigh\":120,\"maxUnchangedSeconds\":2}");
        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
        // a node that does not exist: the tag is refused by the server, shown on the connection
        HttpResponse<String> missing = admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":"
                + q(vessel) + ",\"tag\":\"V101.Pressure\",\"nodeId\":\"nsu=urn:openebr:sim;s=V-101.Pressure\"}");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(201);
        assertProblem(admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":" + q(vessel)
                + ",\"tag\":\"V101.Temperature\",\"nodeId\":\"nsu=urn:openebr:sim;s=V-101.Temperature\"}"), 409,
                "opcua-tag-exists", null);
        assertProblem(admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":\"NO-SUCH-UNIT\","
                + "\"tag\":\"X\",\"nodeId\":\"ns=2;s=X\"}"), 422, "opcua-tag-invalid", "NO-SUCH-UNIT");
        assertProblem(admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":" + q(vessel)
                + ",\"tag\":\"X\",\"nodeId\":\"V-101\"}"), 422, "opcua-tag-invalid", "node id");
        JsonObject state = until(connection, c -> c.getString("state").equals("CONNECTED") && c.getJsonArray("tags")
                .getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("tag").equals("V101.Pressure")
                        && !absent(t, "refused")));
        assertThat(state.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("tag").equals("V101.Pressure")).findFirst().orElseThrow().getString("refused"))
                .contains("Bad_NodeIdUnknown");

        String batch = mixed(vessel);
        String op = floor.operator2;
        // a value the transmitter reports Bad, and one outside the instrument's range: refused without a reason,
        // nothing recorded
        simulator.forceStatus("V-101.Temperature", new StatusCode(StatusCodes.Bad_SensorFailure));
        Thread.sleep(1_000); // the fault lasts a while: the subscription delivers Bad values too
        try {
            assertProblem(floor.enter(op, batch, "mix_temperature", "{\"acknowledged\":true}"), 422, "reason-required",
                    "Bad_SensorFailure");
        } finally {
            simulator.releaseStatus("V-101.Temperature");
        }
        simulator.set("V-101.Temperature", 150.0);
        try {
            assertProblem(floor.enter(op, batch, "mix_temperature", "{\"acknowledged\":true}"), 422, "reason-required",
                    "outside the instrument's range -20 to 120");
        } finally {
            simulator.set("V-101.Temperature", 22.5);
        }
        // a value that stopped changing (a frozen transmitter, Annex 11 draft §10): flagged as not plausible
        simulator.freeze("V-101.Temperature");
        try {
            Thread.sleep(3_000);
            assertProblem(floor.enter(op, batch, "mix_temperature", "{\"acknowledged\":true}"), 422, "reason-required",
                    "unchanged since");
        } finally {
            simulator.unfreeze("V-101.Temperature");
        }
        assertThat(absent(floor.step(op, batch, "mix_temperature"), "current")).as("nothing recorded").isTrue();
        Thread.sleep(500);

        // a Good value: captured with its node, status code, quality and both time stamps
        Instant before = Instant.now();
        HttpResponse<String> captured = floor.enter(op, batch, "mix_temperature", "{\"acknowledged\":true}");
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(201);
        JsonObject entry = floor.step(op, batch, "mix_temperature").getJsonObject("current");
        assertThat(entry.getString("source")).isEqualTo("OPC_UA");
        assertThat(entry.getString("quality")).isEqualTo("GOOD");
        assertThat(entry.getJsonNumber("statusCode").longValue()).isZero();
        assertThat(entry.getString("nodeId")).isEqualTo("nsu=urn:openebr:sim;s=V-101.Temperature");
        assertThat(entry.getJsonNumber("value").doubleValue()).isBetween(19.0, 26.0);
        assertThat(entry.getString("judgement")).isEqualTo("IN_SPEC");
        assertThat(entry.getBoolean("manual")).isFalse();
        Instant serverTime = Instant.parse(entry.getString("serverTime"));
        assertThat(serverTime).isAfter(before.minusSeconds(5)).isBefore(Instant.now().plusSeconds(5));
        assertThat(Instant.parse(entry.getString("sourceTime"))).isBeforeOrEqualTo(serverTime);
        assertThat(entry.getString("details")).contains(vessel).contains("status Good");
        assertThat(floor.sign(op, batch, "mix_temperature", "PERFORMED").statusCode()).isEqualTo(201);

        // recorded with a reason, a Bad value stays Bad and is not judged against the limits
        simulator.forceStatus("V-101.Temperature", new StatusCode(StatusCodes.Bad_SensorFailure));
        Thread.sleep(1_000); // the fault lasts a while: the subscription delivers Bad values too
        try {
            HttpResponse<String> bad = floor.correct(op, batch, "mix_temperature", "{\"acknowledged\":true,\"reason\":"
                    + "\"captured again after a transmitter alarm, recorded as read\"}");
            assertThat(bad.statusCode()).as(bad.body()).isEqualTo(201);
            JsonObject badEntry = floor.step(op, batch, "mix_temperature").getJsonObject("current");
            assertThat(badEntry.getString("quality")).isEqualTo("BAD");
            assertThat(badEntry.getJsonNumber("statusCode").longValue()).isEqualTo(StatusCodes.Bad_SensorFailure);
            assertThat(absent(badEntry, "judgement")).isTrue();
            assertThat(badEntry.getString("source")).isEqualTo("OPC_UA");
        } finally {
            simulator.releaseStatus("V-101.Temperature");
        }

        // an implausible value recorded with a reason keeps its finding
        simulator.set("V-101.Temperature", 150.0);
        try {
            HttpResponse<String> implausible = floor.correct(op, batch, "mix_temperature", "{\"acknowledged\":true,"
                    + "\"reason\":\"recorded as read; vessel probe to be checked\"}");
            assertThat(implausible.statusCode()).as(implausible.body()).isEqualTo(201);
            JsonObject flagged = floor.step(op, batch, "mix_temperature").getJsonObject("current");
            assertThat(flagged.getString("plausibility")).contains("outside the instrument's range");
            assertThat(flagged.getString("quality")).isEqualTo("GOOD");
            assertThat(flagged.getString("judgement")).isEqualTo("OUT_OF_SPEC");
        } finally {
            simulator.set("V-101.Temperature", 22.5);
        }

        // a value typed instead of read stays possible, with a reason, marked MANUAL
        HttpResponse<String> typed = floor.correct(op, batch, "mix_temperature", "{\"value\":22.6,\"unit\":\"°C\","
                + "\"reason\":\"read from the vessel display during a connection test\"}");
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(201);
        JsonObject manual = floor.step(op, batch, "mix_temperature").getJsonObject("current");
        assertThat(manual.getString("source")).isEqualTo("MANUAL");
        assertThat(manual.getBoolean("manual")).isTrue();
        assertThat(absent(manual, "statusCode")).isTrue();

        // QA finds each of them in the review by exception: the Bad reading, the implausible one, the typed one
        JsonObject review = Api.demo(http, "qa1").getJson("api/v1/batches/" + batch + "/review");
        java.util.Map<String, String> exceptions = review.getJsonArray("exceptions").getValuesAs(JsonObject.class)
                .stream().collect(java.util.stream.Collectors.toMap(x -> x.getString("exceptionId"),
                        x -> x.getString("kind") + ": " + x.getString("summary")));
        assertThat(exceptions.get("MACHINE-mix_temperature-2")).startsWith("MACHINE_VALUE_QUALITY")
                .contains("quality BAD", String.format("0x%08X", StatusCodes.Bad_SensorFailure),
                        "with the reason: captured again");
        assertThat(exceptions.get("MACHINE-mix_temperature-3")).startsWith("MACHINE_VALUE_QUALITY")
                .contains("not plausible", "outside the instrument's range");
        assertThat(exceptions.get("MANUAL-mix_temperature-4")).startsWith("MANUAL_MACHINE_VALUE")
                .contains("typed by hand", "vessel display");
        assertThat(exceptions).doesNotContainKey("MACHINE-mix_temperature-1");

        // the values of the running batch are kept with it, with status codes and both time stamps
        try (Connection db = TestDatabase.asRuntimeRole();
             PreparedStatement read = db.prepareStatement("SELECT count(*), count(DISTINCT status_code),"
                     + " count(source_time), count(server_time) FROM process_value v JOIN equipment_tag t ON t.id = v.tag_id"
                     + " WHERE t.tag = 'V101.Temperature' AND v.batch_id = ?")) {
            read.setString(1, batch);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("values stored with the batch").isPositive();
                assertThat(rs.getLong(2)).as("Good and Bad_SensorFailure").isGreaterThanOrEqualTo(2);
                assertThat(rs.getLong(3)).isEqualTo(rs.getLong(1));
                assertThat(rs.getLong(4)).isEqualTo(rs.getLong(1));
            }
        }
    }

    @Test
    @Tag("P11-10h-2")
    void the_simulator_stopped_mid_batch_refuses_the_capture_shows_a_gap_and_invents_no_value() throws Exception {
        String connection = trustedConnection();
        String vessel = floor.cleanVessel();
        HttpResponse<String> tag = admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":"
                + q(vessel) + ",\"tag\":\"V101.Temperature\",\"nodeId\":\"nsu=urn:openebr:sim;s=V-101.Temperature\"}");
        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
        // the link started again with the tag: connected with it subscribed (not the link of before the tag)
        until(connection, c -> c.getString("state").equals("CONNECTED")
                && c.getString("message", "").contains("1 of 1 tags subscribed"));
        String batch = mixed(vessel);

        simulator.stop();
        Instant stopped = Instant.now();
        JsonObject lost = until(connection, c -> !c.getString("state").equals("CONNECTED"));
        assertThat(lost.getString("state")).isIn("LOST", "UNREACHABLE");
        assertProblem(floor.enter(floor.operator2, batch, "mix_temperature", "{\"acknowledged\":true}"), 409,
                "machine-value-unavailable", "connection is");
        assertThat(absent(floor.step(floor.operator2, batch, "mix_temperature"), "current")).as("nothing recorded").isTrue();
        // the operator reads the vessel display instead: typed, with a reason, an exception for QA
        HttpResponse<String> typed = floor.enter(floor.operator2, batch, "mix_temperature", "{\"value\":22.5,\"unit\":"
                + "\"°C\",\"reason\":\"vessel connection lost: read from the vessel display\"}");
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(201);
        Thread.sleep(2_000);

        simulator = EquipmentSimulator.start(config);
        Instant restarted = Instant.now();
        JsonObject back = until(connection, c -> c.getString("state").equals("CONNECTED"));
        assertThat(back.getString("message")).contains("no machine data from");
        // connected again, the value is read from the machine once more (a correction, with its reason)
        HttpResponse<String> captured = floor.correct(floor.operator2, batch, "mix_temperature", "{\"acknowledged\":true,"
                + "\"reason\":\"connection back: captured from the vessel\"}");
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(201);
        assertThat(floor.step(floor.operator2, batch, "mix_temperature").getJsonObject("current").getString("source"))
                .isEqualTo("OPC_UA");
        // the outage is visible to QA: the value typed while the machine was away is an exception of the review
        JsonObject review = Api.demo(http, "qa1").getJson("api/v1/batches/" + batch + "/review");
        assertThat(review.getJsonArray("exceptions").getValuesAs(JsonObject.class))
                .anySatisfy(x -> assertThat(x.getString("exceptionId") + " " + x.getString("kind") + " "
                        + x.getString("summary")).startsWith("MANUAL-mix_temperature-1 MANUAL_MACHINE_VALUE")
                        .contains("vessel connection lost"));

        List<String> kinds = Api.array(admin.get("api/v1/opcua/connections/" + connection + "/log"))
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("kind")).toList();
        assertThat(kinds).containsSubsequence("CONNECTED", "LOST");
        // no value of the tag arrived while the simulator was down: the gap stays a gap
        try (Connection db = TestDatabase.asRuntimeRole();
             PreparedStatement read = db.prepareStatement("SELECT count(*) FROM process_value v JOIN equipment_tag t ON"
                     + " t.id = v.tag_id WHERE t.connection_id = ?::uuid AND v.received_at > ? AND v.received_at < ?")) {
            read.setString(1, connection);
            read.setTimestamp(2, java.sql.Timestamp.from(stopped.plusSeconds(1)));
            read.setTimestamp(3, java.sql.Timestamp.from(restarted.minusMillis(200)));
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("values while the equipment was down").isZero();
            }
            // nor can a stored value be changed or removed by the application's own database role
            for (String change : List.of("UPDATE process_value SET value = 22.5 WHERE received_at > ? AND tag_id"
                    + " IN (SELECT id FROM equipment_tag WHERE connection_id = ?::uuid)", "DELETE FROM process_value WHERE"
                    + " received_at > ? AND tag_id IN (SELECT id FROM equipment_tag WHERE connection_id = ?::uuid)")) {
                try (PreparedStatement edit = db.prepareStatement(change)) {
                    edit.setTimestamp(1, java.sql.Timestamp.from(stopped.minusSeconds(60)));
                    edit.setString(2, connection);
                    org.assertj.core.api.Assertions.assertThatThrownBy(edit::executeUpdate).as(change)
                            .isInstanceOf(java.sql.SQLException.class);
                }
            }
        }
    }

    @Test
    @Tag("MES-MDE-1")
    void the_operator_sees_the_machine_value_live_on_the_terminal_and_captures_it_without_typing() throws Exception {
        String connection = trustedConnection();
        String vessel = floor.cleanVessel();
        HttpResponse<String> tag = admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":"
                + q(vessel) + ",\"tag\":\"V101.Temperature\",\"nodeId\":\"nsu=urn:openebr:sim;s=V-101.Temperature\","
                + "\"engineeringUnit\":\"°C\",\"rangeLow\":-20,\"rangeHigh\":120}");
        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
        // the link started again with the tag: connected with it subscribed (not the link of before the tag)
        until(connection, c -> c.getString("state").equals("CONNECTED")
                && c.getString("message", "").contains("1 of 1 tags subscribed"));
        String batch = mixed(vessel);
        String card = "section[data-step='mix_temperature']";
        try (Browser otto = new Browser(contextRoot)) {
            otto.signIn(floor.operator2, floor.operatorPassword).open("app/terminal.xhtml?batch=" + batch);
            otto.waitForTextAt(card + " .ebr-machine-live", "status Good");
            assertThat(otto.textAt(card + " .ebr-machine-live")).contains("°C from " + vessel, "GOOD");

            // the transmitter fails: the live value turns Bad on the screen, and the capture is refused at the card
            simulator.forceStatus("V-101.Temperature", new StatusCode(StatusCodes.Bad_SensorFailure));
            try {
                otto.waitForTextAt(card + " .ebr-machine-live", "Bad_SensorFailure");
                otto.look("terminal-machine-value-bad");
                otto.assertAccessible();
                otto.clickAt(card + " button[id$=':capture']");
                otto.waitForTextAt(card, "NOT saved");
                assertThat(otto.textAt(card)).contains("Bad_SensorFailure", "reason");
            } finally {
                simulator.releaseStatus("V-101.Temperature");
            }
            otto.waitForTextAt(card + " .ebr-machine-live", "status Good");
            otto.look("terminal-machine-value");
            otto.clickAt(card + " button[id$=':capture']");
            otto.waitForTextAt(card + " .ebr-terminal-ok", "Captured from the machine");
        }
        JsonObject entry = floor.step(floor.operator2, batch, "mix_temperature").getJsonObject("current");
        assertThat(entry.getString("source")).isEqualTo("OPC_UA");
        assertThat(entry.getString("quality")).isEqualTo("GOOD");
        assertThat(entry.getString("recordedBy")).isEqualTo(floor.operator2);
    }

    @Test
    @Tag("INT-OPC-1")
    void an_administrator_trusts_a_server_certificate_on_the_connections_screen_after_comparing_its_thumbprint() {
        String name = "it-screen-" + nano();
        String id = created(connection(name, "Basic256Sha256", "SignAndEncrypt",
                "\"identity\":\"USERNAME\",\"userName\":\"openebr\",\"password\":" + q(PASSWORD)));
        until(id, c -> c.getString("state").equals("UNTRUSTED_CERTIFICATE"));
        String shown = String.join(":", simulator.sha1Thumbprint().toUpperCase().split("(?<=\\G..)"));
        String card = "section[data-connection='" + name + "']";
        try (Browser b = new Browser(contextRoot)) {
            b.signIn("admin1", Api.DEMO_PASSWORD).open("app/machines.xhtml");
            b.waitForTextAt(card, "Certificate not trusted");
            assertThat(b.textAt(card)).contains(shown, "nothing trusted yet", "Basic256Sha256 / SignAndEncrypt");
            b.look("machines-untrusted");
            b.assertAccessible();
            // a thumbprint that is not the one presented is refused, in words
            b.typeAt(card + " input[id$=':thumbprint']", "AA:" + shown.substring(3));
            b.typeAt(card + " input[id$=':trust-reason']", "compared with the simulator's start-up output");
            b.clickAt(card + " button[id$=':trust-button']");
            b.waitForText("compare again with the machine");
            assertThat(absent(admin.getJson("api/v1/opcua/connections/" + id), "trustedThumbprint")).isTrue();
            // the thumbprint as the machine shows it (pairs, upper case) is the one presented
            b.typeAt(card + " input[id$=':thumbprint']", shown);
            b.typeAt(card + " input[id$=':trust-reason']", "compared with the simulator's start-up output");
            b.clickAt(card + " button[id$=':trust-button']");
            b.waitForText("is trusted");
            until(id, c -> c.getString("state").equals("CONNECTED"));
            b.open("app/machines.xhtml");
            b.waitForTextAt(card, "Connected");
            assertThat(b.textAt(card)).contains("by admin1", "CONNECTED", "TRUSTED");
            b.look("machines-connected");
        }
        // a supervisor watches, and cannot trust
        try (Browser b = new Browser(contextRoot)) {
            b.signIn("supervisor1", Api.DEMO_PASSWORD).open("app/machines.xhtml");
            b.waitForTextAt(card, "Connected");
            assertThat(b.presentAt(card + " button[id$=':trust-button']")).isFalse();
            assertThat(b.presentAt("[id='new-connection:create']")).isFalse();
        }
    }

    @Test
    @Tag("A11D-8-1")
    @Tag("MES-MDE-1")
    @Tag("P11-10b-1")
    void an_alarm_of_the_batch_s_vessel_is_kept_with_the_batch_raises_a_deviation_and_is_acknowledged_with_a_comment()
            throws Exception {
        String connection = trustedConnection();
        String vessel = floor.cleanVessel();
        HttpResponse<String> tag = admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":"
                + q(vessel) + ",\"tag\":\"V101.TemperatureHigh\",\"nodeId\":"
                + "\"nsu=urn:openebr:sim;s=V-101.Alarm.TemperatureHigh\",\"kind\":\"ALARM\"}");
        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
        assertProblem(admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":" + q(vessel)
                + ",\"tag\":\"V101.Siren\",\"nodeId\":\"ns=2;s=X\",\"kind\":\"SIREN\"}"), 422, "opcua-tag-invalid",
                "ALARM");
        String batch = mixed(vessel);
        Thread.sleep(1_500); // the link has started again with the alarm tag

        // the vessel overheats while the batch holds it: the alarm is recorded with the batch, a deviation raised
        simulator.set("V-101.Temperature", 35.0);
        JsonObject alarm;
        try {
            alarm = alarmOf(batch, a -> a.getBoolean("active"));
        } finally {
            simulator.set("V-101.Temperature", 22.5);
        }
        assertThat(alarm.getString("tag")).isEqualTo("V101.TemperatureHigh");
        assertThat(alarm.getString("equipmentId")).isEqualTo(vessel);
        String deviation = alarm.getString("deviationId");
        JsonObject raised = floor.batch(floor.supervisor, batch).getJsonArray("deviations").getValuesAs(JsonObject.class)
                .stream().filter(d -> d.getString("deviationId").equals(deviation)).findFirst().orElseThrow();
        assertThat(raised.getString("origin")).isEqualTo("EQUIPMENT_ALARM");
        assertThat(raised.getString("description")).contains("V101.TemperatureHigh", vessel, "during step mix_temperature");
        // on the step in progress when it came (mixing is done; the mixing temperature waits to be recorded)
        assertThat(raised.getString("stepId")).isEqualTo("mix_temperature");
        assertThat(alarm.getString("stepId")).isEqualTo("mix_temperature");
        // it clears when the temperature is back; cleared is a new line, the raised one stays
        JsonObject cleared = alarmOf(batch, a -> !a.getBoolean("active") && a.getInt("id") == alarm.getInt("id"));
        assertThat(cleared.getString("clearedAt")).isNotBlank();

        // acknowledged by a person, with a comment; once
        Api supervisor = floor.people.api(floor.supervisor);
        String ack = "api/v1/opcua/alarms/" + alarm.getInt("id") + "/acknowledge";
        assertProblem(supervisor.post(ack, "{\"comment\":\" \"}"), 422, "comment-required", "comment");
        assertThat(Api.demo(http, "inspector1").post(ack, "{\"comment\":\"seen\"}").statusCode()).isEqualTo(403);
        // the operator sees it on the terminal, above the steps, and acknowledges it there
        String shown = "[data-alarm='" + alarm.getInt("id") + "']";
        try (Browser olga = new Browser(contextRoot)) {
            olga.signIn(floor.operator1, floor.operatorPassword).open("app/terminal.xhtml?batch=" + batch);
            olga.waitForTextAt(shown, "V101.TemperatureHigh");
            assertThat(olga.textAt(shown)).contains(vessel, "during step mix_temperature", "cleared", deviation);
            olga.clickAt(shown + " button[id$=':alarm-ack']");
            olga.waitForTextAt(shown, "NOT acknowledged");
            assertThat(olga.textAt(shown)).contains("needs a comment");
            olga.look("terminal-equipment-alarm");
            olga.assertAccessible();
            olga.typeAt(shown + " input[id$=':alarm-comment']", "jacket valve stuck; cooling restored manually, batch"
                    + " temperature back within 5 min");
            olga.clickAt(shown + " button[id$=':alarm-ack']");
            olga.waitForTextAt(".ebr-terminal-alarms-area", "acknowledged by " + floor.operator1);
            assertThat(olga.present("alarm-done")).isTrue();
        }
        JsonObject acknowledged = alarmOf(batch, a -> a.getInt("id") == alarm.getInt("id") && a.containsKey("acknowledgedBy"));
        assertThat(acknowledged.getString("acknowledgedBy")).isEqualTo(floor.operator1);
        assertThat(acknowledged.getString("comment")).startsWith("jacket valve stuck");
        assertProblem(supervisor.post(ack, "{\"comment\":\"again\"}"), 409, "equipment-alarm-acknowledged", null);

        // the batch record keeps the alarm with its step, deviation and acknowledgement
        try (Browser b = new Browser(contextRoot)) {
            b.signIn(floor.supervisor, People.PASSWORD).open("app/batch.xhtml?batch=" + batch);
            b.waitForText("Equipment alarms");
            assertThat(b.textOf("record-alarms")).contains("V101.TemperatureHigh", vessel, "mix_temperature", deviation,
                    floor.operator1, "jacket valve stuck");
            b.scrollToFirst("#record-alarms");
            b.look("batch-record-equipment-alarms");
        }
        // ... and so does its printed record, the PDF an inspector downloads
        HttpResponse<byte[]> pdf = Api.demo(http, "inspector1").getBytes("api/v1/batches/" + batch + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument printed = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(printed).replaceAll("\\s+", " ");
            assertThat(text).contains("Equipment alarms", "V101.TemperatureHigh", deviation, floor.operator1,
                    "jacket valve stuck");
        }
        // ... and its electronic copies: the record's JSON file and its BatchML (schema-valid), as the PDF attaches them
        JsonObject file = Api.demo(http, "inspector1").getJson("api/v1/batches/" + batch + "/record.json");
        JsonObject kept = file.getJsonArray("alarms").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getInt("id") == alarm.getInt("id")).findFirst().orElseThrow();
        assertThat(kept.getString("deviationId")).isEqualTo(deviation);
        assertThat(kept.getString("acknowledgedBy")).isEqualTo(floor.operator1);
        assertThat(kept.getString("comment")).startsWith("jacket valve stuck");
        HttpResponse<String> xml = Api.demo(http, "inspector1").get("api/v1/batches/" + batch + "/record.xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        org.openebr.report.control.BatchMl.schema().newValidator().validate(new javax.xml.transform.stream.StreamSource(
                new java.io.StringReader(xml.body())));
        assertThat(xml.body()).contains("<EntryID>ALARM-" + alarm.getInt("id") + "</EntryID>",
                "OtherValue=\"Alarm\"", "<AssociatedEventID>" + deviation + "</AssociatedEventID>",
                "jacket valve stuck");
        assertProblem(supervisor.post("api/v1/opcua/alarms/999999999/acknowledge", "{\"comment\":\"x\"}"), 404,
                "equipment-alarm-not-found", null);

        // the alarm log is append-only for the application's own database role
        try (Connection db = TestDatabase.asRuntimeRole();
             PreparedStatement change = db.prepareStatement("UPDATE equipment_alarm SET comment = 'edited' WHERE id = ?")) {
            change.setLong(1, alarm.getInt("id"));
            org.assertj.core.api.Assertions.assertThatThrownBy(change::executeUpdate)
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }

    private JsonObject alarmOf(String batch, Predicate<JsonObject> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> alarms = admin.get("api/v1/opcua/alarms?batch=" + batch);
            assertThat(alarms.statusCode()).as(alarms.body()).isEqualTo(200);
            last = alarms.body();
            java.util.Optional<JsonObject> found = Api.array(alarms).getValuesAs(JsonObject.class).stream()
                    .filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no such alarm of batch " + batch + "; last: " + last);
    }

    @Test
    @Tag("MES-MDE-1")
    @Tag("P11-10h-2")
    void the_fill_weight_ipc_records_the_mean_of_the_checkweigher_values_while_the_step_was_open() throws Exception {
        // the reference recipe's fill weight IPC is read from the checkweigher: the mean of its values
        BatchFloor filling = floor;
        String connection = trustedConnection();
        String vessel = filling.cleanVessel();
        String batch = mixed(filling, vessel);
        String op1 = filling.operator1;
        String op2 = filling.operator2;
        filling.perform(op2, batch, "mix_temperature", "{\"value\":22.4,\"unit\":\"°C\",\"reason\":\"vessel"
                + " probe not connected in this test\"}", op1);
        filling.perform(op1, batch, "make_up_weight", "{\"value\":\"45.268\",\"unit\":\"kg\"}", null);
        filling.perform(op1, batch, "ph", "{\"value\":7.04,\"unit\":\"pH\"}", null);
        filling.perform(op1, batch, "bioburden", "{\"sampleId\":\"S-" + batch + "-BB1\"}", null);
        filling.perform(op1, batch, "filtration", "{\"acknowledged\":true}", null);
        filling.perform(op1, batch, "filter_integrity_post", "{\"value\":3.7,\"unit\":\"bar\"}", null);

        // the filling runs: the checkweigher's values arrive and are kept
        HttpResponse<String> tag = admin.post("api/v1/opcua/connections/" + connection + "/tags", "{\"equipmentId\":"
                + "\"FL-01\",\"tag\":\"FL01.FillWeight\",\"nodeId\":\"nsu=urn:openebr:sim;s=FL-01.Checkweigher.FillWeight\","
                + "\"engineeringUnit\":\"g\",\"rangeLow\":0,\"rangeHigh\":10}");
        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
        Thread.sleep(5_000);
        // the operator captures it on the terminal: the mean of the values since the step before it
        String card = "section[data-step='fill_weight']";
        try (Browser olga = new Browser(contextRoot)) {
            olga.signIn(op1, filling.operatorPassword).open("app/terminal.xhtml?batch=" + batch);
            olga.waitForTextAt(card + " .ebr-machine-live", "status Good");
            assertThat(olga.textAt(card + " .ebr-machine-live")).contains("FL01.FillWeight", "from FL-01", "records the mean of the values");
            olga.clickAt(card + " button[id$=':capture']");
            olga.waitForTextAt(card + " .ebr-terminal-ok", "Captured from the machine");
            olga.look("terminal-fill-weight-mean");
        }
        JsonObject entry = filling.step(op1, batch, "fill_weight").getJsonObject("current");
        assertThat(entry.getString("source")).isEqualTo("OPC_UA");
        assertThat(entry.getString("quality")).isEqualTo("GOOD");
        assertThat(entry.getJsonNumber("value").doubleValue()).isBetween(2.07, 2.13);
        assertThat(entry.getString("judgement")).isEqualTo("IN_SPEC");
        assertThat(entry.getString("details")).contains("MEAN of").contains("Good value(s)").contains("FL-01");
        long values = Long.parseLong(entry.getString("details").replaceAll("(?s).*MEAN of (\\d+) Good.*", "$1"));
        assertThat(values).as("checkweigher values in the mean").isGreaterThanOrEqualTo(5);

        // the batch record says where the value came from and with which quality
        try (Browser b = new Browser(contextRoot)) {
            b.signIn(filling.supervisor, People.PASSWORD).open("app/batch.xhtml?batch=" + batch);
            b.waitForText("Read from the machine");
            // the mean as read beside the value rounded by the recipe (unless the rounding left it as it was)
            String raw = entry.getString("raw");
            boolean rounded = new java.math.BigDecimal(raw).compareTo(entry.getJsonNumber("value").bigDecimalValue()) != 0;
            assertThat(b.text()).contains("MEAN of", "GOOD").doesNotContain("(typed " + raw);
            if (rounded) {
                assertThat(b.text()).contains("(read " + raw + ")");
            }
            b.look("batch-record-machine-value");
        }
    }

    /** A batch of the reference recipe done up to mixing, on this vessel. */
    private String mixed(String vessel) {
        return mixed(floor, vessel);
    }

    /** A batch of the floor's recipe done up to mixing, on this vessel. */
    private static String mixed(BatchFloor f, String vessel) {
        String batch = f.readyBatch();
        String op1 = f.operator1;
        String op2 = f.operator2;
        f.perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", op2);
        f.perform(op1, batch, "vessel_check", "{\"equipmentId\":" + q(vessel) + "}", null);
        f.perform(op2, batch, "balance_check", "{\"equipmentId\":\"BAL-01\"}", null);
        f.perform(op2, batch, "ph_meter_check", "{\"equipmentId\":\"PHM-01\"}", null);
        f.perform(op2, batch, "filter_integrity_pre", "{\"value\":3.8,\"unit\":\"bar\"}", null);
        for (BatchFloor.Charge c : BatchFloor.CHARGES) {
            if (!c.step().equals("charge_wfi")) {
                f.perform(op1, batch, c.step(), "{\"containerId\":" + q(f.container(batch, c.step())) + "}",
                        c.controlled() ? op2 : null);
            }
        }
        f.perform(op1, batch, "charge_wfi", "{\"containerId\":" + q(f.container(batch, "charge_wfi")) + "}", null);
        f.perform(op1, batch, "mix", "{\"acknowledged\":true}", null);
        return batch;
    }

    /** A connection to the simulator with Basic256Sha256 / SignAndEncrypt as user openebr, trusted and connected. */
    private String trustedConnection() {
        String id = created(connection("it-sim-" + nano(), "Basic256Sha256", "SignAndEncrypt",
                "\"identity\":\"USERNAME\",\"userName\":\"openebr\",\"password\":" + q(PASSWORD) + ",\"samplingMs\":200"));
        until(id, c -> c.getString("state").equals("UNTRUSTED_CERTIFICATE"));
        trust(id);
        until(id, c -> c.getString("state").equals("CONNECTED"));
        return id;
    }

    private void trust(String id) {
        HttpResponse<String> trusted = admin.post("api/v1/opcua/connections/" + id + "/trust", "{\"thumbprint\":"
                + q(simulator.sha1Thumbprint().toUpperCase()) + ",\"reason\":\"thumbprint compared with the simulator's"
                + " start-up output\"}");
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
    }

    private String created(String json) {
        HttpResponse<String> created = admin.post("api/v1/opcua/connections", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        return Api.object(created).getString("id");
    }

    private JsonObject until(String id, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = admin.getJson("api/v1/opcua/connections/" + id);
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("connection " + id + " did not reach the expected state; last: " + last);
    }

    private static String connection(String name, String policy, String mode, String identity) {
        return "{\"name\":" + q(name) + ",\"endpointUrl\":\"opc.tcp://localhost:" + PORT + "/openebr-sim\","
                + "\"securityPolicy\":" + q(policy) + ",\"securityMode\":" + q(mode) + "," + identity + "}";
    }

    /** JSON-B leaves null members out: absent or null. */
    private static boolean absent(JsonObject object, String member) {
        return !object.containsKey(member) || object.isNull(member);
    }

    private static String nano() {
        return Long.toString(System.nanoTime(), 36);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject problem = Api.object(response);
        assertThat(problem.getString("type")).endsWith("/" + kind);
        if (mentions != null) {
            assertThat(problem.getString("detail")).contains(mentions);
        }
    }
}
