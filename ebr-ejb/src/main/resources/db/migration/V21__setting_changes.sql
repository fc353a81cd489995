-- System settings under change control (EU GMP Annex 11 section 10; 21 CFR 11.10(k)(2)): a GMP-relevant setting
-- (the password and lockout rules, the idle session lock, when an account is dormant) changes only through a
-- proposed change that its administrator signs (PERFORMED) and a second person from QA approves (APPROVED) or
-- rejects (REJECTED), each an electronic signature. The change is kept exactly as proposed, so the signatures stay
-- bound to it; each signed step is a decision row. Both append-only: the state of a change is its newest decision,
-- and a setting's value is the new value of its newest approved change (or, without one, the environment's).
CREATE SEQUENCE setting_change_number_seq;
CREATE TABLE setting_change (
    id             uuid          PRIMARY KEY,
    number         integer       NOT NULL UNIQUE,
    setting        varchar(64)   NOT NULL,
    previous_value varchar(64)   NOT NULL,
    new_value      varchar(64)   NOT NULL,
    reason         varchar(2000) NOT NULL,
    proposed_by    varchar(64)   NOT NULL,
    proposed_at    timestamptz   NOT NULL
);
CREATE INDEX setting_change_setting ON setting_change (setting);
CREATE TABLE setting_change_aud (
    id             uuid          NOT NULL,
    rev            bigint        NOT NULL REFERENCES audit_revision (id),
    revtype        smallint,
    number         integer,
    setting        varchar(64),
    previous_value varchar(64),
    new_value      varchar(64),
    reason         varchar(2000),
    proposed_by    varchar(64),
    proposed_at    timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX setting_change_aud_rev ON setting_change_aud (rev);

CREATE TABLE setting_change_decision (
    id          uuid         PRIMARY KEY,
    change_id   uuid         NOT NULL REFERENCES setting_change (id),
    decision    varchar(16)  NOT NULL CHECK (decision IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
    decided_by  varchar(64)  NOT NULL,
    decided_at  timestamptz  NOT NULL,
    -- one submission and one verdict per change, whoever is quicker
    CONSTRAINT setting_change_decision_once UNIQUE (change_id, decision)
);
CREATE UNIQUE INDEX setting_change_one_verdict ON setting_change_decision (change_id) WHERE decision <> 'SUBMITTED';
CREATE TABLE setting_change_decision_aud (
    id          uuid         NOT NULL,
    rev         bigint       NOT NULL REFERENCES audit_revision (id),
    revtype     smallint,
    change_id   uuid,
    decision    varchar(16),
    decided_by  varchar(64),
    decided_at  timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX setting_change_decision_aud_rev ON setting_change_decision_aud (rev);

SELECT make_append_only('setting_change');
SELECT make_append_only('setting_change_aud');
SELECT make_append_only('setting_change_decision');
SELECT make_append_only('setting_change_decision_aud');
