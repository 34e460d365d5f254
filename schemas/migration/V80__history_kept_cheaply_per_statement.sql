-- keep_history locks the waiting changes of the records a statement replaced. Written as a join, PL/pgSQL planned it
-- once per session, at the first statement, when the change log and the transition table were small: a nested
-- loop over every waiting change of the table for every replaced record. A merge whose chunks update thousands of
-- records then spent nearly all its time there (demo people merge: 48 s in one statement of 2,440 updates against
-- 29,000 waiting changes). The lock now looks each replaced record's change up in the index, whatever the plan.
-- A statement that replaced nothing returns at once: an INSERT ... ON CONFLICT DO UPDATE fires the update triggers
-- even when it only inserts or changes nothing, and the merges that still write a row per statement paid the
-- catalogue lookup and the dynamic statement below for every row (0.8 ms per inserted row instead of 0.25).

CREATE OR REPLACE FUNCTION master.keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_table text := TG_TABLE_NAME;
    record_columns text;
BEGIN
    IF NOT EXISTS (SELECT FROM replaced) THEN
        RETURN NULL;
    END IF;
    -- The record's columns, geometry as its text (EWKB hex): to_jsonb of a geometry looks its cast up for every
    -- value and cost four times the rest of the trigger.
    record_columns := (SELECT string_agg(CASE WHEN a.atttypid = to_regtype('geometry')
                                              THEN format('%1$I::text AS %1$I', a.attname)
                                              ELSE quote_ident(a.attname) END, ', ' ORDER BY a.attnum)
                         FROM pg_attribute a
                        WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped);
    -- A waiting change of a record: the version replaced was written since the last publication and no reader was
    -- told of it. Locking those changes keeps the publication from giving them a position before log_change has
    -- taken this statement's changes in; changes the publication holds are waited for.
    PERFORM 1 FROM replaced r
      CROSS JOIN LATERAL (SELECT 1 FROM master.change_log c
                           WHERE c.entity = changed_table AND c.code = r.code AND c.position IS NULL
                             FOR UPDATE) waiting;
    EXECUTE format($history$
        INSERT INTO master.history (entity, code, valid_from, valid_to, reason, record)
        SELECT $1, r.code, r.updated_at, now(), current_setting('twofour.change_reason', true), to_jsonb(r)
          FROM (SELECT %s FROM replaced) r
         WHERE NOT EXISTS (SELECT 1 FROM master.change_log c
                            WHERE c.entity = $1 AND c.code = r.code AND c.position IS NULL)
        $history$, record_columns) USING changed_table;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION master.keep_history() IS 'Statement trigger: keeps the versions an update or delete replaces (transition table replaced) in master.history, geometry as EWKB hex, except versions whose own change is not published yet';
