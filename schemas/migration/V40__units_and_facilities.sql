-- The actual units (实有单位) and actual facilities (实有设施): one golden record per real organisation and per real
-- city part, merged from the departments' feeds, and the review queue for matches too uncertain to decide alone.

-- A merge that delivers a record as it is leaves it untouched: the update is skipped before the history and change-log
-- triggers see it, and updated_at moves only when something did change.
CREATE OR REPLACE FUNCTION master.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION master.touch_updated_at() IS 'Trigger: sets updated_at of a row that an update changes';

CREATE TABLE master.unit (
    code                  varchar(40)  PRIMARY KEY,
    credit_code           char(18)     UNIQUE,
    name                  text         NOT NULL,
    name_key              text         NOT NULL,
    kind                  text         CHECK (kind IN ('enterprise', 'individual_business', 'institution', 'social_organization', 'other')),
    legal_representative  text,
    address_text          text,
    address_code          varchar(24),
    address_confidence    double precision,
    grid_code             varchar(20),
    grid_method           text         CHECK (grid_method IN ('ADDRESS_POINT')),
    established_on        date,
    status                text         NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    phone                 text,
    source_feed           text         NOT NULL,
    source_priority       integer      NOT NULL,
    source_file_id        bigint       NOT NULL,
    first_seen            date         NOT NULL,
    last_seen             date         NOT NULL,
    updated_at            timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX unit_name_key_idx ON master.unit (name_key);
CREATE INDEX unit_address_idx ON master.unit (address_code);
CREATE INDEX unit_grid_idx ON master.unit (grid_code);
COMMENT ON TABLE master.unit IS '实有单位: enterprises, individual businesses, institutions and social organisations, one golden record each; a closed unit (注销) is kept with status closed, never deleted';
COMMENT ON COLUMN master.unit.code IS 'Unit code: its unified social credit code; a unit delivered without a usable code gets U + file id + - + line number of its first row';
COMMENT ON COLUMN master.unit.credit_code IS 'Unified social credit code (统一社会信用代码, GB 32100); null when no feed gave a valid one';
COMMENT ON COLUMN master.unit.name IS 'Name as registered, normalised: full-width letters, digits and brackets written half-width';
COMMENT ON COLUMN master.unit.name_key IS 'Name reduced for matching: no city or town prefix, no brackets, spaces or punctuation';
COMMENT ON COLUMN master.unit.kind IS 'enterprise (企业), individual_business (个体工商户), institution (事业单位), social_organization (社会组织) or other; from the credit code''s registering authority and type characters';
COMMENT ON COLUMN master.unit.legal_representative IS 'Legal representative (法定代表人) or operator';
COMMENT ON COLUMN master.unit.address_text IS 'Registered address (住所) as the winning source wrote it';
COMMENT ON COLUMN master.unit.address_code IS 'Standard address (master.address) the registered address matched; null when it matched none';
COMMENT ON COLUMN master.unit.address_confidence IS 'Confidence of that address match in [0, 1]';
COMMENT ON COLUMN master.unit.grid_code IS 'Basic grid of the unit: the grid of its standard address';
COMMENT ON COLUMN master.unit.grid_method IS 'How the grid was found: ADDRESS_POINT (the grid of the matched standard address)';
COMMENT ON COLUMN master.unit.established_on IS 'Date of establishment (成立日期)';
COMMENT ON COLUMN master.unit.status IS 'open (存续, 在业) or closed (注销, 吊销)';
COMMENT ON COLUMN master.unit.phone IS 'Contact phone: 11-digit mobile or area code-number';
COMMENT ON COLUMN master.unit.source_feed IS 'Feed of the row whose values won (survivorship: feed priority, then recency; gaps filled from the others)';
COMMENT ON COLUMN master.unit.source_priority IS 'Rank of that feed as a source, 1 = most trusted';
COMMENT ON COLUMN master.unit.source_file_id IS 'Delivered file (ops.feed_file) of the row whose values won';
COMMENT ON COLUMN master.unit.first_seen IS 'Day the unit was first delivered by any feed';
COMMENT ON COLUMN master.unit.last_seen IS 'Day of the latest delivery that listed the unit';
COMMENT ON COLUMN master.unit.updated_at IS 'When this row last changed';

CREATE TRIGGER a_skip_unchanged BEFORE UPDATE ON master.unit FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE TRIGGER b_touch_updated_at BEFORE UPDATE ON master.unit FOR EACH ROW EXECUTE FUNCTION master.touch_updated_at();
CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.unit FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.unit FOR EACH ROW EXECUTE FUNCTION master.log_change();

CREATE TABLE master.facility (
    code               varchar(40)  PRIMARY KEY,
    type               text         NOT NULL CHECK (type IN ('camera', 'fire_hydrant', 'street_lamp', 'manhole_cover', 'waste_bin')),
    name               text,
    location           text,
    geom               geometry(Point, 4490) NOT NULL,
    grid_code          varchar(20),
    grid_method        text         CHECK (grid_method IN ('POINT_IN_GRID')),
    status             text         NOT NULL DEFAULT 'in_service' CHECK (status IN ('in_service', 'damaged')),
    department         text         NOT NULL,
    source_feed        text         NOT NULL,
    source_priority    integer      NOT NULL,
    source_file_id     bigint       NOT NULL,
    first_seen         date         NOT NULL,
    last_seen          date         NOT NULL,
    updated_at         timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX facility_geom_idx ON master.facility USING gist (geom);
CREATE INDEX facility_grid_idx ON master.facility (grid_code);
COMMENT ON TABLE master.facility IS '实有设施: city parts (cameras, fire hydrants, street lamps, manhole covers, waste bins), one golden record each';
COMMENT ON COLUMN master.facility.code IS 'Facility code: the department code of its first delivered row (设备编码, 消防栓编号, 部件标识码)';
COMMENT ON COLUMN master.facility.type IS 'camera, fire_hydrant, street_lamp, manhole_cover or waste_bin';
COMMENT ON COLUMN master.facility.name IS 'Name the department gives it, e.g. 鸿福路枪机';
COMMENT ON COLUMN master.facility.location IS 'Where it stands, as the department describes it';
COMMENT ON COLUMN master.facility.geom IS 'Point, CGCS2000 longitude/latitude (EPSG:4490); GCJ-02 and BD-09 feeds converted on import';
COMMENT ON COLUMN master.facility.grid_code IS 'Basic grid covering the point; a point on a shared boundary or vertex goes to the lowest grid code';
COMMENT ON COLUMN master.facility.grid_method IS 'How the grid was found: POINT_IN_GRID';
COMMENT ON COLUMN master.facility.status IS 'in_service (完好, 正常, 在线) or damaged (破损, 损坏, 离线)';
COMMENT ON COLUMN master.facility.department IS 'Department responsible for it: the department of the winning feed';
COMMENT ON COLUMN master.facility.source_feed IS 'Feed of the row whose values won (survivorship: feed priority, then recency; gaps filled from the others)';
COMMENT ON COLUMN master.facility.source_priority IS 'Rank of that feed as a source, 1 = most trusted';
COMMENT ON COLUMN master.facility.source_file_id IS 'Delivered file (ops.feed_file) of the row whose values won';
COMMENT ON COLUMN master.facility.first_seen IS 'Day the facility was first delivered by any feed';
COMMENT ON COLUMN master.facility.last_seen IS 'Day of the latest delivery that listed the facility';
COMMENT ON COLUMN master.facility.updated_at IS 'When this row last changed';

CREATE TRIGGER a_skip_unchanged BEFORE UPDATE ON master.facility FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE TRIGGER b_touch_updated_at BEFORE UPDATE ON master.facility FOR EACH ROW EXECUTE FUNCTION master.touch_updated_at();
CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.facility FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.facility FOR EACH ROW EXECUTE FUNCTION master.log_change();

CREATE INDEX IF NOT EXISTS source_record_feed_key_idx ON master.source_record (feed, source_key);
