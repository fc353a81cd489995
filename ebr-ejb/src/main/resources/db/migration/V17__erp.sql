-- ERP integration (issue 18): production orders in, confirmations out through a transactional outbox.

-- A planned batch may be re-planned while it is PLANNED (a changed ERP order before dispatch): its
-- quantity, unit and scaled formula, never its recipe. Once dispatched, nothing of its plan changes.
CREATE OR REPLACE FUNCTION batch_identity_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.batch_id <> OLD.batch_id OR NEW.recipe_id <> OLD.recipe_id
       OR NEW.recipe_version <> OLD.recipe_version OR NEW.content_hash <> OLD.content_hash
       OR NEW.control_recipe <> OLD.control_recipe
       OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
        RAISE EXCEPTION 'batch %: its control recipe and identity never change', OLD.batch_id USING ERRCODE = '42501';
    END IF;
    IF (NEW.scaled_formula <> OLD.scaled_formula OR NEW.planned_quantity <> OLD.planned_quantity
        OR NEW.unit <> OLD.unit) AND NOT (OLD.status = 'PLANNED' AND NEW.status = 'PLANNED') THEN
        RAISE EXCEPTION 'batch %: its plan changes only while it is PLANNED', OLD.batch_id USING ERRCODE = '42501';
    END IF;
    IF OLD.status IN ('RELEASED', 'REJECTED') THEN
        RAISE EXCEPTION 'batch % is %: its record is read-only (an addendum records later information)',
            OLD.batch_id, OLD.status USING ERRCODE = '42501';
    END IF;
    IF NEW.status <> OLD.status AND (OLD.status = 'ABORTED'
       OR (OLD.status = 'COMPLETED' AND NEW.status <> 'REVIEWED')
       OR (OLD.status = 'REVIEWED' AND NEW.status NOT IN ('RELEASED', 'REJECTED'))
       OR (NEW.status IN ('REVIEWED', 'RELEASED', 'REJECTED') AND OLD.status NOT IN ('COMPLETED', 'REVIEWED'))) THEN
        RAISE EXCEPTION 'batch %: a % batch does not become %', OLD.batch_id, OLD.status, NEW.status
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;

-- The production orders the ERP sent: one row per order number, its batch, the order as last received
-- (revision counts the changes; every version is in erp_order_aud with the technical account).
CREATE TABLE erp_order (
    id                 uuid          PRIMARY KEY,
    order_number       varchar(40)   NOT NULL UNIQUE,
    batch_id           varchar(64)   NOT NULL UNIQUE REFERENCES batch (batch_id),
    material           varchar(40)   NOT NULL,
    quantity           numeric(18,6) NOT NULL CHECK (quantity > 0),
    unit               varchar(20)   NOT NULL,
    due_date           date,
    requested_version  integer,
    format             varchar(10)   NOT NULL CHECK (format IN ('JSON', 'B2MML')),
    content_sha256     char(64)      NOT NULL,
    revision           integer       NOT NULL CHECK (revision >= 1),
    received_at        timestamptz   NOT NULL,
    received_by        varchar(64)   NOT NULL,
    row_version        bigint        NOT NULL
);

CREATE FUNCTION erp_order_keeps_its_batch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.order_number <> OLD.order_number OR NEW.batch_id <> OLD.batch_id
       OR NEW.material <> OLD.material OR NEW.revision <> OLD.revision + 1 THEN
        RAISE EXCEPTION 'ERP order %: its number, batch and material never change', OLD.order_number
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER erp_order_keeps_its_batch BEFORE UPDATE ON erp_order
    FOR EACH ROW EXECUTE FUNCTION erp_order_keeps_its_batch();
CREATE TRIGGER erp_order_no_delete BEFORE DELETE ON erp_order FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER erp_order_no_truncate BEFORE TRUNCATE ON erp_order FOR EACH STATEMENT EXECUTE FUNCTION append_only();
REVOKE DELETE, TRUNCATE ON erp_order FROM ${appRole};

CREATE TABLE erp_order_aud (
    id uuid NOT NULL, rev bigint NOT NULL REFERENCES audit_revision (id), revtype smallint, order_number varchar(40),
    batch_id varchar(64), material varchar(40), quantity numeric(18,6), unit varchar(20),
    due_date date, requested_version integer, format varchar(10), content_sha256 char(64), revision integer,
    received_at timestamptz, received_by varchar(64),
    PRIMARY KEY (id, rev)
);
CREATE INDEX erp_order_aud_rev ON erp_order_aud (rev);
SELECT make_append_only('erp_order_aud');

-- The outbox: a confirmation for the ERP, written in the transaction of the change that caused it.
-- position is the pull feed's cursor; batch_seq orders the messages of one batch. The content never
-- changes; only the delivery state does (every attempt is a row of erp_delivery).
CREATE TABLE erp_message (
    position           bigserial     PRIMARY KEY,
    message_id         uuid          NOT NULL UNIQUE,
    batch_id           varchar(64)   NOT NULL REFERENCES batch (batch_id),
    batch_seq          integer       NOT NULL CHECK (batch_seq >= 1),
    kind               varchar(40)   NOT NULL,
    body               text          NOT NULL,
    created_at         timestamptz   NOT NULL,
    state              varchar(12)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts           integer       NOT NULL CHECK (attempts >= 0),
    next_attempt_at    timestamptz   NOT NULL,
    last_error         varchar(1000),
    delivered_at       timestamptz,
    CONSTRAINT erp_message_batch_seq UNIQUE (batch_id, batch_seq)
);
CREATE INDEX erp_message_due ON erp_message (state, next_attempt_at);

CREATE FUNCTION erp_message_content_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.position <> OLD.position OR NEW.message_id <> OLD.message_id OR NEW.batch_id <> OLD.batch_id OR NEW.batch_seq <> OLD.batch_seq OR NEW.kind <> OLD.kind
       OR NEW.body <> OLD.body OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'ERP message %: its content never changes', OLD.message_id USING ERRCODE = '42501';
    END IF;
    IF OLD.state = 'DELIVERED' AND NEW.state <> 'DELIVERED' THEN
        RAISE EXCEPTION 'ERP message %: delivered stays delivered', OLD.message_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER erp_message_content_is_fixed BEFORE UPDATE ON erp_message
    FOR EACH ROW EXECUTE FUNCTION erp_message_content_is_fixed();
CREATE TRIGGER erp_message_no_delete BEFORE DELETE ON erp_message FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER erp_message_no_truncate BEFORE TRUNCATE ON erp_message FOR EACH STATEMENT EXECUTE FUNCTION append_only();
REVOKE DELETE, TRUNCATE ON erp_message FROM ${appRole};

-- Every delivery attempt and every retry an administrator asked for, append-only.
CREATE TABLE erp_delivery (
    id                 bigserial     PRIMARY KEY,
    message_id         uuid          NOT NULL REFERENCES erp_message (message_id),
    attempt            integer       NOT NULL,
    at                 timestamptz   NOT NULL,
    outcome            varchar(20)   NOT NULL CHECK (outcome IN ('DELIVERED', 'FAILED', 'PARKED', 'RETRY_REQUESTED')),
    http_status        integer,
    detail             varchar(1000),
    by_user            varchar(64)   NOT NULL
);
CREATE INDEX erp_delivery_message ON erp_delivery (message_id);
SELECT make_append_only('erp_delivery');
