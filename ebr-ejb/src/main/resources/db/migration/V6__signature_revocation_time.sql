-- A credential's revocation carries the database's own time: a revocation cannot be backdated to
-- make signatures made before it look invalid.
CREATE OR REPLACE FUNCTION signing_credential_revocation_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.account_id <> OLD.account_id OR NEW.serial <> OLD.serial
       OR NEW.certificate <> OLD.certificate OR NEW.wrapped_key <> OLD.wrapped_key
       OR NEW.issued_at <> OLD.issued_at OR NEW.issued_by <> OLD.issued_by OR OLD.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'signing credential %: only its revocation may be recorded, once', OLD.serial USING ERRCODE = '42501';
    END IF;
    NEW.revoked_at := now();
    RETURN NEW;
END $$;
