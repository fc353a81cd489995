package org.openebr.report.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openebr.batch.boundary.BatchDetail;
import org.openebr.batch.boundary.BatchRecord;
import org.openebr.batch.boundary.DeviationFacts;
import org.openebr.batch.boundary.EntryFacts;
import org.openebr.batch.boundary.Limits;
import org.openebr.review.boundary.AddendumFacts;
import org.openebr.review.boundary.BatchReview;
import org.openebr.signature.boundary.Signatures;

/**
 * The batch record and the exception report as XHTML for {@link PdfA}: every value as the record
 * holds it (the same digits as the JSON and the screens: the recorded value with its unit, the typed
 * reading beside it when the recipe's rounding changed it), limits in the words of {@link Limits},
 * times in the site's zone with their offset, and each signature's manifestation (printed name,
 * meaning, date, time and zone; 21 CFR 11.50). Page x of y on every page.
 */
public final class ReportDocument {

    /** What a report is made from. */
    public record Source(BatchRecord record, BatchReview review, List<AddendumFacts> addenda, Instant generatedAt,
                         ZoneId zone, String installation,
                         List<org.openebr.batch.boundary.OperationEvents.OperationFacts> operations,
                         List<org.openebr.mde.boundary.Alarms.AlarmFacts> alarms) {

        public Source(BatchRecord record, BatchReview review, List<AddendumFacts> addenda, Instant generatedAt,
                      ZoneId zone, String installation) {
            this(record, review, addenda, generatedAt, zone, installation, List.of(), List.of());
        }
    }

    private ReportDocument() {
    }

    /** The complete batch record. */
    public static String batchReport(Source s) {
        BatchDetail b = s.record().batch();
        StringBuilder h = start(s, "Batch production record " + b.batchId());
        h.append("<h1>Batch production record</h1>");
        header(h, s);
        decision(h, s);
        h.append("<h2>Steps</h2>");
        steps(h, s);
        corrections(h, s);
        deviations(h, s, b.deviations());
        materials(h, s);
        equipment(h, s);
        calculations(h, s);
        operations(h, s);
        alarms(h, s);
        h.append("<h2>Exceptions and their disposition</h2>");
        exceptions(h, s, false);
        addenda(h, s);
        signatureManifest(h, s);
        h.append("<p class='note'>This document is generated from the electronic batch record, which it carries as"
                + " the attachments record.json and record.xml (BatchML, B2MML V0701; PDF/A-3). It is signed by the installation ").append(esc(s.installation()))
                .append(": a changed copy no longer verifies.</p>");
        return end(h);
    }

    /** Only the exceptions with their evidence and disposition, and what was checked for every other step. */
    public static String exceptionReport(Source s) {
        BatchDetail b = s.record().batch();
        StringBuilder h = start(s, "Exception report " + b.batchId());
        h.append("<h1>Review by exception</h1>");
        header(h, s);
        decision(h, s);
        h.append("<h2>Exceptions (").append(s.review().exceptions().size()).append(")</h2>");
        exceptions(h, s, true);
        h.append("<h2>Checked by the system, without exception (").append(s.review().checked().size())
                .append(" of ").append(s.review().steps()).append(" steps)</h2>");
        h.append("<table><thead><tr><th style='width:22%'>Step</th><th>What was checked</th></tr></thead><tbody>");
        for (BatchReview.CheckedStep c : s.review().checked()) {
            h.append("<tr><td>").append(esc(c.stepName())).append("<br/><span class='id'>").append(esc(c.stepId()))
                    .append("</span></td><td>").append(esc(c.statement())).append("</td></tr>");
        }
        h.append("</tbody></table>");
        if (!s.addenda().isEmpty()) {
            addenda(h, s);
        }
        h.append("<p class='note'>The exceptions are found by the server in the electronic record, not typed. The full"
                + " record is the batch report of the same batch.</p>");
        return end(h);
    }

