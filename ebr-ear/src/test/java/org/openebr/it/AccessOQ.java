package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openebr.it.Oq.Part;

/**
 * Operational qualification, access: who may do what on the customer's installation, with the accounts
 * the customer gave. Run by {@link OqRunner} ({@code bin/ebr oq}), never by Failsafe on its own.
 */
@TestMethodOrder(MethodOrderer.DisplayName.class)
@Tag("oq")
class AccessOQ {

    private final Oq oq = Oq.current();

    @Test
    @DisplayName("OQ-01 every account signs in and holds the role of its part")
    @Tag("P11-10g-1")
    void every_account_signs_in_and_holds_its_role() {
        for (Part part : Part.values()) {
            HttpResponse<String> me = oq.api(part).get("api/v1/me");
            assertThat(me.statusCode()).as(part.key + " " + oq.user(part) + " signs in: " + me.body()).isEqualTo(200);
            JsonObject shown = Api.object(me);
            assertThat(shown.getString("userName")).isEqualTo(oq.user(part));
            assertThat(shown.getJsonArray("roles").getValuesAs(JsonString::getString))
                    .as(part.key + " " + oq.user(part) + " holds " + part.role).contains(part.role);
            assertThat(shown.getBoolean("passwordChangeRequired"))
                    .as(oq.user(part) + " must change the one-time password first: sign in once on the screen").isFalse();
        }
    }

    @Test
    @DisplayName("OQ-02 nothing is served without signing in, and a wrong password is refused")
    @Tag("P11-10d-1")
    @Tag("negative")
    void nothing_without_signing_in() {
        for (String path : new String[] {"api/v1/batches", "api/v1/recipes", "api/v1/audit", "api/v1/me"}) {
            HttpResponse<String> anonymous = oq.http.get(path);
            assertThat(anonymous.statusCode()).as(path + ": " + anonymous.body()).isEqualTo(401);
            assertThat(oq.problem(anonymous).getInt("status")).isEqualTo(401);
        }
        // one wrong password (it counts toward the account's lockout like any other)
        HttpResponse<String> wrong = new Api(oq.http, oq.user(Part.INSPECTOR), "not the password " + oq.run).get("api/v1/me");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
        assertThat(oq.problem(wrong).getInt("status")).isEqualTo(401);
        // and the right one still works (a sign-in with the password, which clears the failure count again)
        assertThat(new Api(oq.http, oq.user(Part.INSPECTOR), oq.accounts.get(Part.INSPECTOR).password()).get("api/v1/me")
                .statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("OQ-03 each role is refused what it may not do, and nothing is recorded")
    @Tag("P11-10g-1")
    @Tag("negative")
    void each_role_is_refused_what_it_may_not_do() {
        String recipeId = oq.run + "-REFUSED";
        // an operator does not write recipes, an inspector changes nothing, an author does not release batches
        HttpResponse<String> byOperator = oq.api(Part.OPERATOR).post("api/v1/recipes/import", Oq.recipe(recipeId));
        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(403);
        assertThat(oq.problem(byOperator).getInt("status")).isEqualTo(403);
        HttpResponse<String> byInspector = oq.api(Part.INSPECTOR).post("api/v1/recipes/import", Oq.recipe(recipeId));
        assertThat(byInspector.statusCode()).as(byInspector.body()).isEqualTo(403);
        HttpResponse<String> batchByInspector = oq.api(Part.INSPECTOR).post("api/v1/batches", "{\"recipeId\":"
                + Api.q(recipeId) + ",\"plannedQuantity\":10,\"unit\":\"L\",\"reason\":\"refused\"}");
        assertThat(batchByInspector.statusCode()).as(batchByInspector.body()).isEqualTo(403);
        HttpResponse<String> reviewByOperator = oq.api(Part.OPERATOR).get("api/v1/audit/verification");
        assertThat(reviewByOperator.statusCode()).as(reviewByOperator.body()).isEqualTo(403);
        // nothing was recorded: the recipe does not exist, and the audit trail has no entry of it
        assertThat(oq.api(Part.AUTHOR).get("api/v1/recipes/" + recipeId).statusCode()).isEqualTo(404);
        JsonObject trail = oq.api(Part.INSPECTOR).getJson("api/v1/audit?text=" + recipeId);
        assertThat(trail.getJsonArray("entries")).as(trail.toString()).isEmpty();
    }
}
