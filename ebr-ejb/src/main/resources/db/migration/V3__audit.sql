-- The audit trail (21 CFR 11.10(e); EU GMP Annex 11 §9, §12): one revision per business
-- transaction, Envers audit rows (*_aud) with every value, and the hash chain over revisions in
-- commit order. Everything here is append-only: the runtime role may INSERT and SELECT only, and
-- triggers refuse UPDATE, DELETE and TRUNCATE even to the owner. Only a superuser who disables
-- the triggers can change a row, and the hash chain and the signed checkpoints outside the
-- database show that he did.

-- Every later migration that adds an audited table calls this on its *_aud table (and on any other
-- append-only table): row triggers for UPDATE/DELETE, a statement trigger for TRUNCATE, and no
-- UPDATE privilege for the runtime role.
CREATE FUNCTION make_append_only(target regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = target);
BEGIN
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION append_only()',
                   name || '_append_only', target);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION append_only()',
                   name || '_no_truncate', target);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM ${appRole}', target);
END $$;

CREATE SEQUENCE audit_revision_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_revision (
    id             bigint        PRIMARY KEY,
    timestamp_ms   bigint        NOT NULL,
    recorded_at    timestamptz   NOT NULL,
    site_zone      varchar(64)   NOT NULL,
    user_name      varchar(64)   NOT NULL,
    full_name      varchar(200)  NOT NULL,
    acting_role    varchar(64)   NOT NULL,
    command        varchar(200)  NOT NULL,
    reason         varchar(1000),
    channel        varchar(16)   NOT NULL,
    client_address varchar(64)   NOT NULL,
    correlation_id varchar(64)   NOT NULL
);
CREATE INDEX audit_revision_time ON audit_revision (recorded_at);
CREATE INDEX audit_revision_user ON audit_revision (lower(user_name), recorded_at);

-- Envers audit tables of the identity component. The password hash, the failed-attempt counter
-- and the last sign-in of an account are not audited (see UserAccount); password history is not
-- audited at all (it holds only hashes and is itself append-only).
CREATE TABLE user_account_aud (
    id                       uuid         NOT NULL,
    rev                      bigint       NOT NULL REFERENCES audit_revision (id),
    revtype                  smallint,
    user_name                varchar(64),
    user_name_key            varchar(64),
    full_name                varchar(200),
    technical                boolean,
    demo                     boolean,
    status                   varchar(16),
    password_set_at          timestamptz,
    password_change_required boolean,
    locked_at                timestamptz,
    created_at               timestamptz,
    created_by               varchar(64),
    deactivated_at           timestamptz,
    PRIMARY KEY (id, rev)
);

CREATE TABLE role_grant_aud (
    id            uuid          NOT NULL,
    rev           bigint        NOT NULL REFERENCES audit_revision (id),
    revtype       smallint,
    account_id    uuid,
    role          varchar(32),
    granted_at    timestamptz,
    granted_by    varchar(64),
    grant_reason  varchar(1000),
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    revoke_reason varchar(1000),
    PRIMARY KEY (id, rev)
);

CREATE TABLE training_record_aud (
    id            uuid          NOT NULL,
    rev           bigint        NOT NULL REFERENCES audit_revision (id),
    revtype       smallint,
    account_id    uuid,
    qualification varchar(100),
    description   varchar(500),
    valid_from    date,
    valid_until   date,
    recorded_at   timestamptz,
    recorded_by   varchar(64),
    voided_at     timestamptz,
    voided_by     varchar(64),
    void_reason   varchar(1000),
    PRIMARY KEY (id, rev)
);

CREATE TABLE security_event_aud (
    id             bigint        NOT NULL,
    rev            bigint        NOT NULL REFERENCES audit_revision (id),
    revtype        smallint,
    occurred_at    timestamptz,
    type           varchar(40),
    actor          varchar(64),
    subject        varchar(64),
    detail         varchar(2000),
    reason         varchar(1000),
    channel        varchar(16),
    client_address varchar(64),
    alert          boolean,
    PRIMARY KEY (id, rev)
);

CREATE TABLE security_alert_ack_aud (
    event_id        bigint        NOT NULL,
    rev             bigint        NOT NULL REFERENCES audit_revision (id),
    revtype         smallint,
    acknowledged_at timestamptz,
    acknowledged_by varchar(64),
    comment         varchar(1000),
    PRIMARY KEY (event_id, rev)
);

