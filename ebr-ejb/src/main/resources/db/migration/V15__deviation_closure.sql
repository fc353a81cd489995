-- A deviation is closed in QA review (21 CFR 211.192): root cause, impact on the batch and the CAPA
-- reference, by a QA reviewer, once it is classified. Closed once; never reopened in place.

ALTER TABLE deviation ADD COLUMN root_cause varchar(2000);
ALTER TABLE deviation ADD COLUMN impact varchar(2000);
ALTER TABLE deviation ADD COLUMN capa_reference varchar(100);
ALTER TABLE deviation ADD COLUMN closed_by varchar(64);
ALTER TABLE deviation ADD COLUMN closed_at timestamptz;
ALTER TABLE deviation ADD CONSTRAINT deviation_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)
    AND (closed_at IS NULL OR (root_cause IS NOT NULL AND impact IS NOT NULL AND capa_reference IS NOT NULL
    AND closed_by IS NOT NULL AND classification IS NOT NULL)));

CREATE FUNCTION deviation_closed_stays_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'CLOSED' THEN
        RAISE EXCEPTION 'deviation % is closed; it is not changed again', OLD.deviation_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER deviation_closed_stays_closed BEFORE UPDATE ON deviation
    FOR EACH ROW EXECUTE FUNCTION deviation_closed_stays_closed();

ALTER TABLE deviation_aud ADD COLUMN root_cause varchar(2000);
ALTER TABLE deviation_aud ADD COLUMN impact varchar(2000);
ALTER TABLE deviation_aud ADD COLUMN capa_reference varchar(100);
ALTER TABLE deviation_aud ADD COLUMN closed_by varchar(64);
ALTER TABLE deviation_aud ADD COLUMN closed_at timestamptz;
