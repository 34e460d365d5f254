-- The standard address library (标准地址库) and the links from every golden record to the delivered rows it was
-- built from.

CREATE TABLE master.address (
    code           varchar(24)  PRIMARY KEY,
    level          text         NOT NULL CHECK (level IN ('village', 'road', 'door', 'building', 'room')),
    town_code      varchar(12)  NOT NULL,
    village_code   varchar(12)  NOT NULL,
    road           text,
    door_number    text,
    building       text,
    unit           text,
    floor          text,
    room           text,
    full_text      text         NOT NULL,
    geom           geometry(Point, 4490),
    grid_code      varchar(20),
    grid_method    text         CHECK (grid_method IN ('POINT_IN_GRID', 'FOOTPRINT_LARGEST_OVERLAP', 'ADDRESS_POINT')),
    status         text         NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
    valid_from     date         NOT NULL DEFAULT current_date,
    valid_to       date,
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX address_geom_idx ON master.address USING gist (geom);
CREATE INDEX address_village_idx ON master.address (village_code, road, door_number);
CREATE INDEX address_grid_idx ON master.address (grid_code);
COMMENT ON TABLE master.address IS '标准地址库: every address of the city in one canonical, coded form, from door number down to room';
COMMENT ON COLUMN master.address.code IS 'Standard address code (地址编码): stable, kept when the address is retired';
COMMENT ON COLUMN master.address.level IS 'Most specific level the address names: village, road, door (门牌), building (楼栋), room (户室)';
COMMENT ON COLUMN master.address.town_code IS 'Town/subdistrict (镇街) code';
COMMENT ON COLUMN master.address.village_code IS 'Village/community (村/社区) code';
COMMENT ON COLUMN master.address.road IS 'Road, street or lane (街路巷), e.g. 鸿福路';
COMMENT ON COLUMN master.address.door_number IS 'Door number (门牌号) without 号, e.g. 18 or 18-2';
COMMENT ON COLUMN master.address.building IS 'Building number (楼栋号) without 栋/座/幢';
COMMENT ON COLUMN master.address.unit IS 'Unit or stairway (单元/梯) without the word';
COMMENT ON COLUMN master.address.floor IS 'Floor, from the room number when not given';
COMMENT ON COLUMN master.address.room IS 'Room (户室号) without 室/房';
COMMENT ON COLUMN master.address.full_text IS 'Canonical full text, e.g. 东莞市莞城街道东正社区鸿福路18号3栋2单元501室';
COMMENT ON COLUMN master.address.geom IS 'Address point, CGCS2000 longitude/latitude (EPSG:4490)';
COMMENT ON COLUMN master.address.grid_code IS 'Basic grid (基础网格) containing the address point';
COMMENT ON COLUMN master.address.grid_method IS 'How the grid was found: POINT_IN_GRID for an address point';
COMMENT ON COLUMN master.address.status IS 'active, or retired (no longer in the library; the code is never reused)';
COMMENT ON COLUMN master.address.valid_from IS 'First day the address is in force';
COMMENT ON COLUMN master.address.valid_to IS 'Last day the address was in force; null while active';
COMMENT ON COLUMN master.address.updated_at IS 'When this row last changed';

CREATE VIEW master.address_parent AS
SELECT c.code, coalesce(unit_parent.code, building_parent.code, door_parent.code) AS parent_code
  FROM master.address c
  LEFT JOIN master.address unit_parent
         ON c.level = 'room' AND c.unit IS NOT NULL AND unit_parent.level = 'building'
        AND unit_parent.village_code = c.village_code AND unit_parent.road = c.road
        AND unit_parent.door_number = c.door_number AND unit_parent.building = c.building AND unit_parent.unit = c.unit
  LEFT JOIN master.address building_parent
         ON c.level = 'room' AND building_parent.level = 'building' AND building_parent.unit IS NULL
        AND building_parent.village_code = c.village_code AND building_parent.road = c.road
        AND building_parent.door_number = c.door_number AND building_parent.building = c.building
  LEFT JOIN master.address door_parent
         ON c.level = 'building' AND door_parent.level = 'door'
        AND door_parent.village_code = c.village_code AND door_parent.road = c.road
        AND door_parent.door_number = c.door_number;
COMMENT ON VIEW master.address_parent IS 'The address hierarchy: each room''s building (or unit), each building''s door number';
COMMENT ON COLUMN master.address_parent.code IS 'Standard address code';
COMMENT ON COLUMN master.address_parent.parent_code IS 'Address one level up; null at the top or when the library lacks it';

CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.address FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.address FOR EACH ROW EXECUTE FUNCTION master.log_change();

CREATE TABLE master.source_record (
    file_id      bigint       NOT NULL REFERENCES ops.feed_file (id) ON DELETE CASCADE,
    line_no      integer      NOT NULL,
    entity       text         NOT NULL,
    code         text         NOT NULL,
    feed         text         NOT NULL,
    source_key   text,
    match_rule   text         NOT NULL,
    score        double precision NOT NULL,
    linked_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX source_record_entity_code_idx ON master.source_record (entity, code);
COMMENT ON TABLE master.source_record IS 'Cross-references: every delivered row merged into a golden record, and by which rule';
COMMENT ON COLUMN master.source_record.file_id IS 'Delivered file the row came from';
COMMENT ON COLUMN master.source_record.line_no IS 'Line number of the row in that file, counting the header as line 1';
COMMENT ON COLUMN master.source_record.entity IS 'Master table of the golden record: address, person, building, unit, facility';
COMMENT ON COLUMN master.source_record.code IS 'Code of the golden record the row was merged into';
COMMENT ON COLUMN master.source_record.feed IS 'Feed (department source) the row was delivered in';
COMMENT ON COLUMN master.source_record.source_key IS 'The row''s own key in its source system (an ID number, a registry number)';
COMMENT ON COLUMN master.source_record.match_rule IS 'Rule that tied the row to the golden record, e.g. SAME_CODE, SAME_CITIZEN_ID, NAME_BIRTH_ADDRESS';
COMMENT ON COLUMN master.source_record.score IS 'Match score in [0, 1]: 1 for a key match';
COMMENT ON COLUMN master.source_record.linked_at IS 'When the row was merged';
