package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * System settings under change control on the real server (Annex 11 section 10, 21 CFR 11.10(k)(2)): a lower
 * lockout threshold proposed and signed by an administrator is pending - sign-ins still lock at the old threshold -
 * until a second person from QA approves it with an electronic signature; then the new threshold locks accounts.
 * The administrator cannot approve their own change; a rejected change never takes effect; bad proposals are
 * refused, naming what is wrong. The test puts the threshold back the same way (an approved change).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SystemSettingsIT {

    private static final String RECORD_TYPE = "SYSTEM_SETTING_CHANGE";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    People people;
    String administrator;
    String qa;

    @BeforeEach
    void people() {
        http = new Http(contextRoot);
        people = new People(http);
        administrator = people.signer("Ada Admin", "ADMIN");
        qa = people.signer("Quentin Quality", "QA_RELEASER");
    }

    @Test
    @Tag("A11-10-1")
    void a_lower_lockout_threshold_is_pending_until_a_second_person_from_qa_approves_it_with_a_signature() {
        Api admin = people.api(administrator);
        int before = setting(admin, "lockoutThreshold").getInt("value");
        int lower = before - 2;
        HttpResponse<String> proposed = admin.post("api/v1/settings/changes", "{\"setting\":\"lockoutThreshold\",\"value\":"
                + lower + ",\"reason\":\"CAPA-2026-117: brute-force finding of the penetration test\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        JsonObject change = Api.object(proposed);
        String id = change.getString("changeId");
        assertThat(id).matches("SC-\\d{4,}");
        assertThat(change.getString("state")).isEqualTo("PROPOSED");
        assertThat(change.getString("previousValue")).isEqualTo(Integer.toString(before));
        assertThat(setting(admin, "lockoutThreshold").getString("openChange")).isEqualTo(id);

        try {
            HttpResponse<String> submitted = people.sign(administrator, RECORD_TYPE, id, "PERFORMED");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            assertThat(change(admin, id).getString("state")).isEqualTo("AWAITING_APPROVAL");
            assertThat(setting(admin, "lockoutThreshold").getInt("value")).as("pending").isEqualTo(before);

            // pending: as many failures as the new threshold do not lock an account
            String pending = people.person("Pat Pending");
            failSignIns(pending, lower);
            assertThat(people.basic(pending).get("api/v1/me").statusCode()).as("not locked while pending").isEqualTo(200);

            // four eyes: the administrator cannot approve their own change, nor with another role
            HttpResponse<String> own = people.sign(administrator, RECORD_TYPE, id, "APPROVED");
            assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
            assertThat(change(admin, id).getString("state")).isEqualTo("AWAITING_APPROVAL");

            HttpResponse<String> approved = people.sign(qa, RECORD_TYPE, id, "APPROVED");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
            JsonObject effective = change(admin, id);
            assertThat(effective.getString("state")).isEqualTo("EFFECTIVE");
            assertThat(effective.getString("submittedBy")).isEqualTo(administrator);
            assertThat(effective.getString("decidedBy")).isEqualTo(qa);
            JsonObject now = setting(admin, "lockoutThreshold");
            assertThat(now.getInt("value")).isEqualTo(lower);
            assertThat(now.getString("source")).isEqualTo("change " + id + ", approved by " + qa);
            assertThat(now.containsKey("openChange") && !now.isNull("openChange")).isFalse();

            // approved: the new threshold locks an account
            String locked = people.person("Lou Locked");
            failSignIns(locked, lower);
            HttpResponse<String> right = people.basic(locked).get("api/v1/me");
            assertThat(right.statusCode()).as("locked at the new threshold").isEqualTo(401);
            assertThat(Api.object(right).getString("detail")).contains("locked");

            // both signatures are on the change, for QA and inspectors
            HttpResponse<String> signatures = Api.demo(http, "inspector1").get("api/v1/signatures?recordType=" + RECORD_TYPE
                    + "&recordId=" + id);
            assertThat(signatures.statusCode()).as(signatures.body()).isEqualTo(200);
            assertThat(signatures.body()).contains("\"PERFORMED\"").contains("\"APPROVED\"");
        } finally {
            putBack(admin, "lockoutThreshold", before);
        }
        assertThat(setting(admin, "lockoutThreshold").getInt("value")).isEqualTo(before);
    }

    @Test
    @Tag("A11-10-1")
    @Tag("negative")
    void bad_proposals_are_refused_one_open_change_per_setting_and_a_rejected_change_never_takes_effect() {
        Api admin = people.api(administrator);
        int dormant = setting(admin, "dormantDays").getInt("value");

        assertRefused(admin.post("api/v1/settings/changes", "{\"setting\":\"lockoutThresholds\",\"value\":3,\"reason\":\"r\"}"),
                422, "There is no setting 'lockoutThresholds' under change control; the settings are [passwordMinLength,");
        assertRefused(admin.post("api/v1/settings/changes", "{\"setting\":\"lockoutThreshold\",\"value\":0,\"reason\":\"r\"}"),
                422, "lockoutThreshold must be from 1 to 20 (attempts); 0 is outside.");
        assertRefused(admin.post("api/v1/settings/changes", "{\"setting\":\"lockoutThreshold\",\"value\":21,\"reason\":\"r\"}"),
                422, "21 is outside");
        assertRefused(admin.post("api/v1/settings/changes", "{\"setting\":\"dormantDays\",\"value\":" + dormant
                + ",\"reason\":\"r\"}"), 422, "dormantDays is " + dormant + " already: nothing to change.");
        assertThat(admin.post("api/v1/settings/changes", "{\"setting\":\"lockoutThreshold\",\"value\":\"three\",\"reason\":\"r\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> noReason = admin.post("api/v1/settings/changes", "{\"setting\":\"lockoutThreshold\",\"value\":4}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(Api.demo(http, "operator1").post("api/v1/settings/changes",
                "{\"setting\":\"dormantDays\",\"value\":30,\"reason\":\"r\"}").statusCode()).isEqualTo(403);
        assertThat(Api.demo(http, "operator1").get("api/v1/settings").statusCode()).isEqualTo(403);
        assertThat(Api.demo(http, "inspector1").get("api/v1/settings").statusCode()).isEqualTo(200);
        assertThat(admin.get("api/v1/settings/changes/SC-999999").statusCode()).isEqualTo(404);

        // one open change of a setting at a time
        HttpResponse<String> first = admin.post("api/v1/settings/changes", "{\"setting\":\"dormantDays\",\"value\":"
                + (dormant + 30) + ",\"reason\":\"align with the access review every quarter\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String id = Api.object(first).getString("changeId");
        assertRefused(admin.post("api/v1/settings/changes", "{\"setting\":\"dormantDays\",\"value\":" + (dormant + 60)
                + ",\"reason\":\"r\"}"), 409, "Change " + id + " of dormantDays (to " + (dormant + 30) + ") is still open");

        // only its administrator submits it; QA cannot approve what was not submitted
        String other = people.signer("Otto Other", "ADMIN");
        HttpResponse<String> notTheirs = people.sign(other, RECORD_TYPE, id, "PERFORMED");
        assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(403);
        assertThat(Api.object(notTheirs).getString("detail")).contains("signed by the administrator who proposed it, "
                + administrator);
        HttpResponse<String> early = people.sign(qa, RECORD_TYPE, id, "APPROVED");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(403);
        assertThat(Api.object(early).getString("detail")).contains("is PROPOSED: only a change its administrator signed");

        // rejected: never in effect, and the setting is open for a new change
        assertThat(people.sign(administrator, RECORD_TYPE, id, "PERFORMED").statusCode()).isEqualTo(201);
        HttpResponse<String> rejected = people.sign(qa, RECORD_TYPE, id, "REJECTED");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(201);
        assertThat(change(admin, id).getString("state")).isEqualTo("REJECTED");
        assertThat(setting(admin, "dormantDays").getInt("value")).isEqualTo(dormant);
        HttpResponse<String> afterwards = people.sign(qa, RECORD_TYPE, id, "APPROVED");
        assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(403);
        assertThat(setting(admin, "dormantDays").getInt("value")).isEqualTo(dormant);
        assertThat(admin.get("api/v1/settings/changes").body()).contains("\"changeId\":\"" + id + "\"");
    }

    @Test
    @Tag("A11-10-1")
    @Tag("negative")
    void on_the_screen_an_administrator_proposes_and_signs_a_change_and_qa_rejects_it_with_a_signature() {
        Api admin = people.api(administrator);
        int history = setting(admin, "passwordHistory").getInt("value");
        Browser browser = Browser.shared(getClass(), contextRoot);
        try {
            browser.signIn(administrator, People.PASSWORD);
            browser.open("app/settings.xhtml");
            assertThat(browser.valueOf("settings-table")).contains("Failed sign-ins before the account locks")
                    .contains("Minimum password length").contains("EBR_PASSWORD_MIN_LENGTH");
            // incomplete: refused where the button is, nothing proposed
            browser.choose("setting", "Earlier passwords that cannot be used again (now " + history + ")");
            browser.type("value", Integer.toString(history + 1));
            browser.clickAndWaitFor("propose-bar:propose", "needs the setting, its new value and the reason");
            assertThat(browser.inView("propose-bar")).isTrue();

            browser.choose("setting", "Earlier passwords that cannot be used again (now " + history + ")");
            browser.type("value", Integer.toString(history + 1));
            browser.type("reason", "Corporate password standard CPS-4, section 3.2");
            browser.clickAndWaitFor("propose-bar:propose", "is proposed. Sign it at the top of the page");
            String id = browser.textOf("selected-change").replaceAll("(?s).*Change (SC-\\d+).*", "$1");
            assertThat(id).matches("SC-\\d+");
            browser.clickAndWaitFor("submit-signature:open", "Meaning of your signature");
            assertThat(browser.text()).contains("PERFORMED").contains("Earlier passwords that cannot be used again from "
                    + history + " to " + (history + 1));
            browser.type("submit-signature:user-id", administrator);
            browser.type("submit-signature:password", People.PASSWORD);
            browser.clickAndWaitFor("submit-signature:sign", "Signed: PERFORMED by Ada Admin");
            browser.clickAndWaitFor("submit-signature:close", "Awaiting QA approval");
            browser.waitForHidden("submit-signature:dialog");
            for (int[] size : new int[][] {{1024, 768}, {1280, 800}}) {
                browser.windowSize(size[0], size[1]).screenshot(Path.of("target", "screenshots",
                        "system-settings-awaiting-approval-" + size[0] + ".png"));
                assertThat(browser.horizontalOverflow()).as("no sideways scrolling at " + size[0]).isLessThanOrEqualTo(0);
            }
            assertThat(setting(admin, "passwordHistory").getInt("value")).as("pending").isEqualTo(history);

            browser.signOut();
            browser.signIn(qa, People.PASSWORD);
            browser.open("app/settings.xhtml?change=" + id);
            assertThat(browser.valueOf("selected-state")).contains("Awaiting QA approval");
            assertThat(browser.present("submit-signature:open")).isFalse();
            browser.clickAndWaitFor("reject-signature:open", "Meaning of your signature");
            browser.type("reject-signature:user-id", qa);
            browser.type("reject-signature:password", People.PASSWORD);
            browser.clickAndWaitFor("reject-signature:sign", "Signed: REJECTED by Quentin Quality");
            browser.clickAndWaitFor("reject-signature:close", "meaning REJECTED");
            browser.waitForHidden("reject-signature:dialog");
            assertThat(browser.valueOf("selected-state")).contains("Rejected");
            browser.windowSize(1024, 768).screenshot(Path.of("target", "screenshots", "system-settings-rejected-1024.png"));
            assertThat(setting(admin, "passwordHistory").getInt("value")).isEqualTo(history);
        } finally {
            browser.nextTest(getClass());
            Browser.closeShared(getClass());
        }
    }

    /** Wrong passwords over the API, each refused. */
    private void failSignIns(String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(new Api(http, user, "not the password " + i).get("api/v1/me").statusCode()).isEqualTo(401);
        }
    }

    /** The setting back at its value, through an approved change as any change (only when it differs). */
    private void putBack(Api admin, String setting, int value) {
        if (setting(admin, setting).getInt("value") == value) {
            return;
        }
        JsonObject open = setting(admin, setting);
        if (open.containsKey("openChange") && !open.isNull("openChange")) {
            people.sign(qa, RECORD_TYPE, open.getString("openChange"), "REJECTED");
        }
        HttpResponse<String> back = admin.post("api/v1/settings/changes", "{\"setting\":" + q(setting) + ",\"value\":"
                + value + ",\"reason\":\"back to the value before the test\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
        String id = Api.object(back).getString("changeId");
        assertThat(people.sign(administrator, RECORD_TYPE, id, "PERFORMED").statusCode()).isEqualTo(201);
        assertThat(people.sign(qa, RECORD_TYPE, id, "APPROVED").statusCode()).isEqualTo(201);
    }

    private static JsonObject setting(Api api, String setting) {
        HttpResponse<String> all = api.get("api/v1/settings");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        return Api.array(all).getValuesAs(JsonObject.class).stream().filter(s -> s.getString("setting").equals(setting))
                .findFirst().orElseThrow();
    }

    private static JsonObject change(Api api, String id) {
        HttpResponse<String> change = api.get("api/v1/settings/changes/" + id);
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        return Api.object(change);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Api.object(response).getString("detail")).contains(detail);
    }
}
