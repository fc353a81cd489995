package org.openebr.recipe.control;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.openebr.platform.control.ChangeContext;
import org.openebr.recipe.entity.RecipeStatus;
import org.openebr.recipe.entity.RecipeVersion;

/**
 * Makes approved versions effective when their effective date comes (checked every 10 seconds), so a
 * planned change of instructions takes effect on time without anybody at the keyboard (one version a
 * run; a batch asks for the effective version, so it never sees one that is due but not yet moved).
 */
@Singleton
public class RecipeTimer {

    private static final Logger LOG = Logger.getLogger(RecipeTimer.class.getName());

    @Inject
    SchemaGate schemaGate;

    @Inject
    RecipeStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void activateDue() {
        if (schemaGate.refusal().isPresent()) {
            return; // said once at start-up by the start-up jobs
        }
        activateDue(clock.instant());
    }

    /**
     * The timer's work as of {@code at}: the first version due by then becomes effective (or is
     * retired when a newer one became effective first). Public so that a test can run it at a given
     * moment instead of waiting for the schedule.
     *
     * @return how many versions moved (0 or 1)
     */
    @PermitAll // local callers only, and the web layer reaches no control class: in practice the tests' probe
    public int activateDue(Instant at) {
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        int moved = 0;
        // one version per run: one command = one transaction = one audit revision with its own reason
        for (RecipeVersion due : store.due(now).stream().limit(1).toList()) {
            moved++;
            // the server acts on its own, also when a test's request runs this work
            change.record("Recipe " + due.recipeId() + " version " + due.number() + " reaches its effective date",
                    "effective date " + due.effectiveFrom() + " reached").actingAs("SYSTEM")
                    .actor(ChangeContext.SYSTEM, "OpenEBR server");
            Optional<RecipeVersion> newer = store.effective(due.recipeId()).filter(v -> v.number() > due.number());
            if (newer.isPresent()) {
                // a newer version became effective meanwhile: this one is withdrawn, never put back in force
                String why = "version " + newer.get().number() + " became effective before this version's date";
                change.record("Retire recipe " + due.recipeId() + " version " + due.number(), why).actingAs("SYSTEM");
                due.moveTo(RecipeStatus.RETIRED, why, ChangeContext.SYSTEM, now);
                LOG.warning(() -> "Recipe " + due.recipeId() + " version " + due.number() + " retired: " + why);
                continue;
            }
            store.activate(due, "effective date reached", ChangeContext.SYSTEM, now);
            LOG.info(() -> "Recipe " + due.recipeId() + " version " + due.number() + " is effective");
        }
        return moved;
    }
}