    private static StringBuilder start(Source s, String title) {
        BatchDetail b = s.record().batch();
        String running = b.batchId() + " \u00b7 " + b.product();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang='en'><head><meta charset='UTF-8'/><title>").append(esc(title)).append("</title>")
                .append("<meta name='subject' content='").append(esc(b.product())).append("'/>")
                .append("<meta name='author' content='").append(esc(s.installation())).append("'/>")
                .append("<style>@page { size: A4 landscape; margin: 16mm 12mm 16mm 12mm;")
                .append(" @top-left { content: \"").append(css(running)).append("\"; font-family: 'Liberation Sans'; font-size: 8pt; color: #444; }")
                .append(" @top-right { content: \"").append(css(title)).append("\"; font-family: 'Liberation Sans'; font-size: 8pt; color: #444; }")
                .append(" @bottom-left { content: \"Generated ").append(css(time(s.generatedAt(), s.zone())))
                .append(" from the electronic record, OpenEBR\"; font-family: 'Liberation Sans'; font-size: 8pt; color: #444; }")
                .append(" @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font-family: 'Liberation Sans'; font-size: 8pt; }")
                .append(" }")
                .append(" body { font-family: 'Liberation Sans'; font-size: 8.5pt; color: #111; }")
                .append(" h1 { font-size: 16pt; margin: 0 0 4pt 0; color: #0d3b66; }")
                .append(" h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; color: #0d3b66; border-bottom: 1px solid #0d3b66; }")
                .append(" h3 { font-size: 9.5pt; margin: 8pt 0 2pt 0; color: #333; }")
                .append(" h2, h3 { page-break-after: avoid; }")
                .append(" table { width: 100%; border-collapse: collapse; margin-bottom: 4pt; }")
                .append(" th { text-align: left; background: #e8eef4; border: 0.5pt solid #9aa8b5; padding: 2pt 3pt; font-size: 8pt; }")
                .append(" td { border: 0.5pt solid #c5ced6; padding: 2pt 3pt; vertical-align: top; }")
                .append(" tr { page-break-inside: avoid; }")
                .append(" .id { color: #555; font-size: 7.5pt; }")
                .append(" .bad { color: #b71c1c; } .warn { color: #8a5a00; } .ok { color: #1b5e20; }")
                .append(" .note { color: #444; font-size: 8pt; margin-top: 8pt; }")
                .append(" .kv td:first-child { width: 22%; background: #f5f7f9; }")
                .append(" .block { border: 0.5pt solid #9aa8b5; padding: 4pt; margin-bottom: 5pt; page-break-inside: avoid; }")
                .append("</style></head><body>");
        return h;
    }

    private static String end(StringBuilder h) {
        return h.append("</body></html>").toString();
    }

    private static void header(StringBuilder h, Source s) {
        BatchDetail b = s.record().batch();
        h.append("<table class='kv'><tbody>");
        row(h, "Product", b.product());
        row(h, "Batch", b.batchId() + " (status " + b.status() + ")");
        row(h, "Master recipe", b.recipeId() + " version " + b.recipeVersion());
        row(h, "Recipe content hash (SHA-256)", b.contentHash());
        row(h, "Planned quantity", quantity(b.plannedQuantity()) + " " + b.unit() + " (scale factor "
                + quantity(b.scaleFactor()) + ")");
        row(h, "Actual quantity", actual(b));
        row(h, "Line", b.line());
        row(h, "Created", b.createdBy() + ", " + time(b.createdAt(), s.zone()) + " (" + b.reason() + ")");
        StringBuilder history = new StringBuilder();
        for (BatchDetail.StatusEvent e : b.events()) {
            history.append(e.to()).append(" ").append(time(e.at(), s.zone())).append(" by ").append(e.by())
                    .append(" (").append(e.reason()).append("); ");
        }
        row(h, "Status history", history.toString());
        row(h, "Times", "in the site's zone " + s.zone().getId() + ", with their UTC offset, as the signatures show them");
        h.append("</tbody></table>");
    }

