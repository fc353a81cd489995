package org.openebr.recipe.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * One version of a master recipe: the document as saved (JSON), its content hash, and where it is
 * in its lifecycle. Its content changes only while it is a draft, each save counted by
 * {@code draftRevision}; from submission on, only the lifecycle moves (see {@link RecipeStatus}),
 * and the database refuses anything else.
 */
@Entity
@Audited
@Table(name = "recipe_version")
public class RecipeVersion {

    @Id
    private UUID id;

    @Column(name = "recipe_id", nullable = false, updatable = false)
    private String recipeId;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int number;

    @Column(nullable = false)
    private String product;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecipeStatus status;

    @Column(nullable = false)
    private String document;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(name = "draft_revision", nullable = false)
    private int draftRevision;

    /** Everyone who saved this version's content, comma-separated: none of them may approve it. */
    @Column(nullable = false)
    private String authors;

    @Column(name = "based_on", updatable = false)
    private Integer basedOn;

    @Column(name = "change_reason", nullable = false)
    private String changeReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "status_changed_by", nullable = false)
    private String statusChangedBy;

    @Column(name = "effective_from")
    private Instant effectiveFrom;

    @Column(name = "effective_until")
    private Instant effectiveUntil;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected RecipeVersion() {
    }

    /**
     * A new draft.
     *
     * @param basedOn the version it was copied from, or null for a new recipe or an import
     * @param changeReason why this version exists: what it changes and why (change control)
     */
    public RecipeVersion(String recipeId, int number, String product, String document, String contentHash,
                         Integer basedOn, String changeReason, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.recipeId = Objects.requireNonNull(recipeId);
        this.number = number;
        this.product = Objects.requireNonNull(product);
        this.document = Objects.requireNonNull(document);
        this.contentHash = Objects.requireNonNull(contentHash);
        this.basedOn = basedOn;
        this.changeReason = Objects.requireNonNull(changeReason);
        this.createdAt = Objects.requireNonNull(now);
        this.createdBy = Objects.requireNonNull(by);
        this.authors = by;
        this.draftRevision = 1;
        this.status = RecipeStatus.DRAFT;
        this.statusChangedAt = now;
        this.statusChangedBy = by;
    }

    /** A new content of the draft. */
    public void revise(String product, String document, String contentHash, String by, Instant now) {
        requireStatus(RecipeStatus.DRAFT);
        this.product = Objects.requireNonNull(product);
        this.document = Objects.requireNonNull(document);
        this.contentHash = Objects.requireNonNull(contentHash);
        this.draftRevision++;
        TreeSet<String> names = new TreeSet<>(Arrays.asList(authors.split(",")));
        names.add(by);
        this.authors = String.join(",", names);
    }

    /** Moves the lifecycle on; the caller has checked that the transition is allowed. */
    public void moveTo(RecipeStatus target, String reason, String by, Instant now) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException(recipeId + " version " + number + ": " + status + " -> " + target);
        }
        if (target == RecipeStatus.EFFECTIVE && effectiveFrom == null) {
            effectiveFrom = now;
        }
        if (target == RecipeStatus.SUPERSEDED || target == RecipeStatus.RETIRED) {
            effectiveUntil = now;
        }
        this.status = target;
        this.statusReason = reason;
        this.statusChangedAt = now;
        this.statusChangedBy = by;
    }

    /** An approved version is given the date from which it is effective (it becomes so at that date). */
    public void scheduleEffective(Instant from) {
        requireStatus(RecipeStatus.APPROVED);
        this.effectiveFrom = Objects.requireNonNull(from);
    }

    private void requireStatus(RecipeStatus expected) {
        if (status != expected) {
            throw new IllegalStateException(recipeId + " version " + number + " is " + status + ", not " + expected);
        }
    }

    public boolean authoredBy(String userName) {
        return Arrays.stream(authors.split(",")).anyMatch(a -> a.equalsIgnoreCase(userName));
    }

    public UUID id() { return id; }
    public String recipeId() { return recipeId; }
    public int number() { return number; }
    public String product() { return product; }
    public RecipeStatus status() { return status; }
    public String document() { return document; }
    public String contentHash() { return contentHash; }
    public int draftRevision() { return draftRevision; }
    public String authors() { return authors; }
    public Integer basedOn() { return basedOn; }
    public String changeReason() { return changeReason; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public String statusReason() { return statusReason; }
    public Instant statusChangedAt() { return statusChangedAt; }
    public String statusChangedBy() { return statusChangedBy; }
    public Instant effectiveFrom() { return effectiveFrom; }
    public Instant effectiveUntil() { return effectiveUntil; }
    public long rowVersion() { return rowVersion; }

    /** The id under which signatures name this version: {@code <recipe id>:<version>}. */
    public String recordId() {
        return recipeId + ":" + number;
    }
}
