-- The declare-and-verify cycle (申报-核查): the grid officers' roster, the verification tasks that declarations,
-- discrepancies, unplaced records and uncertain merges become, and the progress of the cycle per grid, village, town.
-- A task's every state change keeps its previous version in master.history (entity verification_task).

CREATE TABLE master.grid_officer (
    code            varchar(24)  PRIMARY KEY,
    name            text         NOT NULL,
    grid_code       varchar(20)  NOT NULL,
    phone           text,
    role            text,
    on_roster       boolean      NOT NULL,
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX grid_officer_grid_idx ON master.grid_officer (grid_code);
COMMENT ON TABLE master.grid_officer IS 'Grid officers (网格员) by grid, from the latest delivered roster (网格员名册)';
COMMENT ON COLUMN master.grid_officer.code IS 'Officer number (人员编号) as the roster gives it';
COMMENT ON COLUMN master.grid_officer.name IS 'Name of the officer';
COMMENT ON COLUMN master.grid_officer.grid_code IS 'Grid the officer works (master.grid.code)';
COMMENT ON COLUMN master.grid_officer.phone IS 'Contact number, normalised (11-digit mobile or area code-number)';
COMMENT ON COLUMN master.grid_officer.role IS 'Post as the roster gives it, e.g. 专职网格员 (full-time) or 兼职网格员 (part-time)';
COMMENT ON COLUMN master.grid_officer.on_roster IS 'True while the latest roster lists the officer; only officers on the roster may return results';
COMMENT ON COLUMN master.grid_officer.updated_at IS 'When this record last changed';

CREATE TRIGGER a_skip_unchanged BEFORE UPDATE ON master.grid_officer FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE TRIGGER b_touch_updated_at BEFORE UPDATE ON master.grid_officer FOR EACH ROW EXECUTE FUNCTION master.touch_updated_at();
CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.grid_officer FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.grid_officer FOR EACH ROW EXECUTE FUNCTION master.log_change();

CREATE TABLE master.verification_task (
    code             varchar(48)  PRIMARY KEY,
    origin           text         NOT NULL CHECK (origin IN ('DECLARATION', 'DISCREPANCY', 'UNMATCHED_ADDRESS', 'UNCERTAIN_MATCH')),
    origin_key       text         NOT NULL,
    type             text         NOT NULL,
    entity           text         NOT NULL CHECK (entity IN ('person', 'unit', 'building', 'facility', 'address', 'rental_house')),
    entity_key       text,
    fact_key         text         NOT NULL,
    facts            jsonb        NOT NULL,
    address_text     text,
    address_code     varchar(24),
    village_code     varchar(12),
    town_code        varchar(12),
    grid_code        varchar(20),
    geom             geometry(Point, 4490),
    declarations     text[]       NOT NULL DEFAULT '{}',
    state            text         NOT NULL DEFAULT 'open'
        CHECK (state IN ('open', 'dispatched', 'verified', 'applied', 'rejected', 'expired')),
    opened_at        timestamptz  NOT NULL,
    due_on           date         NOT NULL,
    escalated        boolean      NOT NULL DEFAULT false,
    dispatched_at    timestamptz,
    package          text,
    result           text         CHECK (result IN ('CONFIRMED', 'REJECTED', 'CORRECTED')),
    corrections      jsonb,
    officer_code     varchar(24),
    verified_at      timestamptz,
    verified_geom    geometry(Point, 4490),
    evidence         text,
    closed_at        timestamptz,
    close_note       text,
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (origin, origin_key)
);
-- The same fact reported twice makes one task while that task is still being worked on.
CREATE UNIQUE INDEX verification_task_live_fact_idx ON master.verification_task (fact_key)
    WHERE state IN ('open', 'dispatched', 'verified');
CREATE INDEX verification_task_state_idx ON master.verification_task (state, grid_code);
CREATE INDEX verification_task_entity_idx ON master.verification_task (entity, entity_key);
CREATE INDEX verification_task_declarations_idx ON master.verification_task USING gin (declarations);

CREATE TRIGGER a_skip_unchanged BEFORE UPDATE ON master.verification_task FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE TRIGGER b_touch_updated_at BEFORE UPDATE ON master.verification_task FOR EACH ROW EXECUTE FUNCTION master.touch_updated_at();
CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.verification_task FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.verification_task FOR EACH ROW EXECUTE FUNCTION master.log_change();

COMMENT ON TABLE master.verification_task IS 'Verification tasks (核查任务): facts a grid officer checks on site; state open → dispatched → verified → applied / rejected, or expired';
COMMENT ON COLUMN master.verification_task.code IS 'Task number: RW + the declaration''s digits for a declaration; RW + the building code for a registered building the field did not find; RWR + the review item number; RWP / RWU + the person''s or unit''s code for a record at no standard address';
COMMENT ON COLUMN master.verification_task.origin IS 'What raised the task: DECLARATION (申报), DISCREPANCY (sources disagree), UNMATCHED_ADDRESS (a record placed by no standard address), UNCERTAIN_MATCH (a merge too unsure to decide)';
COMMENT ON COLUMN master.verification_task.origin_key IS 'The raising record: declaration number, or review item number (master.review_item.id), or discrepancy key';
COMMENT ON COLUMN master.verification_task.type IS 'What to check: TENANT_MOVED_IN, TENANT_MOVED_OUT, PERSON_MOVED_AWAY, UNIT_OPENED, UNIT_CLOSED, BUILDING_BUILT, BUILDING_DEMOLISHED, FACILITY_ADDED, FACILITY_DAMAGED, ADDRESS_CORRECTION, REGISTERED_BUILDING_NOT_FOUND, UNMATCHED_ADDRESS, UNCERTAIN_MATCH';
COMMENT ON COLUMN master.verification_task.entity IS 'Master table the fact concerns: person, unit, building, facility, address, rental_house';
COMMENT ON COLUMN master.verification_task.entity_key IS 'The record''s key in that table (citizen ID, credit code, building, facility or address code); null when the fact names none';
COMMENT ON COLUMN master.verification_task.fact_key IS 'Type, entity key and declared facts in one text: while a task is open, dispatched or verified, no other task has the same';
COMMENT ON COLUMN master.verification_task.facts IS 'The facts to check as declared or found (name, address, floors, type, content …), as a JSON object';
COMMENT ON COLUMN master.verification_task.address_text IS 'Address as declared or delivered';
COMMENT ON COLUMN master.verification_task.address_code IS 'Standard address the declared address matched (master.address.code), null when none';
COMMENT ON COLUMN master.verification_task.village_code IS 'Village or community of the place (master.division.code)';
COMMENT ON COLUMN master.verification_task.town_code IS 'Town or subdistrict of the place (master.division.code)';
COMMENT ON COLUMN master.verification_task.grid_code IS 'Grid whose officers verify the task (master.grid.code); null when only the village is known';
COMMENT ON COLUMN master.verification_task.geom IS 'Where to go: the address point, the record''s own point, or a point inside the grid (CGCS2000)';
COMMENT ON COLUMN master.verification_task.declarations IS 'Every declaration number (申报编号) that reported this fact';
COMMENT ON COLUMN master.verification_task.state IS 'open (waiting for dispatch), dispatched (sent to the grid), verified (result received, not yet applied), applied (master data updated), rejected (result: not true), expired (not verified in time)';
COMMENT ON COLUMN master.verification_task.opened_at IS 'When the fact was declared or found';
COMMENT ON COLUMN master.verification_task.due_on IS 'Date by which the result is due (by task type, configurable)';
COMMENT ON COLUMN master.verification_task.escalated IS 'True once the task went past its due date unverified: listed for the village and town';
COMMENT ON COLUMN master.verification_task.dispatched_at IS 'When the task went out in its grid''s package';
COMMENT ON COLUMN master.verification_task.package IS 'Folder of the dispatch package that carried the task, relative to the outbox';
COMMENT ON COLUMN master.verification_task.result IS 'The officer''s result: CONFIRMED (属实), REJECTED (不属实), CORRECTED (更正)';
COMMENT ON COLUMN master.verification_task.corrections IS 'Corrected values of a CORRECTED result, checked like feed values, as a JSON object';
COMMENT ON COLUMN master.verification_task.officer_code IS 'Officer who verified (master.grid_officer.code)';
COMMENT ON COLUMN master.verification_task.verified_at IS 'When the officer verified on site';
COMMENT ON COLUMN master.verification_task.verified_geom IS 'GPS point the officer took on site (CGCS2000), if any';
COMMENT ON COLUMN master.verification_task.evidence IS 'Reference of the evidence the officer filed (photo, record), if any';
COMMENT ON COLUMN master.verification_task.closed_at IS 'When the task was applied, rejected or expired';
COMMENT ON COLUMN master.verification_task.close_note IS 'What closing the task did to the master data, or why it closed without a change';
COMMENT ON COLUMN master.verification_task.updated_at IS 'When this task last changed';

CREATE VIEW master.under_verification AS
SELECT entity, entity_key, code AS task_code, type, state, due_on
  FROM master.verification_task
 WHERE state IN ('open', 'dispatched', 'verified') AND entity_key IS NOT NULL;
COMMENT ON VIEW master.under_verification IS 'Master records under verification: a task about them is open, dispatched or verified but not applied yet';
COMMENT ON COLUMN master.under_verification.entity IS 'Master table of the record';
COMMENT ON COLUMN master.under_verification.entity_key IS 'Key of the record in that table';
COMMENT ON COLUMN master.under_verification.task_code IS 'The task (master.verification_task.code)';
COMMENT ON COLUMN master.under_verification.type IS 'What the task checks';
COMMENT ON COLUMN master.under_verification.state IS 'open, dispatched or verified';
COMMENT ON COLUMN master.under_verification.due_on IS 'Date by which the result is due';

CREATE VIEW master.verification_progress AS
SELECT CASE WHEN grouping(t.town_code) = 1 THEN 'city'
            WHEN grouping(t.village_code) = 1 THEN 'town'
            WHEN grouping(t.grid_code) = 1 THEN 'village'
            ELSE 'grid' END AS level,
       CASE WHEN grouping(t.town_code) = 1 THEN NULL
            WHEN grouping(t.village_code) = 1 THEN t.town_code
            WHEN grouping(t.grid_code) = 1 THEN t.village_code
            ELSE t.grid_code END AS code,
       count(*) AS opened,
       count(*) FILTER (WHERE t.state IN ('applied', 'rejected')) AS closed,
       count(*) FILTER (WHERE t.state IN ('open', 'dispatched', 'verified')) AS backlog,
       count(*) FILTER (WHERE t.escalated AND t.state IN ('open', 'dispatched', 'verified')) AS overdue,
       count(*) FILTER (WHERE t.state = 'expired') AS expired,
       round(count(*) FILTER (WHERE t.state IN ('applied', 'rejected'))::numeric / nullif(count(*), 0), 4) AS closure_rate,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.verified_at - t.opened_at))
              FILTER (WHERE t.state IN ('applied', 'rejected')) / 86400)::numeric, 2) AS median_days_to_close
  FROM master.verification_task t
 GROUP BY ROLLUP (t.town_code, t.village_code, t.grid_code);
