-- Electronic signatures (21 CFR 11.50, 11.70, 11.100, 11.200, 11.300; EU GMP Annex 11 §14): the
-- verification of a user's identity, the user's signing credential (certificate and private key,
-- the key encrypted under a key outside the database), one-time nonces, and the signatures
-- themselves. Signatures and identity verifications are append-only; a credential is only ever
-- revoked (its revocation columns filled once, audited).

CREATE TABLE identity_verification (
    id          uuid          PRIMARY KEY,
    account_id  uuid          NOT NULL REFERENCES user_account (id),
    method      varchar(300)  NOT NULL,
    verified_by varchar(64)   NOT NULL,
    verified_at timestamptz   NOT NULL
);
CREATE INDEX identity_verification_account ON identity_verification (account_id);

CREATE TABLE signing_credential (
    id            uuid          PRIMARY KEY,
    account_id    uuid          NOT NULL REFERENCES user_account (id),
    serial        varchar(64)   NOT NULL UNIQUE,
    certificate   bytea         NOT NULL,
    wrapped_key   bytea         NOT NULL,
    issued_at     timestamptz   NOT NULL,
    issued_by     varchar(64)   NOT NULL,
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    revoke_reason varchar(1000),
    CONSTRAINT signing_credential_revocation_complete CHECK
        ((revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL)
         OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoke_reason IS NOT NULL))
);
CREATE UNIQUE INDEX signing_credential_one_active ON signing_credential (account_id) WHERE revoked_at IS NULL;

-- A credential's key and certificate never change; only its revocation is written, once.
CREATE FUNCTION signing_credential_revocation_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.account_id <> OLD.account_id OR NEW.serial <> OLD.serial
       OR NEW.certificate <> OLD.certificate OR NEW.wrapped_key <> OLD.wrapped_key
       OR NEW.issued_at <> OLD.issued_at OR NEW.issued_by <> OLD.issued_by OR OLD.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'signing credential %: only its revocation may be recorded, once', OLD.serial USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER signing_credential_revocation_only BEFORE UPDATE ON signing_credential
    FOR EACH ROW EXECUTE FUNCTION signing_credential_revocation_only();

-- Nonces: issued to one user, used at most once (the use is a row of its own: a second use of the
-- same nonce violates the primary key, whichever server or transaction tries it).
CREATE TABLE signature_nonce (
    nonce      varchar(64)  PRIMARY KEY,
    user_name  varchar(64)  NOT NULL,
    issued_at  timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL
);
CREATE TABLE signature_nonce_use (
    nonce   varchar(64)  PRIMARY KEY REFERENCES signature_nonce (nonce),
    used_at timestamptz  NOT NULL
);

CREATE TABLE electronic_signature (
    id                uuid          PRIMARY KEY,
    record_type       varchar(64)   NOT NULL,
    record_id         varchar(100)  NOT NULL,
    record_sha256     varchar(64)   NOT NULL,
    meaning           varchar(16)   NOT NULL,
    signer_account_id uuid          NOT NULL REFERENCES user_account (id),
    signer_user_name  varchar(64)   NOT NULL,
    signer_full_name  varchar(200)  NOT NULL,
    signer_role       varchar(32)   NOT NULL,
    signed_at         timestamptz   NOT NULL,
    site_zone         varchar(64)   NOT NULL,
    credential_id     uuid          NOT NULL REFERENCES signing_credential (id),
    content_sha256    varchar(64)   NOT NULL,
    signed_content    bytea         NOT NULL,
    cms               bytea         NOT NULL,
    signature_value   bytea         NOT NULL,
    time_stamp        bytea         NOT NULL
);
-- one signature per meaning per version of a record: of two concurrent signings, one wins
CREATE UNIQUE INDEX electronic_signature_once ON electronic_signature (record_type, record_id, record_sha256, meaning);
CREATE INDEX electronic_signature_record ON electronic_signature (record_type, record_id);
CREATE INDEX electronic_signature_signer ON electronic_signature (signer_account_id);

-- Audit tables (Envers). The signature's blobs are not copied into the audit trail: the audited
-- content_sha256 binds them, and the CMS signature protects them itself; the wrapped key neither.
CREATE TABLE identity_verification_aud (
    id          uuid         NOT NULL,
    rev         bigint       NOT NULL REFERENCES audit_revision (id),
    revtype     smallint,
    account_id  uuid,
    method      varchar(300),
    verified_by varchar(64),
    verified_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE TABLE signing_credential_aud (
    id            uuid          NOT NULL,
    rev           bigint        NOT NULL REFERENCES audit_revision (id),
    revtype       smallint,
    account_id    uuid,
    serial        varchar(64),
    certificate   bytea,
    issued_at     timestamptz,
    issued_by     varchar(64),
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    revoke_reason varchar(1000),
    PRIMARY KEY (id, rev)
);
CREATE TABLE electronic_signature_aud (
    id                uuid          NOT NULL,
    rev               bigint        NOT NULL REFERENCES audit_revision (id),
    revtype           smallint,
    record_type       varchar(64),
    record_id         varchar(100),
    record_sha256     varchar(64),
    meaning           varchar(16),
    signer_account_id uuid,
    signer_user_name  varchar(64),
    signer_full_name  varchar(200),
    signer_role       varchar(32),
    signed_at         timestamptz,
    site_zone         varchar(64),
    credential_id     uuid,
    content_sha256    varchar(64),
    PRIMARY KEY (id, rev)
);
CREATE INDEX identity_verification_aud_rev ON identity_verification_aud (rev);
CREATE INDEX signing_credential_aud_rev ON signing_credential_aud (rev);
CREATE INDEX electronic_signature_aud_rev ON electronic_signature_aud (rev);

SELECT make_append_only('identity_verification');
SELECT make_append_only('electronic_signature');
SELECT make_append_only('signature_nonce_use');
SELECT make_append_only('identity_verification_aud');
SELECT make_append_only('signing_credential_aud');
SELECT make_append_only('electronic_signature_aud');
-- Nonces themselves are technical: issued and expired, never updated; expired ones may be purged.
REVOKE UPDATE ON signature_nonce FROM ${appRole};

-- Wrong passwords at signing, counted apart from sign-ins (an API client signs in with every request,
-- which resets the sign-in count); either count reaching the threshold locks the account.
ALTER TABLE user_account ADD COLUMN failed_signing_attempts integer NOT NULL DEFAULT 0
    CHECK (failed_signing_attempts >= 0);
