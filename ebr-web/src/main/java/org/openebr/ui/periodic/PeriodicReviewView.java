package org.openebr.ui.periodic;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.periodic.boundary.PeriodicReviews;
import org.openebr.platform.control.SiteSettings;
import org.openebr.report.boundary.BatchReports;
import org.openebr.report.boundary.PeriodicReviewReports;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * The periodic review pack on screen (Annex 11 section 11): a period in days of the site's time zone, by default
 * the last twelve months up to today, and what the pack counts for it.
 */
@Named("periodicReview")
@ViewScoped
public class PeriodicReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeriodicReviews reviews;

    @Inject
    SiteSettings site;

    @Inject
    Commands commands;

    @Inject
    PeriodicReviewReports reports;

    private LocalDate from;
    private LocalDate to;
    private PeriodicReviews.Pack pack;

    @PostConstruct
    void load() {
        to = LocalDate.now(site.zone());
        from = to.minusYears(1).plusDays(1);
        make();
    }

    /** The pack of the days from..to (both included). */
    public void make() {
        pack = null;
        if (from == null || to == null) {
            Messages.error("Give the first and the last day of the period.", null);
            return;
        }
        if (to.isBefore(from)) {
            Messages.error("The last day is before the first day.", null);
            return;
        }
        pack = commands.attempt("make the periodic review pack (periodic review screen)")
                .call(() -> reviews.pack(from.atStartOfDay(site.zone()).toInstant(),
                        to.plusDays(1).atStartOfDay(site.zone()).toInstant()));
    }

    /** The pack of the period shown as a signed PDF/A document, for the reviewer's file. */
    public StreamedContent download() {
        if (pack == null) {
            Messages.error("Make the pack of a period first.", null);
            return null;
        }
        Instant start = pack.from();
        Instant end = pack.to();
        BatchReports.Document file = commands.attempt("download the periodic review pack (periodic review screen)")
                .notAllowed("Your roles do not allow the periodic review pack.")
                .failed("The document could not be made. The server log has the details.")
                .call(() -> reports.report(start, end));
        if (file == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name(file.fileName()).contentType(file.contentType())
                .stream(() -> new java.io.ByteArrayInputStream(file.content())).build();
    }

    /** The account and role events that happened (the kinds with none are left out). */
    public List<SecurityLog.TypeCount> accountEvents() {
        return pack == null ? List.of()
                : pack.changes().accountAndRoleEvents().stream().filter(e -> e.count() > 0).toList();
    }

    public PeriodicReviews.Pack getPack() { return pack; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate v) { from = v; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate v) { to = v; }
}
