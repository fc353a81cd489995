import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data through the public API, as any client would load it (used by bin/ebr start in demo mode,
 * and by an integration test): gives the demo author and approver their signing credentials and
 * accountability statements, imports the reference master recipe, and takes it through its
 * lifecycle with two real electronic signatures until it is effective; then (issue 16) the same
 * for the operators, the supervisor and QA, and two batches of the recipe: one ready to run, one
 * in progress ({@link DemoBatches}). Safe to run again: it only does what is still missing.
 *
 * <p>Usage: java DemoData.java BASE_URL RECIPE_JSON_FILE DEMO_PASSWORD (BASE_URL e.g.
 * http://localhost:8080/ebr/). Exit 0 when the recipe is effective and the demo batches are in place.
 */
public class DemoData {

    static final String AUTHOR = "author1";
    static final String APPROVER = "approver1";
    static final String ADMIN = "admin1";
    /** The second administrator, who verifies the first one's identity (nobody verifies their own). */
    static final String ADMIN2 = "admin2";
    static final String SUPERVISOR = "supervisor1";
    static final String REASON = "Demo data: reference process";
    static final java.util.Set<String> STATUSES = java.util.Set.of("DRAFT", "IN_REVIEW", "APPROVED");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String password;

    DemoData(String base, String password) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java DemoData.java BASE_URL RECIPE_JSON_FILE DEMO_PASSWORD");
            System.exit(2);
        }
        String recipe = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        DemoData demo = new DemoData(args[0], args[2]);
        demo.load(recipe);
        demo.revokeTokens();
    }

    void load(String recipe) throws IOException, InterruptedException {
        String recipeId = field(recipe, "recipeId");
        for (String user : new String[] {AUTHOR, APPROVER}) {
            readyToSign(user);
        }
        String path = "api/v1/recipes/" + recipeId;
        HttpResponse<String> existing = send(AUTHOR, "GET", path, null);
        if (existing.statusCode() == 404) {
            expect(send(AUTHOR, "POST", "api/v1/recipes/import?reason=" + REASON.replace(" ", "%20").replace(":", "%3A"),
                    recipe), 201);
            existing = send(AUTHOR, "GET", path, null);
        }
        expect(existing, 200);
        if (existing.body().matches("(?s).*\"effectiveVersion\"\\s*:\\s*\\d+.*")) {
            System.out.println("demo data: recipe " + recipeId + " is effective");
            worklistExamples(recipeId);
            trainedForRecipe(recipe);
            machines();
            new DemoBatches(this, recipeId, field(recipe, "material")).load();
            return;
        }
        int version = lastNumber(existing.body(), "\"version\"\\s*:\\s*(\\d+)");
        String status = lastString(existing.body(), "status");
        if (!REASON.equals(lastString(existing.body(), "changeReason")) || !STATUSES.contains(status)) {
            // someone else's version, or one that can no longer become effective: sign nothing unseen
            System.err.println("demo data: recipe " + recipeId + " has no effective version, and its newest version "
                    + version + " (" + status + ") is not the demo's to sign; nothing was done");
            System.exit(1);
        }
        String recordId = recipeId + ":" + version;
        if (status.equals("DRAFT")) {
            sign(AUTHOR, recordId, "PERFORMED");
            status = "IN_REVIEW";
        }
        if (status.equals("IN_REVIEW")) {
            sign(APPROVER, recordId, "APPROVED");
            status = "APPROVED";
        }
        if (status.equals("APPROVED")) {
            expect(send(APPROVER, "POST", path + "/versions/" + version + "/effective",
                    "{\"reason\":\"Demo data: reference process released for use\"}"), 200);
        }
        expect(send(AUTHOR, "GET", path + "/effective", null), 200);
        System.out.println("demo data: recipe " + recipeId + " version " + version + " is effective");
        worklistExamples(recipeId);
        trainedForRecipe(recipe);
        machines();
        new DemoBatches(this, recipeId, field(recipe, "material")).load();
    }

    // --- machine data: the equipment simulator bin/ebr start runs --------------------------------

    static final String SIMULATOR = "Filling suite (simulator)";

    /**
     * The connection to the equipment simulator (Basic256Sha256, SignAndEncrypt, user openebr), its server
     * certificate trusted, and the tags of the reference process: V-101's temperature, FL-01's filler count
     * and fill weight. In a plant the administrator compares the thumbprint with the machine's before
     * trusting it; the demo trusts the certificate of the simulator bin/ebr start just started. Only what is
     * missing is done; without the simulator (EBR_OPCUA_SIMULATOR=false, or a port taken) nothing is.
     */
    void machines() throws IOException, InterruptedException {
        String url = System.getenv().getOrDefault("EBR_OPCUA_SIM_URL", "");
        if (url.isEmpty()) {
            return;
        }
        HttpResponse<String> all = send(ADMIN, "GET", "api/v1/opcua/connections", null);
        expect(all, 200);
        String id;
        if (all.body().contains("\"name\":\"" + SIMULATOR + "\"")) {
            Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"[^{}]*\"name\":\"" + Pattern.quote(SIMULATOR)
                    + "\"").matcher(all.body());
            if (!m.find()) {
                return;
            }
            id = m.group(1);
        } else {
            String password = System.getenv().getOrDefault("EBR_SIM_PASSWORD", "sim-demo-password");
            HttpResponse<String> made = send(ADMIN, "POST", "api/v1/opcua/connections", "{\"name\":" + quoted(SIMULATOR)
                    + ",\"endpointUrl\":" + quoted(url) + ",\"securityPolicy\":\"Basic256Sha256\",\"securityMode\":"
                    + "\"SignAndEncrypt\",\"identity\":\"USERNAME\",\"userName\":\"openebr\",\"password\":"
                    + quoted(password) + ",\"samplingMs\":500}");
            expect(made, 201);
            id = field(made.body(), "id");
        }
        String path = "api/v1/opcua/connections/" + id;
        for (int i = 0; i < 60; i++) {
            String connection = expect(send(ADMIN, "GET", path, null), 200).body();
            String state = field(connection, "state");
            if (state.equals("UNTRUSTED_CERTIFICATE")) {
                expect(send(ADMIN, "POST", path + "/trust", "{\"thumbprint\":" + quoted(field(connection,
                        "serverCertificateThumbprint")) + ",\"reason\":\"Demo data: the certificate of the equipment"
                        + " simulator bin/ebr start runs\"}"), 200);
            } else if (state.equals("CONNECTED")) {
                break;
            }
            Thread.sleep(500);
        }
        String connection = send(ADMIN, "GET", path, null).body();
        for (String[] t : new String[][] {
                {"V-101", "V101.Temperature", "V-101.Temperature", "°C", "-20", "120", "600"},
                {"V-101", "V101.TemperatureHigh", "V-101.Alarm.TemperatureHigh", null, null, null, null},
                {"FL-01", "FILLER.FilledCount", "FL-01.Filler.GoodCount", "vials", "0", "1000000", null},
                {"FL-01", "FL01.FillWeight", "FL-01.Checkweigher.FillWeight", "g", "0", "10", "300"},
                {"FL-01", "FL01.RejectRateHigh", "FL-01.Alarm.RejectRateHigh", null, null, null, null}}) {
            if (connection.contains("\"tag\":\"" + t[1] + "\"")) {
                continue;
            }
            boolean alarm = t[3] == null;
            expect(send(ADMIN, "POST", path + "/tags", "{\"equipmentId\":" + quoted(t[0]) + ",\"tag\":" + quoted(t[1])
                    + ",\"nodeId\":" + quoted("nsu=urn:openebr:sim;s=" + t[2])
                    + (alarm ? ",\"kind\":\"ALARM\"" : ",\"engineeringUnit\":" + quoted(t[3]) + ",\"rangeLow\":" + t[4]
                    + ",\"rangeHigh\":" + t[5] + (t[6] == null ? "" : ",\"maxUnchangedSeconds\":" + t[6])) + "}"), 201);
        }
        System.out.println("demo data: equipment connection '" + SIMULATOR + "' to " + url + ": "
                + field(send(ADMIN, "GET", path, null).body(), "state"));
    }

    // --- tasks for the home pages' worklists --------------------------------------------------------

    static final String REJECTED_CHANGE = "CC-2026-031: pH alert band narrowed to 6.95-7.05 after the trend review";
    static final String REJECTION = "The trend report TR-2026-07 behind the narrower band is not referenced; add it"
            + " to the change reason and submit a new version.";
    static final String CHANGE_IN_REVIEW = "CC-2026-034: mixing time 40 min after scale-up study SU-2026-03";

    /**
     * What the demo's people would have left to do on a working day, so that each role's home page
     * shows real tasks: a change of the demo recipe that the approver rejected (the author's to
     * correct) and another change in review (the approver's to decide), both made from the effective
     * version; and training records of the demo operators, one qualification expiring within weeks
     * and one expired (the operators', the supervisor's and QA's to see). The identity verifications
     * of qa1, qa2, operator1, operator2 and supervisor1 are left for the administrator. Each part only
     * when it is not there yet.
     */
    void worklistExamples(String recipeId) throws IOException, InterruptedException {
        String path = "api/v1/recipes/" + recipeId;
        String versions = expect(send(AUTHOR, "GET", path, null), 200).body();
        if (!versions.contains(REJECTED_CHANGE)) {
            int rejected = change(path, REJECTED_CHANGE, document -> document
                    .replaceAll("(?<key>\"alertLower\"\\s*:\\s*)6\\.9\\b", "${key}6.95")
                    .replaceAll("(?<key>\"alertUpper\"\\s*:\\s*)7\\.1\\b", "${key}7.05"));
            sign(AUTHOR, recipeId + ":" + rejected, "PERFORMED");
            expect(send(APPROVER, "POST", path + "/versions/" + rejected + "/reject",
                    "{\"reason\":" + quoted(REJECTION) + "}"), 200);
        }
        if (!versions.contains(CHANGE_IN_REVIEW)) {
            int inReview = change(path, CHANGE_IN_REVIEW, document -> document.replace("Mix 30 min", "Mix 40 min"));
            sign(AUTHOR, recipeId + ":" + inReview, "PERFORMED");
        }
        LocalDate today = LocalDate.now();
        training("operator1", "OP-ASEPTIC-FILLING", "aseptic filling of vials, SOP-FL-001", today.minusYears(1),
                today.plusDays(20));
        training("operator1", "OP-GOWNING", "gowning for grade A/B areas, SOP-HY-004", today.minusMonths(3),
                today.plusMonths(9));
        training("operator2", "OP-ASEPTIC-FILLING", "aseptic filling of vials, SOP-FL-001", today.minusYears(1),
                today.minusDays(5));
        training("operator2", "OP-WEIGHING", "dispensing and weighing, SOP-WH-002", today.minusMonths(2), null);
        training("operator1", "OP-WEIGHING", "dispensing and weighing, SOP-WH-002", today.minusMonths(6),
                today.plusMonths(6));
        settingChange();
        System.out.println("demo data: tasks for the home pages are in place");
    }

    static final String SETTING_CHANGE = "CC-2026-036: passwords renewed every 180 days, as SOP-IT-012 rev 3 asks";

    /**
     * A change of a system setting that the administrator proposed and signed, waiting for QA's approval (a task on
     * qa1's and qa2's home pages; approving it makes passwords expire after 180 days). Only when it is not there yet.
     */
    void settingChange() throws IOException, InterruptedException {
        if (expect(send(ADMIN, "GET", "api/v1/settings/changes", null), 200).body().contains(SETTING_CHANGE)) {
            return;
        }
        readyToSign(ADMIN);
        HttpResponse<String> answer = send(ADMIN, "POST", "api/v1/settings/changes",
                "{\"setting\":\"passwordMaxAgeDays\",\"value\":180,\"reason\":" + quoted(SETTING_CHANGE) + "}");
        if (answer.statusCode() == 409 || answer.statusCode() == 422) {
            // the installation's own value is 180 already, or someone else's change of it is open: leave it
            System.out.println("demo data: no setting change made (" + field(answer.body(), "detail") + ")");
            return;
        }
        String proposed = expect(answer, 201).body();
        signRecord(ADMIN, "SYSTEM_SETTING_CHANGE", field(proposed, "changeId"), "PERFORMED");
        System.out.println("demo data: setting change " + field(proposed, "changeId") + " awaits QA's approval");
    }

    // --- training records the reference recipe requires (issue 16) ------------------------------------

    /** Who executes the demo's batches: the operators perform and verify, the supervisor stands in. */
    static final String[] RECIPE_PEOPLE = {"operator1", "operator2", SUPERVISOR};

    /** What each qualification of the reference recipe stands for (the SOP its training is on). */
    static final java.util.Map<String, String> QUALIFICATIONS = java.util.Map.of(
            "OP-WEIGHING", "dispensing and weighing, SOP-WH-002",
            "OP-STERILE-FILTRATION", "sterile filtration of the bulk solution, SOP-FI-003",
            "OP-FILTER-INTEGRITY", "filter integrity test (bubble point), SOP-FI-004",
            "OP-GOWNING", "gowning for grade A/B areas, SOP-HY-004",
            "OP-ASEPTIC-FILLING", "aseptic filling of vials, SOP-FL-001");

    /**
     * The demo's operators and supervisor hold a current training record for every qualification
     * the recipe requires (read from the recipe, so that the two never drift apart), so a batch of it
     * can be run; a lapsed one (the home pages' example of operator2) is renewed by a later record,
     * never changed. The supervisor's own are recorded by the administrator: nobody records their own.
     * Another qualification of operator2 stays expired, as the home pages' example.
     */
    void trainedForRecipe(String recipe) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now();
        training("operator2", "OP-CIP-CLEANING", "CIP cleaning of vessels, SOP-CL-101", today.minusYears(1).minusDays(5),
                today.minusDays(5));
        java.util.Set<String> required = new java.util.TreeSet<>();
        Matcher lists = Pattern.compile("\"qualifications\"\\s*:\\s*\\[([^\\]]*)]").matcher(recipe);
        while (lists.find()) {
            Matcher code = Pattern.compile("\"([^\"]+)\"").matcher(lists.group(1));
            while (code.find()) {
                required.add(code.group(1));
            }
        }
        for (String user : RECIPE_PEOPLE) {
            String recorder = user.equals(SUPERVISOR) ? ADMIN : SUPERVISOR;
            String held = expect(send(recorder, "GET", "api/v1/users/" + user + "/training", null), 200).body();
            for (String qualification : required) {
                if (!current(held, qualification, today)) {
                    boolean lapsed = held.contains("\"" + qualification + "\"");
                    LocalDate from = lapsed ? today.minusDays(3) : today.minusMonths(3);
                    String description = QUALIFICATIONS.getOrDefault(qualification, "as the master recipe requires")
                            + (lapsed ? ", requalification" : "");
                    expect(send(recorder, "POST", "api/v1/users/" + user + "/training", "{\"qualification\":"
                            + quoted(qualification) + ",\"description\":" + quoted(description) + ",\"validFrom\":\""
                            + from + "\",\"validUntil\":\"" + from.plusYears(1) + "\"}"), 201);
                }
            }
        }
        System.out.println("demo data: " + String.join(", ", RECIPE_PEOPLE) + " are trained for " + required);
    }

    // --- batches of the reference recipe (issue 16) -----------------------------------------------------

    /**
     * Two batches of the reference recipe, as a working day leaves them: one READY to run (dispatched,
     * its four charges dispensed; vessel V-101 is clean from the demo equipment) and one IN_PROGRESS,
     * its line clearance performed and verified, balance and pH meter checked, the pre-use filter
     * integrity test passed, and one deviation raised by an operator and classified by the supervisor.
     * Each batch is known again by the reason it was created with; every part is done only when it is
     * missing, so a second start adds nothing and an interrupted one is finished.
     */
    static final class DemoBatches {

        static final String IN_PROGRESS_ORDER = "Demo data: process order PO-2026-0417 (compounding started)";
        static final String READY_ORDER = "Demo data: process order PO-2026-0418 (ready to run)";
        static final String OPERATOR1 = "operator1";
        static final String OPERATOR2 = "operator2";
        static final String WAREHOUSE = "warehouse1";
        static final String RELEASER = "qa2";
        /** Who signs in the demo's batches: the operators and the supervisor; qa2 releases the WFI draw, qa1 enters sample results. */
        static final String[] SIGNERS = {OPERATOR1, OPERATOR2, SUPERVISOR, "qa1", RELEASER};

        /** One charge as weighed in the dispensary (DOMAIN.md): target, tolerance, gross and tare on BAL-01. */
        record Weighing(String step, String material, String target, String tolerancePercent, String gross, String tare,
                        String unit, boolean verified) {
        }

        static final List<Weighing> WEIGHINGS = List.of(
                new Weighing("weigh_api", "RM-DEMOPROFEN", "450.0", "0.5", "462.55", "12.43", "g", true),
                new Weighing("weigh_nacl", "RM-NACL", "405.0", "1", "416.82", "11.64", "g", false),
                new Weighing("weigh_phosphate", "RM-NA2HPO4", "63.0", "1", "71.49", "8.37", "g", false),
                new Weighing("charge_wfi", "RM-WFI", "40", "0", "40", "0", "L", false));

        /** One step of the batch in progress: who records it, the entry, and who verifies it (if the recipe asks). */
        record Done(String step, String performer, String entry, String verifier) {
        }

        static final List<Done> DONE = List.of(
                new Done("line_clearance", OPERATOR1, "{\"acknowledged\":true}", OPERATOR2),
                new Done("balance_check", OPERATOR1, "{\"equipmentId\":\"BAL-01\"}", null),
                new Done("ph_meter_check", OPERATOR2, "{\"equipmentId\":\"PHM-01\"}", null),
                new Done("filter_integrity_pre", OPERATOR2, "{\"value\":3.8,\"unit\":\"bar\"}", null));

        static final String DEVIATION_STEP = "balance_check";
        static final String DEVIATION = "BAL-02 failed its daily check before first use: the 2 kg check weight read"
                + " 2000.38 g (limit +/-0.10 g). BAL-02 tagged out of use; this batch is weighed on BAL-01 only.";
        static final String CLASSIFICATION_REASON = "No impact on the product: BAL-02 was not used for this batch;"
                + " calibration service called (work order WO-2026-118).";

        private final DemoData api;
        private final String recipeId;
        /** The ERP material number of the product the recipe makes. */
        private final String material;

        DemoBatches(DemoData api, String recipeId, String material) {
            this.api = api;
            this.recipeId = recipeId;
            this.material = material;
        }

        void load() throws IOException, InterruptedException {
            for (String user : SIGNERS) {
                api.readyToSign(user);
            }
            Map<String, String> existing = existing();
            // the older ones first: released last week's way, then the one waiting for QA
            String released = batch(RELEASED_ORDER, existing);
            runToCompletion(released, false);
            reviewedAndReleased(released);
            String completed = batch(COMPLETED_ORDER, existing);
            runToCompletion(completed, true);
            String running = batch(IN_PROGRESS_ORDER, existing);
            String ready = batch(READY_ORDER, existing);
            for (Done d : DONE) {
                done(running, d);
            }
            deviation(running);
            System.out.println("demo data: batch " + ready + " is " + status(ready) + ", batch " + running + " is "
                    + status(running) + " with " + DONE.size() + " steps signed and a deviation, batch " + completed
                    + " is " + status(completed) + " (awaiting QA review), batch " + released + " is " + status(released));
            erpOrder();
        }

        static final String ERP_ORDER = "PO-2026-0421";

        /** A production order from the ERP (the technical account erp-client), planned as a batch; once. */
        private void erpOrder() throws IOException, InterruptedException {
            HttpResponse<String> known = api.send(SUPERVISOR, "GET", "api/v1/erp/orders?limit=500", null);
            if (known.statusCode() == 200 && known.body().contains("\"" + ERP_ORDER + "\"")) {
                return;
            }
            HttpResponse<String> ordered = api.send("erp-client", "POST", "api/v1/erp/orders", "{\"orderNumber\":"
                    + quoted(ERP_ORDER) + ",\"material\":" + quoted(material) + ",\"quantity\":45,\"unit\":\"L\","
                    + "\"dueDate\":" + quoted(java.time.LocalDate.now().plusDays(10).toString()) + "}");
            if (ordered.statusCode() == 201 || ordered.statusCode() == 200) {
                System.out.println("demo data: ERP order " + ERP_ORDER + " received from erp-client, planned as batch "
                        + Json.object(Json.parse(ordered.body())).get("batchId"));
            } else {
                System.out.println("demo data: the ERP order " + ERP_ORDER + " was not taken (HTTP " + ordered.statusCode()
                        + "): " + ordered.body());
            }
        }

        // --- the whole life of a batch: run to completion, reviewed by exception, released (issue 17) -----------

        static final String RELEASED_ORDER = "Demo data: process order PO-2026-0412 (released)";
        static final String COMPLETED_ORDER = "Demo data: process order PO-2026-0415 (completed, awaiting QA review)";
        static final String VESSEL = "V-102";
        static final String REVIEWER = "qa1";

        /**
         * Every step of the reference recipe as the filling suite records it (DOMAIN.md values): the charges from the
         * containers dispensed for the batch, the vessel V-102 cleaned for it. The batch awaiting review shows what a
         * review finds: the pH out of its limits (a deviation, then corrected) and machine values typed by hand.
         */
        private void runToCompletion(String batch, boolean withExceptions) throws IOException, InterruptedException {
            String status = status(batch);
            if (!status.equals("READY") && !status.equals("IN_PROGRESS")) {
                sampleResult(batch, withExceptions);
                return;
            }
            Map<String, String> containers = new java.util.HashMap<>();
            for (Object d : Json.list(get(SUPERVISOR, "api/v1/dispensings?batch=" + batch))) {
                Map<String, Object> dispensing = Json.object(d);
                containers.put((String) dispensing.get("step"), (String) dispensing.get("dispensedContainerId"));
            }
            done(batch, new Done("line_clearance", OPERATOR1, "{\"acknowledged\":true}", OPERATOR2));
            if (state(batch, "vessel_check").equals("AVAILABLE")) {
                cleanVessel();
            }
            List<Done> steps = new ArrayList<>(List.of(
                    new Done("vessel_check", OPERATOR1, "{\"equipmentId\":\"" + VESSEL + "\"}", null),
                    new Done("balance_check", OPERATOR2, "{\"equipmentId\":\"BAL-01\"}", null),
                    new Done("ph_meter_check", OPERATOR2, "{\"equipmentId\":\"PHM-01\"}", null),
                    new Done("filter_integrity_pre", OPERATOR2, "{\"value\":3.8,\"unit\":\"bar\"}", null),
                    new Done("weigh_api", OPERATOR1, container(containers, "weigh_api"), OPERATOR2),
                    new Done("weigh_nacl", OPERATOR1, container(containers, "weigh_nacl"), null),
                    new Done("weigh_phosphate", OPERATOR1, container(containers, "weigh_phosphate"), null),
                    new Done("charge_wfi", OPERATOR1, container(containers, "charge_wfi"), null),
                    new Done("mix", OPERATOR1, "{\"acknowledged\":true}", null),
                    new Done("mix_temperature", OPERATOR2, "{\"value\":" + (withExceptions ? "22.4" : "21.8")
                            + ",\"unit\":\"°C\",\"reason\":\"vessel probe not yet connected: read from the vessel display\"}", OPERATOR1),
                    new Done("make_up_weight", OPERATOR1, "{\"value\":\"45.268\",\"unit\":\"kg\"}", null)));
            for (Done d : steps) {
                done(batch, d);
            }
            if (withExceptions) {
                phOutOfLimitsThenCorrected(batch);
            } else {
                done(batch, new Done("ph", OPERATOR1, "{\"value\":7.02,\"unit\":\"pH\"}", null));
            }
            List<Done> rest = new ArrayList<>(List.of(
                    new Done("bioburden", OPERATOR1, "{\"sampleId\":\"S-" + batch + "-BB1\"}", null),
                    new Done("filtration", OPERATOR1, "{\"acknowledged\":true}", null),
                    new Done("filter_integrity_post", OPERATOR1, "{\"value\":3.7,\"unit\":\"bar\"}", null),
                    new Done("fill_weight", OPERATOR1, "{\"value\":" + (withExceptions ? "2.11" : "2.09") + ",\"unit\":\"g\","
                            + "\"reason\":\"checkweigher not yet connected: mean from its batch printout\"}", OPERATOR2),
                    new Done("filled_vials", OPERATOR1, "{\"value\":" + (withExceptions ? "19850" : "19880")
                            + ",\"unit\":\"vials\",\"reason\":\"filler counter read from its display\"}", OPERATOR2),
                    new Done("crimp_check", OPERATOR2, "{\"choice\":\"pass\"}", null),
                    new Done("rejects_particles", OPERATOR2, "{\"value\":40,\"unit\":\"vials\"}", null),
                    new Done("rejects_cracks", OPERATOR2, "{\"value\":25,\"unit\":\"vials\"}", null),
                    new Done("rejects_fill_level", OPERATOR2, "{\"value\":30,\"unit\":\"vials\"}", null),
                    new Done("rejects_cosmetic", OPERATOR2, "{\"value\":15,\"unit\":\"vials\"}", null),
                    new Done("good_vials", OPERATOR2, withExceptions ? "{\"value\":19740,\"unit\":\"vials\"}"
                            : "{\"value\":19770,\"unit\":\"vials\"}", null),
                    new Done("yield", OPERATOR2, "{\"acknowledged\":true}", null),
                    new Done("vial_difference", OPERATOR2, "{\"acknowledged\":true}", null)));
            for (Done d : rest) {
                done(batch, d);
            }
            losses(batch);
            if (status(batch).equals("IN_PROGRESS")) {
                expect(api.send(OPERATOR1, "POST", "api/v1/batches/" + batch + "/complete",
                        "{\"reason\":\"Demo data: every step signed\"}"), 200);
            }
            sampleResult(batch, withExceptions);
        }

        /** The laboratory's bioburden result, which comes after the batch: entered once, by qa1. */
        private void sampleResult(String batch, boolean withExceptions) throws IOException, InterruptedException {
            if (!status(batch).equals("COMPLETED")) {
                return;
            }
            for (Object e : Json.list(Json.object(get(REVIEWER, "api/v1/batches/" + batch + "/record")).get("entries"))) {
                if ("SAMPLE_RESULT".equals(Json.object(e).get("kind"))) {
                    return;
                }
            }
            expect(api.send(REVIEWER, "POST", "api/v1/batches/" + batch + "/steps/bioburden/sample-result",
                    "{\"value\":" + (withExceptions ? "3" : "1") + ",\"unit\":\"CFU/100 mL\"}"), 201);
        }

        private static String container(Map<String, String> containers, String step) {
            return "{\"containerId\":\"" + containers.get(step) + "\"}";
        }

        /** V-102 cleaned by operator1 and the cleaning verified by the supervisor: CLEAN for the next batch. */
        private void cleanVessel() throws IOException, InterruptedException {
            if ("CLEAN".equals(Json.object(get(SUPERVISOR, "api/v1/equipment/" + VESSEL)).get("status"))) {
                return;
            }
            Map<String, Object> cleaned = created(OPERATOR1, "api/v1/equipment/" + VESSEL + "/cleanings",
                    "{\"procedure\":\"SOP-CL-101\"}");
            api.signRecord(SUPERVISOR, "EQUIPMENT_CLEANING", (String) Json.object(cleaned.get("entry")).get("id"), "VERIFIED");
        }

        /** pH 7.35 against 6.8-7.2: a deviation on its own; measured again after equilibration, corrected, classified. */
        private void phOutOfLimitsThenCorrected(String batch) throws IOException, InterruptedException {
            String state = state(batch, "ph");
            if (state.equals("AVAILABLE")) {
                expect(api.send(OPERATOR1, "POST", "api/v1/batches/" + batch + "/steps/ph/entries",
                        "{\"value\":7.35,\"unit\":\"pH\"}"), 201);
                api.signRecord(OPERATOR1, "BATCH_STEP", batch + ":ph", "PERFORMED");
                expect(api.send(OPERATOR1, "POST", "api/v1/batches/" + batch + "/steps/ph/corrections",
                        "{\"value\":7.04,\"unit\":\"pH\",\"reason\":\"electrode not equilibrated (SOP-QC-014 step 4);"
                                + " measured again after 2 min\"}"), 201);
                state = state(batch, "ph");
            }
            if (state.equals("RECORDED")) {
                api.signRecord(OPERATOR1, "BATCH_STEP", batch + ":ph", "PERFORMED");
            }
            for (Object item : Json.list(get(SUPERVISOR, "api/v1/batches/" + batch + "/deviations"))) {
                Map<String, Object> d = Json.object(item);
                if ("ph".equals(d.get("stepId")) && d.get("classification") == null) {
                    expect(api.send(SUPERVISOR, "POST", "api/v1/batches/" + batch + "/deviations/" + d.get("deviationId")
                            + "/classification", "{\"classification\":\"MINOR\",\"reason\":\"measurement error, the"
                            + " corrected value is within limits; no product impact\"}"), 200);
                }
            }
        }

        /** qa1 dispositions every exception and signs the review; qa2 releases the batch. */
        private void reviewedAndReleased(String batch) throws IOException, InterruptedException {
            if (status(batch).equals("COMPLETED")) {
                Map<String, Object> review = Json.object(get(REVIEWER, "api/v1/batches/" + batch + "/review"));
                for (Object item : Json.list(review.get("exceptions"))) {
                    Map<String, Object> x = Json.object(item);
                    if (!String.valueOf(x.get("kind")).startsWith("DEVIATION") && x.get("decided") == null) {
                        expect(api.send(REVIEWER, "POST", "api/v1/batches/" + batch + "/review/exceptions/"
                                + x.get("exceptionId") + "/disposition", "{\"decision\":\"ACCEPTED\",\"comment\":"
                                + quoted("Checked against the record and the line log: " + x.get("summary")) + "}"), 201);
                    }
                }
                api.signRecord(REVIEWER, "BATCH", batch, "REVIEWED");
            }
            if (status(batch).equals("REVIEWED")) {
                api.signRecord(RELEASER, "BATCH", batch, "RELEASED");
            }
        }

        /** The demo's batches of the recipe, by the reason they were created with. */
        private Map<String, String> existing() throws IOException, InterruptedException {
            Map<String, String> found = new HashMap<>();
            for (Object item : Json.list(get(SUPERVISOR, "api/v1/batches"))) {
                Map<String, Object> batch = Json.object(item);
                if (recipeId.equals(batch.get("recipeId")) && SUPERVISOR.equals(batch.get("createdBy"))) {
                    String id = (String) batch.get("batchId");
                    Object reason = Json.object(get(SUPERVISOR, "api/v1/batches/" + id)).get("reason");
                    if (reason != null) {
                        found.putIfAbsent((String) reason, id);
                    }
                }
            }
            return found;
        }

        /** The batch created with this reason, created if missing, its charges dispensed and dispatched. */
        private String batch(String reason, Map<String, String> existing) throws IOException, InterruptedException {
            String id = existing.get(reason);
            if (id == null) {
                id = (String) created(SUPERVISOR, "api/v1/batches", "{\"recipeId\":"
                        + quoted(recipeId) + ",\"plannedQuantity\":45.0,\"unit\":\"L\",\"reason\":" + quoted(reason)
                        + "}").get("batchId");
            }
            String status = status(id);
            if (status.equals("PLANNED") || status.equals("READY")) {
                dispensed(id);
            }
            if (status.equals("PLANNED")) {
                expect(api.send(SUPERVISOR, "POST", "api/v1/batches/" + id + "/dispatch", "{\"reason\":\"Demo data:"
                        + " charges dispensed, room C-1 and filling line FL-01 booked\",\"line\":\"Filling line FL-01\"}"), 200);
            }
            return id;
        }

        /** Every charge of the batch dispensed for it, from released containers, in the dispensary. */
        private void dispensed(String batch) throws IOException, InterruptedException {
            Set<Object> done = new HashSet<>();
            for (Object d : Json.list(get(SUPERVISOR, "api/v1/dispensings?batch=" + batch))) {
                done.add(Json.object(d).get("step"));
            }
            for (Weighing w : WEIGHINGS) {
                if (done.contains(w.step())) {
                    continue;
                }
                BigDecimal net = new BigDecimal(w.gross()).subtract(new BigDecimal(w.tare()));
                Map<String, Object> source = source(w.material(), net);
                if (source == null) {
                    received(w.material());
                    source = source(w.material(), net);
                }
                if (source == null) {
                    System.err.println("demo data: no released container of " + w.material() + " holds " + net + " "
                            + w.unit() + " for batch " + batch + "; nothing more was done");
                    System.exit(1);
                }
                expect(api.send(OPERATOR1, "POST", "api/v1/dispensings", "{\"sourceContainerId\":"
                        + quoted((String) source.get("containerId")) + ",\"materialNumber\":" + quoted(w.material())
                        + ",\"batch\":" + quoted(batch) + ",\"step\":" + quoted(w.step()) + ",\"target\":" + w.target()
                        + ",\"tolerancePercent\":" + w.tolerancePercent() + ",\"gross\":" + w.gross() + ",\"tare\":"
                        + w.tare() + ",\"unit\":" + quoted(w.unit()) + ",\"balanceId\":\"BAL-01\",\"location\":"
                        + quoted((String) source.get("location"))
                        + (w.verified() ? ",\"verifier\":" + quoted(OPERATOR2) + ",\"verifierPassword\":"
                        + quoted(api.password) : "") + "}"), 201);
            }
        }

        /** A stock container (not one dispensed for a batch) of a usable released lot holding at least the quantity. */
        private Map<String, Object> source(String material, BigDecimal needed) throws IOException, InterruptedException {
            for (Object item : Json.list(get(SUPERVISOR, "api/v1/lots"))) {
                Map<String, Object> lot = Json.object(item);
                if (!material.equals(lot.get("materialNumber")) || !"RELEASED".equals(lot.get("status"))
                        || !Boolean.TRUE.equals(lot.get("usable"))) {
                    continue;
                }
                for (Object c : Json.list(lot.get("containers"))) {
                    Map<String, Object> container = Json.object(c);
                    if (container.get("batch") == null && container.get("quantity") instanceof BigDecimal q
                            && q.compareTo(needed) >= 0) {
                        return container;
                    }
                }
            }
            return null;
        }

        /** A goods receipt for the demo: supplier, supplier lot prefix, container quantities, shelf life, retest. */
        record Receipt(String supplier, String lotPrefix, String containers, int expiresInDays, Integer retestInDays) {
        }

        /**
         * Water for injection comes from the loop, not from lot stock: the draw for the demo's batches is
         * received as a lot and released like any other, kept for 30 days rather than the 24 h of a real
         * draw so that the ready batch can still be charged on a later day of a trial. The other materials
         * are received only when the demo's own lots are used up (a database that also served tests).
         */
        static final Map<String, Receipt> RECEIPTS = Map.of(
                "RM-WFI", new Receipt("WFI loop WL-01 (in-house)", "WFI", "{\"quantity\":100,\"unit\":\"L\"}", 30, null),
                "RM-DEMOPROFEN", new Receipt("Demo Pharma Chemicals GmbH", "DP",
                        "{\"quantity\":500,\"unit\":\"g\"},{\"quantity\":500,\"unit\":\"g\"}", 700, 500),
                "RM-NACL", new Receipt("Salinas Excipients S.A.", "NC", "{\"quantity\":25000,\"unit\":\"g\"}", 1500, null),
                "RM-NA2HPO4", new Receipt("Phosphate Works Ltd", "SP", "{\"quantity\":5000,\"unit\":\"g\"}", 900, null));

        /** A lot of the material received by the warehouse and released by QA (qa2's signature). */
        private void received(String material) throws IOException, InterruptedException {
            Receipt r = RECEIPTS.get(material);
            LocalDate today = LocalDate.now();
            String lotId = (String) created(WAREHOUSE, "api/v1/lots", "{\"materialNumber\":" + quoted(material)
                    + ",\"supplier\":" + quoted(r.supplier()) + ",\"supplierLot\":" + quoted(r.lotPrefix()
                    + today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE).substring(2) + "-D")
                    + ",\"expiryDate\":" + quoted(today.plusDays(r.expiresInDays()).toString())
                    + (r.retestInDays() == null ? "" : ",\"retestDate\":" + quoted(today.plusDays(r.retestInDays()).toString()))
                    + ",\"containers\":[" + r.containers() + "],\"location\":\"Dispensary\","
                    + "\"reason\":\"Demo data: goods receipt for the demo batches\"}").get("lotId");
            api.signRecord(RELEASER, "LOT", lotId, "RELEASED");
        }

        /** A step of the batch in progress recorded, signed PERFORMED and, where the recipe asks, VERIFIED. */
        private void done(String batch, Done d) throws IOException, InterruptedException {
            String state = state(batch, d.step());
            if (state.equals("AVAILABLE")) {
                expect(api.send(d.performer(), "POST", "api/v1/batches/" + batch + "/steps/" + d.step() + "/entries",
                        d.entry()), 201);
                state = state(batch, d.step());
            }
            if (state.equals("RECORDED")) {
                api.signRecord(d.performer(), "BATCH_STEP", batch + ":" + d.step(), "PERFORMED");
                state = state(batch, d.step());
            }
            if (state.equals("PERFORMED") && d.verifier() != null) {
                api.signRecord(d.verifier(), "BATCH_STEP", batch + ":" + d.step(), "VERIFIED");
            }
        }

        /**
         * What the filling lost (MES-BDE-1), recorded once: vials scrapped in a stopper jam at the filler, and vials
         * re-crimped at the capping. (Downtime is recorded the same way, with from and to, on the terminal.)
         */
        private void losses(String batch) throws IOException, InterruptedException {
            if (!status(batch).equals("IN_PROGRESS")) {
                return;
            }
            for (Object o : Json.list(get(SUPERVISOR, "api/v1/batches/" + batch + "/operations"))) {
                if (!Json.list(Json.object(o).get("events")).isEmpty() || !Json.list(Json.object(o).get("replaced")).isEmpty()) {
                    return;
                }
            }
            created(OPERATOR1, "api/v1/batches/" + batch + "/operations/fill/events", "{\"kind\":\"SCRAP\",\"cause\":"
                    + "\"EQUIPMENT_FAILURE\",\"quantity\":48,\"unit\":\"vials\",\"comment\":\"stopper jam at the"
                    + " stoppering station: vials in the jam discarded\"}");
            created(OPERATOR2, "api/v1/batches/" + batch + "/operations/capping/events", "{\"kind\":\"REWORK\",\"cause\":"
                    + "\"QUALITY_DEFECT\",\"quantity\":160,\"unit\":\"vials\",\"comment\":\"loose crimps found at"
                    + " the crimp check: re-crimped\"}");
        }

        /** The operator's deviation on the balance check, raised once and classified by the supervisor. */
        private void deviation(String batch) throws IOException, InterruptedException {
            Map<String, Object> raised = null;
            for (Object item : Json.list(get(SUPERVISOR, "api/v1/batches/" + batch + "/deviations"))) {
                Map<String, Object> d = Json.object(item);
                if (DEVIATION.equals(d.get("description"))) {
                    raised = d;
                }
            }
            if (raised == null) {
                raised = created(OPERATOR1, "api/v1/batches/" + batch + "/deviations",
                        "{\"stepId\":" + quoted(DEVIATION_STEP) + ",\"description\":" + quoted(DEVIATION) + "}");
            }
            if (raised.get("classification") == null) {
                expect(api.send(SUPERVISOR, "POST", "api/v1/batches/" + batch + "/deviations/" + raised.get("deviationId")
                        + "/classification", "{\"classification\":\"MINOR\",\"reason\":" + quoted(CLASSIFICATION_REASON)
                        + "}"), 200);
            }
        }

        private String status(String batch) throws IOException, InterruptedException {
            return (String) Json.object(get(SUPERVISOR, "api/v1/batches/" + batch)).get("status");
        }

        private String state(String batch, String step) throws IOException, InterruptedException {
            for (Object s : Json.list(Json.object(get(SUPERVISOR, "api/v1/batches/" + batch)).get("steps"))) {
                Map<String, Object> detail = Json.object(s);
                if (step.equals(detail.get("stepId"))) {
                    return (String) detail.get("state");
                }
            }
            throw new IllegalStateException("batch " + batch + " has no step " + step);
        }

        /** POSTs what creates something (201): the created thing as the API answers it. */
        private Map<String, Object> created(String user, String path, String json) throws IOException, InterruptedException {
            return Json.object(Json.parse(expect(api.send(user, "POST", path, json), 201).body()));
        }

        private Object get(String user, String path) throws IOException, InterruptedException {
            return Json.parse(expect(api.send(user, "GET", path, null), 200).body());
        }
    }

    /** Just enough JSON to read the API's answers: objects, arrays, strings, numbers (BigDecimal), true, false, null. */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("end of the document");
            }
            return value;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(Object value) {
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        static List<Object> list(Object value) {
            return value == null ? List.of() : (List<Object>) value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                space();
                if (peek('}')) {
                    return object;
                }
                do {
                    space();
                    String name = string();
                    space();
                    require(':');
                    object.put(name, value());
                    space();
                } while (peek(','));
                require('}');
                return object;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                space();
                if (peek(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    space();
                } while (peek(','));
                require(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw error("a value");
            }
            return new BigDecimal(text.substring(start, at));
        }

        private String string() {
            require('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            require('"');
            return out.toString();
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void require(char c) {
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
        }

        private IllegalStateException error(String expected) {
            return new IllegalStateException("JSON: expected " + expected + " at " + at + " of "
                    + text.substring(0, Math.min(text.length(), 200)));
        }
    }

    /** Whether one of the training records (as the API lists them) is for the qualification, not void, and valid today. */
    private static boolean current(String records, String qualification, LocalDate today) {
        Matcher record = Pattern.compile("\\{[^{}]*}").matcher(records);
        while (record.find()) {
            String r = record.group();
            if (r.matches("(?s).*\"qualification\"\\s*:\\s*\"" + Pattern.quote(qualification) + "\".*")) {
                Matcher until = Pattern.compile("\"validUntil\"\\s*:\\s*\"([^\"]+)\"").matcher(r);
                Matcher from = Pattern.compile("\"validFrom\"\\s*:\\s*\"([^\"]+)\"").matcher(r);
                boolean started = !from.find() || !LocalDate.parse(from.group(1)).isAfter(today);
                boolean ended = until.find() && LocalDate.parse(until.group(1)).isBefore(today);
                if (!r.contains("\"voidedAt\"") && started && !ended) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A new version of the effective version 1 with the author's change, saved as a draft; its number. */
    private int change(String path, String reason, java.util.function.UnaryOperator<String> edit)
            throws IOException, InterruptedException {
        String created = expect(send(AUTHOR, "POST", path + "/versions",
                "{\"basedOn\":1,\"reason\":" + quoted(reason) + "}"), 201).body();
        int version = lastNumber(created, "\"version\"\\s*:\\s*(\\d+)");
        String document = expect(send(AUTHOR, "GET", path + "/versions/" + version, null), 200).body();
        expect(send(AUTHOR, "PUT", path + "/versions/" + version, "{\"draftRevision\":1,\"reason\":" + quoted(reason)
                + ",\"document\":" + edit.apply(document) + "}"), 200);
        return version;
    }

    /** A training record, recorded by the demo supervisor, unless the person already holds one for the qualification. */
    private void training(String user, String qualification, String description, LocalDate from, LocalDate until)
            throws IOException, InterruptedException {
        String held = expect(send(SUPERVISOR, "GET", "api/v1/users/" + user + "/training", null), 200).body();
        if (held.contains("\"" + qualification + "\"")) {
            return;
        }
        expect(send(SUPERVISOR, "POST", "api/v1/users/" + user + "/training", "{\"qualification\":" + quoted(qualification)
                + ",\"description\":" + quoted(description) + ",\"validFrom\":\"" + from + "\""
                + (until == null ? "" : ",\"validUntil\":\"" + until + "\"") + "}"), 201);
    }

    /** A signing credential (identity verification recorded by the demo administrator) and the signed statement. */
    private void readyToSign(String user) throws IOException, InterruptedException {
        String verifier = user.equals(ADMIN) ? ADMIN2 : ADMIN;
        HttpResponse<String> credentials = expect(send(verifier, "GET", "api/v1/signing-credentials/" + user, null), 200);
        // an active credential: one more "serial" than "revokedAt" (the API leaves absent values out)
        if (count(credentials.body(), "\"serial\"") <= count(credentials.body(), "\"revokedAt\"")) {
            expect(send(verifier, "POST", "api/v1/signing-credentials/" + user + "/identity-verification",
                    "{\"method\":\"demo mode: demo account, no real person to verify\"}"), 201);
        }
        HttpResponse<String> statement = expect(send(user, "GET", "api/v1/me/accountability-statement", null), 200);
        if (!statement.body().contains("\"signature\"")) {
            expect(send(user, "POST", "api/v1/me/accountability-statement/signature",
                    "{\"userName\":\"" + user + "\",\"password\":" + quoted(password) + ",\"nonce\":\"" + nonce(user) + "\"}"), 201);
        }
    }

    private void sign(String user, String recordId, String meaning) throws IOException, InterruptedException {
        expect(send(user, "POST", "api/v1/signatures", "{\"recordType\":\"RECIPE_VERSION\",\"recordId\":\"" + recordId
                + "\",\"meaning\":\"" + meaning + "\",\"userName\":\"" + user + "\",\"password\":" + quoted(password)
                + ",\"nonce\":\"" + nonce(user) + "\"}"), 201);
    }

    /** A signature of any record type, with a fresh nonce and the demo password. */
    void signRecord(String user, String recordType, String recordId, String meaning)
            throws IOException, InterruptedException {
        expect(send(user, "POST", "api/v1/signatures", "{\"recordType\":" + quoted(recordType) + ",\"recordId\":"
                + quoted(recordId) + ",\"meaning\":" + quoted(meaning) + ",\"userName\":" + quoted(user)
                + ",\"password\":" + quoted(password) + ",\"nonce\":" + quoted(nonce(user)) + "}"), 201);
    }

    private String nonce(String user) throws IOException, InterruptedException {
        return field(expect(send(user, "POST", "api/v1/signatures/nonces", ""), 201).body(), "nonce");
    }

    /**
     * A call as the user: with an API token got once per user with the password (as a client signs in
     * once), so that the password is hashed once per user, not at every call.
     */
    private HttpResponse<String> send(String user, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(user)[0]).header("Accept", "application/json");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Per user: the API token and its id. */
    private final Map<String, String[]> tokens = new LinkedHashMap<>();

    private String[] token(String user) throws IOException, InterruptedException {
        String[] token = tokens.get(user);
        if (token == null) {
            String issued = expect(client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/auth/tokens"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"demo data of bin/ebr start\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()), 201).body();
            token = new String[] {field(issued, "token"), field(issued, "id")};
            tokens.put(user, token);
        }
        return token;
    }

    /** The tokens of this run end with it. */
    void revokeTokens() throws IOException, InterruptedException {
        for (Map.Entry<String, String[]> t : tokens.entrySet()) {
            expect(send(t.getKey(), "POST", "api/v1/me/tokens/" + t.getValue()[1] + "/revoke",
                    "{\"reason\":\"demo data loaded\"}"), 200);
        }
        tokens.clear();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            System.err.println("demo data: " + response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
            if (response.statusCode() == 401) {
                System.err.println(NOT_SIGNED_IN);
            }
            System.exit(1);
        }
        return response;
    }

    /**
     * Why a demo account is not let in, and what to do. A server started in demo mode sets the demo
     * accounts' passwords to its EBR_DEMO_PASSWORD when it starts; so a 401 means the server runs
     * with another value than this script was given (it was started before, with another one), or
     * the account is locked, or the database holds a real account of that name.
     */
    static final String NOT_SIGNED_IN = "demo data: the demo account was not accepted with the password in"
            + " EBR_DEMO_PASSWORD. The server gives the demo accounts the EBR_DEMO_PASSWORD it was started with"
            + " (when it starts in demo mode); this server is probably running with another value. Restart it with the"
            + " value you want: bin/ebr stop, then EBR_DEMO_PASSWORD=... bin/ebr start (or start with the value it"
            + " runs with). If the message above says the account is locked, an administrator must unlock it.";

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    private static String lastString(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static int lastNumber(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
