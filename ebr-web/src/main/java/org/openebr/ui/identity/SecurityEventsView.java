package org.openebr.ui.identity;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.platform.control.SiteSettings;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/** The security event log, searchable by user, kind and days (in the site's time zone). */
@Named("securityEvents")
@ViewScoped
public class SecurityEventsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityLog log;

    @Inject
    SiteSettings site;

    @Inject
    Commands commands;

    private String user;
    private String type;
    private LocalDate from;
    private LocalDate to;
    private List<SecurityLog.Event> events;

    @PostConstruct
    void load() {
        search();
    }

    public void search() {
        if (from != null && to != null && to.isBefore(from)) {
            Messages.error("The end day is before the start day.", null);
            return;
        }
        commands.attempt("search the security events (security events screen)")
                .run(() -> events = log.search(new SecurityLog.Filter(blank(user) ? null : user.strip(), blank(type) ? null : type,
                        from == null ? null : from.atStartOfDay(site.zone()).toInstant(),
                        to == null ? null : to.plusDays(1).atStartOfDay(site.zone()).toInstant(), 500)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public List<String> getTypes() { return log.eventTypes(); }
    public List<SecurityLog.Event> getEvents() { return events; }
    public String getUser() { return user; }
    public void setUser(String v) { user = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate v) { from = v; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate v) { to = v; }
}