COMMENT ON VIEW master.verification_progress IS 'The cycle''s figures per grid, village, town and for the city: tasks opened, closed, in the backlog, overdue, expired, the closure rate and the median time to close';
COMMENT ON COLUMN master.verification_progress.level IS 'grid, village, town or city';
COMMENT ON COLUMN master.verification_progress.code IS 'Code of the grid, village or town; null for the city';
COMMENT ON COLUMN master.verification_progress.opened IS 'Tasks ever opened';
COMMENT ON COLUMN master.verification_progress.closed IS 'Tasks closed by a result: applied or rejected';
COMMENT ON COLUMN master.verification_progress.backlog IS 'Tasks open, dispatched or verified';
COMMENT ON COLUMN master.verification_progress.overdue IS 'Tasks in the backlog past their due date';
COMMENT ON COLUMN master.verification_progress.expired IS 'Tasks closed unverified';
COMMENT ON COLUMN master.verification_progress.closure_rate IS 'closed / opened (the cycle''s headline figure, 办结率); null before any task';
COMMENT ON COLUMN master.verification_progress.median_days_to_close IS 'Median days from opening (declaration time) to the officer''s verification, over closed tasks';

-- Verification may find a building demolished.
ALTER TABLE master.building DROP CONSTRAINT IF EXISTS building_status_check;
ALTER TABLE master.building ADD CONSTRAINT building_status_check CHECK (status IN ('standing', 'registered', 'demolished', 'retired'));
COMMENT ON COLUMN master.building.status IS 'standing (seen on site), registered (only a registry knows it: to verify, it may be demolished), demolished (verified gone), retired (no source delivers it any more)';
