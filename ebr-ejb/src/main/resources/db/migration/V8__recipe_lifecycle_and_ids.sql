-- The lifecycle columns of a recipe version change only with the lifecycle step they record. V7 froze
-- a submitted version's content and allowed only the lifecycle transitions; it still let a row's
-- status reason, effective dates or who-and-when be rewritten by SQL without a status change (the
-- audit verifier reported it, the database did not stop it). Now:
--   * without a status change only an approved version's planned effective date may change (the
--     application plans and re-plans it); reason, dates and who-and-when stay;
--   * with a status change the effective date may only be set when an approved version becomes
--     effective, and the end date only when a version is superseded or retired;
--   * a planned effective date is never taken back (the application only re-plans it);
--   * the version a draft was based on is part of its content.
CREATE OR REPLACE FUNCTION recipe_version_content_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.recipe_id <> OLD.recipe_id OR NEW.version_number <> OLD.version_number
       OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
        RAISE EXCEPTION 'recipe % version %: its identity never changes', OLD.recipe_id, OLD.version_number
            USING ERRCODE = '42501';
    END IF;
    IF (OLD.status <> 'DRAFT' OR NEW.status <> 'DRAFT') AND (NEW.document <> OLD.document OR NEW.content_hash <> OLD.content_hash
       OR NEW.draft_revision <> OLD.draft_revision OR NEW.authors <> OLD.authors OR NEW.product <> OLD.product
       OR NEW.change_reason <> OLD.change_reason OR NEW.based_on IS DISTINCT FROM OLD.based_on) THEN
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
    IF NEW.status = OLD.status AND (NEW.status_reason IS DISTINCT FROM OLD.status_reason
       OR NEW.status_changed_at <> OLD.status_changed_at OR NEW.status_changed_by <> OLD.status_changed_by
       OR NEW.effective_until IS DISTINCT FROM OLD.effective_until
       OR (NEW.effective_from IS DISTINCT FROM OLD.effective_from AND OLD.status <> 'APPROVED')) THEN
        RAISE EXCEPTION 'recipe % version % is %: its lifecycle record changes only with a lifecycle step',
            OLD.recipe_id, OLD.version_number, OLD.status USING ERRCODE = '42501';
    END IF;
    IF NEW.status <> OLD.status AND NEW.effective_from IS DISTINCT FROM OLD.effective_from
       AND NOT (OLD.status = 'APPROVED' AND NEW.status = 'EFFECTIVE') THEN
        RAISE EXCEPTION 'recipe % version %: the effective date is set only when an approved version becomes effective',
            OLD.recipe_id, OLD.version_number USING ERRCODE = '42501';
    END IF;
    IF OLD.effective_from IS NOT NULL AND NEW.effective_from IS NULL THEN
        RAISE EXCEPTION 'recipe % version %: a planned effective date is re-planned, never taken back',
            OLD.recipe_id, OLD.version_number USING ERRCODE = '42501';
    END IF;
    IF NEW.status <> OLD.status AND NEW.effective_until IS DISTINCT FROM OLD.effective_until
       AND NEW.status NOT IN ('SUPERSEDED', 'RETIRED') THEN
        RAISE EXCEPTION 'recipe % version %: the end date is set only when a version is superseded or retired',
            OLD.recipe_id, OLD.version_number USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;

-- Recipe ids differing only in case are one id to the people who read them: the application refuses
-- such an import with a message, and the database refuses it behind the application (a second
-- recipe "demo" would clash with version 1 of "DEMO").
DO $$
DECLARE
    clash text;
BEGIN
    SELECT string_agg(DISTINCT recipe_id, ', ') INTO clash FROM recipe_version r
     WHERE EXISTS (SELECT 1 FROM recipe_version o WHERE lower(o.recipe_id) = lower(r.recipe_id) AND o.recipe_id <> r.recipe_id);
    IF clash IS NOT NULL THEN
        RAISE EXCEPTION 'recipes % differ only in case, which this version refuses (ids are in signatures and cannot be renamed): keep the previous version and ask the maintainers for a migration', clash;
    END IF;
END $$;
CREATE UNIQUE INDEX recipe_version_number_any_case ON recipe_version (lower(recipe_id), version_number);

-- Signing nonces that expired unused are purged (every opened signature dialog issues one; they are
-- technical tokens, not GMP records). The runtime role may delete only those: a used nonce is kept
-- by the foreign key of its use, and this trigger refuses a nonce that has not expired a day ago.
GRANT DELETE ON signature_nonce TO ${appRole};
CREATE FUNCTION signature_nonce_purged_only_when_expired() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.expires_at > now() - interval '1 day' THEN
        RAISE EXCEPTION 'signature nonce issued % to %: only a nonce expired more than a day ago is purged',
            OLD.issued_at, OLD.user_name USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER signature_nonce_purged_only_when_expired BEFORE DELETE ON signature_nonce
    FOR EACH ROW EXECUTE FUNCTION signature_nonce_purged_only_when_expired();
