package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The installation an operational qualification (OQ) runs against and the accounts it acts with, as
 * {@link OqRunner} hands them to the OQ classes ({@code *OQ}) in system properties. The OQ works in a
 * data space of its own: its master recipe's id begins with the run's tag ({@link #run}), its batches are of that recipe, it
 * reads and counts only its own records, and it never cleans, changes or deletes anything else. It
 * uses the API and the screens as any client does; no test-only endpoint exists on a customer's server.
 * (Batch ids are the installation's own numbers: the OQ's batches are those of its recipe.)
 */
final class Oq {

    /** The accounts the OQ acts with: one per part a person plays, each holding the role named. */
    enum Part {
        OPERATOR("operator", "OPERATOR", "operator1"),
        SECOND_OPERATOR("second.operator", "OPERATOR", "operator2"),
        SUPERVISOR("supervisor", "SUPERVISOR", "supervisor1"),
        AUTHOR("author", "RECIPE_AUTHOR", "author1"),
        APPROVER("approver", "RECIPE_APPROVER", "approver1"),
        QA_REVIEWER("qa.reviewer", "QA_REVIEWER", "qa1"),
        QA_RELEASER("qa.releaser", "QA_RELEASER", "qa2"),
        INSPECTOR("inspector", "INSPECTOR", "inspector1");

        /** The key of the part in the accounts file ({@code key=user name}, {@code key.password=password}). */
        final String key;
        final String role;
        /** The demo account that plays the part on an installation in demo mode. */
        final String demoUser;

        Part(String key, String role, String demoUser) {
            this.key = key;
            this.role = role;
            this.demoUser = demoUser;
        }
    }

    /** An account the customer provides: user name and password. */
    record Account(String user, String password) {
    }

    static final String TARGET = "ebr.oq.target";
    static final String ACCOUNTS = "ebr.oq.accounts";
    static final String DEMO_PASSWORD = "ebr.oq.demo.password";
    static final String REPORT = "ebr.oq.report";
    static final String RUN = "ebr.oq.run";

    private static Oq current;

    final URL target;
    final Http http;
    final Map<Part, Account> accounts;
    final Path report;
    /** The run's tag, e.g. OQ-20261205T163000: in the id of every record the OQ makes. */
    final String run;

    private Oq(URL target, Map<Part, Account> accounts, Path report, String run) {
        this.target = target;
        this.http = new Http(target);
        this.accounts = accounts;
        this.report = report;
        this.run = run;
    }

    /** The OQ of this run, from the system properties {@link OqRunner} set. */
    static synchronized Oq current() {
        if (current == null) {
            String target = System.getProperty(TARGET);
            if (target == null) {
                throw new IllegalStateException("no OQ target: run the OQ with bin/ebr oq --target URL");
            }
            String accounts = System.getProperty(ACCOUNTS);
            current = new Oq(url(target), accounts == null || accounts.isBlank()
                    ? demoAccounts(System.getProperty(DEMO_PASSWORD)) : accounts(Path.of(accounts)),
                    Path.of(System.getProperty(REPORT, "target/oq")), System.getProperty(RUN, "OQ-LOCAL"));
        }
        return current;
    }

    /** Forgets the run, so that the next {@link #current} reads the system properties again. */
    static synchronized void reset() {
        current = null;
    }

    static URL url(String target) {
        try {
            URL url = URI.create(target.endsWith("/") ? target : target + "/").toURL();
            if (!url.getProtocol().equals("http") && !url.getProtocol().equals("https")) {
                throw new IllegalArgumentException("the OQ target " + target + " is not an http(s) URL");
            }
            return url;
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the OQ target " + target + " is not a URL such as"
                    + " http://localhost:8080/ebr: " + e.getMessage(), e);
        }
    }

    /** The demo accounts of an installation in demo mode, all with the demo password. */
    static Map<Part, Account> demoAccounts(String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("no accounts file and no demo password: give --accounts FILE");
        }
        Map<Part, Account> accounts = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            accounts.put(part, new Account(part.demoUser, password));
        }
        return accounts;
    }

    /**
     * The accounts file: a properties file with {@code <part>=<user name>} and
     * {@code <part>.password=<password>} for every part (operator, second.operator, supervisor, author,
     * approver, qa.reviewer, qa.releaser, inspector). A missing entry is named.
     */
    static Map<Part, Account> accounts(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("the OQ accounts file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<Part, Account> accounts = new EnumMap<>(Part.class);
        StringBuilder missing = new StringBuilder();
        for (Part part : Part.values()) {
            String user = properties.getProperty(part.key, "").trim();
            String password = properties.getProperty(part.key + ".password", "");
            if (user.isEmpty() || password.isEmpty()) {
                missing.append(missing.isEmpty() ? "" : ", ").append(user.isEmpty() ? part.key : part.key + ".password");
            } else {
                accounts.put(part, new Account(user, password));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the OQ accounts file " + file + " lacks " + missing
                    + " (one account per part, each holding its role: see the README, Operational qualification)");
        }
        return accounts;
    }

    String user(Part part) {
        return accounts.get(part).user();
    }

    /** The part's API client, signed in once with its password. */
    Api api(Part part) {
        Account account = accounts.get(part);
        return Api.session(http, account.user(), account.password());
    }

    /** Signs a record as the part's account with its own password and a fresh nonce; the answer as it came. */
    HttpResponse<String> sign(Part part, String recordType, String recordId, String meaning) {
        return signWithPassword(part, accounts.get(part).password(), recordType, recordId, meaning);
    }

    HttpResponse<String> signWithPassword(Part part, String password, String recordType, String recordId, String meaning) {
        Api me = api(part);
        return me.post("api/v1/signatures", "{\"recordType\":" + q(recordType) + ",\"recordId\":" + q(recordId)
                + ",\"meaning\":" + q(meaning) + ",\"userName\":" + q(user(part)) + ",\"password\":" + q(password)
                + ",\"nonce\":" + q(People.nonce(me)) + "}");
    }

    /** The person's full name as the installation knows it (signature manifestations print it). */
    String fullName(Part part) {
        return api(part).getJson("api/v1/me").getString("fullName");
    }

    /** Where the run's screenshots go: the report folder. */
    Path screenshot(String name) {
        return report.resolve("screenshots").resolve(name + ".png");
    }

    /**
     * A small master recipe of the OQ's own (id {@code <run>-<suffix>}): a line clearance a second person
     * verifies, a pH with limits 6.8-7.2 and a crimp check. No materials or equipment: those have their
     * own qualification.
     */
    static String recipe(String recipeId) {
        return "{\"recipeId\":" + q(recipeId) + ",\"version\":1,\"product\":\"OpenEBR OQ solution (not for use)\","
                + "\"material\":" + q("FG-" + recipeId) + ",\"nominalBatchSize\":10,\"batchSizeUnit\":\"L\","
                + "\"parameters\":[],\"formula\":[],\"unitProcedures\":[{\"id\":\"oq\",\"name\":\"Operational qualification\","
                + "\"operations\":[{\"id\":\"checks\",\"name\":\"Checks\",\"steps\":["
                + "{\"id\":\"line_clearance\",\"name\":\"Line cleared of the previous product\",\"type\":\"INSTRUCTION\","
                + "\"after\":[],\"instruction\":\"Line cleared of the previous product\",\"equipmentChecks\":[],"
                + "\"signatures\":{\"verifierRequired\":true}},"
                + "{\"id\":\"ph\",\"name\":\"pH of the solution\",\"type\":\"NUMERIC_ENTRY\",\"after\":[\"line_clearance\"],"
                + "\"numeric\":{\"unit\":\"pH\",\"precision\":2,\"target\":7.0,\"lower\":6.8,\"upper\":7.2},"
                + "\"equipmentChecks\":[],\"signatures\":{\"verifierRequired\":false}},"
                + "{\"id\":\"crimp_check\",\"name\":\"Crimp check\",\"type\":\"CHOICE_ENTRY\",\"after\":[\"ph\"],"
                + "\"equipmentChecks\":[],\"choices\":[\"pass\",\"fail\"],\"signatures\":{\"verifierRequired\":false}}"
                + "]}]}]}";
    }

    /** The OQ recipe imported, signed by its author and an independent approver, and effective: its version. */
    int effectiveRecipe(String recipeId) {
        HttpResponse<String> imported = api(Part.AUTHOR).post("api/v1/recipes/import", recipe(recipeId));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        int version = Api.object(imported).getInt("version");
        String record = recipeId + ":" + version;
        assertThat(sign(Part.AUTHOR, "RECIPE_VERSION", record, "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(sign(Part.APPROVER, "RECIPE_VERSION", record, "APPROVED").statusCode()).isEqualTo(201);
        HttpResponse<String> effective = api(Part.APPROVER).post("api/v1/recipes/" + recipeId + "/versions/" + version
                + "/effective", "{\"reason\":\"effective for the operational qualification " + run + "\"}");
        assertThat(effective.statusCode()).as(effective.body()).isEqualTo(200);
        return version;
    }

    /** A batch of the recipe, planned by the supervisor and dispatched: READY. */
    String readyBatch(String recipeId) {
        HttpResponse<String> created = api(Part.SUPERVISOR).post("api/v1/batches", "{\"recipeId\":" + q(recipeId)
                + ",\"plannedQuantity\":10,\"unit\":\"L\",\"reason\":" + q("operational qualification " + run) + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String batch = Api.object(created).getString("batchId");
        HttpResponse<String> dispatched = api(Part.SUPERVISOR).post("api/v1/batches/" + batch + "/dispatch",
                "{\"reason\":\"line clearance booked\",\"line\":\"OQ line\"}");
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
        return batch;
    }

    JsonObject problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                .startsWith("application/problem+json");
        return Api.object(response);
    }

    /** Writes text into the report folder (e.g. what a test saw), creating the folder. */
    void write(String name, String text) {
        try {
            Files.createDirectories(report);
            Files.writeString(report.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
