package org.openebr.recipe.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;
import org.openebr.recipe.control.MasterDataCheck;
import org.openebr.recipe.control.RecipeStore;
import org.openebr.recipe.entity.RecipeStatus;
import org.openebr.recipe.entity.RecipeVersion;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * A master recipe version as a signed record (21 CFR 211.186(a)): its author signs PERFORMED to
 * submit it for review, and a second, independent person with RECIPE_APPROVER signs APPROVED. The
 * signed content is the version's document with its content hash and draft revision; the lifecycle
 * state is left out, so the signatures stay valid while the version moves on. Record id:
 * {@code <recipe id>:<version>}.
 */
@ApplicationScoped
public class RecipeVersionRecordType implements SignableRecordType {

    @Inject
    RecipeStore store;

    @Inject
    Recipes recipes;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    /** The material master and the equipment classes, registered by the components that own them. */
    @Inject
    @Any
    Instance<RecipeMasterData> masterData;

    @Override
    public String recordType() {
        return Recipes.RECORD_TYPE;
    }

    @Override
    public Optional<Object> content(String recordId) {
        Optional<RecipeVersion> found = store.byRecordId(recordId);
        // the recipe's own read rules (EJBAccessException for a role that may not read recipes)
        found.ifPresent(v -> recipes.version(v.recipeId(), v.number()));
        return found.map(v -> {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("recipeId", v.recipeId());
            content.put("version", v.number());
            content.put("draftRevision", v.draftRevision());
            content.put("contentHash", v.contentHash());
            content.put("changeReason", v.changeReason());
            content.put("document", RecipeJson.read(v.document()));
            return content;
        });
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder()
                .allow(Meaning.PERFORMED, Set.of("RECIPE_AUTHOR"))
                .allowSecondPerson(Meaning.APPROVED, Set.of("RECIPE_APPROVER"), Meaning.PERFORMED)
                .build();
    }

    /**
     * Everyone who reads master recipes (the roles of {@code Recipes}) sees a version with its
     * signatures: the designer shows who wrote and who approved it, and a batch checks both before it
     * follows the version, also when the ERP's order plans it (ERP_INTERFACE). QA and inspectors read
     * every signature anyway.
     */
    @Override
    public Set<String> signatureReaders() {
        return Set.of("RECIPE_AUTHOR", "RECIPE_APPROVER", "SUPERVISOR", "OPERATOR", "ERP_INTERFACE");
    }

    @Override
    public Optional<String> refusal(String recordId, String userName, Meaning meaning) {
        Optional<RecipeVersion> found = store.byRecordId(recordId);
        if (found.isEmpty()) {
            return Optional.empty(); // the ceremony answers "no such record"
        }
        RecipeVersion v = found.get();
        if (meaning == Meaning.PERFORMED && v.status() != RecipeStatus.DRAFT) {
            return Optional.of("Version " + v.number() + " of recipe " + v.recipeId() + " is " + v.status()
                    + "; the author's signature submits a draft for review.");
        }
        if (meaning == Meaning.PERFORMED && !v.authoredBy(userName)) {
            return Optional.of("Only an author of version " + v.number() + " of recipe " + v.recipeId()
                    + " (someone who saved its content) signs it as its author; you did not write it.");
        }
        if (meaning == Meaning.PERFORMED) {
            requireMasterData(v);
        }
        if (meaning == Meaning.APPROVED && v.status() != RecipeStatus.IN_REVIEW) {
            return Optional.of("Version " + v.number() + " of recipe " + v.recipeId() + " is " + v.status()
                    + "; only a version in review is approved.");
        }
        if (meaning == Meaning.APPROVED && v.authoredBy(userName)) {
            return Optional.of("You wrote version " + v.number() + " of recipe " + v.recipeId()
                    + ", so you cannot approve it: an independent second person must (21 CFR 211.186(a)).");
        }
        return Optional.empty();
    }

    /**
     * A version is submitted only when every material and equipment class it names is master data:
     * its batches are checked against them at the material and equipment gates. Refused with every
     * unknown name at its JSON location, nothing signed; drafts may name what is not there yet.
     */
    private void requireMasterData(RecipeVersion v) {
        List<DomainException.Violation> unknown = MasterDataCheck.unknown(RecipeJson.read(v.document()),
                name -> known(RecipeMasterData.Kind.MATERIAL, name), name -> known(RecipeMasterData.Kind.EQUIPMENT_CLASS, name));
        if (!unknown.isEmpty()) {
            throw new RecipeRefused(RecipeRefused.Reason.UNKNOWN_MASTER_DATA, "Version " + v.number() + " of recipe "
                    + v.recipeId() + " names " + (unknown.size() == 1 ? "a material or equipment class" : unknown.size()
                    + " materials or equipment classes") + " the master data does not hold, so it cannot be submitted;"
                    + " nothing was signed. " + unknown.get(0).field() + ": " + unknown.get(0).message()
                    + (unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more)" : "") + ".", unknown);
        }
    }

    private boolean known(RecipeMasterData.Kind kind, String name) {
        return masterData.stream().anyMatch(data -> data.kind() == kind && data.knows(name));
    }

    @Override
    public void signed(String recordId, Meaning meaning, String userName) {
        RecipeVersion v = store.byRecordId(recordId).orElseThrow();
        String command = change.current().command();
        if (meaning == Meaning.PERFORMED) {
            change.record(command + ": submitted for review", "author's signature (PERFORMED)");
            v.moveTo(RecipeStatus.IN_REVIEW, "submitted for review with the author's signature", userName, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        } else if (meaning == Meaning.APPROVED) {
            change.record(command + ": approved", "approver's signature (APPROVED)");
            v.moveTo(RecipeStatus.APPROVED, "approved with the approver's signature", userName, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
        try {
            store.flush();
        } catch (OptimisticLockException changedMeanwhile) {
            // someone saved the draft after its content was read for this signature: nothing is signed
            throw new RecipeRefused(RecipeRefused.Reason.CONFLICT, "Version " + v.number() + " of recipe " + v.recipeId()
                    + " was changed while you signed it; nothing was signed. Reload it, check it and sign again.");
        }
    }
}
