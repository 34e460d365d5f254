-- Every change to a master record keeps the previous version, and downstream systems can take everything that
-- changed since they last looked, in order and without gaps.
--
-- Jobs say why they change master data with set_config('twofour.change_reason', '...', true) in the transaction
-- that changes it; the triggers below copy that reason into the history and the change log.

CREATE TABLE master.history (
    id           bigserial    PRIMARY KEY,
    entity       text         NOT NULL,
    code         text         NOT NULL,
    valid_from   timestamptz  NOT NULL,
    valid_to     timestamptz  NOT NULL,
    reason       text,
    record       jsonb        NOT NULL
);
CREATE INDEX history_entity_code_idx ON master.history (entity, code, valid_to);
COMMENT ON TABLE master.history IS 'Earlier versions of master records: one row per version replaced or removed';
COMMENT ON COLUMN master.history.id IS 'Row id';
COMMENT ON COLUMN master.history.entity IS 'Master table the record belongs to, e.g. grid, division';
COMMENT ON COLUMN master.history.code IS 'Code of the record';
COMMENT ON COLUMN master.history.valid_from IS 'When this version came into force';
COMMENT ON COLUMN master.history.valid_to IS 'When this version was replaced or removed';
COMMENT ON COLUMN master.history.reason IS 'Why it was replaced: the job and delivered file, declaration or verification task';
COMMENT ON COLUMN master.history.record IS 'The whole record as it was (geometry as EWKB hex)';

CREATE TABLE master.change_log (
    id           bigserial    PRIMARY KEY,
    position     bigint       UNIQUE,
    entity       text         NOT NULL,
    code         text         NOT NULL,
    operation    text         NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    reason       text,
    changed_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX change_log_unpublished_idx ON master.change_log (id) WHERE position IS NULL;
COMMENT ON TABLE master.change_log IS 'Every insert, update and delete of a master record; read it through master.changes';
COMMENT ON COLUMN master.change_log.id IS 'Internal row id, in the order changes were made (not commit order)';
COMMENT ON COLUMN master.change_log.position IS 'Place in the change feed, given only once the change has committed: 1, 2, 3, ... without gaps, never changed';
COMMENT ON COLUMN master.change_log.entity IS 'Master table changed, e.g. grid, division';
COMMENT ON COLUMN master.change_log.code IS 'Code of the record changed';
COMMENT ON COLUMN master.change_log.operation IS 'insert, update or delete';
COMMENT ON COLUMN master.change_log.reason IS 'Why: the job and delivered file, declaration or verification task';
COMMENT ON COLUMN master.change_log.changed_at IS 'When the change was made';

CREATE VIEW master.changes AS
SELECT position, entity, code, operation, reason, changed_at
  FROM master.change_log
 WHERE position IS NOT NULL;
COMMENT ON VIEW master.changes IS 'Change feed for downstream systems: read rows with position > the last position you read, ordered by position. Positions have no gaps and never change; a change appears once its transaction has committed and the nightly run has sequenced it';
COMMENT ON COLUMN master.changes.position IS 'Place in the feed: 1, 2, 3, ... without gaps';
COMMENT ON COLUMN master.changes.entity IS 'Master table changed, e.g. grid, division';
COMMENT ON COLUMN master.changes.code IS 'Code of the record changed; read its current state from the master table';
COMMENT ON COLUMN master.changes.operation IS 'insert, update or delete';
COMMENT ON COLUMN master.changes.reason IS 'Why: the job and delivered file, declaration or verification task';
COMMENT ON COLUMN master.changes.changed_at IS 'When the change was made';

CREATE FUNCTION master.keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO master.history (entity, code, valid_from, valid_to, reason, record)
    VALUES (TG_TABLE_NAME, OLD.code, OLD.updated_at, now(), current_setting('twofour.change_reason', true), to_jsonb(OLD));
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION master.keep_history() IS 'Trigger: keeps the version an update or delete replaces in master.history';

CREATE FUNCTION master.log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO master.change_log (entity, code, operation, reason)
    VALUES (TG_TABLE_NAME, CASE WHEN TG_OP = 'DELETE' THEN OLD.code ELSE NEW.code END, lower(TG_OP),
            current_setting('twofour.change_reason', true));
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION master.log_change() IS 'Trigger: records an insert, update or delete in master.change_log';

CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.division FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.division FOR EACH ROW EXECUTE FUNCTION master.log_change();
CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.grid FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.grid FOR EACH ROW EXECUTE FUNCTION master.log_change();