    private static void decision(StringBuilder h, Source s) {
        List<Signatures.Manifestation> decisions = s.record().signatures().stream()
                .filter(x -> x.recordType().equals("BATCH")).toList();
        h.append("<h2>QA review and decision</h2>");
        if (decisions.isEmpty()) {
            h.append("<p>Not reviewed yet: no REVIEWED, RELEASED or REJECTED signature.</p>");
            return;
        }
        h.append("<table><thead><tr><th>Meaning</th><th>Signed by (printed name)</th><th>Role</th><th>Date, time and zone</th>"
                + "<th>Verifies</th></tr></thead><tbody>");
        for (Signatures.Manifestation m : decisions) {
            signatureRow(h, m, false);
        }
        h.append("</tbody></table>");
    }

    private static void steps(StringBuilder h, Source s) {
        Map<String, List<EntryFacts>> entries = new LinkedHashMap<>();
        s.record().entries().forEach(e -> entries.computeIfAbsent(e.stepId(), k -> new ArrayList<>()).add(e));
        String operation = null;
        for (BatchDetail.StepDetail st : s.record().batch().steps()) {
            String where = st.unitProcedure() + " / " + st.operation();
            if (!where.equals(operation)) {
                if (operation != null) {
                    h.append("</tbody></table>");
                }
                operation = where;
                h.append("<h3>").append(esc(where)).append("</h3><table><thead><tr><th style='width:17%'>Step</th>"
                        + "<th style='width:17%'>Value</th><th style='width:13%'>Limits</th><th style='width:8%'>Judgement</th>"
                        + "<th style='width:18%'>Recorded</th><th>Signatures</th></tr></thead><tbody>");
            }
            List<EntryFacts> made = entries.getOrDefault(st.stepId(), List.of());
            h.append("<tr><td>").append(esc(st.name())).append("<br/><span class='id'>").append(esc(st.stepId()))
                    .append(" \u00b7 ").append(esc(st.type())).append(st.flagged() ? " \u00b7 flagged for review" : "")
                    .append("</span></td><td>");
            for (EntryFacts e : made) {
                h.append("<div>").append(e.kind().equals("ENTRY") ? "" : "<b>" + esc(e.kind()) + "</b> ")
                        .append(esc(value(e))).append(e.reason() == null ? "" : "<br/><span class='id'>reason: "
                                + esc(e.reason()) + "</span>").append("</div>");
            }
            if (made.isEmpty()) {
                h.append("<span class='bad'>no entry</span>");
            }
            h.append("</td><td>").append(esc(limits(st))).append("</td><td>");
            for (EntryFacts e : made) {
                h.append("<div class='").append(judgementClass(e.judgement())).append("'>")
                        .append(esc(e.judgement() == null ? "-" : e.judgement())).append("</div>");
            }
            h.append("</td><td>");
            for (EntryFacts e : made) {
                h.append("<div>").append(esc(e.recordedBy())).append(", ").append(esc(time(e.recordedAt(), s.zone())))
                        .append(e.late() ? " <span class='warn'>late (done " + esc(time(e.performedAt(), s.zone()))
                                + ")</span>" : "").append(e.manual() ? " <span class='warn'>typed by hand</span>" : "")
                        .append("</div>");
            }
            h.append("</td><td>");
            String record = s.record().batch().batchId() + ":" + st.stepId();
            for (Signatures.Manifestation m : s.record().signatures()) {
                if (m.recordType().equals("BATCH_STEP") && m.recordId().equals(record)) {
                    h.append("<div>").append(esc(m.meaning())).append(": ").append(esc(m.printedName())).append(", ")
                            .append(esc(m.signedAtSite())).append(m.valid() ? "" : " <span class='bad'>does not verify</span>")
                            .append("</div>");
                }
            }
            h.append("</td></tr>");
        }
        if (operation != null) {
            h.append("</tbody></table>");
        }
    }

