package org.openebr.identity.boundary;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openebr.identity.control.IdentitySettings;
import org.openebr.identity.control.PasswordHasher;
import org.openebr.identity.entity.RoleGrant;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.control.ChangeContext;

/**
 * Demo mode only (EBR_DEMO_MODE=true, set by {@code bin/ebr start}): creates the demo accounts
 * that are missing, marked as demo accounts, with the password EBR_DEMO_PASSWORD and no forced
 * change, and gives the demo accounts that exist with another password (a database from a demo run
 * with another EBR_DEMO_PASSWORD, or a password changed since) the configured one again. Outside
 * demo mode it creates and changes nothing.
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
            new Demo("warehouse1", "Walter Warehouse", Role.WAREHOUSE, false),
            new Demo("maintenance1", "Mia Maintenance", Role.MAINTENANCE, false),
            new Demo("inspector1", "Irene Inspector", Role.INSPECTOR, false),
            new Demo("admin1", "Adam Administrator", Role.ADMIN, false),
            // a second administrator: nobody verifies their own identity, so each verifies the other's
            new Demo("admin2", "Alma Administrator", Role.ADMIN, false),
            new Demo("erp-client", "ERP interface (technical)", Role.ERP_INTERFACE, true));

    public static final String DEFAULT_PASSWORD = "OpenEBR-demo-2026";
    private static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SchemaGate schemaGate;

    @Inject
    Clock clock;

    @Inject
    SecurityLog log;

    @Inject
    AccountQueries queries;

    @Inject
    ChangeContext change;

    @Inject
    IdentitySettings settings;

    @Inject
    @ConfigProperty(name = "ebr.demo.mode", defaultValue = "false")
    boolean demoMode;

    @Inject
    @ConfigProperty(name = "ebr.demo.password", defaultValue = DEFAULT_PASSWORD)
    String demoPassword;

    /** The reason recorded when a demo account's password is set to the configured one. */
    public static final String PASSWORD_REASON = "demo mode: password set to EBR_DEMO_PASSWORD";

    @PostConstruct
    void atStart() {
        if (!schemaGate.allows("Demo accounts")) {
            return;
        }
        createMissing();
        alignPasswords();
    }

    private void createMissing() {
        if (!demoMode) {
            return;
        }
        change.record("Create demo accounts", "demo mode (EBR_DEMO_MODE=true)").actingAs("SYSTEM");
        PasswordHasher hasher = settings.passwordHasher();
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

    /**
     * Demo mode only: every demo account whose password is not EBR_DEMO_PASSWORD gets it (one audited
     * change with the reason {@link #PASSWORD_REASON}, a PASSWORD_RESET security event per account), so
     * that the demo's sign-ins and its data loader work whatever value the demo is started with. Runs
     * at server start; accounts that are not demo accounts are never touched, even with a demo's name.
     *
     * @return the user names whose password was set
     */
    @RolesAllowed("ADMIN") // called by the server itself at start; an administrator may run it again (tests do)
    public List<String> alignPasswords() {
        if (!demoMode) {
            return List.of();
        }
        PasswordHasher hasher = settings.passwordHasher();
        List<UserAccount> misaligned = ACCOUNTS.stream()
                .flatMap(demo -> queries.byUserName(demo.userName()).stream())
                .filter(account -> account.demo() && !hasher.matches(demoPassword.toCharArray(), account.passwordHash()))
                .toList();
        if (misaligned.isEmpty()) {
            return List.of();
        }
        ChangeContext.Change before = change.current();
        // one transaction at start-up may also have created accounts: its revision names both
        change.record(before.command() == null ? "Set demo account passwords" : before.command() + "; set demo account passwords",
                before.reason() == null ? PASSWORD_REASON : before.reason() + "; " + PASSWORD_REASON).actingAs("SYSTEM");
        String hash = hasher.hash(demoPassword.toCharArray());
        for (UserAccount account : misaligned) {
            account.setDemoPassword(hash, clock.instant());
            log.record(SecurityEventType.PASSWORD_RESET, SYSTEM, account.userName(),
                    "demo account's password set to the configured demo password", PASSWORD_REASON);
        }
        List<String> names = misaligned.stream().map(UserAccount::userName).toList();
        LOG.info(() -> "Demo mode: password of " + names + " set to EBR_DEMO_PASSWORD");
        return names;
    }
}
