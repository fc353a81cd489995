package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import java.net.http.HttpResponse;

/**
 * Creates the people a test needs through the API, as an administrator (the demo account admin1)
 * would: an account, its own password instead of the one-time one, roles, and for signers the
 * recorded identity verification that issues a signing credential and the signed accountability
 * statement.
 */
final class People {

    static final String PASSWORD = "weigh the API twice, fill once";

    private final Http http;
    private final Api admin;
    private final String password;

    People(Http http) {
        this(http, PASSWORD);
    }

    /** People whose own password is {@code password}. */
    People(Http http, String password) {
        this.http = http;
        this.admin = Api.demo(http, "admin1");
        this.password = password;
    }

    /** A new account as the administrator creates it; its one-time password is returned. */
    String create(String user, String fullName) {
        HttpResponse<String> created = admin.post("api/v1/users", "{\"userName\":" + q(user) + ",\"fullName\":" + q(fullName)
                + ",\"technical\":false,\"reason\":\"new hire\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.object(created).getString("oneTimePassword");
    }

    /** A new account whose person has replaced the one-time password by their own. */
    void activate(String user, String fullName) {
        String oneTime = create(user, fullName);
        HttpResponse<String> changed = new Api(http, user, oneTime).post("api/v1/me/password",
                "{\"currentPassword\":" + q(oneTime) + ",\"newPassword\":" + q(password) + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    void grant(String user, String role) {
        HttpResponse<String> granted = admin.post("api/v1/users/" + user + "/roles", "{\"action\":\"GRANT\",\"role\":\""
                + role + "\",\"reason\":\"qualified\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    }

    void revoke(String user, String role) {
        HttpResponse<String> revoked = admin.post("api/v1/users/" + user + "/roles", "{\"action\":\"REVOKE\",\"role\":\""
                + role + "\",\"reason\":\"no longer needed\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    }

    /** Records the identity verification, which issues the person's signing credential. */
    void verifyIdentity(String user) {
        HttpResponse<String> verified = admin.post("api/v1/signing-credentials/" + user + "/identity-verification",
                "{\"method\":\"national identity card checked in person\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(201);
    }

    /** A new, active person with these roles; the generated user name is returned. */
    String person(String fullName, String... roles) {
        String user = "p-" + Long.toString(System.nanoTime(), 36);
        activate(user, fullName);
        for (String role : roles) {
            grant(user, role);
        }
        return user;
    }

    /**
     * Records a training record (a qualification, valid from a year ago, until {@code validUntil} or
     * open-ended when null), as the demo supervisor does.
     */
    void train(String user, String qualification, java.time.LocalDate validUntil) {
        HttpResponse<String> recorded = Api.demo(http, "supervisor1").post("api/v1/users/" + user + "/training",
                "{\"qualification\":" + q(qualification) + ",\"description\":\"SOP read and practical training\""
                        + ",\"validFrom\":\"" + java.time.LocalDate.now().minusYears(1) + "\""
                        + (validUntil == null ? "" : ",\"validUntil\":\"" + validUntil + "\"") + "}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }

    /** An operator trained for weighing and dispensing (training record OP-WEIGHING, current). */
    String weigher(String fullName) {
        String user = person(fullName, "OPERATOR");
        train(user, "OP-WEIGHING", null);
        return user;
    }

    /** A person with a signing credential who has not yet signed the accountability statement. */
    String credentialed(String fullName, String... roles) {
        String user = person(fullName, roles);
        verifyIdentity(user);
        return user;
    }

    /** A person who can sign: credential issued and accountability statement signed. */
    String signer(String fullName, String... roles) {
        String user = credentialed(fullName, roles);
        Api me = api(user);
        HttpResponse<String> statement = me.post("api/v1/me/accountability-statement/signature", "{\"userName\":" + q(user)
                + ",\"password\":" + q(password) + ",\"nonce\":" + q(nonce(me)) + "}");
        assertThat(statement.statusCode()).as(statement.body()).isEqualTo(201);
        return user;
    }

    /** The person's API client signing in with the password on every call (HTTP Basic), for tests of sign-in itself. */
    Api basic(String user) {
        return new Api(http, user, password);
    }

    /** The person's API client (a session: see {@link Api#session}). */
    Api api(String user) {
        return Api.session(http, user, password);
    }

    /** Signs a record through the API with a fresh nonce; the response as it came. */
    HttpResponse<String> sign(String user, String recordType, String recordId, String meaning) {
        Api me = api(user);
        return me.post("api/v1/signatures", "{\"recordType\":" + q(recordType) + ",\"recordId\":" + q(recordId)
                + ",\"meaning\":" + q(meaning) + ",\"userName\":" + q(user) + ",\"password\":" + q(password)
                + ",\"nonce\":" + q(nonce(me)) + "}");
    }

    static String nonce(Api me) {
        HttpResponse<String> issued = me.post("api/v1/signatures/nonces", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return Api.object(issued).getString("nonce");
    }

    // --- trained for the reference recipe: batch execution asks for the qualifications it requires

    /** Every qualification the reference recipe requires (its operations' and its steps'), read from the file. */
    static java.util.SortedSet<String> referenceQualifications() {
        java.util.SortedSet<String> codes = new java.util.TreeSet<>();
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(java.nio.file.Files.newBufferedReader(
                RecipesIT.REFERENCE, java.nio.charset.StandardCharsets.UTF_8))) {
            for (jakarta.json.JsonObject unit : reader.readObject().getJsonArray("unitProcedures")
                    .getValuesAs(jakarta.json.JsonObject.class)) {
                for (jakarta.json.JsonObject operation : unit.getJsonArray("operations").getValuesAs(jakarta.json.JsonObject.class)) {
                    codes.addAll(strings(operation));
                    operation.getJsonArray("steps").getValuesAs(jakarta.json.JsonObject.class).forEach(s -> codes.addAll(strings(s)));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return codes;
    }

    private static java.util.List<String> strings(jakarta.json.JsonObject element) {
        return element.containsKey("qualifications")
                ? element.getJsonArray("qualifications").getValuesAs(jakarta.json.JsonString::getString) : java.util.List.of();
    }

    /** An existing account (a demo account) made ready to sign where it is not yet: a credential and the signed statement. */
    void readyToSign(String user) {
        HttpResponse<String> credentials = admin.get("api/v1/signing-credentials/" + user);
        assertThat(credentials.statusCode()).as(credentials.body()).isEqualTo(200);
        // an active credential: one more serial than revocations (absent values are left out)
        if (credentials.body().split("\"serial\"", -1).length <= credentials.body().split("\"revokedAt\"", -1).length) {
            verifyIdentity(user);
        }
        Api me = api(user);
        HttpResponse<String> statement = me.get("api/v1/me/accountability-statement");
        assertThat(statement.statusCode()).as(statement.body()).isEqualTo(200);
        if (!statement.body().contains("\"signature\"")) {
            HttpResponse<String> signed = me.post("api/v1/me/accountability-statement/signature", "{\"userName\":"
                    + q(user) + ",\"password\":" + q(password) + ",\"nonce\":" + q(nonce(me)) + "}");
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        }
    }

    /** {@link #trainForReferenceRecipe}, for the qualifications the person holds no open-ended or current record of. */
    void trainForReferenceRecipeUnlessTrained(String user) {
        HttpResponse<String> records = Api.demo(http, "supervisor1").get("api/v1/users/" + user + "/training");
        assertThat(records.statusCode()).as(records.body()).isEqualTo(200);
        jakarta.json.JsonArray held = Api.array(records);
        java.time.LocalDate today = java.time.LocalDate.now();
        for (String qualification : referenceQualifications()) {
            boolean current = held.getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(t -> qualification.equals(t.getString("qualification", null)))
                    .filter(t -> !t.containsKey("voidedAt"))
                    .filter(t -> !java.time.LocalDate.parse(t.getString("validFrom")).isAfter(today))
                    .anyMatch(t -> !t.containsKey("validUntil") || !java.time.LocalDate.parse(t.getString("validUntil"))
                            .isBefore(today));
            if (!current) {
                train(user, qualification, null);
            }
        }
    }

    /** Current, open-ended training records for every qualification the reference recipe requires. */
    void trainForReferenceRecipe(String user) {
        referenceQualifications().forEach(qualification -> train(user, qualification, null));
    }

    // --- the same people for the tests of a class (suite16) ----------------------------------------

    /*
     * Making a person costs about six deliberately slow password hashes on the server (a signer eight,
     * 0.3-1 s each): a test class whose tests each need someone in a role only as the actor of their
     * own new records, and count nothing of that person's, may share the person among its tests. Never
     * for a test that changes the person (password, roles, lock, training, signing credential) or
     * counts what the person has or did.
     */

    /** The people made for the test classes, per class, kind, name, roles and password. */
    private static final java.util.Map<String, String> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #person}, the same one for every test of the class that asks for this name and these roles. */
    String sharedPerson(Class<?> testClass, String fullName, String... roles) {
        return shared(testClass, "person", fullName, roles, () -> person(fullName, roles));
    }

    /** {@link #signer}, the same one for every test of the class that asks for this name and these roles. */
    String sharedSigner(Class<?> testClass, String fullName, String... roles) {
        return shared(testClass, "signer", fullName, roles, () -> signer(fullName, roles));
    }

    /** {@link #weigher}, the same one for every test of the class that asks for this name. */
    String sharedWeigher(Class<?> testClass, String fullName) {
        return shared(testClass, "weigher", fullName, new String[0], () -> weigher(fullName));
    }

    private String shared(Class<?> testClass, String kind, String fullName, String[] roles,
                          java.util.function.Supplier<String> make) {
        String key = String.join("\n", testClass.getName(), kind, fullName, String.join(",", roles), password);
        String made = SHARED.get(key);
        if (made == null) {
            made = make.get();
            SHARED.put(key, made);
        }
        return made;
    }
}
