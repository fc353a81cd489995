-- An access review as it stood when an administrator recorded it for signature (EU GMP Annex 11
-- draft §11.5: the periodic access review is signed). The report is kept exactly as recorded, so
-- the signature stays bound to what the reviewer saw. Append-only.
CREATE TABLE access_review_record (
    id          uuid         PRIMARY KEY,
    recorded_at timestamptz  NOT NULL,
    recorded_by varchar(64)  NOT NULL,
    report      text         NOT NULL
);
CREATE TABLE access_review_record_aud (
    id          uuid         NOT NULL,
    rev         bigint       NOT NULL REFERENCES audit_revision (id),
    revtype     smallint,
    recorded_at timestamptz,
    recorded_by varchar(64),
    report      text,
    PRIMARY KEY (id, rev)
);
CREATE INDEX access_review_record_aud_rev ON access_review_record_aud (rev);
SELECT make_append_only('access_review_record');
SELECT make_append_only('access_review_record_aud');
