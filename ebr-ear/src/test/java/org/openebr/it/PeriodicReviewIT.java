package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * The periodic review pack (Annex 11 section 11) on the real server: what happened in a period - failed sign-ins,
 * a lockout, new accounts, an access review - is in the pack with the same totals as the records it is counted
 * from (the audit trail, the ERP messages); bad periods and roles are refused with a problem.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PeriodicReviewIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    People people;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        people = new People(http);
    }

    @Test
    @Tag("A11-11-1")
    void the_pack_of_a_period_holds_its_changes_incidents_checks_reviews_failed_sign_ins_and_parked_messages()
            throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String ghost = "ghost-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            new Api(http, ghost, "guess " + i).get("api/v1/me");
        }
        String locked = people.person("Lena Locked", "OPERATOR");
        for (int i = 0; i < 5; i++) {
            new Api(http, locked, "wrong " + i).get("api/v1/me");
        }
        HttpResponse<String> review = Api.demo(http, "admin1").post("api/v1/access-review/records", "");
        assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
        String reviewId = Api.object(review).getString("id");
        Thread.sleep(1_100);
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        // what the reading below does (its sign-ins) comes after the period, so both counts see the same entries
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), to).toMillis()) + 200);
        Api qa = Api.demo(http, "qa1");

        JsonObject pack = qa.getJson("api/v1/periodic-review?from=" + from + "&to=" + to);

        assertThat(pack.getString("from")).isEqualTo(from.toString());
        assertThat(pack.getString("generatedBy")).isEqualTo("qa1");
        // failed sign-ins per account tried, and the lockout they caused
        JsonObject failed = pack.getJsonObject("failedSignIns");
        assertThat(count(failed, "byAccount", "subject", ghost)).isEqualTo(3);
        assertThat(count(failed, "byAccount", "subject", locked)).isEqualTo(5);
        assertThat(failed.getJsonNumber("total").longValue()).isEqualTo(failed.getJsonArray("byAccount")
                .getValuesAs(JsonObject.class).stream().mapToLong(a -> a.getJsonNumber("count").longValue()).sum());
        assertThat(failed.getJsonNumber("lockouts").longValue()).isGreaterThanOrEqualTo(1);
        // the lockout is an incident nobody acknowledged yet
        JsonObject incidents = pack.getJsonObject("incidents");
        assertThat(incidents.getJsonArray("securityAlerts").getValuesAs(JsonObject.class))
                .anyMatch(a -> a.getString("type").equals("ACCOUNT_LOCKED") && locked.equals(a.getString("subject"))
                        && !a.getBoolean("acknowledged"));
        assertThat(incidents.getJsonNumber("alerts").longValue())
                .isEqualTo(incidents.getJsonArray("securityAlerts").size());
        // the changes: as many as the audit trail shows for the period, the new account among them
        JsonObject changes = pack.getJsonObject("changes");
        long inTrail = Api.demo(http, "inspector1").getJson("api/v1/audit?size=1&from=" + from + "&to=" + to)
                .getJsonNumber("total").longValue();
        assertThat(changes.getJsonNumber("total").longValue()).isEqualTo(inTrail).isPositive();
        assertThat(changes.getJsonArray("byRecordType").getValuesAs(JsonObject.class))
                .anyMatch(c -> c.getString("recordType").equals("UserAccount") && c.getInt("created") >= 1);
        assertThat(count(changes, "accountAndRoleEvents", "type", "ACCOUNT_CREATED")).isGreaterThanOrEqualTo(1);
        // the integrity of the audit trail, checked when the pack was made
        JsonObject integrity = pack.getJsonObject("integrity");
        assertThat(integrity.getJsonObject("verifiedNow").getJsonNumber("linksChecked").longValue()).isPositive();
        assertThat(integrity.getJsonObject("verifiedNow").containsKey("intact")).isTrue();
        // the access review recorded in the period
        assertThat(pack.getJsonArray("accessReviews").getValuesAs(JsonObject.class))
                .anyMatch(r -> r.getString("id").equals(reviewId) && r.getString("recordedBy").equals("admin1"));
        // the parked interface messages: as many as the ERP interface itself shows
        long parked = Api.demo(http, "admin1").getJson("api/v1/erp/overview").getJsonNumber("parked").longValue();
        assertThat(pack.getJsonObject("interfaces").getJsonNumber("parkedErpMessages").longValue()).isEqualTo(parked);
        // the same pack as one signed PDF/A document for the reviewer's file: the same numbers, its data attached
        HttpResponse<byte[]> pdf = qa.getBytes("api/v1/periodic-review/report.pdf?from=" + from + "&to=" + to);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(VeraPdf.failures(pdf.body())).isEmpty();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Periodic review pack", "Changes: " + changes.getJsonNumber("total") + " audit trail",
                    "Failed sign-ins: " + failed.getJsonNumber("total"), ghost + " 3", locked + " 5", "ACCOUNT_LOCKED",
                    "Access reviews:", "admin1", "ERP messages parked now", "Reviewed by (name, role)");
            byte[] attached = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().values().iterator()
                    .next().getEmbeddedFile().toByteArray();
            JsonObject carried = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(attached)).readObject();
            assertThat(carried.getJsonObject("failedSignIns")).isEqualTo(failed);
            assertThat(carried.getJsonObject("changes")).isEqualTo(changes);
            // signed by the installation's document signer with a time-stamp, checked by openssl with its CA
            PdfSignature.verifiesWithOpenssl(document, pdf.body(),
                    Api.demo(http, "inspector1").get("api/v1/audit/certificate").body());
        }
        // QA reads the same pack on screen, the last twelve months by default
        try (Browser b = new Browser(contextRoot)) {
            b.signIn("qa1", Api.DEMO_PASSWORD).open("app/periodic-review.xhtml");
            b.waitForText("In short");
            assertThat(b.textOf("summary")).contains("Failed sign-ins", "lockouts", "Audit trail now", "parked now");
            assertThat(b.textOf("access-reviews")).contains("admin1");
            assertThat(b.textOf("alerts")).contains("ACCOUNT_LOCKED");
            b.look("periodic-review");
            b.assertAccessible();
            // and takes it as the signed PDF from there
            java.nio.file.Path file = b.download("download-bar:download-pdf", ".pdf");
            assertThat(file.getFileName().toString()).startsWith("periodic-review-");
            assertThat(java.nio.file.Files.readAllBytes(file)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
            // a last day before the first: said at the button, and no pack shown for it
            b.paste("to_input", "2020-01-01");
            b.clickAndWaitFor("make-bar:make", "The last day is before the first day.");
            assertThat(b.textOf("make-bar")).contains("The last day is before the first day.");
            assertThat(b.text()).doesNotContain("In short");
        }
        // an earlier period holds none of it
        JsonObject before = qa.getJson("api/v1/periodic-review?from=" + from.minusSeconds(3600) + "&to=" + from);
        assertThat(count(before.getJsonObject("failedSignIns"), "byAccount", "subject", ghost)).isZero();
    }

    @Test
    @Tag("A11-11-1")
    @Tag("negative")
    void a_period_that_is_missing_reversed_or_too_long_and_a_role_that_may_not_read_it_are_refused() {
        Api qa = Api.demo(http, "qa2");
        Instant now = Instant.now();
        for (String query : List.of("", "?from=" + now, "?from=" + now + "&to=" + now.minusSeconds(60),
                "?from=" + now.minus(401, ChronoUnit.DAYS) + "&to=" + now, "?from=yesterday&to=" + now)) {
            HttpResponse<String> refused = qa.get("api/v1/periodic-review" + query);
            assertThat(refused.statusCode()).as(query + " " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(Api.object(qa.get("api/v1/periodic-review?from=" + now + "&to=" + now.minusSeconds(60)))
                .getString("detail")).isEqualTo("'from' must be before 'to'.");
        // the PDF of the pack is refused alike: a problem, no document
        HttpResponse<String> noPdf = qa.get("api/v1/periodic-review/report.pdf?from=" + now + "&to=" + now.minusSeconds(60));
        assertThat(noPdf.statusCode()).as(noPdf.body()).isEqualTo(400);
        assertThat(Api.object(noPdf).getString("detail")).isEqualTo("'from' must be before 'to'.");
        assertThat(Api.demo(http, "operator1").get("api/v1/periodic-review/report.pdf?from=" + now.minusSeconds(60)
                + "&to=" + now).statusCode()).isEqualTo(403);
        assertThat(Api.object(qa.get("api/v1/periodic-review?from=" + now.minus(401, ChronoUnit.DAYS) + "&to=" + now))
                .getString("detail")).contains("at most 400 days");
        for (String role : List.of("operator1", "admin1", "supervisor1")) {
            assertThat(Api.demo(http, role).get("api/v1/periodic-review?from=" + now.minusSeconds(60) + "&to=" + now)
                    .statusCode()).as(role).isEqualTo(403);
        }
        assertThat(Api.demo(http, "inspector1").get("api/v1/periodic-review?from=" + now.minusSeconds(60) + "&to="
                + now).statusCode()).isEqualTo(200);
    }

    private static long count(JsonObject in, String array, String key, String value) {
        return in.getJsonArray(array).getValuesAs(JsonObject.class).stream()
                .filter(o -> value.equals(o.getString(key, null)))
                .mapToLong(o -> o.containsKey("count") ? o.getJsonNumber("count").longValue() : 1).sum();
    }
}
