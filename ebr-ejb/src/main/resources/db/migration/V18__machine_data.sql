-- Machine data over OPC UA (issue 19; 21 CFR 11.10(h), Annex 11 §5 and draft §10): the equipment
-- connections an administrator configures and trusts, the tags of each equipment unit, the process
-- values as they arrived (with source and server time stamps and status code), the connection log
-- that shows every gap, and the machine facts of a MACHINE_VALUE entry.

-- An OPC UA server OpenEBR reads from (a machine, a PLC, a gateway). The server certificate it trusts is
-- an administrator's explicit decision (thumbprint, certificate, who, when, why); a server presenting
-- any other certificate is refused. The password of a user-name identity is stored sealed (AES-GCM
-- with a key of the installation's key directory), never in clear.
CREATE TABLE opcua_connection (
    id                   uuid          PRIMARY KEY,
    name                 varchar(64)   NOT NULL,
    endpoint_url         varchar(300)  NOT NULL CHECK (endpoint_url LIKE 'opc.tcp://%'),
    security_policy      varchar(32)   NOT NULL CHECK (security_policy IN ('Basic256Sha256', 'Aes256_Sha256_RsaPss',
                                                                           'None')),
    security_mode        varchar(16)   NOT NULL CHECK (security_mode IN ('SignAndEncrypt', 'Sign', 'None')),
    identity             varchar(16)   NOT NULL CHECK (identity IN ('USERNAME', 'CERTIFICATE', 'ANONYMOUS')),
    user_name            varchar(64),
    password_sealed      varchar(500),
    sampling_ms          integer       NOT NULL CHECK (sampling_ms BETWEEN 50 AND 3600000),
    trusted_thumbprint   varchar(40),
    trusted_certificate  text,
    trusted_by           varchar(64),
    trusted_at           timestamptz,
    trust_reason         varchar(1000),
    created_at           timestamptz   NOT NULL,
    created_by           varchar(64)   NOT NULL,
    row_version          bigint        NOT NULL,
    CONSTRAINT opcua_connection_user CHECK ((identity = 'USERNAME') = (user_name IS NOT NULL)),
    CONSTRAINT opcua_connection_trust CHECK ((trusted_thumbprint IS NULL) = (trusted_by IS NULL)),
    CONSTRAINT opcua_connection_security CHECK ((security_policy = 'None') = (security_mode = 'None'))
);
CREATE UNIQUE INDEX opcua_connection_name ON opcua_connection (lower(name));
REVOKE DELETE, TRUNCATE ON opcua_connection FROM ${appRole};

CREATE TABLE opcua_connection_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint, name varchar(64),
    endpoint_url varchar(300), security_policy varchar(32), security_mode varchar(16), identity varchar(16),
    user_name varchar(64), password_sealed varchar(500), sampling_ms integer, trusted_thumbprint varchar(40),
    trusted_certificate text, trusted_by varchar(64), trusted_at timestamptz, trust_reason varchar(1000),
    created_at timestamptz, created_by varchar(64),
    PRIMARY KEY (id, rev)
);
CREATE INDEX opcua_connection_aud_rev ON opcua_connection_aud (rev);
SELECT make_append_only('opcua_connection_aud');

-- The equipment master's machine data points: the tag a recipe names (e.g. V101.Temperature), on which
-- unit, read from which node of which connection; the instrument's range and how long the value may stay
-- unchanged while the unit works (plausibility, Annex 11 draft §10). Defined once, never changed in place.
CREATE TABLE equipment_tag (
    id                    uuid          PRIMARY KEY,
    unit_id               uuid          NOT NULL REFERENCES equipment_unit (id),
    tag                   varchar(64)   NOT NULL,
    connection_id         uuid          NOT NULL REFERENCES opcua_connection (id),
    node_id               varchar(300)  NOT NULL,
    engineering_unit      varchar(16),
    range_low             numeric(24,9),
    range_high            numeric(24,9),
    max_unchanged_seconds integer       CHECK (max_unchanged_seconds > 0),
    kind                  varchar(8)    NOT NULL CHECK (kind IN ('VALUE', 'ALARM')),
    created_at            timestamptz   NOT NULL,
    created_by            varchar(64)   NOT NULL,
    CONSTRAINT equipment_tag_range CHECK (range_low IS NULL OR range_high IS NULL OR range_low < range_high)
);
CREATE UNIQUE INDEX equipment_tag_unit_tag ON equipment_tag (unit_id, lower(tag));
SELECT make_append_only('equipment_tag');

