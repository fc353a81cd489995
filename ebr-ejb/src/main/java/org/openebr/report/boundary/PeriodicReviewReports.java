package org.openebr.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openebr.periodic.boundary.PeriodicReviews;
import org.openebr.platform.control.SiteSettings;
import org.openebr.report.control.PdfA;
import org.openebr.report.control.PeriodicReviewDocument;
import org.openebr.trust.control.Keys;

/**
 * The periodic review pack (Annex 11 section 11) of a period as one signed PDF/A-3 document: the pack's
 * sections with their totals and lines, a place for the reviewer's conclusion, the pack's data attached
 * as JSON, signed by the installation's document signer with a time-stamp (verifiable as the batch
 * report is). Refuses a period as the pack does.
 */
@Stateless
@RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR"})
public class PeriodicReviewReports {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @Inject
    PeriodicReviews reviews;

    @Inject
    Keys keys;

    @Inject
    SiteSettings site;

    @Inject
    Clock clock;

    public BatchReports.Document report(Instant from, Instant to) {
        PeriodicReviews.Pack pack = reviews.pack(from, to);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String name = "periodic-review-" + day(from) + "-to-" + day(to);
        byte[] json = JSON.toJson(pack).getBytes(StandardCharsets.UTF_8);
        byte[] pdf = PdfA.document(PeriodicReviewDocument.xhtml(pack, site.zone(), keys.installationName()),
                List.of(new PdfA.Attachment(name + ".json", "application/json",
                        "The periodic review pack's data (the same numbers as the document)", "Source", json)), now,
                BatchReports.documentSigning(keys, clock, "Periodic review pack " + from + " to " + to
                        + ", generated from the records", now));
        return new BatchReports.Document(name + ".pdf", "application/pdf", pdf, BatchReports.sha256(pdf));
    }

    private String day(Instant at) {
        return at.atZone(site.zone()).toLocalDate().toString();
    }
}
