-- A supervisor's override of a refused training gate (21 CFR 211.25, 11.10(i); EU GMP Annex 11 §2):
-- granted for one operator's next entry on one step of one batch, signed by the supervisor inside the
-- same call (record type GATE_OVERRIDE, <batchId>:<seq>), and always raising a deviation that QA sees.
-- Used once: the entry it lets through is named on it. Material and equipment gates are not overridden.

CREATE TABLE gate_override (
    id                 uuid          PRIMARY KEY,
    batch_ref          uuid          NOT NULL REFERENCES batch (id),
    seq                integer       NOT NULL CHECK (seq > 0),
    step_id            varchar(64)   NOT NULL,
    gate               varchar(16)   NOT NULL CHECK (gate IN ('TRAINING')),
    operator           varchar(64)   NOT NULL,
    qualifications     varchar(1000) NOT NULL,
    reason             varchar(1000) NOT NULL,
    deviation_id       varchar(24)   NOT NULL REFERENCES deviation (deviation_id),
    granted_by         varchar(64)   NOT NULL,
    granted_at         timestamptz   NOT NULL,
    used_at            timestamptz,
    used_by_entry      integer,
    row_version        bigint        NOT NULL,
    CONSTRAINT gate_override_seq_unique UNIQUE (batch_ref, seq),
    CONSTRAINT gate_override_not_self CHECK (lower(granted_by) <> lower(operator)),
    CONSTRAINT gate_override_used CHECK ((used_at IS NULL) = (used_by_entry IS NULL))
);
CREATE INDEX gate_override_step ON gate_override (batch_ref, step_id);
-- at most one override waiting to be used per step and operator
CREATE UNIQUE INDEX gate_override_one_open ON gate_override (batch_ref, step_id, lower(operator)) WHERE used_at IS NULL;
REVOKE DELETE, TRUNCATE ON gate_override FROM ${appRole};

-- Used once, never unused again: a used override keeps what it was used for.
CREATE FUNCTION gate_override_used_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.used_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.batch_ref <> OLD.batch_ref OR NEW.seq <> OLD.seq
            OR NEW.step_id <> OLD.step_id OR NEW.gate <> OLD.gate OR NEW.operator <> OLD.operator
            OR NEW.qualifications <> OLD.qualifications OR NEW.reason <> OLD.reason
            OR NEW.deviation_id <> OLD.deviation_id OR NEW.granted_by <> OLD.granted_by
            OR NEW.granted_at <> OLD.granted_at THEN
        RAISE EXCEPTION 'gate_override % is changed only once, when it is used', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER gate_override_used_once BEFORE UPDATE ON gate_override
    FOR EACH ROW EXECUTE FUNCTION gate_override_used_once();

ALTER TABLE deviation DROP CONSTRAINT deviation_origin_check;
ALTER TABLE deviation ADD CONSTRAINT deviation_origin_check CHECK (origin IN ('OUT_OF_LIMITS', 'RAISED', 'GATE_OVERRIDE'));

CREATE TABLE gate_override_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_ref uuid, seq integer, step_id varchar(64), gate varchar(16), operator varchar(64),
    qualifications varchar(1000), reason varchar(1000), deviation_id varchar(24), granted_by varchar(64),
    granted_at timestamptz, used_at timestamptz, used_by_entry integer,
    PRIMARY KEY (id, rev)
);
CREATE INDEX gate_override_aud_rev ON gate_override_aud (rev);
SELECT make_append_only('gate_override_aud');
