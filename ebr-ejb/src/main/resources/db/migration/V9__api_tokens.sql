-- API tokens (21 CFR 11.10(d), 11.300): an API client signs in once with its password and gets a
-- random token for the requests that follow, so that a request is authenticated by one indexed
-- look-up instead of a slow password hash and a sign-in event each. Only the token's SHA-256 is
-- stored. A token expires, and is revoked (its revocation columns filled once, audited), never
-- deleted; a revoked or expired token stays as the record of what could act for whom, and when.

CREATE TABLE api_token (
    id            uuid          PRIMARY KEY,
    account_id    uuid          NOT NULL REFERENCES user_account (id),
    token_sha256  varchar(64)   NOT NULL,
    name          varchar(100)  NOT NULL,
    issued_at     timestamptz   NOT NULL,
    expires_at    timestamptz   NOT NULL,
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    revoke_reason varchar(1000),
    CONSTRAINT api_token_sha256_unique UNIQUE (token_sha256),
    CONSTRAINT api_token_sha256_format CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT api_token_lifetime CHECK (expires_at > issued_at),
    CONSTRAINT api_token_revocation_complete CHECK
        ((revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL)
         OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoke_reason IS NOT NULL))
);
CREATE INDEX api_token_account ON api_token (account_id, issued_at DESC);

-- A token's hash, owner and lifetime never change; only its revocation is written, once, and with
-- the present time (a revocation cannot be backdated).
CREATE FUNCTION api_token_revocation_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.account_id <> OLD.account_id OR NEW.token_sha256 <> OLD.token_sha256
       OR NEW.name <> OLD.name OR NEW.issued_at <> OLD.issued_at OR NEW.expires_at <> OLD.expires_at
       OR OLD.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'API token %: only its revocation may be recorded, once', OLD.id USING ERRCODE = '42501';
    END IF;
    IF NEW.revoked_at IS NOT NULL AND abs(extract(epoch FROM NEW.revoked_at - clock_timestamp())) > 60 THEN
        RAISE EXCEPTION 'API token %: a revocation carries the present time', OLD.id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER api_token_revocation_only BEFORE UPDATE ON api_token
    FOR EACH ROW EXECUTE FUNCTION api_token_revocation_only();
CREATE TRIGGER api_token_no_delete BEFORE DELETE ON api_token
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER api_token_no_truncate BEFORE TRUNCATE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();

-- Audit table (Envers). The token's hash is not copied into the audit trail: a secret's
-- derivative has no business there, and the id names the token.
CREATE TABLE api_token_aud (
    id            uuid          NOT NULL,
    rev           bigint        NOT NULL REFERENCES audit_revision (id),
    revtype       smallint,
    account_id    uuid,
    name          varchar(100),
    issued_at     timestamptz,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    revoke_reason varchar(1000),
    PRIMARY KEY (id, rev)
);
CREATE INDEX api_token_aud_rev ON api_token_aud (rev);
SELECT make_append_only('api_token_aud');

-- The runtime role keeps the default SELECT, INSERT, UPDATE on api_token (UPDATE for the
-- revocation, which the trigger narrows); it never deletes.
REVOKE DELETE, TRUNCATE ON api_token FROM ${appRole};
