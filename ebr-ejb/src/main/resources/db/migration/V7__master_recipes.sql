-- Master recipes (ISA-88 master recipe = master batch record, 21 CFR 211.186): one row per version.
-- A recipe is the set of versions with the same recipe_id. The document is kept as JSON exactly as
-- the author saved it; content_hash is the SHA-256 of its RFC 8785 canonical form, the hash a batch
-- stores. From submission for review on, a version's content never changes (trigger below); a change
-- means a new version. Nothing is ever deleted (the runtime role has no DELETE).
CREATE TABLE recipe_version (
    id              uuid          PRIMARY KEY,
    recipe_id       varchar(64)   NOT NULL,
    version_number  integer       NOT NULL CHECK (version_number >= 1),
    product         varchar(200)  NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'EFFECTIVE',
                                                             'SUPERSEDED', 'RETIRED', 'REJECTED')),
    document        text          NOT NULL,
    content_hash    char(64)      NOT NULL,
    draft_revision  integer       NOT NULL,
    authors         text          NOT NULL,
    based_on        integer,
    change_reason   varchar(1000) NOT NULL,
    created_at      timestamptz   NOT NULL,
    created_by      varchar(64)   NOT NULL,
    status_reason   varchar(1000),
    status_changed_at timestamptz NOT NULL,
    status_changed_by varchar(64) NOT NULL,
    effective_from  timestamptz,
    effective_until timestamptz,
    row_version     bigint        NOT NULL,
    CONSTRAINT recipe_version_number UNIQUE (recipe_id, version_number)
);
-- At most one effective version of a recipe at any time.
CREATE UNIQUE INDEX recipe_version_one_effective ON recipe_version (recipe_id) WHERE status = 'EFFECTIVE';
CREATE INDEX recipe_version_status ON recipe_version (status);

-- The last line of defence behind the application: what an author submitted is what is approved
-- and executed. Only the lifecycle columns of a submitted version may change, along the allowed
-- transitions; its identity and content never (nor in the same statement that submits it).
CREATE FUNCTION recipe_version_content_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.recipe_id <> OLD.recipe_id OR NEW.version_number <> OLD.version_number
       OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
        RAISE EXCEPTION 'recipe % version %: its identity never changes', OLD.recipe_id, OLD.version_number
            USING ERRCODE = '42501';
    END IF;
    IF (OLD.status <> 'DRAFT' OR NEW.status <> 'DRAFT') AND (NEW.document <> OLD.document OR NEW.content_hash <> OLD.content_hash
       OR NEW.draft_revision <> OLD.draft_revision OR NEW.authors <> OLD.authors OR NEW.product <> OLD.product
       OR NEW.change_reason <> OLD.change_reason) THEN
        RAISE EXCEPTION 'recipe % version % is %: its content never changes; make a new version', OLD.recipe_id,
            OLD.version_number, OLD.status USING ERRCODE = '42501';
    END IF;
    IF NEW.status <> OLD.status AND NOT (
           (OLD.status = 'DRAFT' AND NEW.status = 'IN_REVIEW')
        OR (OLD.status = 'IN_REVIEW' AND NEW.status IN ('APPROVED', 'REJECTED'))
        OR (OLD.status = 'APPROVED' AND NEW.status IN ('EFFECTIVE', 'RETIRED'))
        OR (OLD.status = 'EFFECTIVE' AND NEW.status IN ('SUPERSEDED', 'RETIRED'))) THEN
        RAISE EXCEPTION 'recipe % version %: % -> % is not a lifecycle step', OLD.recipe_id, OLD.version_number,
            OLD.status, NEW.status USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recipe_version_content_is_frozen BEFORE UPDATE ON recipe_version
    FOR EACH ROW EXECUTE FUNCTION recipe_version_content_is_frozen();

-- A version is born a draft: nobody inserts one that is already approved or effective.
CREATE FUNCTION recipe_version_starts_as_draft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status <> 'DRAFT' OR NEW.draft_revision <> 1 OR NEW.authors <> NEW.created_by
       OR NEW.effective_from IS NOT NULL OR NEW.effective_until IS NOT NULL THEN
        RAISE EXCEPTION 'recipe % version %: a new version is a draft of its creator', NEW.recipe_id,
            NEW.version_number USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recipe_version_starts_as_draft BEFORE INSERT ON recipe_version
    FOR EACH ROW EXECUTE FUNCTION recipe_version_starts_as_draft();

-- Envers leaves the optimistic-locking column (row_version) out of the trail.
CREATE TABLE recipe_version_aud (
    id              uuid         NOT NULL,
    rev             bigint       NOT NULL REFERENCES audit_revision (id),
    revtype         smallint,
    recipe_id       varchar(64),
    version_number  integer,
    product         varchar(200),
    status          varchar(16),
    document        text,
    content_hash    char(64),
    draft_revision  integer,
    authors         text,
    based_on        integer,
    change_reason   varchar(1000),
    created_at      timestamptz,
    created_by      varchar(64),
    status_reason   varchar(1000),
    status_changed_at timestamptz,
    status_changed_by varchar(64),
    effective_from  timestamptz,
    effective_until timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX recipe_version_aud_rev ON recipe_version_aud (rev);
SELECT make_append_only('recipe_version_aud');
