-- A record written several times before its change is published (a first load that meets a person's rows in several
-- chunks, a building rebuilt for each feed that delivers it) makes one change in the feed and keeps no version in
-- between: the change waiting for its position takes the later changes in, and master.history keeps the versions
-- the change feed told of. Every job publishes its changes as its last step, so a job makes at most one change and
-- one version per record.

-- The triggers look up a record's waiting change (position IS NULL) by table and code, for every row they see. This
-- index must be the only one that answers position IS NULL: the planner's statistics, taken while nearly every
-- change is published, make any index holding null positions look best, whereas a first load makes thousands of
-- waiting changes (a lookup through the index of the waiting ids or of the positions took milliseconds instead of
-- microseconds). So it takes the place of the index of the waiting ids, which also served the publication, and the
-- positions are kept unique by an index of the published ones only. The triggers give the table's name as text:
-- TG_TABLE_NAME, of type name and collation C, would not use this index either.
CREATE INDEX change_log_waiting_code_idx ON master.change_log (entity, code) WHERE position IS NULL;
DROP INDEX master.change_log_unpublished_idx;
ALTER TABLE master.change_log DROP CONSTRAINT change_log_position_key;
CREATE UNIQUE INDEX change_log_position_idx ON master.change_log (position) WHERE position IS NOT NULL;

CREATE OR REPLACE FUNCTION master.keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_table text := TG_TABLE_NAME;
BEGIN
    -- A change of the record still waiting for its position: the version replaced was written since the feed was
    -- last published, and no reader was told of it. Locking that change keeps the publication from giving it a
    -- position before log_change has taken this change in; a change the publication holds is waited for.
    PERFORM 1 FROM master.change_log
      WHERE entity = changed_table AND code = OLD.code AND position IS NULL
      FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO master.history (entity, code, valid_from, valid_to, reason, record)
        VALUES (changed_table, OLD.code, OLD.updated_at, now(), current_setting('twofour.change_reason', true),
                to_jsonb(OLD));
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION master.keep_history() IS 'Trigger: keeps the version an update or delete replaces in master.history, unless that version''s own change is not published yet';

CREATE OR REPLACE FUNCTION master.log_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_table text := TG_TABLE_NAME;
    changed_code text := CASE WHEN TG_OP = 'DELETE' THEN OLD.code ELSE NEW.code END;
    change_reason text := current_setting('twofour.change_reason', true);
BEGIN
    -- What the record went through since the last publication: inserted then updated is inserted, deleted then
    -- inserted again is updated; the reasons are kept side by side.
    UPDATE master.change_log c
       SET operation = CASE WHEN c.operation = 'insert' AND TG_OP = 'UPDATE' THEN 'insert'
                            WHEN c.operation = 'delete' AND TG_OP = 'INSERT' THEN 'update'
                            ELSE lower(TG_OP) END,
           reason = CASE WHEN change_reason = ANY (string_to_array(c.reason, '; ')) THEN c.reason
                         ELSE concat_ws('; ', c.reason, change_reason) END,
           changed_at = now()
     WHERE c.entity = changed_table AND c.code = changed_code AND c.position IS NULL;
    IF NOT FOUND THEN
        INSERT INTO master.change_log (entity, code, operation, reason)
        VALUES (changed_table, changed_code, lower(TG_OP), change_reason);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION master.log_change() IS 'Trigger: records an insert, update or delete in master.change_log, in the change of the record that waits for publication if there is one';

COMMENT ON TABLE master.history IS 'Earlier versions of master records: one row per version replaced or removed after the change feed told of it';
COMMENT ON TABLE master.change_log IS 'Every insert, update and delete of a master record, those made before the next publication as one change; read it through master.changes';
COMMENT ON COLUMN master.change_log.operation IS 'insert, update or delete: what the record went through since the previous publication (inserted then updated is insert)';
COMMENT ON COLUMN master.change_log.reason IS 'Why: the job and delivered file, declaration or verification task; several reasons are separated by "; "';
COMMENT ON COLUMN master.change_log.changed_at IS 'When the record last changed before the change was published';
COMMENT ON VIEW master.changes IS 'Change feed for downstream systems: read rows with position > the last position you read, ordered by position. Positions have no gaps and never change; a change appears once its transaction has committed and the nightly run has sequenced it; a record changed several times between two publications appears once';
COMMENT ON COLUMN master.changes.operation IS 'insert, update or delete: what the record went through since the previous publication (inserted then updated is insert)';
COMMENT ON COLUMN master.changes.reason IS 'Why: the job and delivered file, declaration or verification task; several reasons are separated by "; "';
COMMENT ON COLUMN master.changes.changed_at IS 'When the record last changed before the change was published';
