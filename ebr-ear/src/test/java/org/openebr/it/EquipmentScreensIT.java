package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The equipment screens in Chromium: the board with every demo unit's status in colour and words,
 * and a unit's page on which one operator records a cleaning and a second one verifies it with the
 * signature dialog, after which the unit is clean and its logbook shows both, in order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EquipmentScreensIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.shared(getClass(), contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.nextTest(getClass());
    }

    /** One Chromium for the class's tests (see {@link Browser#shared}). */
    @AfterAll
    static void quitBrowser() {
        Browser.closeShared(EquipmentScreensIT.class);
    }

    @Test
    void the_board_shows_every_unit_with_its_status_in_words_and_what_limits_its_use() {
        browser.signIn("maintenance1", Api.DEMO_PASSWORD);
        browser.open("app/equipment.xhtml");

        String board = browser.textOf("equipment-table");
        assertThat(board).contains("V-101").contains("V-102").contains("BAL-01").contains("BAL-03").contains("PHM-01")
                .contains("V-201").contains("Clean").contains("Dirty").contains("Overdue").contains("Qualified");
        assertThat(browser.text()).contains("Register a unit");
        browser.viewport(1024, 768);
        assertThat(browser.scrollsSideways()).as("the board scrolls sideways at 1024 px").isFalse();
        browser.normalViewport();
        browser.look("equipment-board-maintenance");
        browser.assertAccessible();

        browser.open("app/equipment-unit.xhtml?id=BAL-03");
        assertThat(browser.text()).contains("overdue: not to be used").contains("Record a calibration").contains("Logbook");
        browser.look("equipment-unit-overdue-balance");
        browser.assertAccessible();
    }

    @Test
    void an_operator_records_a_cleaning_and_a_second_operator_verifies_it_with_a_signature() {
        Http http = new Http(contextRoot);
        People people = new People(http);
        String maintenance = people.person("Mara Maintenance", "MAINTENANCE");
        String performer = people.signer("Pablo Performer", "OPERATOR");
        String verifier = people.signer("Valentina Verifier", "OPERATOR");
        String vessel = vessel(people, maintenance);

        browser.signIn(performer, People.PASSWORD);
        browser.open("app/equipment-unit.xhtml?id=" + vessel);
        assertThat(browser.textOf("unit-status")).isEqualTo("Dirty");
        browser.type("procedure", "SOP-CL-101 CIP");
        browser.clickAndWaitFor("cleaning-bar:record-cleaning", "Cleaning recorded");
        assertThat(browser.text()).contains("Cleaning awaiting verification")
                .contains("A second person who did not perform the cleaning verifies it");
        assertThat(browser.present("verify-signature:open")).isFalse(); // never the performer
        browser.look("equipment-unit-cleaning-recorded");
        browser.signOut();

        browser.signIn(verifier, People.PASSWORD);
        browser.open("app/equipment-unit.xhtml?id=" + vessel);
        browser.clickAndWaitFor("verify-signature:open", "Meaning of your signature");
        assertThat(browser.text()).contains("VERIFIED").contains("SOP-CL-101 CIP").contains(performer);
        if (browser.present("verify-signature:user-id")) {
            browser.type("verify-signature:user-id", verifier);
        }
        browser.type("verify-signature:password", People.PASSWORD);
        // the page says the signature where the verifier looks and shows the unit as it is now (as the recipe page does)
        browser.clickAndWaitFor("verify-signature:sign", "Signed: VERIFIED by Valentina Verifier");
        browser.waitForTextOf("unit-status", "Clean");
        assertThat(browser.textOf("logbook")).contains("Cleaning verified").contains(verifier).contains(performer);
        assertThat(browser.text()).doesNotContain("Cleaning awaiting verification");
        browser.look("equipment-unit-cleaning-verified");
        browser.assertAccessible();
    }

    private static String vessel(People people, String maintenance) {
        String suffix = Long.toString(System.nanoTime(), 36);
        String name = "screen vessel " + suffix;
        HttpResponse<String> defined = people.api(maintenance).post("api/v1/equipment-classes", "{\"name\":" + q(name)
                + ",\"calibrationRequired\":false,\"cleanHold\":\"PT72H\",\"dirtyHold\":\"PT24H\",\"reason\":\"new type\"}");
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        String id = "S-" + suffix.toUpperCase();
        HttpResponse<String> registered = people.api(maintenance).post("api/v1/equipment", "{\"equipmentId\":" + q(id)
                + ",\"equipmentClass\":" + q(name) + ",\"description\":\"Mixing vessel 20 L\",\"location\":\"Room C-1.14\","
                + "\"reason\":\"installed\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return id;
    }
}
