package org.openebr.report.control;

import static org.openebr.report.control.ReportDocument.css;
import static org.openebr.report.control.ReportDocument.esc;
import static org.openebr.report.control.ReportDocument.time;

import java.time.ZoneId;
import java.util.List;
import org.openebr.audit.boundary.AuditTrail;
import org.openebr.audit.boundary.AuditVerification;
import org.openebr.erp.boundary.ErpMessages;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.periodic.boundary.PeriodicReviews;
import org.openebr.signature.boundary.Signatures;

/**
 * The periodic review pack (Annex 11 section 11) as one printable document: the period, then the
 * changes, incidents, integrity checks, access reviews, failed sign-ins and parked interface messages,
 * each with its totals and the lines they are counted from, and a place for the reviewer's
 * conclusion. Laid out by {@link PdfA}; the same numbers as the pack's JSON, which the PDF carries.
 */
public final class PeriodicReviewDocument {

    private PeriodicReviewDocument() {
    }

    public static String xhtml(PeriodicReviews.Pack pack, ZoneId zone, String installation) {
        String period = time(pack.from(), zone) + " to " + time(pack.to(), zone);
        String title = "Periodic review pack";
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!DOCTYPE html><html lang='en'><head><meta charset='UTF-8'/><title>").append(esc(title)).append("</title>")
                .append("<meta name='subject' content='").append(esc("Periodic review " + period)).append("'/>")
                .append("<meta name='author' content='").append(esc(installation)).append("'/>")
                .append("<style>@page { size: A4; margin: 16mm 12mm 16mm 12mm;")
                .append(" @top-left { content: \"").append(css(installation)).append("\"; font-family: 'Liberation Sans'; font-size: 8pt; color: #444; }")
                .append(" @top-right { content: \"").append(css(title)).append("\"; font-family: 'Liberation Sans'; font-size: 8pt; color: #444; }")
                .append(" @bottom-left { content: \"Generated ").append(css(time(pack.generatedAt(), zone)))
                .append(" for ").append(css(pack.generatedBy())).append(" from the records, OpenEBR\"; font-family: 'Liberation Sans'; font-size: 8pt; color: #444; }")
                .append(" @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font-family: 'Liberation Sans'; font-size: 8pt; }")
                .append(" }")
                .append(" * { font-family: 'Liberation Sans'; }")
                .append(" body { font-size: 8.5pt; color: #111; }")
                .append(" h1 { font-size: 16pt; margin: 0 0 4pt 0; color: #0d3b66; }")
                .append(" h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; color: #0d3b66; border-bottom: 1px solid #0d3b66; page-break-after: avoid; }")
                .append(" table { width: 100%; border-collapse: collapse; margin-bottom: 4pt; }")
                .append(" th { text-align: left; background: #e8eef4; border: 0.5pt solid #9aa8b5; padding: 2pt 3pt; font-size: 8pt; }")
                .append(" td { border: 0.5pt solid #c5ced6; padding: 2pt 3pt; vertical-align: top; }")
                .append(" td.n { text-align: right; }")
                .append(" tr { page-break-inside: avoid; }")
                .append(" .kv td:first-child { width: 30%; background: #f5f7f9; }")
                .append(" .bad { color: #b71c1c; } .ok { color: #1b5e20; }")
                .append(" .note { color: #444; font-size: 8pt; margin-top: 6pt; }")
                .append(" .sign td { height: 28pt; }")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<table class='kv'><tbody>");
        row(h, "Installation", installation);
        row(h, "Period", period + " (the end not included)");
        row(h, "Generated", time(pack.generatedAt(), zone) + " for " + pack.generatedBy());
        h.append("</tbody></table>");
        h.append("<p class='note'>Counted from the records when the pack was generated: the audit trail, the security"
                + " log, the access reviews and their signatures, and the ERP outbox. The pack's data is attached to this"
                + " document as JSON; the document is signed by the installation's document signer.</p>");

        PeriodicReviews.Changes changes = pack.changes();
        h.append("<h2>Changes: ").append(changes.total()).append(" audit trail entries</h2>");
        if (changes.byRecordType().isEmpty()) {
            h.append("<p>No record was created, changed or deleted in the period.</p>");
        } else {
            h.append("<table><thead><tr><th>Record type</th><th>Created</th><th>Changed</th><th>Deleted</th></tr></thead><tbody>");
            for (AuditTrail.ChangeCount c : changes.byRecordType()) {
                h.append("<tr><td>").append(esc(c.recordType())).append("</td><td class='n'>").append(c.created())
                        .append("</td><td class='n'>").append(c.changed()).append("</td><td class='n'>").append(c.deleted())
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<p><strong>Account and role events</strong></p>");
        counts(h, changes.accountAndRoleEvents());

        PeriodicReviews.Incidents incidents = pack.incidents();
        h.append("<h2>Incidents: ").append(incidents.alerts()).append(" security alerts, ")
                .append(incidents.unacknowledged()).append(" not acknowledged</h2>");
        if (incidents.securityAlerts().isEmpty()) {
            h.append("<p>No security alert in the period.</p>");
        } else {
            h.append("<table><thead><tr><th>When</th><th>Alert</th><th>Account</th><th>What</th><th>Acknowledged</th></tr></thead><tbody>");
            for (SecurityLog.Event e : incidents.securityAlerts()) {
                h.append("<tr><td>").append(esc(time(e.occurredAt(), zone))).append("</td><td>").append(esc(e.type()))
                        .append("</td><td>").append(esc(e.subject())).append("</td><td>").append(esc(e.detail()))
                        .append("</td><td class='").append(e.acknowledged() ? "ok'>yes" : "bad'>no").append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        PeriodicReviews.Integrity integrity = pack.integrity();
        AuditVerification now = integrity.verifiedNow();
        h.append("<h2>Integrity checks</h2><table class='kv'><tbody>");
        h.append("<tr><td>Audit trail verified now</td><td class='").append(now.intact() ? "ok'>intact" : "bad'>NOT intact")
                .append(": ").append(now.linksChecked()).append(" links, ").append(now.checkpointsChecked())
                .append(" signed checkpoints checked").append(now.intact() ? "" : "; first bad revision "
                        + now.firstBadRevision() + ": " + esc(String.join("; ", now.problems())))
                .append("</td></tr>");
        row(h, "Integrity failures found in the period", String.valueOf(integrity.failures()));
        row(h, "Checkpoints written on request", String.valueOf(integrity.checkpointsOnRequest()));
        row(h, "Checkpoints that could not be written", String.valueOf(integrity.checkpointFailures()));
        h.append("</tbody></table>");

        h.append("<h2>Access reviews: ").append(pack.accessReviews().size()).append(" recorded</h2>");
        if (pack.accessReviews().isEmpty()) {
            h.append("<p class='bad'>No access review was recorded in the period.</p>");
        } else {
            h.append("<table><thead><tr><th>Recorded</th><th>By</th><th>Signatures</th></tr></thead><tbody>");
            for (PeriodicReviews.AccessReviewFacts r : pack.accessReviews()) {
                h.append("<tr><td>").append(esc(time(r.recordedAt(), zone))).append("</td><td>").append(esc(r.recordedBy()))
                        .append("</td><td>");
                if (r.signatures().isEmpty()) {
                    h.append("<span class='bad'>not signed</span>");
                }
                for (Signatures.Manifestation m : r.signatures()) {
                    h.append(esc(m.meaning())).append(" by ").append(esc(m.printedName())).append(" (")
                            .append(esc(m.userName())).append(", ").append(esc(m.role())).append(") ")
                            .append(esc(m.signedAtSite())).append(m.valid() ? " <span class='ok'>valid</span>"
                                    : " <span class='bad'>NOT valid</span>").append("<br/>");
                }
                h.append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        PeriodicReviews.FailedSignIns failed = pack.failedSignIns();
        h.append("<h2>Failed sign-ins: ").append(failed.total()).append(", lockouts: ").append(failed.lockouts()).append("</h2>");
        if (failed.byAccount().isEmpty()) {
            h.append("<p>No failed sign-in in the period.</p>");
        } else {
            h.append("<table><thead><tr><th>Account tried</th><th>Failed sign-ins</th></tr></thead><tbody>");
            for (SecurityLog.SubjectCount c : failed.byAccount()) {
                h.append("<tr><td>").append(esc(c.subject())).append("</td><td class='n'>").append(c.count()).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        PeriodicReviews.Interfaces interfaces = pack.interfaces();
        h.append("<h2>Interfaces: ").append(interfaces.parkedErpMessages()).append(" ERP messages parked now</h2>");
        if (interfaces.parked().isEmpty()) {
            h.append("<p>No ERP message is parked.</p>");
        } else {
            h.append("<table><thead><tr><th>Message</th><th>Batch</th><th>Kind</th><th>Created</th><th>Attempts</th>"
                    + "<th>Last error</th></tr></thead><tbody>");
            for (ErpMessages.MessageFacts m : interfaces.parked()) {
                h.append("<tr><td>").append(m.position()).append("</td><td>").append(esc(m.batchId())).append(" #")
                        .append(m.sequence()).append("</td><td>").append(esc(m.kind())).append("</td><td>")
                        .append(esc(time(m.createdAt(), zone))).append("</td><td class='n'>").append(m.attempts())
                        .append("</td><td>").append(esc(m.lastError())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        h.append("<h2>Conclusion</h2>");
        h.append("<p>Is the system still in its validated state? Actions (change requests, CAPA) with their references:</p>");
        h.append("<table class='sign'><tbody><tr><td style='height: 60pt'></td></tr></tbody></table>");
        h.append("<table class='sign'><thead><tr><th>Reviewed by (name, role)</th><th>Signature</th><th>Date</th></tr></thead>"
                + "<tbody><tr><td></td><td></td><td></td></tr></tbody></table>");
        return h.append("</body></html>").toString();
    }

    private static void counts(StringBuilder h, List<SecurityLog.TypeCount> counts) {
        List<SecurityLog.TypeCount> some = counts.stream().filter(c -> c.count() > 0).toList();
        if (some.isEmpty()) {
            h.append("<p>None in the period.</p>");
            return;
        }
        h.append("<table><thead><tr><th>Event</th><th>Count</th></tr></thead><tbody>");
        for (SecurityLog.TypeCount c : some) {
            h.append("<tr><td>").append(esc(c.type())).append("</td><td class='n'>").append(c.count()).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><td>").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>");
    }
}
