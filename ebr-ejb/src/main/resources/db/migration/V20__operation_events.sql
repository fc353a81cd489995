-- Shop-floor data collection per operation (MES-BDE-1): downtime, scrap and rework, each with a cause code from a
-- fixed catalogue, recorded by the people on the floor. Append-only: a wrong event is corrected by a new one that
-- names it (corrects) with a reason, or withdrawn by one (withdrawn); the first stays readable.
CREATE TABLE operation_event (
    id                 uuid          PRIMARY KEY,
    batch_ref          uuid          NOT NULL REFERENCES batch (id),
    seq                integer       NOT NULL,
    operation_id       varchar(64)   NOT NULL,
    kind               varchar(12)   NOT NULL CHECK (kind IN ('DOWNTIME', 'SCRAP', 'REWORK')),
    cause              varchar(32)   NOT NULL,
    started_at         timestamptz,
    ended_at           timestamptz,
    quantity           numeric(18,6),
    unit               varchar(16),
    comment            varchar(1000),
    corrects           integer,
    withdrawn          boolean       NOT NULL DEFAULT false,
    reason             varchar(1000),
    recorded_by        varchar(64)   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    CONSTRAINT operation_event_seq UNIQUE (batch_ref, seq),
    CONSTRAINT operation_event_downtime CHECK (kind <> 'DOWNTIME' OR withdrawn
        OR (started_at IS NOT NULL AND ended_at IS NOT NULL AND ended_at > started_at AND quantity IS NULL)),
    CONSTRAINT operation_event_quantity CHECK (kind = 'DOWNTIME' OR withdrawn
        OR (quantity > 0 AND unit IS NOT NULL AND started_at IS NULL)),
    CONSTRAINT operation_event_correction CHECK (corrects IS NULL OR reason IS NOT NULL),
    CONSTRAINT operation_event_withdrawal CHECK (NOT withdrawn OR corrects IS NOT NULL)
);
CREATE INDEX operation_event_batch ON operation_event (batch_ref, seq);
SELECT make_append_only('operation_event');
-- a released or rejected batch's record is read-only (V16), its operation events too
CREATE TRIGGER batch_decided_locks_operation_event BEFORE INSERT OR UPDATE ON operation_event
    FOR EACH ROW EXECUTE FUNCTION batch_record_is_open();

CREATE TABLE operation_event_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_ref uuid, seq integer, operation_id varchar(64), kind varchar(12), cause varchar(32),
    started_at timestamptz, ended_at timestamptz, quantity numeric(18,6), unit varchar(16), comment varchar(1000),
    corrects integer, withdrawn boolean, reason varchar(1000), recorded_by varchar(64), recorded_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX operation_event_aud_rev ON operation_event_aud (rev);
SELECT make_append_only('operation_event_aud');