CREATE TABLE equipment_tag_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint, unit_id uuid,
    tag varchar(64), connection_id uuid, node_id varchar(300), engineering_unit varchar(16),
    range_low numeric(24,9), range_high numeric(24,9), max_unchanged_seconds integer, kind varchar(8),
    created_at timestamptz, created_by varchar(64),
    PRIMARY KEY (id, rev)
);
CREATE INDEX equipment_tag_aud_rev ON equipment_tag_aud (rev);
SELECT make_append_only('equipment_tag_aud');

-- The connection log: connected, lost, refused (an untrusted certificate, a wrong password, a node that
-- does not exist), trusted. A gap in the process values is the time between LOST and the next CONNECTED:
-- shown as a gap, never filled in.
CREATE TABLE opcua_connection_event (
    id                 bigserial     PRIMARY KEY,
    connection_id      uuid          NOT NULL REFERENCES opcua_connection (id),
    at                 timestamptz   NOT NULL,
    kind               varchar(16)   NOT NULL CHECK (kind IN ('CONNECTED', 'LOST', 'REFUSED', 'NODE_REFUSED',
                                                              'TRUSTED', 'CONFIGURED')),
    detail             varchar(1000) NOT NULL
);
CREATE INDEX opcua_connection_event_connection ON opcua_connection_event (connection_id, id);
SELECT make_append_only('opcua_connection_event');

-- Process values, as they arrived, partitioned by month of arrival (the server's clock: a device with a
-- wrong clock still lands in a partition; its source time is kept as it said). About 150 bytes a row with
-- its indexes: 1,000 tags at 1 s are 2.6 billion rows, about 390 GB a month (README, "Machine data").
-- batch_id is the batch that had the unit when the value arrived. Append-only; a partition is archived
-- and detached as a whole, never edited.
CREATE TABLE process_value (
    tag_id             uuid          NOT NULL,
    received_at        timestamptz   NOT NULL,
    source_time        timestamptz,
    server_time        timestamptz,
    status_code        bigint        NOT NULL,
    value              double precision,
    value_text         varchar(200),
    batch_id           varchar(64)
) PARTITION BY RANGE (received_at);
CREATE INDEX process_value_tag_time ON process_value (tag_id, received_at);
CREATE INDEX process_value_batch ON process_value (batch_id, tag_id, received_at) WHERE batch_id IS NOT NULL;
-- A value that arrives when no month's partition exists yet is still kept.
CREATE TABLE process_value_default PARTITION OF process_value DEFAULT;
REVOKE UPDATE, DELETE, TRUNCATE ON process_value FROM ${appRole};
REVOKE UPDATE, DELETE, TRUNCATE ON process_value_default FROM ${appRole};
CREATE TRIGGER process_value_append_only BEFORE UPDATE OR DELETE ON process_value
    FOR EACH ROW EXECUTE FUNCTION append_only();

-- The month's partition, made ahead by the application (the runtime role may not create tables, so this
-- runs with the owner's rights and does nothing else).
CREATE FUNCTION process_value_partition(month date) RETURNS text LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ebr, pg_temp AS $$
DECLARE
    first date := date_trunc('month', month)::date;
    name text := 'process_value_' || to_char(first, 'YYYY_MM');
BEGIN
    IF to_regclass('ebr.' || name) IS NULL THEN
        EXECUTE format('CREATE TABLE ebr.%I PARTITION OF ebr.process_value FOR VALUES FROM (%L) TO (%L)', name,
                       first::timestamptz, (first + interval '1 month')::timestamptz);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON ebr.%I FROM ${appRole}', name);
    END IF;
    RETURN name;
