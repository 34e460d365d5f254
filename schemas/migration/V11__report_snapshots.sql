-- What the nightly report counted, kept per day so that the next report can show the trend.

CREATE TABLE ops.report_count (
    day         date     NOT NULL,
    entity      text     NOT NULL,
    grid_code   varchar(20) NOT NULL,
    records     bigint   NOT NULL,
    PRIMARY KEY (day, entity, grid_code)
);
COMMENT ON TABLE ops.report_count IS 'Counts of master records per grid as each day''s report found them, for trends';
COMMENT ON COLUMN ops.report_count.day IS 'Day of the report';
COMMENT ON COLUMN ops.report_count.entity IS 'Master table counted: address, person, building, rental_house, unit, facility';
COMMENT ON COLUMN ops.report_count.grid_code IS 'Basic grid';
COMMENT ON COLUMN ops.report_count.records IS 'Active records of the entity in the grid';
