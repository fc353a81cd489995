package org.openebr.ui.periodic;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.periodic.boundary.PeriodicReviews;
import org.openebr.platform.control.SiteSettings;
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
