package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shop floor for batch tests, set up through the API as a plant would: an effective master recipe
 * (the reference recipe under its own id), people with signing credentials and the trainings the
 * recipe requires (a supervisor, two operators), released lots of every charged material, and for
 * each batch its charges dispensed. The demo balances BAL-01/BAL-02 and pH meter PHM-01 are used as
 * they are; each batch gets a clean compounding vessel of its own ({@link #cleanVessel}).
 */
final class BatchFloor {

    /** The charges of the reference recipe: step, material number, quantity per 45 L, unit, whether controlled. */
    record Charge(String step, String material, String quantity, String unit, boolean controlled) {
    }

    static final List<Charge> CHARGES = List.of(
            new Charge("weigh_api", "RM-DEMOPROFEN", "450.0", "g", true),
            new Charge("weigh_nacl", "RM-NACL", "405.0", "g", false),
            new Charge("weigh_phosphate", "RM-NA2HPO4", "63.0", "g", false),
            new Charge("charge_wfi", "RM-WFI", "40", "L", false));

    final Http http;
    final People people;
    /** The people whose password is the operators' (the demo password for the demo operators). */
    final People operators;
    final String operatorPassword;
    final String supervisor;
    final String operator1;
    final String operator2;
    final String author;
    final String approver;
    final String warehouse;
    final String releaser;
    final String maintenance;
    final String recipeId;
    /** The ERP material number of the product the floor's recipe makes (its own, so an ERP order names one recipe). */
    final String productMaterial;
    /** Per material number: the released stock container dispensed from. */
    private final Map<String, String> stock = new HashMap<>();
    /** Per batch and charge step: the container dispensed for it. */
    private final Map<String, String> dispensed = new HashMap<>();

    /** A floor with operators of its own (made for the test run, password {@link People#PASSWORD}). */
    BatchFloor(Http http) {
        this(http, false);
    }

    /** A floor with operators of its own whose recipe is the reference recipe as {@code recipe} changes it. */
    BatchFloor(Http http, java.util.function.UnaryOperator<String> recipe) {
        this(http, false, recipe);
    }

    /**
     * A floor whose operators are the demo accounts operator1 and operator2 (the server runs in demo
     * mode): made ready to sign and trained for the reference recipe where they are not yet, as
     * {@code bin/ebr start} does.
     */
    static BatchFloor withDemoOperators(Http http) {
        return new BatchFloor(http, true);
    }

    private BatchFloor(Http http, boolean demoOperators) {
        this(http, demoOperators, java.util.function.UnaryOperator.identity());
    }

    private BatchFloor(Http http, boolean demoOperators, java.util.function.UnaryOperator<String> recipe) {
        this.http = http;
        this.people = new People(http);
        String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
        supervisor = people.signer("Sam Supervisor", "SUPERVISOR");
        people.trainForReferenceRecipe(supervisor);
        if (demoOperators) {
            operatorPassword = Api.DEMO_PASSWORD;
            operators = new People(http, operatorPassword);
            operator1 = "operator1";
            operator2 = "operator2";
            for (String demo : List.of(operator1, operator2)) {
                operators.readyToSign(demo);
                operators.trainForReferenceRecipeUnlessTrained(demo);
            }
        } else {
            operatorPassword = People.PASSWORD;
            operators = people;
            operator1 = people.signer("Olga Operator", "OPERATOR");
            operator2 = people.signer("Otto Operator", "OPERATOR");
            for (String trained : List.of(operator1, operator2)) {
                people.trainForReferenceRecipe(trained);
            }
        }
        author = people.signer("Anna Author", "RECIPE_AUTHOR");
        approver = people.signer("Abel Approver", "RECIPE_APPROVER");
        warehouse = people.person("Wanda Warehouse", "WAREHOUSE");
        releaser = people.signer("Rita Releaser", "QA_RELEASER");
        maintenance = people.person("Mats Maintenance", "MAINTENANCE");
        recipeId = "IT-BATCH-" + tag;
        productMaterial = "FG-" + recipeId;
        effective(recipeId, recipe);
        for (Charge c : CHARGES) {
            stock.put(c.material(), releasedContainer(c.material(), c.unit()));
        }
    }

    /** The reference recipe under its own id, signed by its author and an independent approver, effective now. */
    private void effective(String recipe, java.util.function.UnaryOperator<String> change) {
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import", change.apply(
                RecipesIT.reference(recipe).replace("\"FG-DEMOPROFEN-2ML\"", q(productMaterial))));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        int version = Api.object(imported).getInt("version");
        assertThat(people.sign(author, "RECIPE_VERSION", recipe + ":" + version, "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(people.sign(approver, "RECIPE_VERSION", recipe + ":" + version, "APPROVED").statusCode()).isEqualTo(201);
        HttpResponse<String> effective = people.api(approver).post("api/v1/recipes/" + recipe + "/versions/" + version
                + "/effective", "{\"reason\":\"released for production\"}");
        assertThat(effective.statusCode()).as(effective.body()).isEqualTo(200);
    }

    /** A lot received into the dispensary and released by QA; its first container's id. */
    private String releasedContainer(String material, String unit) {
        String quantity = unit.equals("L") ? "1000" : "20000";
        HttpResponse<String> received = people.api(warehouse).post("api/v1/lots", "{\"materialNumber\":" + q(material)
                + ",\"supplier\":\"IT Supplies GmbH\",\"supplierLot\":" + q("SL-" + Long.toString(System.nanoTime(), 36))
                + ",\"expiryDate\":" + q(LocalDate.now().plusYears(2).toString()) + ",\"containers\":[{\"quantity\":"
                + quantity + ",\"unit\":" + q(unit) + "}],\"location\":\"Dispensary\",\"reason\":\"goods receipt\"}");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String lotId = Api.object(received).getString("lotId");
        HttpResponse<String> released = people.sign(releaser, "LOT", lotId, "RELEASED");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        JsonObject lot = people.api(releaser).getJson("api/v1/lots/" + lotId);
        return lot.getJsonArray("containers").getJsonObject(0).getString("containerId");
    }

    /** A batch of 45 L, dispatched, its charges dispensed: READY to run. */
    String readyBatch() {
        return dispatched(plannedBatch());
    }

    /** A PLANNED batch of 45 L (e.g. from an ERP order) with its charges dispensed and dispatched: READY. */
    String dispensedAndDispatched(String batch) {
        for (Charge c : CHARGES) {
            dispense(batch, c);
        }
        return dispatched(batch);
    }

    private String dispatched(String batch) {
        HttpResponse<String> dispatched = people.api(supervisor).post("api/v1/batches/" + batch + "/dispatch",
                "{\"reason\":\"line clearance booked\",\"line\":\"Filling line 1\"}");
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
        return batch;
    }

    /**
     * A batch of the reference recipe run to COMPLETED, with what a review finds: the pH out of its limits (a
     * deviation, classified MINOR by the supervisor) and corrected, two machine values typed by hand, the
     * bioburden result entered by QC (the floor's releaser). Returns the batch id and the deviation's id.
     */
    String[] completedBatch() {
        return completedBatch("19740", "40");
    }

    /** {@link #completedBatch()} with this many good vials and vials rejected for particles (19850 filled in all). */
    String[] completedBatch(String goodVials, String particleRejects) {
        return completed(readyBatch(), goodVials, particleRejects);
    }

    /** {@link #completedBatch()} for a batch that is READY. */
    String[] completed(String batch, String goodVials, String particleRejects) {
        String vessel = cleanVessel();
        String op1 = operator1;
        String op2 = operator2;
        perform(op1, batch, "line_clearance", "{\"acknowledged\":true}", op2);
        perform(op1, batch, "vessel_check", "{\"equipmentId\":" + q(vessel) + "}", null);
        perform(op2, batch, "balance_check", "{\"equipmentId\":\"BAL-01\"}", null);
        perform(op2, batch, "ph_meter_check", "{\"equipmentId\":\"PHM-01\"}", null);
        perform(op2, batch, "filter_integrity_pre", "{\"value\":3.8,\"unit\":\"bar\"}", null);
        for (Charge c : CHARGES) {
            if (!c.step().equals("charge_wfi")) {
                perform(op1, batch, c.step(), "{\"containerId\":" + q(container(batch, c.step())) + "}",
                        c.controlled() ? op2 : null);
            }
        }
        perform(op1, batch, "charge_wfi", "{\"containerId\":" + q(container(batch, "charge_wfi")) + "}", null);
        perform(op1, batch, "mix", "{\"acknowledged\":true}", null);
        perform(op2, batch, "mix_temperature", "{\"value\":22.4,\"unit\":\"°C\",\"reason\":"
                + "\"machine connection not installed yet: read from the vessel display\"}", op1); // typed: a second person verifies
        perform(op1, batch, "make_up_weight", "{\"value\":\"45.268\",\"unit\":\"kg\"}", null);
        HttpResponse<String> ph = enter(op1, batch, "ph", "{\"value\":7.35,\"unit\":\"pH\"}");
        assertThat(ph.statusCode()).as(ph.body()).isEqualTo(201);
        String deviation = Api.object(ph).getString("deviationId");
        assertThat(sign(op1, batch, "ph", "PERFORMED").statusCode()).isEqualTo(201);
        HttpResponse<String> corrected = correct(op1, batch, "ph", "{\"value\":7.04,\"unit\":\"pH\",\"reason\":"
                + "\"electrode not equilibrated; measured again after 2 min\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(sign(op1, batch, "ph", "PERFORMED").statusCode()).isEqualTo(201);
        perform(op1, batch, "bioburden", "{\"sampleId\":\"S-" + batch + "-BB1\"}", null);
        perform(op1, batch, "filtration", "{\"acknowledged\":true}", null);
        perform(op1, batch, "filter_integrity_post", "{\"value\":3.7,\"unit\":\"bar\"}", null);
        perform(op1, batch, "fill_weight", "{\"value\":2.10,\"unit\":\"g\",\"reason\":"
                + "\"checkweigher not connected: mean of its printout\"}", op2);
        perform(op1, batch, "filled_vials", "{\"value\":19850,\"unit\":\"vials\",\"reason\":"
                + "\"filler counter read from its display\"}", op2);
        // the filler stopped (a stopper jam) and vials were scrapped at the filling (MES-BDE-1)
        java.time.Instant now = afterCreation(op1, batch);
        HttpResponse<String> jam = people.api(op1).post("api/v1/batches/" + batch + "/operations/fill/events",
                "{\"kind\":\"DOWNTIME\",\"cause\":\"EQUIPMENT_FAILURE\",\"from\":" + q(now.minusSeconds(2).toString())
                        + ",\"to\":" + q(now.minusSeconds(1).toString()) + ",\"comment\":\"stopper jam at the stoppering"
                        + " station\"}");
        assertThat(jam.statusCode()).as(jam.body()).isEqualTo(201);
        HttpResponse<String> scrap = people.api(op1).post("api/v1/batches/" + batch + "/operations/fill/events",
                "{\"kind\":\"SCRAP\",\"cause\":\"EQUIPMENT_FAILURE\",\"quantity\":120,\"unit\":\"vials\","
                        + "\"comment\":\"vials in the jam, discarded\"}");
        assertThat(scrap.statusCode()).as(scrap.body()).isEqualTo(201);
        perform(op2, batch, "crimp_check", "{\"choice\":\"pass\"}", null);
        Map.of("rejects_particles", particleRejects, "rejects_cracks", "25", "rejects_fill_level", "30",
                        "rejects_cosmetic", "15")
                .forEach((step, count) -> perform(op2, batch, step, "{\"value\":" + count + ",\"unit\":\"vials\"}", null));
        perform(op2, batch, "good_vials", "{\"value\":" + goodVials + ",\"unit\":\"vials\"}", null);
        perform(op2, batch, "yield", "{\"acknowledged\":true}", null);
        perform(op2, batch, "vial_difference", "{\"acknowledged\":true}", null);
        HttpResponse<String> completed = of(op1).api(op1).post("api/v1/batches/" + batch + "/complete",
                "{\"reason\":\"all steps signed\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        HttpResponse<String> result = people.api(releaser).post("api/v1/batches/" + batch + "/steps/bioburden/sample-result",
                "{\"value\":3,\"unit\":\"CFU/100 mL\"}");
        assertThat(result.statusCode()).as(result.body()).isEqualTo(201);
        HttpResponse<String> classified = people.api(supervisor).post("api/v1/batches/" + batch + "/deviations/" + deviation
                + "/classification", "{\"classification\":\"MINOR\",\"reason\":\"measurement error, no product impact\"}");
        assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
        return new String[] {batch, deviation};
    }

    /**
     * Now, at least two seconds after the batch was created (waiting for it where the floor ran faster), so that a
     * time span ending now and starting up to two seconds earlier lies within the batch's life.
     */
    java.time.Instant afterCreation(String user, String batch) {
        java.time.Instant earliest = java.time.Instant.parse(batch(user, batch).getString("createdAt")).plusSeconds(2);
        long wait = java.time.Duration.between(java.time.Instant.now(), earliest).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return java.time.Instant.now();
    }

    /** A batch of 45 L, PLANNED, its charges dispensed. */
    String plannedBatch() {
        HttpResponse<String> created = people.api(supervisor).post("api/v1/batches", "{\"recipeId\":" + q(recipeId)
                + ",\"plannedQuantity\":45,\"unit\":\"L\",\"reason\":\"process order PO-4711\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String batch = Api.object(created).getString("batchId");
        for (Charge c : CHARGES) {
            dispense(batch, c);
        }
        return batch;
    }

    private void dispense(String batch, Charge c) {
        HttpResponse<String> done = operators.api(operator1).post("api/v1/dispensings", "{\"sourceContainerId\":"
                + q(stock.get(c.material())) + ",\"materialNumber\":" + q(c.material()) + ",\"batch\":" + q(batch)
                + ",\"step\":" + q(c.step()) + ",\"target\":" + c.quantity() + ",\"tolerancePercent\":"
                + (c.unit().equals("L") ? "0" : "0.5") + ",\"gross\":" + c.quantity() + ",\"tare\":0,\"unit\":" + q(c.unit())
                + ",\"balanceId\":\"BAL-01\",\"location\":\"Dispensary\""
                + (c.controlled() ? ",\"verifier\":" + q(operator2) + ",\"verifierPassword\":" + q(operatorPassword) : "")
                + "}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        dispensed.put(batch + ":" + c.step(), Api.object(done).getString("dispensedContainerId"));
    }

    /** The container dispensed for a batch's charge step. */
    String container(String batch, String step) {
        return dispensed.get(batch + ":" + step);
    }

    /** A new unit of the demo class "compounding vessel", cleaned and the cleaning verified: CLEAN. */
    String cleanVessel() {
        String id = "V-IT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        HttpResponse<String> registered = people.api(maintenance).post("api/v1/equipment", "{\"equipmentId\":" + q(id)
                + ",\"equipmentClass\":\"compounding vessel\",\"description\":\"50 L compounding vessel\","
                + "\"location\":\"Compounding room C-1\",\"reason\":\"installed\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> cleaned = operators.api(operator1).post("api/v1/equipment/" + id + "/cleanings",
                "{\"procedure\":\"SOP-CL-101\"}");
        assertThat(cleaned.statusCode()).as(cleaned.body()).isEqualTo(201);
        String cleaning = Api.object(cleaned).getJsonObject("entry").getString("id");
        HttpResponse<String> verified = people.sign(supervisor, "EQUIPMENT_CLEANING", cleaning, "VERIFIED");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(201);
        return id;
    }

    /** The people a user of this floor belongs to (the operators may have another password than the rest). */
    People of(String user) {
        return user.equals(operator1) || user.equals(operator2) ? operators : people;
    }

    HttpResponse<String> enter(String user, String batch, String step, String json) {
        return of(user).api(user).post("api/v1/batches/" + batch + "/steps/" + step + "/entries", json);
    }

    HttpResponse<String> correct(String user, String batch, String step, String json) {
        return of(user).api(user).post("api/v1/batches/" + batch + "/steps/" + step + "/corrections", json);
    }

    HttpResponse<String> sign(String user, String batch, String step, String meaning) {
        return of(user).sign(user, "BATCH_STEP", batch + ":" + step, meaning);
    }

    /** Records and signs a step (PERFORMED, and VERIFIED by {@code verifier} when given); the entry's outcome. */
    JsonObject perform(String user, String batch, String step, String json, String verifier) {
        HttpResponse<String> entered = enter(user, batch, step, json);
        assertThat(entered.statusCode()).as(step + ": " + entered.body()).isEqualTo(201);
        HttpResponse<String> signed = sign(user, batch, step, "PERFORMED");
        assertThat(signed.statusCode()).as(step + ": " + signed.body()).isEqualTo(201);
        if (verifier != null) {
            HttpResponse<String> verified = sign(verifier, batch, step, "VERIFIED");
            assertThat(verified.statusCode()).as(step + ": " + verified.body()).isEqualTo(201);
        }
        return Api.object(entered);
    }

    JsonObject batch(String user, String batch) {
        return of(user).api(user).getJson("api/v1/batches/" + batch);
    }

    /** A step of the batch as the API shows it. */
    JsonObject step(String user, String batch, String step) {
        return batch(user, batch).getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("stepId").equals(step)).findFirst().orElseThrow();
    }
}
