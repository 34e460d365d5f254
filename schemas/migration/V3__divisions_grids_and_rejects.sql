-- The standard operational map (标准作业图): administrative divisions and basic grids,
-- and the run records every load writes: delivered files and rejected rows.

CREATE TABLE master.division (
    code         varchar(12)  PRIMARY KEY,
    name         text         NOT NULL,
    level        text         NOT NULL CHECK (level IN ('town', 'village')),
    parent_code  varchar(12)  NOT NULL,
    valid_from   date         NOT NULL DEFAULT current_date,
    valid_to     date,
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    CHECK (level = 'town' AND code ~ '^[0-9]{9}$' OR level = 'village' AND code ~ '^[0-9]{12}$')
);
COMMENT ON TABLE master.division IS '行政区划: towns/subdistricts (镇街) and villages/communities (村/社区) with their statistical codes';
COMMENT ON COLUMN master.division.code IS 'Statistical division code (统计用区划代码): 9 digits for a town, 12 for a village';
COMMENT ON COLUMN master.division.name IS 'Official name, e.g. 东城街道, 岗贝社区居民委员会';
COMMENT ON COLUMN master.division.level IS 'town (镇/街道) or village (村/社区)';
COMMENT ON COLUMN master.division.parent_code IS 'Code of the containing division: the county-level code (441900) for a town, the town code for a village';
COMMENT ON COLUMN master.division.valid_from IS 'First day the division is in force';
COMMENT ON COLUMN master.division.valid_to IS 'Last day the division is in force; null while current';
COMMENT ON COLUMN master.division.updated_at IS 'When this row last changed';

CREATE TABLE master.grid (
    code            varchar(20)  PRIMARY KEY,
    name            text         NOT NULL,
    village_code    varchar(12)  NOT NULL REFERENCES master.division (code),
    town_code       varchar(12)  NOT NULL REFERENCES master.division (code),
    geom            geometry(MultiPolygon, 4490) NOT NULL,
    area_m2         double precision NOT NULL,
    valid_from      date         NOT NULL DEFAULT current_date,
    valid_to        date,
    source_file     text         NOT NULL,
    source_record   integer      NOT NULL,
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX grid_geom_idx ON master.grid USING gist (geom);
CREATE INDEX grid_village_idx ON master.grid (village_code);
COMMENT ON TABLE master.grid IS '基础网格: the basic grids that cover the city without gaps or overlaps; each is the beat of 1-3 grid officers';
COMMENT ON COLUMN master.grid.code IS 'Grid code: the village code followed by a sequence number';
COMMENT ON COLUMN master.grid.name IS 'Grid name as the grid department gives it';
COMMENT ON COLUMN master.grid.village_code IS 'Village/community (村/社区) containing the grid';
COMMENT ON COLUMN master.grid.town_code IS 'Town/subdistrict (镇街) containing the grid';
COMMENT ON COLUMN master.grid.geom IS 'Grid polygon, longitude/latitude in CGCS2000 (EPSG:4490)';
COMMENT ON COLUMN master.grid.area_m2 IS 'Area in square metres (on the spheroid)';
COMMENT ON COLUMN master.grid.valid_from IS 'First day the grid is in force';
COMMENT ON COLUMN master.grid.valid_to IS 'Last day the grid is in force; null while current';
COMMENT ON COLUMN master.grid.source_file IS 'Name of the delivered file the current version came from';
COMMENT ON COLUMN master.grid.source_record IS 'Feature number (1-based) in that file';
COMMENT ON COLUMN master.grid.updated_at IS 'When this row last changed';

CREATE TABLE ops.feed_file (
    id            bigserial    PRIMARY KEY,
    feed          text         NOT NULL,
    path          text         NOT NULL,
    sha256        char(64)     NOT NULL,
    size_bytes    bigint       NOT NULL,
    received_at   timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (feed, sha256)
);
COMMENT ON TABLE ops.feed_file IS 'Registry of delivered files: one row per distinct content of a feed';
COMMENT ON COLUMN ops.feed_file.feed IS 'Feed the file was delivered for, e.g. grids, divisions';
COMMENT ON COLUMN ops.feed_file.path IS 'Path of the file when first seen';
COMMENT ON COLUMN ops.feed_file.sha256 IS 'SHA-256 of the file content: the same content delivered again is the same file';
COMMENT ON COLUMN ops.feed_file.size_bytes IS 'File size in bytes';
COMMENT ON COLUMN ops.feed_file.received_at IS 'When the content was first seen';

CREATE TABLE staging.grid_feature (
    file_id       bigint   NOT NULL REFERENCES ops.feed_file (id),
    record_no     integer  NOT NULL,
    code          text,
    properties    jsonb    NOT NULL,
    geometry      text,
    crs           text,
    PRIMARY KEY (file_id, record_no)
);
COMMENT ON TABLE staging.grid_feature IS 'Features of delivered grid GeoJSON files, as delivered';
COMMENT ON COLUMN staging.grid_feature.file_id IS 'Delivered file (ops.feed_file)';
COMMENT ON COLUMN staging.grid_feature.record_no IS 'Feature number in the file, from 1';
COMMENT ON COLUMN staging.grid_feature.code IS 'Grid code property as delivered';
COMMENT ON COLUMN staging.grid_feature.properties IS 'All feature properties as delivered';
COMMENT ON COLUMN staging.grid_feature.geometry IS 'The feature geometry as GeoJSON text, unparsed';
COMMENT ON COLUMN staging.grid_feature.crs IS 'Coordinate reference system the file or feature declares; null when none';

CREATE TABLE ops.reject (
    id                 bigserial    PRIMARY KEY,
    file_id            bigint       NOT NULL REFERENCES ops.feed_file (id),
    record_no          integer      NOT NULL,
    field              text,
    reason             text         NOT NULL,
    message_zh         text         NOT NULL,
    message_en         text         NOT NULL,
    original           text,
    job_execution_id   bigint,
    rejected_at        timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (file_id, record_no)
);
COMMENT ON TABLE ops.reject IS 'Rejected input rows: one per row of a delivered file that could not be loaded, with the reason';
COMMENT ON COLUMN ops.reject.file_id IS 'Delivered file (ops.feed_file) the row came from';
COMMENT ON COLUMN ops.reject.record_no IS 'Line number (CSV, counting the header) or feature number (GeoJSON) in the file';
COMMENT ON COLUMN ops.reject.field IS 'Field found at fault; null when the whole row is';
COMMENT ON COLUMN ops.reject.reason IS 'Reason code, e.g. GEOMETRY_INVALID, UNKNOWN_VILLAGE, DUPLICATE_CODE';
COMMENT ON COLUMN ops.reject.message_zh IS 'What is wrong and what to fix, in Chinese';
COMMENT ON COLUMN ops.reject.message_en IS 'What is wrong and what to fix, in English';
COMMENT ON COLUMN ops.reject.original IS 'The row as delivered (CSV line or feature properties)';
COMMENT ON COLUMN ops.reject.job_execution_id IS 'Job execution that last rejected the row';
COMMENT ON COLUMN ops.reject.rejected_at IS 'When the row was last rejected';