END $$;
REVOKE ALL ON FUNCTION process_value_partition(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION process_value_partition(date) TO ${appRole};
SELECT process_value_partition(current_date);
SELECT process_value_partition((current_date + interval '1 month')::date);

-- A MACHINE_VALUE entry says where its value came from: OPC_UA (read from the equipment: the tag's
-- node, the status code and its quality, the source and server time stamps) or MANUAL (typed by a
-- person instead, with a reason). A value that is not Good is recorded as it is, with its quality,
-- and only with a person's reason; it never becomes Good.
ALTER TABLE step_entry
    ADD COLUMN source        varchar(8)  CHECK (source IN ('OPC_UA', 'MANUAL')),
    ADD COLUMN node_id       varchar(300),
    ADD COLUMN status_code   bigint,
    ADD COLUMN quality       varchar(10) CHECK (quality IN ('GOOD', 'UNCERTAIN', 'BAD')),
    ADD COLUMN source_time   timestamptz,
    ADD COLUMN server_time   timestamptz,
    ADD COLUMN plausibility  varchar(500),
    ADD CONSTRAINT step_entry_machine CHECK (source IS DISTINCT FROM 'OPC_UA'
        OR (status_code IS NOT NULL AND quality IS NOT NULL AND node_id IS NOT NULL)),
    ADD CONSTRAINT step_entry_not_good_reason CHECK ((quality IS NULL OR quality = 'GOOD') AND plausibility IS NULL
        OR reason IS NOT NULL);
ALTER TABLE step_entry_aud
    ADD COLUMN source varchar(8), ADD COLUMN node_id varchar(300), ADD COLUMN status_code bigint,
    ADD COLUMN quality varchar(10), ADD COLUMN source_time timestamptz, ADD COLUMN server_time timestamptz,
    ADD COLUMN plausibility varchar(500);

-- Alarms of the equipment (A11D-8-1): an ALARM tag (a Boolean the machine sets while the alarm is active)
-- raised, cleared, and acknowledged by a person with a comment. The alarm log is append-only: nothing in it
-- is ever changed. An alarm raised while a batch holds the unit is recorded with the batch and raises a
-- deviation on it (origin EQUIPMENT_ALARM).
CREATE TABLE equipment_alarm (
    id                 bigserial     PRIMARY KEY,
    tag_id             uuid          NOT NULL REFERENCES equipment_tag (id),
    unit_id            uuid          NOT NULL REFERENCES equipment_unit (id),
    batch_id           varchar(64)   REFERENCES batch (batch_id),
    kind               varchar(12)   NOT NULL CHECK (kind IN ('RAISED', 'CLEARED', 'ACKNOWLEDGED')),
    raised_ref         bigint        REFERENCES equipment_alarm (id),
    at                 timestamptz   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    detail             varchar(500)  NOT NULL,
    deviation_id       varchar(24),
    by_user            varchar(64),
    comment            varchar(1000),
    CONSTRAINT equipment_alarm_ref CHECK ((kind = 'RAISED') = (raised_ref IS NULL)),
    CONSTRAINT equipment_alarm_ack CHECK (kind <> 'ACKNOWLEDGED' OR (by_user IS NOT NULL AND comment IS NOT NULL))
);
CREATE INDEX equipment_alarm_tag ON equipment_alarm (tag_id, id);
CREATE INDEX equipment_alarm_batch ON equipment_alarm (batch_id) WHERE batch_id IS NOT NULL;
CREATE UNIQUE INDEX equipment_alarm_one_ack ON equipment_alarm (raised_ref) WHERE kind = 'ACKNOWLEDGED';
SELECT make_append_only('equipment_alarm');

ALTER TABLE deviation DROP CONSTRAINT deviation_origin_check;
ALTER TABLE deviation ADD CONSTRAINT deviation_origin_check CHECK (origin IN ('OUT_OF_LIMITS', 'RAISED', 'GATE_OVERRIDE',
    'EQUIPMENT_ALARM'));

-- A machine value typed instead of read (Annex 11 draft §10.2, A11D-10-1) needs a second person: the step
-- waits for a verifier's signature whatever the recipe says, for the entry that was typed.
ALTER TABLE batch_step ADD COLUMN second_person boolean NOT NULL DEFAULT false;
ALTER TABLE batch_step_aud ADD COLUMN second_person boolean;
