package org.openebr.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openebr.identity.control.PasswordHasher;
import org.openebr.identity.control.Role;
import org.openebr.identity.entity.RoleGrant;
import org.openebr.identity.entity.SecurityEventType;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.control.ChangeContext;

/**
 * Demo mode only (EBR_DEMO_MODE=true, set by {@code bin/ebr start}): creates the demo accounts
 * that are missing, marked as demo accounts, with the password EBR_DEMO_PASSWORD and no forced
 * change. Outside demo mode it creates nothing.
 */
@Singleton
@Startup
public class DemoAccounts {

    /** A demo account: its user name says its role. */
    public record Demo(String userName, String fullName, Role role, boolean technical) {
    }

    public static final List<Demo> ACCOUNTS = List.of(
            new Demo("operator1", "Olivia Operator", Role.OPERATOR, false),
            new Demo("operator2", "Oscar Operator", Role.OPERATOR, false),
            new Demo("supervisor1", "Sophie Supervisor", Role.SUPERVISOR, false),
            new Demo("author1", "Arthur Author", Role.RECIPE_AUTHOR, false),
            new Demo("approver1", "Anna Approver", Role.RECIPE_APPROVER, false),
            new Demo("qa1", "Quentin Reviewer", Role.QA_REVIEWER, false),
            new Demo("qa2", "Quinn Releaser", Role.QA_RELEASER, false),
            new Demo("inspector1", "Irene Inspector", Role.INSPECTOR, false),
            new Demo("admin1", "Adam Administrator", Role.ADMIN, false),
            new Demo("erp-client", "ERP interface (technical)", Role.ERP_INTERFACE, true));

    public static final String DEFAULT_PASSWORD = "OpenEBR-demo-2026";
    private static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecurityLog log;

    @Inject
    AccountQueries queries;

    @Inject
    ChangeContext change;

    @Inject
    @ConfigProperty(name = "ebr.demo.mode", defaultValue = "false")
    boolean demoMode;

    @Inject
    @ConfigProperty(name = "ebr.demo.password", defaultValue = DEFAULT_PASSWORD)
    String demoPassword;

    @PostConstruct
    void createMissing() {
        if (!demoMode) {
            return;
        }
        change.record("Create demo accounts", "demo mode (EBR_DEMO_MODE=true)").actingAs("SYSTEM");
        PasswordHasher hasher = new PasswordHasher();
        int created = 0;
        for (Demo demo : ACCOUNTS) {
            if (queries.byUserName(demo.userName()).isPresent()) {
                continue;
            }
            UserAccount account = new UserAccount(demo.userName(), demo.fullName(), demo.technical(), true,
                    hasher.hash(demoPassword.toCharArray()), SYSTEM, clock.instant());
            em.persist(account);
            em.persist(new RoleGrant(account.id(), demo.role().name(), SYSTEM, "demo mode", clock.instant()));
            log.record(SecurityEventType.ACCOUNT_CREATED, SYSTEM, demo.userName(), "demo account created", "demo mode");
            log.record(SecurityEventType.ROLE_GRANTED, SYSTEM, demo.userName(), "role " + demo.role() + " granted", "demo mode");
            created++;
        }
        int createdNow = created;
        LOG.info(() -> "Demo mode: " + createdNow + " demo account(s) created, " + ACCOUNTS.size() + " in all");
    }
}
