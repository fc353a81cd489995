-- QA review by exception (21 CFR 211.192; PIC/S PI 041 9.8): the disposition of each exception the
-- server found in a completed batch's record, by a QA reviewer, with the justification. Append-only: a
-- later disposition of the same exception is a new row (the latest counts), the earlier stays.

CREATE TABLE exception_disposition (
    id                 uuid          PRIMARY KEY,
    batch_id           varchar(64)   NOT NULL REFERENCES batch (batch_id),
    exception_id       varchar(120)  NOT NULL,
    seq                integer       NOT NULL CHECK (seq > 0),
    decision           varchar(24)   NOT NULL CHECK (decision IN ('ACCEPTED', 'NEEDS_INVESTIGATION')),
    comment            varchar(2000) NOT NULL,
    decided_by         varchar(64)   NOT NULL,
    decided_at         timestamptz   NOT NULL,
    CONSTRAINT exception_disposition_seq_unique UNIQUE (batch_id, exception_id, seq)
);
CREATE INDEX exception_disposition_batch ON exception_disposition (batch_id);
SELECT make_append_only('exception_disposition');

CREATE TABLE exception_disposition_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint,
    batch_id varchar(64), exception_id varchar(120), seq integer, decision varchar(24), comment varchar(2000),
    decided_by varchar(64), decided_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX exception_disposition_aud_rev ON exception_disposition_aud (rev);
SELECT make_append_only('exception_disposition_aud');
