-- Materials, lots, containers, custody and dispensing (EU GMP Chapter 5; 21 CFR 211.80-211.94, 211.184).
-- A material master row names a material as the ERP knows it. A lot is received in QUARANTINE with its
-- containers; its status moves only by a signed QA decision (or QA's block and unblock with a reason).
-- Whether a lot is expired or past its retest date is computed from its dates when it is read or used,
-- never stored. A container's quantity is its running balance, each change recorded as a container
-- event (received, dispensed from, moved, handed over, emptied) in order; a dispensing is a record of
-- its own. Genealogy edges (lot/container -> lot/container) are written for everything done here.
-- Events, edges and dispensings are append-only; nothing here is ever deleted.

CREATE TABLE material (
    id                 uuid          PRIMARY KEY,
    material_number    varchar(40)   NOT NULL,
    name               varchar(200)  NOT NULL,
    material_type      varchar(16)   NOT NULL CHECK (material_type IN ('API', 'EXCIPIENT', 'SOLVENT', 'PACKAGING',
                                                                      'INTERMEDIATE', 'FINISHED_GOOD')),
    base_unit          varchar(8)    NOT NULL,
    storage_conditions varchar(200)  NOT NULL,
    shelf_life_months  integer       CHECK (shelf_life_months > 0),
    retest_months      integer       CHECK (retest_months > 0),
    gtin               varchar(14)   CHECK (gtin ~ '^[0-9]{14}$'),
    created_at         timestamptz   NOT NULL,
    created_by         varchar(64)   NOT NULL,
    reason             varchar(1000) NOT NULL,
    row_version        bigint        NOT NULL,
    CONSTRAINT material_number_unique UNIQUE (material_number),
    CONSTRAINT material_gtin_unique UNIQUE (gtin)
);
CREATE UNIQUE INDEX material_name_unique ON material (lower(name));

CREATE SEQUENCE lot_number_seq;
CREATE SEQUENCE container_number_seq;
CREATE SEQUENCE dispensing_number_seq;

CREATE TABLE lot (
    id                 uuid          PRIMARY KEY,
    lot_id             varchar(24)   NOT NULL,
    material_id        uuid          NOT NULL REFERENCES material (id),
    supplier           varchar(200)  NOT NULL,
    supplier_lot       varchar(64)   NOT NULL,
    expiry_date        date          NOT NULL,
    retest_date        date,
    status             varchar(16)   NOT NULL CHECK (status IN ('QUARANTINE', 'RELEASED', 'REJECTED', 'BLOCKED')),
    blocked_from       varchar(16)   CHECK (blocked_from IN ('QUARANTINE', 'RELEASED')),
    status_reason      varchar(1000) NOT NULL,
    status_changed_at  timestamptz   NOT NULL,
    status_changed_by  varchar(64)   NOT NULL,
    received_at        timestamptz   NOT NULL,
    received_by        varchar(64)   NOT NULL,
    row_version        bigint        NOT NULL,
    CONSTRAINT lot_id_unique UNIQUE (lot_id),
    CONSTRAINT lot_retest_before_expiry CHECK (retest_date IS NULL OR retest_date <= expiry_date),
    CONSTRAINT lot_blocked_from CHECK ((status = 'BLOCKED') = (blocked_from IS NOT NULL))
);
CREATE INDEX lot_material ON lot (material_id);

-- A lot is received in quarantine; its identity, receipt and dates never change afterwards.
CREATE FUNCTION lot_identity_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'QUARANTINE' THEN
            RAISE EXCEPTION 'lot %: a lot is received in quarantine', NEW.lot_id USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.lot_id <> OLD.lot_id OR NEW.material_id <> OLD.material_id
       OR NEW.supplier <> OLD.supplier OR NEW.supplier_lot <> OLD.supplier_lot OR NEW.expiry_date <> OLD.expiry_date
       OR NEW.retest_date IS DISTINCT FROM OLD.retest_date OR NEW.received_at <> OLD.received_at
       OR NEW.received_by <> OLD.received_by THEN
        RAISE EXCEPTION 'lot %: its identity, receipt and dates never change', OLD.lot_id USING ERRCODE = '42501';
    END IF;
    IF NEW.status <> OLD.status AND NOT (
           (OLD.status = 'QUARANTINE' AND NEW.status IN ('RELEASED', 'REJECTED', 'BLOCKED'))
        OR (OLD.status = 'RELEASED' AND NEW.status IN ('BLOCKED', 'REJECTED'))
        OR (OLD.status = 'BLOCKED' AND NEW.status IN ('QUARANTINE', 'RELEASED', 'REJECTED'))) THEN
        RAISE EXCEPTION 'lot %: % -> % is not a status step', OLD.lot_id, OLD.status, NEW.status USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER lot_identity_is_frozen BEFORE INSERT OR UPDATE ON lot
    FOR EACH ROW EXECUTE FUNCTION lot_identity_is_frozen();

CREATE TABLE material_container (
    id                 uuid          PRIMARY KEY,
    container_id       varchar(24)   NOT NULL,
    lot_ref            uuid          NOT NULL REFERENCES lot (id),
    quantity           numeric(18,6) NOT NULL CHECK (quantity >= 0),
    unit               varchar(8)    NOT NULL,
    tare               numeric(18,6) CHECK (tare >= 0),
    location           varchar(100)  NOT NULL,
    holder             varchar(64),
    origin             varchar(16)   NOT NULL CHECK (origin IN ('RECEIVED', 'DISPENSED')),
    batch              varchar(64),
    step               varchar(200),
    created_at         timestamptz   NOT NULL,
    created_by         varchar(64)   NOT NULL,
    row_version        bigint        NOT NULL,
    CONSTRAINT container_id_unique UNIQUE (container_id),
    CONSTRAINT container_dispensed_for CHECK ((origin = 'DISPENSED') = (batch IS NOT NULL AND step IS NOT NULL))
);
CREATE INDEX material_container_lot ON material_container (lot_ref);

CREATE TABLE container_event (
    id                 uuid          PRIMARY KEY,
    container_ref      uuid          NOT NULL REFERENCES material_container (id),
    seq                integer       NOT NULL CHECK (seq >= 1),
    kind               varchar(16)   NOT NULL CHECK (kind IN ('RECEIVED', 'DISPENSED', 'DISPENSED_FROM', 'SPLIT',
                                                             'MOVED', 'HANDED_OVER', 'EMPTIED')),
    quantity           numeric(18,6) CHECK (quantity >= 0),
    balance            numeric(18,6) NOT NULL CHECK (balance >= 0),
    unit               varchar(8)    NOT NULL,
    from_location      varchar(100),
    to_location        varchar(100),
    from_person        varchar(64),
    to_person          varchar(64),
    received_by_signature boolean    NOT NULL,
    reference          varchar(24),
    flag               varchar(500),
    recorded_by        varchar(64)   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    reason             varchar(1000) NOT NULL,
    CONSTRAINT container_event_order UNIQUE (container_ref, seq)
);

CREATE TABLE genealogy_edge (
    id                 uuid          PRIMARY KEY,
    from_kind          varchar(10)   NOT NULL CHECK (from_kind IN ('LOT', 'CONTAINER')),
    from_id            varchar(24)   NOT NULL,
    to_kind            varchar(10)   NOT NULL CHECK (to_kind IN ('LOT', 'CONTAINER', 'BATCH')),
    to_id              varchar(64)   NOT NULL,
    kind               varchar(16)   NOT NULL CHECK (kind IN ('RECEIVED_AS', 'DISPENSED_INTO', 'SPLIT', 'MERGED',
                                                             'CONSUMED_INTO')),
    quantity           numeric(18,6),
    unit               varchar(8),
    reference          varchar(24),
    recorded_by        varchar(64)   NOT NULL,
    recorded_at        timestamptz   NOT NULL
);
CREATE INDEX genealogy_edge_from ON genealogy_edge (from_id);
CREATE INDEX genealogy_edge_to ON genealogy_edge (to_id);

CREATE TABLE dispensing (
    id                 uuid          PRIMARY KEY,
    dispensing_id      varchar(24)   NOT NULL,
    source_container   varchar(24)   NOT NULL,
    dispensed_container varchar(24)  NOT NULL,
    lot_id             varchar(24)   NOT NULL,
    material_number    varchar(40)   NOT NULL,
    batch              varchar(64)   NOT NULL,
    step               varchar(200)  NOT NULL,
    target             numeric(18,6) NOT NULL CHECK (target > 0),
    tolerance_percent  numeric(9,4)  NOT NULL CHECK (tolerance_percent >= 0),
    gross              numeric(18,6) NOT NULL CHECK (gross > 0),
    tare               numeric(18,6) NOT NULL CHECK (tare >= 0),
    net                numeric(18,6) NOT NULL CHECK (net > 0),
    unit               varchar(8)    NOT NULL,
    balance_id         varchar(40)   NOT NULL,
    location           varchar(100)  NOT NULL,
    location_flag      varchar(500),
    performed_by       varchar(64)   NOT NULL,
    verified_by        varchar(64),
    dispensed_at       timestamptz   NOT NULL,
    CONSTRAINT dispensing_id_unique UNIQUE (dispensing_id),
    CONSTRAINT dispensing_net CHECK (net = gross - tare),
    CONSTRAINT dispensing_four_eyes CHECK (verified_by IS NULL OR lower(verified_by) <> lower(performed_by))
);
CREATE INDEX dispensing_batch ON dispensing (batch, step);

SELECT make_append_only('container_event');
SELECT make_append_only('genealogy_edge');
SELECT make_append_only('dispensing');
REVOKE DELETE, TRUNCATE ON material, lot, material_container FROM ${appRole};

-- Audit tables (Envers); the optimistic-locking column is left out of the trail.
CREATE TABLE material_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    material_number varchar(40), name varchar(200), material_type varchar(16), base_unit varchar(8),
    storage_conditions varchar(200), shelf_life_months integer, retest_months integer, gtin varchar(14),
    created_at timestamptz, created_by varchar(64), reason varchar(1000),
    PRIMARY KEY (id, rev)
);
CREATE TABLE lot_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    lot_id varchar(24), material_id uuid, supplier varchar(200), supplier_lot varchar(64), expiry_date date,
    retest_date date, status varchar(16), blocked_from varchar(16), status_reason varchar(1000),
    status_changed_at timestamptz, status_changed_by varchar(64), received_at timestamptz, received_by varchar(64),
    PRIMARY KEY (id, rev)
);
CREATE TABLE material_container_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    container_id varchar(24), lot_ref uuid, quantity numeric(18,6), unit varchar(8), tare numeric(18,6),
    location varchar(100), holder varchar(64), origin varchar(16), batch varchar(64), step varchar(200),
    created_at timestamptz, created_by varchar(64),
    PRIMARY KEY (id, rev)
);
CREATE TABLE container_event_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    container_ref uuid, seq integer, kind varchar(16), quantity numeric(18,6), balance numeric(18,6), unit varchar(8),
    from_location varchar(100), to_location varchar(100), from_person varchar(64), to_person varchar(64),
    received_by_signature boolean, reference varchar(24), flag varchar(500), recorded_by varchar(64),
    recorded_at timestamptz, reason varchar(1000),
    PRIMARY KEY (id, rev)
);
CREATE TABLE genealogy_edge_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    from_kind varchar(10), from_id varchar(24), to_kind varchar(10), to_id varchar(64), kind varchar(16),
    quantity numeric(18,6), unit varchar(8), reference varchar(24), recorded_by varchar(64), recorded_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE TABLE dispensing_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    dispensing_id varchar(24), source_container varchar(24), dispensed_container varchar(24), lot_id varchar(24),
    material_number varchar(40), batch varchar(64), step varchar(200), target numeric(18,6),
    tolerance_percent numeric(9,4), gross numeric(18,6), tare numeric(18,6), net numeric(18,6), unit varchar(8),
    balance_id varchar(40), location varchar(100), location_flag varchar(500), performed_by varchar(64),
    verified_by varchar(64), dispensed_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX material_aud_rev ON material_aud (rev);
CREATE INDEX lot_aud_rev ON lot_aud (rev);
CREATE INDEX material_container_aud_rev ON material_container_aud (rev);
CREATE INDEX container_event_aud_rev ON container_event_aud (rev);
CREATE INDEX genealogy_edge_aud_rev ON genealogy_edge_aud (rev);
CREATE INDEX dispensing_aud_rev ON dispensing_aud (rev);
SELECT make_append_only('material_aud');
SELECT make_append_only('lot_aud');
SELECT make_append_only('material_container_aud');
SELECT make_append_only('container_event_aud');
SELECT make_append_only('genealogy_edge_aud');
SELECT make_append_only('dispensing_aud');
