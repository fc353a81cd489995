package org.openebr.recipe.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.openebr.platform.boundary.Excerpt;
import org.openebr.recipe.entity.RecipeStatus;
import org.openebr.recipe.entity.RecipeVersion;

/**
 * What the recipe roles have to do now, for their home pages: versions waiting for an approver,
 * an author's drafts and rejected versions, and the recipes that may be worked from. Read-only
 * queries, each limited to the first few entries with the total count; the roles are those of
 * {@link Recipes} for reading, narrowed per list.
 */
@Stateless
@RolesAllowed({"RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR", "OPERATOR"})
public class RecipeWorklists {

    /**
     * One version on a worklist.
     *
     * @param at               when it reached its present state (submitted, rejected; a draft: created)
     * @param by               who moved it there (the submitter, the rejecting approver; a draft: its creator)
     * @param reason           for a rejected version the rejection's reason; otherwise the version's change reason
     * @param authoredByCaller the caller saved its content: they may not approve it (four eyes)
     */
    public record VersionTask(String recipeId, int version, String product, String status, Instant at, String by,
                              String reason, Integer basedOn, int draftRevision, boolean authoredByCaller) {
    }

    /** A recipe's effective version, the one batches are made from. */
    public record EffectiveRecipe(String recipeId, int version, String product, Instant effectiveFrom) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    /** Versions in review, the longest waiting first: the approver's queue (QA sees it too). */
    @RolesAllowed({"RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER"})
    public Excerpt<VersionTask> inReview(int limit) {
        return excerpt("from RecipeVersion v where v.status = :status", "v.statusChangedAt, v.recipeId, v.number",
                limit, q -> q.setParameter("status", RecipeStatus.IN_REVIEW));
    }

    /**
     * Approved versions without an effective date yet, the longest waiting first: an approver
     * decides when each becomes effective (or retires it). Versions planned for a date are left
     * out; the server makes them effective when the date comes.
     */
    @RolesAllowed("RECIPE_APPROVER")
    public Excerpt<VersionTask> approvedWithoutDate(int limit) {
        return excerpt("from RecipeVersion v where v.status = :status and v.effectiveFrom is null",
                "v.statusChangedAt, v.recipeId, v.number", limit, q -> q.setParameter("status", RecipeStatus.APPROVED));
    }

    /** The caller's drafts (versions whose content they saved), the newest first. */
    @RolesAllowed("RECIPE_AUTHOR")
    public Excerpt<VersionTask> myDrafts(int limit) {
        return excerpt("from RecipeVersion v where v.status = :status and " + AUTHORED, "v.createdAt desc, v.recipeId",
                limit, q -> q.setParameter("status", RecipeStatus.DRAFT).setParameter("author", authorPattern()));
    }

    /**
     * The caller's rejected versions that nobody has followed up yet with a new version based on
     * them, the newest rejection first: each waits for its author to make the correction.
     */
    @RolesAllowed("RECIPE_AUTHOR")
    public Excerpt<VersionTask> myRejections(int limit) {
        return excerpt("from RecipeVersion v where v.status = :status and " + AUTHORED
                        + " and not exists (select n from RecipeVersion n where n.recipeId = v.recipeId"
                        + " and n.basedOn = v.number)",
                "v.statusChangedAt desc, v.recipeId", limit,
                q -> q.setParameter("status", RecipeStatus.REJECTED).setParameter("author", authorPattern()));
    }

    /** The effective version of each recipe, by recipe id. */
    public Excerpt<EffectiveRecipe> effective(int limit) {
        long total = em.createQuery("select count(v) from RecipeVersion v where v.status = :status", Long.class)
                .setParameter("status", RecipeStatus.EFFECTIVE).getSingleResult();
        List<EffectiveRecipe> first = em.createQuery("select v from RecipeVersion v where v.status = :status"
                        + " order by v.recipeId", RecipeVersion.class)
                .setParameter("status", RecipeStatus.EFFECTIVE).setMaxResults(Excerpt.limit(limit)).getResultStream()
                .map(v -> new EffectiveRecipe(v.recipeId(), v.number(), v.product(), v.effectiveFrom())).toList();
        return new Excerpt<>(first, total);
    }

    // --- inside ------------------------------------------------------------------------------------

    /** The version's authors (comma-separated user names) include the caller, ignoring case. */
    private static final String AUTHORED = "lower(concat(',', v.authors, ',')) like :author escape '!'";

    private String authorPattern() {
        String name = caller().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%," + name + ",%";
    }

    private Excerpt<VersionTask> excerpt(String from, String order, int limit,
                                         Consumer<Query> parameters) {
        TypedQuery<Long> count = em.createQuery("select count(v) " + from, Long.class);
        parameters.accept(count);
        TypedQuery<RecipeVersion> first = em.createQuery("select v " + from + " order by " + order, RecipeVersion.class);
        parameters.accept(first);
        String caller = caller();
        List<VersionTask> tasks = first.setMaxResults(Excerpt.limit(limit)).getResultStream()
                .map(v -> task(v, caller)).toList();
        return new Excerpt<>(tasks, count.getSingleResult());
    }

    static VersionTask task(RecipeVersion v, String caller) {
        boolean draft = v.status() == RecipeStatus.DRAFT;
        return new VersionTask(v.recipeId(), v.number(), v.product(), v.status().name(),
                draft ? v.createdAt() : v.statusChangedAt(), draft ? v.createdBy() : v.statusChangedBy(),
                v.status() == RecipeStatus.REJECTED ? v.statusReason() : v.changeReason(), v.basedOn(),
                v.draftRevision(), v.authoredBy(caller));
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
