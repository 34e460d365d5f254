-- A golden record that no current delivery holds any more is retired, not deleted: it keeps its code, its links to
-- the rows it was built from and its history, and comes back (its status restored by the merge) when a later
-- delivery holds it again. People and addresses could already be retired; buildings, rental houses, units and
-- facilities now can too.

-- A feed delivers its whole list each time, so a record missing from the latest one is no longer known to it.
ALTER TABLE master.building DROP CONSTRAINT building_status_check;
ALTER TABLE master.building ADD CONSTRAINT building_status_check
    CHECK (status IN ('standing', 'registered', 'retired'));
COMMENT ON COLUMN master.building.status IS 'standing (seen on site by the field collection), registered (only a registry knows it: to verify, it may be demolished) or retired (neither it nor its rental house is in a current delivery of any feed)';

-- Rental houses had no status: a rental house retires together with its building, since both are built from the
-- rows of either.
ALTER TABLE master.rental_house
    ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired'));
COMMENT ON COLUMN master.rental_house.status IS 'active, or retired (neither it nor its building is in a current delivery of any feed)';

ALTER TABLE master.unit DROP CONSTRAINT unit_status_check;
ALTER TABLE master.unit ADD CONSTRAINT unit_status_check CHECK (status IN ('open', 'closed', 'retired'));
COMMENT ON COLUMN master.unit.status IS 'open (存续, 在业), closed (注销, 吊销) or retired (in no current delivery of any feed)';
COMMENT ON TABLE master.unit IS '实有单位: enterprises, individual businesses, institutions and social organisations, one golden record each; a closed unit (注销) is kept with status closed, one no feed delivers any more with status retired, never deleted';

ALTER TABLE master.facility DROP CONSTRAINT facility_status_check;
ALTER TABLE master.facility ADD CONSTRAINT facility_status_check CHECK (status IN ('in_service', 'damaged', 'retired'));
COMMENT ON COLUMN master.facility.status IS 'in_service (完好, 正常, 在线), damaged (破损, 损坏, 离线) or retired (in no current delivery of any feed)';

COMMENT ON COLUMN master.person.status IS 'resident, moved_out (verified as gone) or retired (in no current delivery of any feed)';

-- The reconciliation compares what the current deliveries know: a retired record is known to none of them.
CREATE OR REPLACE VIEW master.building_coverage AS
SELECT b.code, b.grid_code, b.status, b.sources,
       'building-registry' = ANY (b.sources) AS in_building_registry,
       'field-buildings' = ANY (b.sources) AS in_field_collection,
       CASE WHEN 'building-registry' = ANY (b.sources) AND 'field-buildings' = ANY (b.sources) THEN 'both'
            WHEN 'field-buildings' = ANY (b.sources) THEN 'field_only'
            WHEN 'building-registry' = ANY (b.sources) THEN 'registry_only'
            ELSE 'other' END AS coverage
  FROM master.building b
 WHERE b.status <> 'retired';
COMMENT ON VIEW master.building_coverage IS 'Which sources know each building that is not retired: found by the field but not registered, registered but not seen, or both';

CREATE OR REPLACE VIEW master.rental_house_coverage AS
SELECT r.code, r.building_code, r.grid_code, r.sources,
       'rental-registry' = ANY (r.sources) AS in_rental_registry,
       'field-buildings' = ANY (r.sources) AS in_field_collection,
       CASE WHEN 'rental-registry' = ANY (r.sources) AND 'field-buildings' = ANY (r.sources) THEN 'both'
            WHEN 'field-buildings' = ANY (r.sources) THEN 'field_only'
            ELSE 'registry_only' END AS coverage
  FROM master.rental_house r
 WHERE r.status <> 'retired';
COMMENT ON VIEW master.rental_house_coverage IS 'Which sources know each rental house that is not retired: found by the field but not registered, registered but not seen, or both';
