package org.openebr.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The menu: each entry names the roles that may use it. The menu only hides what a user cannot
 * use; every page and endpoint still checks authority on the server.
 */
@Named("navigation")
@RequestScoped
public class Navigation {

    /** Every role of OpenEBR; technical accounts (ERP) have no UI. */
    public enum Role {
        OPERATOR, SUPERVISOR, RECIPE_AUTHOR, RECIPE_APPROVER, QA_REVIEWER, QA_RELEASER, INSPECTOR, ADMIN
    }

    /**
     * @param label   what the menu shows
     * @param outcome the page, relative to the context root
     * @param icon    PrimeIcons class
     * @param roles   who sees it; empty means every signed-in user
     */
    public record Entry(String label, String outcome, String icon, Set<Role> roles) {
        boolean visibleTo(Predicate<Role> hasRole) {
            return roles.isEmpty() || roles.stream().anyMatch(hasRole);
        }
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("Home", "/app/home.xhtml", "pi pi-home", Set.of()),
            new Entry("System status", "/app/status.xhtml", "pi pi-heart",
                    Set.of(Role.ADMIN, Role.SUPERVISOR, Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR)));

    @Inject
    ExternalContext external;

    public List<Entry> entries() {
        return entriesFor(role -> external.isUserInRole(role.name()));
    }

    static List<Entry> entriesFor(Predicate<Role> hasRole) {
        return ENTRIES.stream().filter(entry -> entry.visibleTo(hasRole)).toList();
    }
}
