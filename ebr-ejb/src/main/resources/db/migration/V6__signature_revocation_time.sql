-- A credential's revocation must carry the present time (within a minute of the database's clock):
-- a revocation cannot be backdated to make signatures made before it look invalid.
CREATE OR REPLACE FUNCTION signing_credential_revocation_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.account_id <> OLD.account_id OR NEW.serial <> OLD.serial
       OR NEW.certificate <> OLD.certificate OR NEW.wrapped_key <> OLD.wrapped_key
       OR NEW.issued_at <> OLD.issued_at OR NEW.issued_by <> OLD.issued_by OR OLD.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'signing credential %: only its revocation may be recorded, once', OLD.serial USING ERRCODE = '42501';
    END IF;
    IF NEW.revoked_at IS NOT NULL AND abs(extract(epoch FROM NEW.revoked_at - clock_timestamp())) > 60 THEN
        RAISE EXCEPTION 'signing credential %: a revocation carries the present time', OLD.serial USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
