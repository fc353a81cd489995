-- Equipment (ISA-95 equipment model; EU GMP 3.34-3.44, 4.31, 5.20; 21 CFR 211.63-211.68, 211.182):
-- the classes the recipes name, the units with their status, and each unit's logbook. A unit's
-- status, usage counter, clean-hold and calibration due date move only together with a logbook
-- entry in the same transaction; the logbook itself is append-only (EU GMP 4.31: "logbooks ...
-- chronological order"). Nothing is ever deleted (the runtime role has no DELETE).
CREATE TABLE equipment_class (
    id                   uuid          PRIMARY KEY,
    name                 varchar(100)  NOT NULL,
    calibration_required boolean       NOT NULL,
    clean_hold_seconds   bigint        CHECK (clean_hold_seconds > 0),
    dirty_hold_seconds   bigint        CHECK (dirty_hold_seconds > 0),
    created_at           timestamptz   NOT NULL,
    created_by           varchar(64)   NOT NULL
);
-- A recipe names a class as free text: one class per name whatever its case.
CREATE UNIQUE INDEX equipment_class_name ON equipment_class (lower(name));
-- A class is master data the recipes rely on: defined once, never changed in place.
SELECT make_append_only('equipment_class');

CREATE TABLE equipment_unit (
    id                        uuid          PRIMARY KEY,
    equipment_id              varchar(32)   NOT NULL,
    equipment_class_id        uuid          NOT NULL REFERENCES equipment_class (id),
    description               varchar(200)  NOT NULL,
    location                  varchar(100)  NOT NULL,
    calibration_interval_days integer       CHECK (calibration_interval_days > 0),
    wear_limit                bigint        CHECK (wear_limit > 0),
    usage_count               bigint        NOT NULL CHECK (usage_count >= 0),
    status                    varchar(16)   NOT NULL CHECK (status IN ('CLEAN', 'IN_USE', 'DIRTY', 'MAINTENANCE',
                                                                       'OUT_OF_SERVICE')),
    status_batch              varchar(64),
    status_since              timestamptz   NOT NULL,
    clean_until               timestamptz,
    calibration_due           timestamptz,
    qualification             varchar(16)   NOT NULL CHECK (qualification IN ('QUALIFIED', 'NOT_QUALIFIED')),
    qualification_reference   varchar(100),
    created_at                timestamptz   NOT NULL,
    created_by                varchar(64)   NOT NULL,
    row_version               bigint        NOT NULL,
    CONSTRAINT equipment_unit_in_use_by_a_batch CHECK ((status = 'IN_USE') = (status_batch IS NOT NULL))
);
-- The equipment id is also the barcode text: unique whatever its case.
CREATE UNIQUE INDEX equipment_unit_equipment_id ON equipment_unit (lower(equipment_id));

-- The usage counter only grows, and a unit's identity never changes.
CREATE FUNCTION equipment_unit_identity_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.equipment_id <> OLD.equipment_id OR NEW.created_at <> OLD.created_at
       OR NEW.created_by <> OLD.created_by OR NEW.usage_count < OLD.usage_count THEN
        RAISE EXCEPTION 'equipment unit %: its identity never changes and its usage counter only grows',
            OLD.equipment_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER equipment_unit_identity_is_fixed BEFORE UPDATE ON equipment_unit
    FOR EACH ROW EXECUTE FUNCTION equipment_unit_identity_is_fixed();

-- The logbook: one row per event, numbered in the order recorded.
CREATE SEQUENCE equipment_log_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE equipment_log_entry (
    id                bigint        PRIMARY KEY,
    unit_id           uuid          NOT NULL REFERENCES equipment_unit (id),
    kind              varchar(24)   NOT NULL CHECK (kind IN ('REGISTERED', 'STATUS', 'USE', 'OCCUPIED', 'RELEASED',
                                                             'CLEANING', 'CLEANING_VERIFIED', 'CALIBRATION',
                                                             'MAINTENANCE', 'QUALIFICATION')),
    recorded_at       timestamptz   NOT NULL,
    recorded_by       varchar(64)   NOT NULL,
    status_before     varchar(16),
    status_after      varchar(16),
    batch             varchar(64),
    step              varchar(64),
    cleaning_procedure varchar(200),
    cleaning_entry    bigint        REFERENCES equipment_log_entry (id),
    calibration_result varchar(8)   CHECK (calibration_result IN ('PASS', 'FAIL')),
    performed_at      timestamptz,
    certificate       varchar(100),
    calibration_due   timestamptz,
    clean_until       timestamptz,
    qualification     varchar(16)   CHECK (qualification IN ('QUALIFIED', 'NOT_QUALIFIED')),
    detail            varchar(1000) NOT NULL
);
CREATE INDEX equipment_log_entry_unit ON equipment_log_entry (unit_id, id);
CREATE INDEX equipment_log_entry_batch ON equipment_log_entry (batch) WHERE batch IS NOT NULL;
-- One verification per cleaning.
CREATE UNIQUE INDEX equipment_log_entry_one_verification ON equipment_log_entry (cleaning_entry)
    WHERE kind = 'CLEANING_VERIFIED';
SELECT make_append_only('equipment_log_entry');

-- Envers leaves the optimistic-locking columns (row_version) out of the trail.
CREATE TABLE equipment_class_aud (
    id                   uuid         NOT NULL,
    rev                  bigint       NOT NULL REFERENCES audit_revision (id),
    revtype              smallint,
    name                 varchar(100),
    calibration_required boolean,
    clean_hold_seconds   bigint,
    dirty_hold_seconds   bigint,
    created_at           timestamptz,
    created_by           varchar(64),
    PRIMARY KEY (id, rev)
);
CREATE INDEX equipment_class_aud_rev ON equipment_class_aud (rev);
SELECT make_append_only('equipment_class_aud');

CREATE TABLE equipment_unit_aud (
    id                        uuid         NOT NULL,
    rev                       bigint       NOT NULL REFERENCES audit_revision (id),
    revtype                   smallint,
    equipment_id              varchar(32),
    equipment_class_id        uuid,
    description               varchar(200),
    location                  varchar(100),
    calibration_interval_days integer,
    wear_limit                bigint,
    usage_count               bigint,
    status                    varchar(16),
    status_batch              varchar(64),
    status_since              timestamptz,
    clean_until               timestamptz,
    calibration_due           timestamptz,
    qualification             varchar(16),
    qualification_reference   varchar(100),
    created_at                timestamptz,
    created_by                varchar(64),
    PRIMARY KEY (id, rev)
);
CREATE INDEX equipment_unit_aud_rev ON equipment_unit_aud (rev);
SELECT make_append_only('equipment_unit_aud');

CREATE TABLE equipment_log_entry_aud (
    id                bigint        NOT NULL,
    rev               bigint        NOT NULL REFERENCES audit_revision (id),
    revtype           smallint,
    unit_id           uuid,
    kind              varchar(24),
    recorded_at       timestamptz,
    recorded_by       varchar(64),
    status_before     varchar(16),
    status_after      varchar(16),
    batch             varchar(64),
    step              varchar(64),
    cleaning_procedure varchar(200),
    cleaning_entry    bigint,
    calibration_result varchar(8),
    performed_at      timestamptz,
    certificate       varchar(100),
    calibration_due   timestamptz,
    clean_until       timestamptz,
    qualification     varchar(16),
    detail            varchar(1000),
    PRIMARY KEY (id, rev)
);
CREATE INDEX equipment_log_entry_aud_rev ON equipment_log_entry_aud (rev);
SELECT make_append_only('equipment_log_entry_aud');
