-- Batch execution (ISA-88 control recipe; 21 CFR 211.188, 11.10(f); EU GMP Annex 11 §6).
-- A batch is made from the effective version of a master recipe: its document and content hash are kept
-- as the control recipe, a snapshot that a later change of the master never reaches. Batch numbers are
-- issued gaplessly from a counter row per numbering period (never a sequence: a sequence skips numbers
-- on rollback). Each step of the control recipe has a state row; what is recorded on it is a list of
-- entries, append-only: a correction is a new entry with a reason, the original stays. Status changes
-- of a batch are events of their own; deviations are records with their classification; a gate that
-- refused an operator (material, equipment, training) leaves a refusal record.

CREATE TABLE batch_number (
    period             varchar(64)   PRIMARY KEY,
    last_number        integer       NOT NULL CHECK (last_number >= 0)
);

CREATE TABLE batch (
    id                 uuid          PRIMARY KEY,
    batch_id           varchar(64)   NOT NULL,
    recipe_id          varchar(64)   NOT NULL,
    recipe_version     integer       NOT NULL CHECK (recipe_version >= 1),
    content_hash       varchar(64)   NOT NULL,
    product            varchar(200)  NOT NULL,
    control_recipe     text          NOT NULL,
    scaled_formula     text          NOT NULL,
    planned_quantity   numeric(18,6) NOT NULL CHECK (planned_quantity > 0),
    unit               varchar(8)    NOT NULL,
    status             varchar(16)   NOT NULL CHECK (status IN ('PLANNED', 'READY', 'IN_PROGRESS', 'ON_HOLD',
                                                                'COMPLETED', 'ABORTED')),
    held_from          varchar(16)   CHECK (held_from IN ('READY', 'IN_PROGRESS')),
    line               varchar(100),
    status_reason      varchar(1000) NOT NULL,
    status_changed_at  timestamptz   NOT NULL,
    status_changed_by  varchar(64)   NOT NULL,
    created_at         timestamptz   NOT NULL,
    created_by         varchar(64)   NOT NULL,
    reason             varchar(1000) NOT NULL,
    row_version        bigint        NOT NULL,
    CONSTRAINT batch_id_unique UNIQUE (batch_id),
    CONSTRAINT batch_held_from CHECK ((status = 'ON_HOLD') = (held_from IS NOT NULL))
);
CREATE INDEX batch_status ON batch (status);

-- The control recipe and the batch's identity never change once the batch exists.
CREATE FUNCTION batch_identity_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.batch_id <> OLD.batch_id OR NEW.recipe_id <> OLD.recipe_id
       OR NEW.recipe_version <> OLD.recipe_version OR NEW.content_hash <> OLD.content_hash
       OR NEW.control_recipe <> OLD.control_recipe OR NEW.scaled_formula <> OLD.scaled_formula
       OR NEW.planned_quantity <> OLD.planned_quantity OR NEW.unit <> OLD.unit
       OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
        RAISE EXCEPTION 'batch %: its control recipe and identity never change', OLD.batch_id USING ERRCODE = '42501';
    END IF;
    IF OLD.status IN ('COMPLETED', 'ABORTED') AND NEW.status <> OLD.status THEN
        RAISE EXCEPTION 'batch %: a % batch does not change its status', OLD.batch_id, OLD.status USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER batch_identity_is_frozen BEFORE UPDATE ON batch
    FOR EACH ROW EXECUTE FUNCTION batch_identity_is_frozen();

CREATE TABLE batch_event (
    id                 uuid          PRIMARY KEY,
    batch_ref          uuid          NOT NULL REFERENCES batch (id),
    seq                integer       NOT NULL CHECK (seq >= 1),
    from_status        varchar(16),
    to_status          varchar(16)   NOT NULL,
    reason             varchar(1000) NOT NULL,
    recorded_by        varchar(64)   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    signed             boolean       NOT NULL,
    CONSTRAINT batch_event_seq_unique UNIQUE (batch_ref, seq)
);

