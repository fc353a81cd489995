package org.openebr.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.openebr.identity.boundary.Role;

/**
 * The menu: each entry names the roles that may use it. The menu only hides what a user cannot
 * use; every page and endpoint still checks authority on the server.
 */
@Named("navigation")
@RequestScoped
public class Navigation {

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

    private static final Set<Role> OVERSIGHT = Set.of(Role.ADMIN, Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR);

    /** Everyone who may read master recipes (the roles of the Recipes boundary); administrators may not. */
    static final Set<Role> RECIPE_READERS = Set.of(Role.RECIPE_AUTHOR, Role.RECIPE_APPROVER, Role.QA_REVIEWER,
            Role.QA_RELEASER, Role.INSPECTOR, Role.SUPERVISOR, Role.OPERATOR);

    /** Everyone who reads equipment (the roles of the Equipment boundary); administrators may not. */
    static final Set<Role> EQUIPMENT_READERS = Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.RECIPE_AUTHOR,
            Role.RECIPE_APPROVER, Role.QA_REVIEWER, Role.QA_RELEASER, Role.WAREHOUSE, Role.MAINTENANCE, Role.INSPECTOR);

    static final List<Entry> ENTRIES = List.of(
            new Entry("Home", "/app/home.xhtml", "pi pi-home", Set.of()),
            new Entry("My signature", "/app/signature.xhtml", "pi pi-pencil", Set.of()),
            new Entry("Recipes", "/app/recipes.xhtml", "pi pi-sitemap", RECIPE_READERS),
            new Entry("Equipment", "/app/equipment.xhtml", "pi pi-cog", EQUIPMENT_READERS),
            new Entry("Users", "/app/admin/users.xhtml", "pi pi-users", Set.of(Role.ADMIN)),
            new Entry("Training", "/app/training.xhtml", "pi pi-book",
                    Set.of(Role.ADMIN, Role.SUPERVISOR, Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR)),
            new Entry("Audit trail", "/app/audit-trail.xhtml", "pi pi-history",
                    Set.of(Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR)),
            new Entry("Security events", "/app/security-events.xhtml", "pi pi-shield", OVERSIGHT),
            new Entry("Access review", "/app/access-review.xhtml", "pi pi-list-check", OVERSIGHT),
            // system settings under change control (Annex 11 section 10): the roles of the SystemSettings boundary
            new Entry("System settings", "/app/settings.xhtml", "pi pi-sliders-h", OVERSIGHT),
            // the periodic review pack (issue 20): the roles of the PeriodicReviews boundary
            new Entry("Periodic review", "/app/periodic-review.xhtml", "pi pi-calendar",
                    Set.of(Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR)),
            new Entry("System status", "/app/status.xhtml", "pi pi-heart",
                    Set.of(Role.ADMIN, Role.SUPERVISOR, Role.QA_REVIEWER, Role.QA_RELEASER, Role.INSPECTOR)),
            // materials (issue 15): the roles of the Lots boundary; administrators do no GMP work
            new Entry("Lots", "/app/lots.xhtml", "pi pi-box", Set.of(Role.WAREHOUSE, Role.QA_REVIEWER, Role.QA_RELEASER,
                    Role.OPERATOR, Role.SUPERVISOR, Role.INSPECTOR)),
            new Entry("Materials", "/app/materials.xhtml", "pi pi-tags", Set.of(Role.WAREHOUSE, Role.QA_REVIEWER,
                    Role.QA_RELEASER, Role.OPERATOR, Role.SUPERVISOR, Role.INSPECTOR, Role.RECIPE_AUTHOR, Role.RECIPE_APPROVER)),
            new Entry("Terminal", "/app/terminal.xhtml", "pi pi-tablet", Set.of(Role.OPERATOR, Role.SUPERVISOR)),
            // batches (issue 16): the roles of the Batches boundary; the warehouse reads the list only
            new Entry("Batches", "/app/batches.xhtml", "pi pi-list", Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.QA_REVIEWER,
                    Role.QA_RELEASER, Role.INSPECTOR, Role.WAREHOUSE)),
            // QA review and release (issue 17)
            new Entry("Batch review", "/app/review.xhtml", "pi pi-verified", Set.of(Role.QA_REVIEWER, Role.QA_RELEASER,
                    Role.INSPECTOR)),
            // the ERP interface monitor (issue 18)
            new Entry("ERP interface", "/app/erp.xhtml", "pi pi-arrow-right-arrow-left", Set.of(Role.ADMIN, Role.SUPERVISOR)),
            // machine data over OPC UA (issue 19)
            new Entry("Equipment connections", "/app/machines.xhtml", "pi pi-sitemap", Set.of(Role.ADMIN, Role.SUPERVISOR)));

    @Inject
    ExternalContext external;

    public List<Entry> entries() {
        return entriesFor(role -> external.isUserInRole(role.name()));
    }

    static List<Entry> entriesFor(Predicate<Role> hasRole) {
        return ENTRIES.stream().filter(entry -> entry.visibleTo(hasRole)).toList();
    }
}
