import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data through the public API, as any client would load it (used by bin/ebr start in demo mode,
 * and by an integration test): gives the demo author and approver their signing credentials and
 * accountability statements, imports the reference master recipe, and takes it through its
 * lifecycle with two real electronic signatures until it is effective. Safe to run again: it only
 * does what is still missing.
 *
 * <p>Usage: java DemoData.java BASE_URL RECIPE_JSON_FILE DEMO_PASSWORD (BASE_URL e.g.
 * http://localhost:8080/ebr/). Exit 0 when the recipe is effective.
 */
public class DemoData {

    static final String AUTHOR = "author1";
    static final String APPROVER = "approver1";
    static final String ADMIN = "admin1";
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
        new DemoData(args[0], args[2]).load(recipe);
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
        System.out.println("demo data: tasks for the home pages are in place");
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
        HttpResponse<String> credentials = expect(send(ADMIN, "GET", "api/v1/signing-credentials/" + user, null), 200);
        // an active credential: one more "serial" than "revokedAt" (the API leaves absent values out)
        if (count(credentials.body(), "\"serial\"") <= count(credentials.body(), "\"revokedAt\"")) {
            expect(send(ADMIN, "POST", "api/v1/signing-credentials/" + user + "/identity-verification",
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

    private String nonce(String user) throws IOException, InterruptedException {
        return field(expect(send(user, "POST", "api/v1/signatures/nonces", ""), 201).body(), "nonce");
    }

    private HttpResponse<String> send(String user, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