CREATE TABLE batch_step (
    id                 uuid          PRIMARY KEY,
    batch_ref          uuid          NOT NULL REFERENCES batch (id),
    step_id            varchar(64)   NOT NULL,
    state              varchar(16)   NOT NULL CHECK (state IN ('OPEN', 'RECORDED', 'PERFORMED', 'DONE')),
    revision           integer       NOT NULL CHECK (revision >= 0),
    verifier_required  boolean       NOT NULL,
    recorded_by        varchar(64),
    performed_by       varchar(64),
    verified_by        varchar(64),
    flagged            boolean       NOT NULL,
    occupied_equipment varchar(40),
    row_version        bigint        NOT NULL,
    CONSTRAINT batch_step_unique UNIQUE (batch_ref, step_id),
    CONSTRAINT batch_step_four_eyes CHECK (verified_by IS NULL OR lower(verified_by) <> lower(performed_by))
);

CREATE TABLE step_entry (
    id                 uuid          PRIMARY KEY,
    batch_ref          uuid          NOT NULL REFERENCES batch (id),
    step_id            varchar(64)   NOT NULL,
    seq                integer       NOT NULL CHECK (seq >= 1),
    kind               varchar(16)   NOT NULL CHECK (kind IN ('ENTRY', 'CORRECTION', 'SAMPLE_RESULT')),
    raw_value          varchar(64),
    numeric_value      numeric(24,9),
    unit               varchar(16),
    text_value         varchar(2000),
    acknowledged       boolean       NOT NULL,
    container_id       varchar(24),
    lot_id             varchar(24),
    equipment_id       varchar(40),
    sample_id          varchar(64),
    judgement          varchar(16)   CHECK (judgement IN ('IN_SPEC', 'ALERT', 'OUT_OF_SPEC')),
    manual             boolean       NOT NULL,
    late               boolean       NOT NULL,
    performed_at       timestamptz,
    reason             varchar(1000),
    details            varchar(2000),
    deviation_id       varchar(24),
    recorded_by        varchar(64)   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    CONSTRAINT step_entry_seq_unique UNIQUE (batch_ref, step_id, seq),
    CONSTRAINT step_entry_correction_reason CHECK (kind <> 'CORRECTION' OR reason IS NOT NULL),
    CONSTRAINT step_entry_late_reason CHECK (NOT late OR reason IS NOT NULL),
    CONSTRAINT step_entry_manual_reason CHECK (NOT manual OR reason IS NOT NULL)
);
CREATE INDEX step_entry_batch ON step_entry (batch_ref, step_id);

CREATE SEQUENCE deviation_number_seq;

CREATE TABLE deviation (
    id                 uuid          PRIMARY KEY,
    deviation_id       varchar(24)   NOT NULL,
    batch_ref          uuid          NOT NULL REFERENCES batch (id),
    step_id            varchar(64),
    origin             varchar(16)   NOT NULL CHECK (origin IN ('OUT_OF_LIMITS', 'RAISED')),
    description        varchar(2000) NOT NULL,
    status             varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    classification     varchar(16)   CHECK (classification IN ('MINOR', 'MAJOR', 'CRITICAL')),
    classified_by      varchar(64),
    classified_at      timestamptz,
    classification_reason varchar(1000),
    raised_by          varchar(64)   NOT NULL,
    raised_at          timestamptz   NOT NULL,
    row_version        bigint        NOT NULL,
    CONSTRAINT deviation_id_unique UNIQUE (deviation_id),
    CONSTRAINT deviation_classified CHECK ((classification IS NULL) = (classified_by IS NULL))
);
CREATE INDEX deviation_batch ON deviation (batch_ref);

CREATE TABLE gate_refusal (
    id                 uuid          PRIMARY KEY,
    batch_ref          uuid          NOT NULL REFERENCES batch (id),
    step_id            varchar(64)   NOT NULL,
    kind               varchar(64)   NOT NULL,
    message            varchar(2000) NOT NULL,
    refused_to         varchar(64)   NOT NULL,
    refused_at         timestamptz   NOT NULL
);
CREATE INDEX gate_refusal_batch ON gate_refusal (batch_ref);

