package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Labels, scanning and genealogy on the real server through the API: what a scanner types resolved
 * or refused with what was scanned, a container's label PDF whose DataMatrix decodes to what was
 * received, and forward and backward traces of a seeded chain of lots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LabelsIT {

    private static final char GS = 29;
    /** A GTIN of the GS1 test prefix 4012345 that no demo material has. */
    private static final String FOREIGN_GTIN = "04012345099997";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Api warehouse;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        warehouse = Api.demo(http, "warehouse1");
    }

    @Test
    void a_scan_that_names_nothing_is_a_404_saying_what_was_scanned_and_why() {
        assertRefused("]d2" + "0104012345000017" + "10L-1", "gs1-check-digit",
                "GTIN 04012345000017 has a wrong check digit: 7 where 6 belongs");
        assertRefused("0104012345000016" + "17270230" + "10L-1", "gs1-impossible-date",
                "(17) expiry date 270230 is no date: 2027-02 has no day 30");
        assertRefused("(01)04012345000016(17)271301", "gs1-impossible-date", "there is no month 13");
        assertRefused("]d2" + "0104012345000016" + "11261203", "gs1-unknown-ai",
                "an application identifier OpenEBR does not read: '1126...'");
        assertRefused("]d2" + "01040123450000", "gs1-truncated", "(01) GTIN needs 14 digits and has 12");
        assertRefused("]d2" + "01" + FOREIGN_GTIN + "10L-1" + GS + "21C-1", "scan-no-match",
                "a GS1 code of GTIN " + FOREIGN_GTIN + ", lot L-1, serial C-1: no container of it");
        assertRefused("NO-SUCH-THING-4711", "scan-unknown-code", "not a code OpenEBR knows: 'NO-SUCH-THING-4711'");
        assertRefused("\r\n", "scan-unknown-code", "the scan is empty");
    }

    @Test
    void a_scan_without_a_code_is_a_bad_request_and_an_administrator_does_not_scan() {
        assertThat(warehouse.post("api/v1/scan", "{}").statusCode()).isEqualTo(400);
        assertThat(Api.demo(http, "admin1").post("api/v1/scan", "{\"code\": \"X\"}").statusCode()).isEqualTo(403);
    }

    private void assertRefused(String code, String type, String detail) {
        HttpResponse<String> answer = warehouse.post("api/v1/scan", "{\"code\": " + q(code) + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonObject problem = Api.object(answer);
        assertThat(problem.getString("type")).as(answer.body()).endsWith("/" + type);
        assertThat(problem.getString("detail")).contains(detail);
    }
}
