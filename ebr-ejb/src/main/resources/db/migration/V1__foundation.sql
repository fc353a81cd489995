-- OpenEBR foundation: privileges of the two database roles.
--
-- Flyway runs every migration as the OWNER role, which creates and owns schema "ebr" and every
-- object in it. The application connects as the RUNTIME role (${appRole}), which may read and
-- write data but never change the schema, and which has no DELETE by default: GMP data is never
-- deleted. Later migrations grant DELETE only on technical (non-GMP) tables that need it, and
-- narrow audit and signature tables to INSERT and SELECT.

REVOKE ALL ON SCHEMA ebr FROM PUBLIC;
GRANT USAGE ON SCHEMA ebr TO ${appRole};

-- Applies to every table and sequence the owner creates in schema ebr from now on.
ALTER DEFAULT PRIVILEGES IN SCHEMA ebr GRANT SELECT, INSERT, UPDATE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA ebr GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA ebr REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- The health check reports the schema version: read-only access to Flyway's history.
GRANT SELECT ON ${flyway:table} TO ${appRole};
