-- Actual buildings and rental houses (实有房屋): one golden record per real building and per rental house, merged by
-- merge-buildings from the housing registries and the grid officers' field collection; the records that cannot be
-- placed wait in master.review_item; coverage views compare what the registries and the field know.

CREATE SEQUENCE master.building_found_seq;
COMMENT ON SEQUENCE master.building_found_seq IS 'Numbers buildings found by the field collection at no standard building address (codes BF…)';

CREATE TABLE master.building (
    code              varchar(24)  PRIMARY KEY,
    address_code      varchar(24),
    name              text,
    use               text         CHECK (use IN ('residential', 'mixed', 'commercial', 'industrial', 'public')),
    floors            integer,
    owner_name        text,
    owner_citizen_id  varchar(18),
    geom              geometry(Geometry, 4490),
    grid_code         varchar(20),
    grid_method       text         CHECK (grid_method IN ('POINT_IN_GRID', 'FOOTPRINT_LARGEST_OVERLAP', 'ADDRESS_POINT')),
    status            text         NOT NULL CHECK (status IN ('standing', 'registered')),
    first_seen        date,
    last_seen         date,
    sources           text[]       NOT NULL,
    updated_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX building_address_idx ON master.building (address_code);
CREATE INDEX building_grid_idx ON master.building (grid_code);
CREATE INDEX building_geom_idx ON master.building USING gist (geom);
COMMENT ON TABLE master.building IS '实有房屋 楼栋: one golden record per real building, merged from the building registry, the rental registry and the field collection';
COMMENT ON COLUMN master.building.code IS 'Building code: B + its standard building address code, or BF + a number for a building the field found at no standard address';
COMMENT ON COLUMN master.building.address_code IS 'Standard address (master.address) of the building, at building level; null for a building found by the field at no standard address';
COMMENT ON COLUMN master.building.name IS 'Building name (楼栋名称), e.g. 3栋';
COMMENT ON COLUMN master.building.use IS 'Use (房屋用途): residential 住宅, mixed 商住, commercial 商业, industrial 工业, public 公共服务';
COMMENT ON COLUMN master.building.floors IS 'Floors above ground (地上层数)';
COMMENT ON COLUMN master.building.owner_name IS 'Owner of record (产权人)';
COMMENT ON COLUMN master.building.owner_citizen_id IS 'Owner''s citizen ID number (产权人证件号码), 18 characters';
COMMENT ON COLUMN master.building.geom IS 'Footprint when delivered, else the point taken on site by the grid officer, else the standard address point; CGCS2000 (EPSG:4490)';
COMMENT ON COLUMN master.building.grid_code IS 'Basic grid (基础网格) of the building';
COMMENT ON COLUMN master.building.grid_method IS 'How the grid was found: POINT_IN_GRID (the point taken on site), FOOTPRINT_LARGEST_OVERLAP, ADDRESS_POINT (the grid of its standard address)';
COMMENT ON COLUMN master.building.status IS 'standing (seen on site by the field collection) or registered (only a registry knows it: to verify, it may be demolished)';
COMMENT ON COLUMN master.building.first_seen IS 'Earliest registration or collection date of the rows merged into it';
COMMENT ON COLUMN master.building.last_seen IS 'Latest registration or collection date of the rows merged into it';
COMMENT ON COLUMN master.building.sources IS 'Feeds that know the building (building-registry, field-buildings, rental-registry), sorted';
COMMENT ON COLUMN master.building.updated_at IS 'When this row last changed';

CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.building FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.building FOR EACH ROW EXECUTE FUNCTION master.log_change();

CREATE TABLE master.rental_house (
    code                 varchar(24)  PRIMARY KEY,
    building_code        varchar(24)  NOT NULL,
    address_code         varchar(24),
    rooms                integer,
    landlord_name        text,
    landlord_citizen_id  varchar(18),
    landlord_phone       text,
    grid_code            varchar(20),
    grid_method          text         CHECK (grid_method IN ('POINT_IN_GRID', 'FOOTPRINT_LARGEST_OVERLAP', 'ADDRESS_POINT')),
    first_seen           date,
    last_seen            date,
    sources              text[]       NOT NULL,
    updated_at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX rental_house_building_idx ON master.rental_house (building_code);
CREATE INDEX rental_house_grid_idx ON master.rental_house (grid_code);
COMMENT ON TABLE master.rental_house IS '实有房屋 出租屋: one golden record per rental house, merged from the rental registry and the field collection';
COMMENT ON COLUMN master.rental_house.code IS 'Rental house code: H + the digits of its building''s code (one rental house per building)';
COMMENT ON COLUMN master.rental_house.building_code IS 'Building the rental house is in (master.building)';
COMMENT ON COLUMN master.rental_house.address_code IS 'Standard address of the rental house; null when its building has none';
COMMENT ON COLUMN master.rental_house.rooms IS 'Rooms let (出租间数)';
COMMENT ON COLUMN master.rental_house.landlord_name IS 'Landlord (房东姓名)';
COMMENT ON COLUMN master.rental_house.landlord_citizen_id IS 'Landlord''s citizen ID number (房东身份证号), 18 characters';
COMMENT ON COLUMN master.rental_house.landlord_phone IS 'Landlord''s phone: 11-digit mobile number or area code-number';
COMMENT ON COLUMN master.rental_house.grid_code IS 'Basic grid (基础网格) of the rental house: its building''s';
COMMENT ON COLUMN master.rental_house.grid_method IS 'How the grid was found, as for its building';
COMMENT ON COLUMN master.rental_house.first_seen IS 'Earliest registration or collection date of the rows merged into it';
COMMENT ON COLUMN master.rental_house.last_seen IS 'Latest registration or collection date of the rows merged into it';
COMMENT ON COLUMN master.rental_house.sources IS 'Feeds that know the rental house (rental-registry, field-buildings), sorted';
COMMENT ON COLUMN master.rental_house.updated_at IS 'When this row last changed';

CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.rental_house FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.rental_house FOR EACH ROW EXECUTE FUNCTION master.log_change();

-- Review items (master.review_item, created with the population tables) are looked up by their delivered row.
CREATE INDEX IF NOT EXISTS review_item_source_idx ON master.review_item (file_id, line_no);

CREATE VIEW master.building_coverage AS
SELECT b.code, b.grid_code, b.status, b.sources,
       'building-registry' = ANY (b.sources) AS in_building_registry,
       'field-buildings' = ANY (b.sources) AS in_field_collection,
       CASE WHEN 'building-registry' = ANY (b.sources) AND 'field-buildings' = ANY (b.sources) THEN 'both'
            WHEN 'field-buildings' = ANY (b.sources) THEN 'field_only'
            WHEN 'building-registry' = ANY (b.sources) THEN 'registry_only'
            ELSE 'other' END AS coverage
  FROM master.building b;
COMMENT ON VIEW master.building_coverage IS 'Which sources know each building: found by the field but not registered, registered but not seen, or both';
COMMENT ON COLUMN master.building_coverage.code IS 'Building code';
COMMENT ON COLUMN master.building_coverage.grid_code IS 'Basic grid of the building';
COMMENT ON COLUMN master.building_coverage.status IS 'standing or registered, as in master.building';
COMMENT ON COLUMN master.building_coverage.sources IS 'Feeds that know the building';
COMMENT ON COLUMN master.building_coverage.in_building_registry IS 'The housing building registry has it';
COMMENT ON COLUMN master.building_coverage.in_field_collection IS 'The grid officers collected it';
COMMENT ON COLUMN master.building_coverage.coverage IS 'both, field_only (found by the field, not registered), registry_only (registered, not seen on site) or other (only the rental registry)';

CREATE VIEW master.rental_house_coverage AS
SELECT r.code, r.building_code, r.grid_code, r.sources,
       'rental-registry' = ANY (r.sources) AS in_rental_registry,
       'field-buildings' = ANY (r.sources) AS in_field_collection,
       CASE WHEN 'rental-registry' = ANY (r.sources) AND 'field-buildings' = ANY (r.sources) THEN 'both'
            WHEN 'field-buildings' = ANY (r.sources) THEN 'field_only'
            ELSE 'registry_only' END AS coverage
  FROM master.rental_house r;
COMMENT ON VIEW master.rental_house_coverage IS 'Which sources know each rental house: found by the field but not registered, registered but not seen, or both';
COMMENT ON COLUMN master.rental_house_coverage.code IS 'Rental house code';
COMMENT ON COLUMN master.rental_house_coverage.building_code IS 'Building of the rental house';
COMMENT ON COLUMN master.rental_house_coverage.grid_code IS 'Basic grid of the rental house';
COMMENT ON COLUMN master.rental_house_coverage.sources IS 'Feeds that know the rental house';
COMMENT ON COLUMN master.rental_house_coverage.in_rental_registry IS 'The housing rental registry has it';
COMMENT ON COLUMN master.rental_house_coverage.in_field_collection IS 'The grid officers collected it as a rental house';
COMMENT ON COLUMN master.rental_house_coverage.coverage IS 'both, field_only (found by the field, not registered) or registry_only (registered, not seen on site)';

CREATE VIEW master.building_coverage_by_grid AS
SELECT grid_code,
       count(*) FILTER (WHERE kind = 'building') AS buildings,
       count(*) FILTER (WHERE kind = 'building' AND coverage = 'field_only') AS buildings_field_only,
       count(*) FILTER (WHERE kind = 'building' AND coverage = 'registry_only') AS buildings_registry_only,
       count(*) FILTER (WHERE kind = 'building' AND coverage = 'both') AS buildings_in_both,
       count(*) FILTER (WHERE kind = 'rental_house') AS rental_houses,
       count(*) FILTER (WHERE kind = 'rental_house' AND coverage = 'field_only') AS rental_houses_field_only,
       count(*) FILTER (WHERE kind = 'rental_house' AND coverage = 'registry_only') AS rental_houses_registry_only,
       count(*) FILTER (WHERE kind = 'rental_house' AND coverage = 'both') AS rental_houses_in_both
  FROM (SELECT grid_code, coverage, 'building' AS kind FROM master.building_coverage
        UNION ALL
        SELECT grid_code, coverage, 'rental_house' FROM master.rental_house_coverage) c
 GROUP BY grid_code;
COMMENT ON VIEW master.building_coverage_by_grid IS 'Reconciliation per basic grid: buildings and rental houses only in the field collection (found, not registered), only in the registries, in both';
COMMENT ON COLUMN master.building_coverage_by_grid.grid_code IS 'Basic grid; null for records not placed in a grid';
COMMENT ON COLUMN master.building_coverage_by_grid.buildings IS 'Buildings in the grid';
COMMENT ON COLUMN master.building_coverage_by_grid.buildings_field_only IS 'Buildings found by the field collection that the building registry lacks';
COMMENT ON COLUMN master.building_coverage_by_grid.buildings_registry_only IS 'Registered buildings the field collection did not see';
COMMENT ON COLUMN master.building_coverage_by_grid.buildings_in_both IS 'Buildings both the registry and the field know';
COMMENT ON COLUMN master.building_coverage_by_grid.rental_houses IS 'Rental houses in the grid';
COMMENT ON COLUMN master.building_coverage_by_grid.rental_houses_field_only IS 'Rental houses found by the field collection that the rental registry lacks';
COMMENT ON COLUMN master.building_coverage_by_grid.rental_houses_registry_only IS 'Registered rental houses the field collection did not see';
COMMENT ON COLUMN master.building_coverage_by_grid.rental_houses_in_both IS 'Rental houses both the registry and the field know';
