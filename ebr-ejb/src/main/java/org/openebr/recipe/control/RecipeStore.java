package org.openebr.recipe.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openebr.recipe.boundary.RecipeRefused;
import org.openebr.recipe.entity.RecipeStatus;
import org.openebr.recipe.entity.RecipeVersion;

/**
 * Finds recipe versions and moves their lifecycle where more than one version is involved (a new
 * effective version supersedes the one before). Used by the boundary, the signature record type and
 * the timer that makes versions effective at their date; callers state the command and reason.
 */
@ApplicationScoped
public class RecipeStore {

    @PersistenceContext
    EntityManager em;

    public Optional<RecipeVersion> find(String recipeId, int number) {
        return em.createQuery("select v from RecipeVersion v where v.recipeId = :recipe and v.number = :number",
                        RecipeVersion.class)
                .setParameter("recipe", recipeId).setParameter("number", number)
                .getResultStream().findFirst();
    }

    public RecipeVersion existing(String recipeId, int number) {
        return find(recipeId, number).orElseThrow(() -> new RecipeRefused(RecipeRefused.Reason.NOT_FOUND,
                "There is no version " + number + " of recipe " + recipeId + "."));
    }

    /** By the id signatures use, {@code <recipe id>:<version>}. */
    public Optional<RecipeVersion> byRecordId(String recordId) {
        int colon = recordId == null ? -1 : recordId.lastIndexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            // only the one spelling: "R:01" or "R:+1" would name the same version under another record id,
            // and the signature rules (four eyes, one signature per meaning) compare record ids as text
            return find(recordId.substring(0, colon), Integer.parseInt(recordId.substring(colon + 1)))
                    .filter(v -> v.recordId().equals(recordId));
        } catch (NumberFormatException notAVersion) {
            return Optional.empty();
        }
    }

    /** Every version of the recipe, oldest first. */
    public List<RecipeVersion> versions(String recipeId) {
        return em.createQuery("select v from RecipeVersion v where v.recipeId = :recipe order by v.number",
                RecipeVersion.class).setParameter("recipe", recipeId).getResultList();
    }

    /** Every version of the recipe without its document, oldest first. */
    public List<VersionFacts> facts(String recipeId) {
        return em.createQuery(VersionFacts.SELECT + " from RecipeVersion v where v.recipeId = :recipe order by v.number",
                VersionFacts.class).setParameter("recipe", recipeId).getResultList();
    }

    public List<String> recipeIds() {
        return em.createQuery("select distinct v.recipeId from RecipeVersion v order by v.recipeId", String.class)
                .getResultList();
    }

    /**
     * An existing recipe whose id equals this one but for case: two recipes "DEMO-1" and "demo-1"
     * would be told apart by nobody on the shop floor.
     */
    public Optional<String> recipeIdDifferingInCase(String recipeId) {
        if (recipeId == null) {
            return Optional.empty();
        }
        return em.createQuery("select distinct v.recipeId from RecipeVersion v where lower(v.recipeId) = lower(:recipe)"
                        + " and v.recipeId <> :recipe", String.class)
                .setParameter("recipe", recipeId).getResultStream().findFirst();
    }

    public int nextNumber(String recipeId) {
        Integer max = em.createQuery("select max(v.number) from RecipeVersion v where v.recipeId = :recipe", Integer.class)
                .setParameter("recipe", recipeId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public Optional<RecipeVersion> effective(String recipeId) {
        return em.createQuery("select v from RecipeVersion v where v.recipeId = :recipe and v.status = :status",
                        RecipeVersion.class)
                .setParameter("recipe", recipeId).setParameter("status", RecipeStatus.EFFECTIVE)
                .getResultStream().findFirst();
    }

    /** Approved versions whose effective date has come. */
    public List<RecipeVersion> due(Instant now) {
        return em.createQuery("select v from RecipeVersion v where v.status = :status and v.effectiveFrom <= :now"
                        + " order by v.effectiveFrom", RecipeVersion.class)
                .setParameter("status", RecipeStatus.APPROVED).setParameter("now", now).getResultList();
    }

    /**
     * The version becomes the effective one; the version effective until now is superseded in the
     * same transaction, so there is never a moment with two (nor, in between, none).
     */
    public void activate(RecipeVersion version, String reason, String by, Instant now) {
        Optional<RecipeVersion> current = effective(version.recipeId());
        if (current.isPresent() && current.get().number() > version.number()) {
            throw new RecipeRefused(RecipeRefused.Reason.STATE, "Version " + version.number() + " is older than the"
                    + " effective version " + current.get().number() + "; an older version cannot supersede a newer one.");
        }
        current.ifPresent(previous -> {
            previous.moveTo(RecipeStatus.SUPERSEDED, "superseded by version " + version.number(), by, now);
            em.flush(); // the partial unique index allows one effective version: the old one goes first
        });
        version.moveTo(RecipeStatus.EFFECTIVE, reason, by, now);
        em.flush();
    }

    public void persist(RecipeVersion version) {
        em.persist(version);
        em.flush();
    }

    public void flush() {
        em.flush();
    }
}
