package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The material screens in a real browser, as the three people who use them: the warehouse worker
 * receives a lot into quarantine, QA releases it in the signature dialog, and an operator weighs
 * from one of its containers for a batch; each screen is looked at and checked for accessibility.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MaterialScreensIT {

    private static final String PASSWORD = "weigh the sodium chloride twice";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Browser browser;

    @BeforeEach
    void open() {
        http = new Http(contextRoot);
        browser = new Browser(contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.close();
    }

    @Test
    void a_lot_is_received_released_with_a_signature_and_dispensed_from() {
        People people = new People(http, PASSWORD);
        String warehouse = people.person("Walter Wareham", "WAREHOUSE");
        String releaser = people.signer("Rosa Releaser", "QA_RELEASER");
        String operator = people.weigher("Oliver Weigher");
        String supplierLot = "NC" + Long.toString(System.nanoTime(), 36).toUpperCase();

        browser.signIn(warehouse, PASSWORD);
        browser.open("app/lots.xhtml");
        browser.choose("receipt-material", "RM-NACL - sodium chloride (g)");
        browser.type("receipt-supplier", "Salinas Excipients S.A.");
        browser.type("receipt-supplier-lot", supplierLot);
        browser.type("receipt-count", "2");
        browser.type("receipt-quantity", "1000");
        browser.type("receipt-reason", "goods receipt GR-4712");
        browser.typeDate("receipt-expiry", LocalDate.now().plusYears(3).toString()); // last: its pop-up closes with the key
        browser.look("materials-receipt-warehouse");
        browser.assertAccessible();
        browser.clickAndWaitForPage("receipt-bar:receive");
        assertThat(browser.path()).startsWith("app/lot.xhtml");
        assertThat(browser.text()).contains("Quarantine").contains(supplierLot);
        String lotId = browser.path().replaceAll(".*id=([^&]+).*", "$1");
        browser.look("materials-lot-quarantine-warehouse");
        browser.assertAccessible();
        browser.signOut();

        browser.signIn(releaser, PASSWORD);
        browser.open("app/lot.xhtml?id=" + lotId);
        browser.clickAndWaitFor("release-signature:open", "Meaning of your signature");
        assertThat(browser.text()).contains("RELEASED").contains("Lot " + lotId + " of sodium chloride");
        browser.look("materials-release-dialog-qa");
        browser.type("release-signature:user-id", releaser);
        browser.type("release-signature:password", PASSWORD);
        browser.clickAndWaitFor("release-signature:sign", "Signed: RELEASED by Rosa Releaser");
        browser.clickAndWaitFor("release-signature:close", "Released");
        browser.waitForHidden("release-signature:dialog");
        assertThat(browser.valueOf("lot-status")).isEqualTo("Released");
        browser.look("materials-lot-released-qa");
        browser.assertAccessible();
        browser.signOut();

        browser.signIn(operator, PASSWORD);
        browser.open("app/lot.xhtml?id=" + lotId);
        browser.clickFirstAndWaitFor("a[id$='open-container']", "Custody history");
        browser.type("dispense-batch", "B-2026-0042");
        browser.type("dispense-step", "weigh sodium chloride");
        browser.type("dispense-target", "405.0");
        browser.type("dispense-tolerance", "1");
        browser.type("dispense-gross", "405.3");
        browser.type("dispense-balance", "BAL-01");
        browser.clickAndWaitFor("dispense-bar:dispense", "Dispensed 405.3 g into container");
        assertThat(browser.text()).contains("DISPENSED_FROM 405.3 g").contains("594.7 g");
        browser.look("materials-container-dispensed-operator");
        browser.assertAccessible();
    }
}
