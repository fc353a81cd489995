-- QA's decision on a batch (21 CFR 211.192, 211.188; Part 11 11.10(e); EU GMP Annex 11 §15, §17): a
-- completed batch is REVIEWED (the exceptions dispositioned, the deviations closed, its audit trail
-- reviewed: a signature), then RELEASED or REJECTED by a second person (a signature). The decision is
-- final, and from then on the batch record is read-only for the runtime role, enforced here and not
-- only by the application: no step, entry, deviation, event, override, refusal or disposition of a
-- decided batch is written or changed again. Later information (a complaint, a recall) is an addendum
-- with its own signature, never an edit.

ALTER TABLE batch DROP CONSTRAINT batch_status_check;
ALTER TABLE batch ADD CONSTRAINT batch_status_check CHECK (status IN ('PLANNED', 'READY', 'IN_PROGRESS', 'ON_HOLD',
    'COMPLETED', 'ABORTED', 'REVIEWED', 'RELEASED', 'REJECTED'));

-- Identity frozen as before; the status only moves forward: COMPLETED -> REVIEWED -> RELEASED | REJECTED.
-- An aborted batch keeps its status; a decided batch's row does not change at all.
CREATE OR REPLACE FUNCTION batch_identity_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.batch_id <> OLD.batch_id OR NEW.recipe_id <> OLD.recipe_id
       OR NEW.recipe_version <> OLD.recipe_version OR NEW.content_hash <> OLD.content_hash
       OR NEW.control_recipe <> OLD.control_recipe OR NEW.scaled_formula <> OLD.scaled_formula
       OR NEW.planned_quantity <> OLD.planned_quantity OR NEW.unit <> OLD.unit
       OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
        RAISE EXCEPTION 'batch %: its control recipe and identity never change', OLD.batch_id USING ERRCODE = '42501';
    END IF;
    IF OLD.status IN ('RELEASED', 'REJECTED') THEN
        RAISE EXCEPTION 'batch % is %: its record is read-only (an addendum records later information)',
            OLD.batch_id, OLD.status USING ERRCODE = '42501';
    END IF;
    IF NEW.status <> OLD.status AND (OLD.status = 'ABORTED'
       OR (OLD.status = 'COMPLETED' AND NEW.status <> 'REVIEWED')
       OR (OLD.status = 'REVIEWED' AND NEW.status NOT IN ('RELEASED', 'REJECTED'))
       OR (NEW.status IN ('REVIEWED', 'RELEASED', 'REJECTED') AND OLD.status NOT IN ('COMPLETED', 'REVIEWED'))) THEN
        RAISE EXCEPTION 'batch %: a % batch does not become %', OLD.batch_id, OLD.status, NEW.status
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;

-- The lock on everything recorded for a decided batch. Rows reference their batch by its uuid
-- (batch_ref) or, for dispositions, by its batch number. The triggers' names sort before the tables'
-- other triggers, so the lock is what a writer is told.
CREATE FUNCTION batch_record_is_open() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    decided varchar(16);
    number  varchar(64);
BEGIN
    IF TG_TABLE_NAME = 'exception_disposition' THEN
        SELECT status, batch_id INTO decided, number FROM batch WHERE batch_id = NEW.batch_id;
    ELSE
        SELECT status, batch_id INTO decided, number FROM batch WHERE id = NEW.batch_ref;
    END IF;
    IF decided IN ('RELEASED', 'REJECTED') THEN
        RAISE EXCEPTION 'batch % is %: its record is read-only (% not written; an addendum records later information)',
            number, decided, TG_TABLE_NAME USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER batch_decided_locks_batch_step BEFORE INSERT OR UPDATE ON batch_step
    FOR EACH ROW EXECUTE FUNCTION batch_record_is_open();
CREATE TRIGGER batch_decided_locks_step_entry BEFORE INSERT OR UPDATE ON step_entry
    FOR EACH ROW EXECUTE FUNCTION batch_record_is_open();
CREATE TRIGGER batch_decided_locks_deviation BEFORE INSERT OR UPDATE ON deviation
    FOR EACH ROW EXECUTE FUNCTION batch_record_is_open();
CREATE TRIGGER batch_decided_locks_batch_event BEFORE INSERT OR UPDATE ON batch_event
    FOR EACH ROW EXECUTE FUNCTION batch_record_is_open();
CREATE TRIGGER batch_decided_locks_gate_refusal BEFORE INSERT OR UPDATE ON gate_refusal
    FOR EACH ROW EXECUTE FUNCTION batch_record_is_open();
CREATE TRIGGER batch_decided_locks_gate_override BEFORE INSERT OR UPDATE ON gate_override
    FOR EACH ROW EXECUTE FUNCTION batch_record_is_open();
CREATE TRIGGER batch_decided_locks_exception_disposition BEFORE INSERT OR UPDATE ON exception_disposition
    FOR EACH ROW EXECUTE FUNCTION batch_record_is_open();

-- Later information on a decided batch: numbered per batch, append-only, each signed (record type
-- BATCH_ADDENDUM, record id <batchId>:<seq>).
CREATE TABLE batch_addendum (
    id                 uuid          PRIMARY KEY,
    batch_id           varchar(64)   NOT NULL REFERENCES batch (batch_id),
    seq                integer       NOT NULL CHECK (seq >= 1),
    subject            varchar(200)  NOT NULL,
    text               varchar(4000) NOT NULL,
    recorded_by        varchar(64)   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    CONSTRAINT batch_addendum_seq_unique UNIQUE (batch_id, seq)
);
SELECT make_append_only('batch_addendum');

CREATE TABLE batch_addendum_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_id varchar(64), seq integer, subject varchar(200), text varchar(4000), recorded_by varchar(64),
    recorded_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX batch_addendum_aud_rev ON batch_addendum_aud (rev);
SELECT make_append_only('batch_addendum_aud');