-- The answer to a state-changing call sent with an Idempotency-Key: the same key and body are answered
-- with it again, without a second effect. A replay cache, not a record: the effect itself is audited.
CREATE TABLE idempotent_call (
    user_name          varchar(64)   NOT NULL,
    idempotency_key    varchar(200)  NOT NULL,
    request_hash       varchar(64)   NOT NULL,
    status             integer       NOT NULL,
    body               text          NOT NULL,
    created_at         timestamptz   NOT NULL,
    PRIMARY KEY (user_name, idempotency_key)
);

SELECT make_append_only('batch_event');
SELECT make_append_only('step_entry');
SELECT make_append_only('gate_refusal');
SELECT make_append_only('idempotent_call');
REVOKE DELETE, TRUNCATE ON batch, batch_step, deviation, batch_number FROM ${appRole};

-- A charge consumes the container it empties into the batch (EU GMP 5.34; 21 CFR 211.184(b)).
ALTER TABLE container_event DROP CONSTRAINT container_event_kind_check;
ALTER TABLE container_event ADD CONSTRAINT container_event_kind_check CHECK (kind IN ('RECEIVED', 'DISPENSED',
    'DISPENSED_FROM', 'SPLIT', 'MOVED', 'HANDED_OVER', 'EMPTIED', 'CONSUMED'));

-- Audit tables (Envers); the optimistic-locking column is left out of the trail.
CREATE TABLE batch_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_id varchar(64), recipe_id varchar(64), recipe_version integer, content_hash varchar(64), product varchar(200),
    control_recipe text, scaled_formula text, planned_quantity numeric(18,6), unit varchar(8), status varchar(16),
    held_from varchar(16), line varchar(100), status_reason varchar(1000), status_changed_at timestamptz,
    status_changed_by varchar(64), created_at timestamptz, created_by varchar(64), reason varchar(1000),
    PRIMARY KEY (id, rev)
);
CREATE TABLE batch_event_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_ref uuid, seq integer, from_status varchar(16), to_status varchar(16), reason varchar(1000),
    recorded_by varchar(64), recorded_at timestamptz, signed boolean,
    PRIMARY KEY (id, rev)
);
CREATE TABLE batch_step_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_ref uuid, step_id varchar(64), state varchar(16), revision integer, verifier_required boolean,
    recorded_by varchar(64), performed_by varchar(64), verified_by varchar(64), flagged boolean,
    occupied_equipment varchar(40),
    PRIMARY KEY (id, rev)
);
CREATE TABLE step_entry_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_ref uuid, step_id varchar(64), seq integer, kind varchar(16), raw_value varchar(64),
    numeric_value numeric(24,9), unit varchar(16), text_value varchar(2000), acknowledged boolean,
    container_id varchar(24), lot_id varchar(24), equipment_id varchar(40), sample_id varchar(64),
    judgement varchar(16), manual boolean, late boolean, performed_at timestamptz, reason varchar(1000),
    details varchar(2000), deviation_id varchar(24), recorded_by varchar(64), recorded_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE TABLE deviation_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    deviation_id varchar(24), batch_ref uuid, step_id varchar(64), origin varchar(16), description varchar(2000),
    status varchar(16), classification varchar(16), classified_by varchar(64), classified_at timestamptz,
    classification_reason varchar(1000), raised_by varchar(64), raised_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE TABLE gate_refusal_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_ref uuid, step_id varchar(64), kind varchar(64), message varchar(2000), refused_to varchar(64),
    refused_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX batch_aud_rev ON batch_aud (rev);
CREATE INDEX batch_event_aud_rev ON batch_event_aud (rev);
CREATE INDEX batch_step_aud_rev ON batch_step_aud (rev);
CREATE INDEX step_entry_aud_rev ON step_entry_aud (rev);
CREATE INDEX deviation_aud_rev ON deviation_aud (rev);
CREATE INDEX gate_refusal_aud_rev ON gate_refusal_aud (rev);
SELECT make_append_only('batch_aud');
SELECT make_append_only('batch_event_aud');
SELECT make_append_only('batch_step_aud');
SELECT make_append_only('step_entry_aud');
SELECT make_append_only('deviation_aud');
SELECT make_append_only('gate_refusal_aud');