    private static void corrections(StringBuilder h, Source s) {
        h.append("<h2>Corrections</h2>");
        List<EntryFacts> all = s.record().entries();
        boolean any = false;
        for (EntryFacts e : all) {
            if (!"CORRECTION".equals(e.kind())) {
                continue;
            }
            if (!any) {
                h.append("<table><thead><tr><th>Step</th><th>Old value</th><th>New value</th><th>Reason</th>"
                        + "<th>Who and when</th></tr></thead><tbody>");
                any = true;
            }
            EntryFacts before = all.stream().filter(o -> o.stepId().equals(e.stepId()) && o.seq() < e.seq())
                    .reduce((a, c) -> c).orElse(null);
            h.append("<tr><td>").append(esc(e.stepId())).append(" (entry ").append(e.seq()).append(")</td><td>")
                    .append(esc(before == null ? "-" : value(before))).append("</td><td>").append(esc(value(e)))
                    .append("</td><td>").append(esc(e.reason())).append("</td><td>").append(esc(e.recordedBy())).append(", ")
                    .append(esc(time(e.recordedAt(), s.zone()))).append("</td></tr>");
        }
        h.append(any ? "</tbody></table>" : "<p>None.</p>");
    }

    private static void deviations(StringBuilder h, Source s, List<DeviationFacts> deviations) {
        h.append("<h2>Deviations</h2>");
        if (deviations.isEmpty()) {
            h.append("<p>None.</p>");
            return;
        }
        for (DeviationFacts d : deviations) {
            h.append("<div class='block'><b>").append(esc(d.deviationId())).append("</b> (").append(esc(d.status()))
                    .append(", ").append(esc(d.origin())).append(d.stepId() == null ? "" : ", step " + esc(d.stepId()))
                    .append(")<br/>").append(esc(d.description())).append("<br/>Raised by ").append(esc(d.raisedBy()))
                    .append(", ").append(esc(time(d.raisedAt(), s.zone()))).append("<br/>Classification: ")
                    .append(d.classification() == null ? "none" : esc(d.classification() + " by " + d.classifiedBy() + ", "
                            + time(d.classifiedAt(), s.zone()) + ": " + d.classificationReason()));
            if (d.closure() != null) {
                h.append("<br/>Closed by ").append(esc(d.closure().closedBy())).append(", ")
                        .append(esc(time(d.closure().closedAt(), s.zone()))).append("<br/>Root cause: ")
                        .append(esc(d.closure().rootCause())).append("<br/>Impact on the batch: ")
                        .append(esc(d.closure().impact())).append("<br/>CAPA: ").append(esc(d.closure().capaReference()));
            }
            h.append("</div>");
        }
    }

    private static void materials(StringBuilder h, Source s) {
        h.append("<h2>Materials and lots consumed</h2><table><thead><tr><th>Step</th><th>Material</th><th>Container</th>"
                + "<th>Lot</th><th>Quantity</th><th>Charged by</th></tr></thead><tbody>");
        for (BatchDetail.StepDetail st : s.record().batch().steps()) {
            if (st.charge() == null) {
                continue;
            }
            for (EntryFacts e : s.record().entries()) {
                if (e.stepId().equals(st.stepId()) && e.containerId() != null) {
                    h.append("<tr><td>").append(esc(st.name())).append("</td><td>").append(esc(st.charge().material()))
                            .append("</td><td>").append(esc(e.containerId())).append("</td><td>").append(esc(e.lotId()))
                            .append("</td><td>").append(esc(value(e))).append("</td><td>").append(esc(e.recordedBy()))
                            .append(", ").append(esc(time(e.recordedAt(), s.zone()))).append("</td></tr>");
                }
            }
        }
        h.append("</tbody></table>");
    }

