-- Identity and access control: accounts, role grants, password history, training records and the
-- security event log (21 CFR 11.10(d),(g),(i), 11.100, 11.300; Annex 11 §12).

-- An account is never deleted and its user name never changes or returns: the name is the key
-- under which every record the user ever made is attributed.
CREATE TABLE user_account (
    id                       uuid PRIMARY KEY,
    user_name                varchar(64)  NOT NULL,
    user_name_key            varchar(64)  NOT NULL,
    full_name                varchar(200) NOT NULL,
    technical                boolean      NOT NULL,
    demo                     boolean      NOT NULL,
    status                   varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'LOCKED', 'DEACTIVATED')),
    password_hash            varchar(300),
    password_set_at          timestamptz,
    password_change_required boolean      NOT NULL,
    failed_attempts          integer      NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_at                timestamptz,
    last_login_at            timestamptz,
    created_at               timestamptz  NOT NULL,
    created_by               varchar(64)  NOT NULL,
    deactivated_at           timestamptz,
    version                  bigint       NOT NULL,
    CONSTRAINT user_account_name_unique UNIQUE (user_name_key),
    CONSTRAINT user_account_name_key CHECK (user_name_key = lower(user_name)),
    CONSTRAINT user_account_name_format CHECK (user_name ~ '^[A-Za-z][A-Za-z0-9._-]{2,63}$')
);

CREATE FUNCTION user_account_identity_is_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.user_name <> OLD.user_name OR NEW.user_name_key <> OLD.user_name_key
       OR NEW.created_at <> OLD.created_at OR NEW.technical <> OLD.technical THEN
        RAISE EXCEPTION 'the identity of account % cannot change', OLD.user_name USING ERRCODE = '42501';
    END IF;
    IF OLD.status = 'DEACTIVATED' AND NEW.status <> 'DEACTIVATED' THEN
        RAISE EXCEPTION 'account % is deactivated for good', OLD.user_name USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER user_account_identity_is_permanent BEFORE UPDATE ON user_account
    FOR EACH ROW EXECUTE FUNCTION user_account_identity_is_permanent();

-- Roles are granted and revoked, never deleted: the table is the history of who held what when.
CREATE TABLE role_grant (
    id            uuid PRIMARY KEY,
    account_id    uuid         NOT NULL REFERENCES user_account (id),
    role          varchar(32)  NOT NULL,
    granted_at    timestamptz  NOT NULL,
    granted_by    varchar(64)  NOT NULL,
    grant_reason  varchar(1000) NOT NULL,
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    revoke_reason varchar(1000),
    CONSTRAINT role_grant_revocation_complete CHECK
        ((revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL)
         OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoke_reason IS NOT NULL))
);
CREATE UNIQUE INDEX role_grant_one_active ON role_grant (account_id, role) WHERE revoked_at IS NULL;

CREATE TABLE password_history (
    id            uuid PRIMARY KEY,
    account_id    uuid         NOT NULL REFERENCES user_account (id),
    password_hash varchar(300) NOT NULL,
    set_at        timestamptz  NOT NULL
);
CREATE INDEX password_history_account ON password_history (account_id, set_at DESC);

-- What a user is trained and qualified for, and when. Wrong entries are voided with a reason.
CREATE TABLE training_record (
    id            uuid PRIMARY KEY,
    account_id    uuid          NOT NULL REFERENCES user_account (id),
    qualification varchar(100)  NOT NULL,
    description   varchar(500)  NOT NULL,
    valid_from    date          NOT NULL,
    valid_until   date,
    recorded_at   timestamptz   NOT NULL,
    recorded_by   varchar(64)   NOT NULL,
    voided_at     timestamptz,
    voided_by     varchar(64),
    void_reason   varchar(1000),
    CONSTRAINT training_record_period CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX training_record_account ON training_record (account_id, qualification);

-- The security event log: append-only. Logins, logouts, failures, lockouts, unlocks, role
-- grants and revocations, password changes and resets, refused access.
CREATE TABLE security_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz   NOT NULL,
    type           varchar(40)   NOT NULL,
    actor          varchar(64),
    subject        varchar(64),
    detail         varchar(2000) NOT NULL,
    reason         varchar(1000),
    channel        varchar(16),
    client_address varchar(64),
    alert          boolean       NOT NULL
);
CREATE INDEX security_event_time ON security_event (occurred_at);
CREATE INDEX security_event_actor ON security_event (actor, occurred_at);
CREATE INDEX security_event_subject ON security_event (subject, occurred_at);

-- An administrator's acknowledgement of a security alert (e.g. a lockout), with a comment.
CREATE TABLE security_alert_ack (
    event_id        bigint PRIMARY KEY REFERENCES security_event (id),
    acknowledged_at timestamptz   NOT NULL,
    acknowledged_by varchar(64)   NOT NULL,
    comment         varchar(1000) NOT NULL
);

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
END $$;
CREATE TRIGGER security_event_append_only BEFORE UPDATE OR DELETE ON security_event
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON security_event
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER security_alert_ack_append_only BEFORE UPDATE OR DELETE ON security_alert_ack
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER password_history_append_only BEFORE UPDATE OR DELETE ON password_history
    FOR EACH ROW EXECUTE FUNCTION append_only();

-- The runtime role: the default privileges of V1 gave SELECT, INSERT, UPDATE; the logs are
-- insert-only for it.
REVOKE UPDATE ON security_event, security_alert_ack, password_history FROM ${appRole};