-- Every export (and later every print) of audit trail or records is itself a GMP record.
CREATE TABLE record_export (
    id                 uuid          PRIMARY KEY,
    exported_at        timestamptz   NOT NULL,
    exported_by        varchar(64)   NOT NULL,
    kind               varchar(40)   NOT NULL,
    format             varchar(8)    NOT NULL,
    filter_description varchar(2000) NOT NULL,
    entry_count        integer       NOT NULL,
    content_sha256     varchar(64)   NOT NULL
);
CREATE TABLE record_export_aud (
    id                 uuid          NOT NULL,
    rev                bigint        NOT NULL REFERENCES audit_revision (id),
    revtype            smallint,
    exported_at        timestamptz,
    exported_by        varchar(64),
    kind               varchar(40),
    format             varchar(8),
    filter_description varchar(2000),
    entry_count        integer,
    content_sha256     varchar(64),
    PRIMARY KEY (id, rev)
);

-- The hash chain in commit order: link n covers revision r_n and every audit row of r_n
--   content_hash_n = SHA-256(canonical form of r_n)          (format: README, "Audit trail")
--   chain_hash_n   = SHA-256(chain_hash_{n-1} || content_hash_n),  chain_hash_0 = 32 zero bytes
CREATE TABLE audit_chain_link (
    position     bigint      PRIMARY KEY CHECK (position > 0),
    revision_id  bigint      NOT NULL UNIQUE REFERENCES audit_revision (id),
    content_hash bytea       NOT NULL CHECK (length(content_hash) = 32),
    chain_hash   bytea       NOT NULL CHECK (length(chain_hash) = 32),
    chained_at   timestamptz NOT NULL
);

CREATE INDEX user_account_aud_rev ON user_account_aud (rev);
CREATE INDEX role_grant_aud_rev ON role_grant_aud (rev);
CREATE INDEX training_record_aud_rev ON training_record_aud (rev);
CREATE INDEX security_event_aud_rev ON security_event_aud (rev);
CREATE INDEX security_alert_ack_aud_rev ON security_alert_ack_aud (rev);
CREATE INDEX record_export_aud_rev ON record_export_aud (rev);

-- Records that exist before the audit trail (an installation upgraded to this version) enter it as
-- they stand, in one baseline revision, so that every record's history starts with a CREATED entry.
DO $$
DECLARE
    baseline bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM user_account) OR EXISTS (SELECT 1 FROM security_event) THEN
        baseline := nextval('audit_revision_seq');
        INSERT INTO audit_revision (id, timestamp_ms, recorded_at, site_zone, user_name, full_name, acting_role,
                                    command, reason, channel, client_address, correlation_id)
        VALUES (baseline, (extract(epoch FROM now()) * 1000)::bigint, now(), 'UTC', 'system', 'OpenEBR migration',
                'SYSTEM', 'Audit trail introduced: existing records as they stand', NULL, 'SYSTEM', 'database',
                'flyway-V3');
        INSERT INTO user_account_aud SELECT id, baseline, 0, user_name, user_name_key, full_name, technical, demo,
            status, password_set_at, password_change_required, locked_at, created_at, created_by, deactivated_at
            FROM user_account;
        INSERT INTO role_grant_aud SELECT id, baseline, 0, account_id, role, granted_at, granted_by, grant_reason,
            revoked_at, revoked_by, revoke_reason FROM role_grant;
        INSERT INTO training_record_aud SELECT id, baseline, 0, account_id, qualification, description, valid_from,
            valid_until, recorded_at, recorded_by, voided_at, voided_by, void_reason FROM training_record;
        INSERT INTO security_event_aud SELECT id, baseline, 0, occurred_at, type, actor, subject, detail, reason,
            channel, client_address, alert FROM security_event;
        INSERT INTO security_alert_ack_aud SELECT event_id, baseline, 0, acknowledged_at, acknowledged_by, comment
            FROM security_alert_ack;
    END IF;
END $$;

SELECT make_append_only('audit_revision');
SELECT make_append_only('user_account_aud');
SELECT make_append_only('role_grant_aud');
SELECT make_append_only('training_record_aud');
SELECT make_append_only('security_event_aud');
SELECT make_append_only('security_alert_ack_aud');
SELECT make_append_only('record_export');
SELECT make_append_only('record_export_aud');
SELECT make_append_only('audit_chain_link');
-- The security log of V2 gets its TRUNCATE guard for the acknowledgements and password history too.
CREATE TRIGGER security_alert_ack_no_truncate BEFORE TRUNCATE ON security_alert_ack
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER password_history_no_truncate BEFORE TRUNCATE ON password_history
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