    private static void equipment(StringBuilder h, Source s) {
        h.append("<h2>Equipment used</h2><table><thead><tr><th>Step</th><th>Equipment</th><th>Checked by</th>"
                + "<th>Details</th></tr></thead><tbody>");
        for (EntryFacts e : s.record().entries()) {
            if (e.equipmentId() != null) {
                h.append("<tr><td>").append(esc(e.stepId())).append("</td><td>").append(esc(e.equipmentId()))
                        .append("</td><td>").append(esc(e.recordedBy())).append(", ").append(esc(time(e.recordedAt(), s.zone())))
                        .append("</td><td>").append(esc(e.details())).append("</td></tr>");
            }
        }
        h.append("</tbody></table>");
    }

    /** Each operation's actual times, its downtime and its scrap and rework, with their cause codes (MES-BDE-1). */
    private static void operations(StringBuilder h, Source s) {
        if (s.operations().isEmpty()) {
            return;
        }
        h.append("<h2>Operations: actual times, downtime, scrap and rework</h2><table><thead><tr><th>Operation</th>"
                + "<th>Actual start, end</th><th>Downtime</th><th>Downtime, scrap and rework (cause)</th></tr></thead><tbody>");
        for (org.openebr.batch.boundary.OperationEvents.OperationFacts o : s.operations()) {
            h.append("<tr><td>").append(esc(o.operation())).append("<br/><span class='id'>").append(esc(o.unitProcedure()))
                    .append("</span></td><td>").append(o.actualStart() == null ? "not started" : esc(time(o.actualStart(),
                            s.zone())) + "<br/>" + esc(time(o.actualEnd(), s.zone()))).append("</td><td>")
                    .append(esc(o.downtimeMinutes().toPlainString())).append(" min</td><td>");
            if (o.events().isEmpty()) {
                h.append("none");
            }
            for (org.openebr.batch.boundary.OperationEvents.OperationEventFacts e : o.events()) {
                h.append("<div>").append(e.seq()).append(". ").append(esc(e.kind())).append(" ").append(esc(e.cause()))
                        .append(": ").append(e.from() == null ? esc(quantity(e.quantity()) + " " + e.unit())
                                : esc(time(e.from(), s.zone()) + " to " + time(e.to(), s.zone()) + ", " + e.minutes()
                                + " min")).append(e.comment() == null ? "" : " (" + esc(e.comment()) + ")")
                        .append("<br/><span class='id'>").append(esc(e.recordedBy())).append(", ")
                        .append(esc(time(e.recordedAt(), s.zone()))).append(e.corrects() == null ? "" : ", replaces event "
                                + e.corrects() + ": " + esc(e.reason())).append("</span></div>");
            }
            for (org.openebr.batch.boundary.OperationEvents.OperationEventFacts e : o.replaced()) {
                h.append("<div class='id'>").append(e.seq()).append(". ").append(esc(e.kind())).append(" ")
                        .append(esc(e.cause())).append(e.withdrawn() ? ": withdraws event " + e.corrects() + ", "
                                + esc(e.reason()) : ", replaced by event " + e.correctedBy()).append("</div>");
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** The equipment's alarms while the batch ran (A11D-8-1): raised, cleared, acknowledged with a comment. */
    private static void alarms(StringBuilder h, Source s) {
        h.append("<h2>Equipment alarms</h2>");
        if (s.alarms().isEmpty()) {
            h.append("<p>No equipment alarm came while the batch was in progress.</p>");
            return;
        }
        h.append("<table><thead><tr><th>Raised (equipment time)</th><th>Equipment, tag</th><th>Alarm</th>"
                + "<th>Step, deviation</th><th>Cleared</th><th>Acknowledged</th></tr></thead><tbody>");
        for (org.openebr.mde.boundary.Alarms.AlarmFacts a : s.alarms()) {
            h.append("<tr><td>").append(esc(time(a.raisedAt(), s.zone()))).append("</td><td>")
                    .append(esc(a.equipmentId())).append("<br/><span class='id'>").append(esc(a.tag()))
                    .append("</span></td><td>").append(esc(a.detail() == null ? "" : a.detail())).append("</td><td>")
                    .append(esc(a.stepId() == null ? "(no step in progress)" : a.stepId()))
                    .append(a.deviationId() == null ? "" : "<br/><span class='id'>" + esc(a.deviationId()) + "</span>")
                    .append("</td><td>").append(a.clearedAt() == null ? (a.active() ? "still active" : "")
                            : esc(time(a.clearedAt(), s.zone()))).append("</td><td>")
                    .append(a.acknowledgedBy() == null ? "<strong>not acknowledged</strong>"
                            : esc(a.acknowledgedBy() + ", " + time(a.acknowledgedAt(), s.zone()))
                            + (a.comment() == null ? "" : "<br/>" + esc(a.comment())))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void calculations(StringBuilder h, Source s) {
        h.append("<h2>Yield and reconciliation</h2><table><thead><tr><th>Calculation</th><th>Formula</th><th>Value</th>"
                + "<th>Limits</th><th>Judgement</th></tr></thead><tbody>");
        for (BatchDetail.StepDetail st : s.record().batch().steps()) {
            if ("CALCULATION".equals(st.type())) {
                h.append("<tr><td>").append(esc(st.name())).append("</td><td>").append(esc(st.formula())).append("</td><td>")
                        .append(esc(st.current() == null ? "-" : value(st.current()))).append("</td><td>")
                        .append(esc(limits(st))).append("</td><td class='")
                        .append(judgementClass(st.current() == null ? null : st.current().judgement())).append("'>")
                        .append(esc(st.current() == null ? "-" : st.current().judgement())).append("</td></tr>");
            }
        }
        h.append("</tbody></table>");
    }

    private static void exceptions(StringBuilder h, Source s, boolean evidence) {
        if (s.review().exceptions().isEmpty()) {
            h.append("<p>None: every step is listed with what was checked.</p>");
            return;
        }
        for (BatchReview.Finding x : s.review().exceptions()) {
            h.append("<div class='block'><b>").append(esc(x.exceptionId())).append("</b> \u00b7 ").append(esc(x.kind()))
                    .append(x.stepName() == null ? "" : " \u00b7 step " + esc(x.stepName())).append("<br/>")
                    .append(esc(x.summary()));
            if (evidence) {
                h.append("<br/><span class='id'>Evidence: ").append(esc(x.evidence())).append("</span>");
                if (x.who() != null) {
                    h.append("<br/><span class='id'>").append(esc(x.who())).append(", ")
                            .append(esc(time(x.when(), s.zone()))).append("</span>");
                }
            }
            h.append("<br/>Disposition: ");
            if (x.decided() == null) {
                h.append(switch (x.kind()) {
                    case "DEVIATION_OPEN" -> "<span class='bad'>open: to be closed with root cause, impact and CAPA</span>";
                    case "DEVIATION_CLOSED" -> "closed (root cause, impact and CAPA in the evidence)";
                    default -> "<span class='bad'>not dispositioned</span>";
                });
            } else {
                h.append("<span class='").append(x.decided().decision().equals("ACCEPTED") ? "ok" : "warn").append("'>")
                        .append(esc(x.decided().decision())).append("</span> by ").append(esc(x.decided().by())).append(", ")
                        .append(esc(time(x.decided().at(), s.zone()))).append(": ").append(esc(x.decided().comment()));
            }
            h.append("</div>");
        }
    }

    private static void addenda(StringBuilder h, Source s) {
        h.append("<h2>Addenda after the decision</h2>");
        if (s.addenda().isEmpty()) {
            h.append("<p>None.</p>");
            return;
        }
        for (AddendumFacts a : s.addenda()) {
            h.append("<div class='block'><b>Addendum ").append(a.addendum()).append(": ").append(esc(a.subject()))
                    .append("</b><br/>").append(esc(a.text())).append("<br/><span class='id'>Added by ")
                    .append(esc(a.recordedBy())).append(", ").append(esc(time(a.recordedAt(), s.zone()))).append("</span>");
            for (Signatures.Manifestation m : a.signatures()) {
                h.append("<br/>").append(esc(m.meaning())).append(": ").append(esc(m.printedName())).append(", ")
                        .append(esc(m.signedAtSite())).append(m.valid() ? "" : " <span class='bad'>does not verify</span>");
            }
            h.append("</div>");
        }
    }

    private static void signatureManifest(StringBuilder h, Source s) {
        h.append("<h2>Signatures (").append(s.record().signatures().size()).append(")</h2><table><thead><tr>"
                + "<th>Meaning</th><th>Signed by (printed name)</th><th>Role</th><th>Date, time and zone</th><th>Verifies</th>"
                + "<th>Record</th></tr></thead><tbody>");
        for (Signatures.Manifestation m : s.record().signatures()) {
            signatureRow(h, m, true);
        }
        h.append("</tbody></table>");
    }

    private static void signatureRow(StringBuilder h, Signatures.Manifestation m, boolean withRecord) {
        h.append("<tr><td>").append(esc(m.meaning())).append("</td><td>").append(esc(m.printedName())).append(" (")
                .append(esc(m.userName())).append(")</td><td>").append(esc(m.role())).append("</td><td>")
                .append(esc(m.signedAtSite())).append("</td><td class='").append(m.valid() ? "ok'>yes" : "bad'>NO: "
                        + esc(String.join(" ", m.problems()))).append("</td>");
        if (withRecord) {
            h.append("<td>").append(esc(m.recordType() + " " + m.recordId())).append("</td>");
        }
        h.append("</tr>");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><td>").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>");
    }

    /**
     * What the batch produced: for each yield (a calculation in %), the step its formula divides (the first
     * step it names), as recorded, with the yield itself.
     */
    static String actual(BatchDetail b) {
        Map<String, BatchDetail.StepDetail> byId = new LinkedHashMap<>();
        b.steps().forEach(st -> byId.put(st.stepId(), st));
        List<String> found = new ArrayList<>();
        for (BatchDetail.StepDetail yield : b.steps()) {
            if (!"CALCULATION".equals(yield.type()) || !"%".equals(yield.unit()) || yield.formula() == null) {
                continue;
            }
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(yield.formula());
            while (names.find()) {
                BatchDetail.StepDetail produced = byId.get(names.group());
                if (produced != null && produced.current() != null) {
                    found.add(value(produced.current()) + " (" + produced.name() + "); " + yield.name() + " "
                            + (yield.current() == null ? "not computed" : value(yield.current())));
                    break;
                }
            }
        }
        return found.isEmpty() ? "see the steps" : String.join("; ", found);
    }

    /** The value as every view shows it ({@link EntryFacts#shown()}). */
    static String value(EntryFacts e) {
        return e.shown();
    }

    static String limits(BatchDetail.StepDetail st) {
        String action = Limits.range(st.lower(), st.upper(), st.unit());
        String alert = Limits.range(st.alertLower(), st.alertUpper(), st.unit());
        return (st.target() == null ? "" : "target " + plain(st.target()) + " " + Objects.toString(st.unit(), "") + "; ")
                + action + (alert.isEmpty() ? "" : "; alert " + alert);
    }

    private static String judgementClass(String judgement) {
        return judgement == null ? "" : switch (judgement) {
            case "OUT_OF_SPEC" -> "bad";
            case "ALERT" -> "warn";
            default -> "ok";
        };
    }

    /** A quantity as a person writes it: 45 rather than 45.000000. */
    private static String quantity(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : org.openebr.platform.control.SiteSettings.recorded(at, zone);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Text inside a CSS string (the running headers). */
    static String css(String text) {
        return esc(text).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
