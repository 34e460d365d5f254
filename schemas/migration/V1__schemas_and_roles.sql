-- The three schemas and who may do what in them.
--   staging: raw rows of delivered files, as loaded, before validation
--   master:  the golden master data that downstream systems read
--   ops:     job repository, file registry, rejects and other run records
-- Migrations run as the owner role; the batch role reads and writes data but changes no structure;
-- the reader role (downstream systems) may only SELECT from master.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS master;
CREATE SCHEMA IF NOT EXISTS ops;

COMMENT ON SCHEMA staging IS 'Raw rows of delivered feed files, before validation and merging';
COMMENT ON SCHEMA master IS 'Golden master data of the two standards and four actuals, read by downstream systems';
COMMENT ON SCHEMA ops IS 'Run records: job repository, file registry, rejected rows';

GRANT USAGE ON SCHEMA staging, master, ops TO ${batch_role};
GRANT USAGE ON SCHEMA master TO ${reader_role};

ALTER DEFAULT PRIVILEGES IN SCHEMA staging, master, ops
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${batch_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA staging, master, ops
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${batch_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA master
    GRANT SELECT ON TABLES TO ${reader_role};
