-- Grids that passed their own checks wait in staging.grid_candidate until the layer as a whole has been
-- checked for gaps and overlaps; only then are they merged into master.grid.

CREATE TABLE staging.grid_candidate (
    file_id       bigint       NOT NULL REFERENCES ops.feed_file (id),
    record_no     integer      NOT NULL,
    code          varchar(20)  NOT NULL,
    name          text         NOT NULL,
    village_code  varchar(12)  NOT NULL,
    town_code     varchar(12)  NOT NULL,
    geom          geometry(MultiPolygon, 4490) NOT NULL,
    PRIMARY KEY (file_id, record_no),
    UNIQUE (file_id, code)
);
CREATE INDEX grid_candidate_geom_idx ON staging.grid_candidate USING gist (geom);
COMMENT ON TABLE staging.grid_candidate IS 'Delivered grids that passed their own checks, waiting for the layer check before the merge';
COMMENT ON COLUMN staging.grid_candidate.file_id IS 'Delivered file (ops.feed_file)';
COMMENT ON COLUMN staging.grid_candidate.record_no IS 'Feature number in the file, from 1';
COMMENT ON COLUMN staging.grid_candidate.code IS 'Grid code';
COMMENT ON COLUMN staging.grid_candidate.name IS 'Grid name';
COMMENT ON COLUMN staging.grid_candidate.village_code IS 'Village/community (村/社区) containing the grid';
COMMENT ON COLUMN staging.grid_candidate.town_code IS 'Town/subdistrict (镇街) containing the grid, from the division table';
COMMENT ON COLUMN staging.grid_candidate.geom IS 'Validated grid polygon, CGCS2000 longitude/latitude (EPSG:4490)';

CREATE TABLE ops.grid_topology_issue (
    id                bigserial    PRIMARY KEY,
    file_id           bigint       NOT NULL REFERENCES ops.feed_file (id),
    kind              text         NOT NULL CHECK (kind IN ('OVERLAP', 'GAP', 'SLIVER', 'OUTSIDE_VILLAGE')),
    grid_codes        text[]       NOT NULL,
    area_m2           double precision NOT NULL,
    geom              geometry(Geometry, 4490) NOT NULL,
    found_at          timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX grid_topology_issue_file_idx ON ops.grid_topology_issue (file_id);
COMMENT ON TABLE ops.grid_topology_issue IS 'Places where a delivered grid layer does not tile its area (overlaps, gaps, slivers) and grids apart from their village';
COMMENT ON COLUMN ops.grid_topology_issue.file_id IS 'Delivered grids file (ops.feed_file)';
COMMENT ON COLUMN ops.grid_topology_issue.kind IS 'OVERLAP: grids share area; GAP: a hole no grid covers; SLIVER: an overlap or gap too small to matter (under the tolerance), or a needle-thin grid; OUTSIDE_VILLAGE: a grid that shares no border with any other grid of its village';
COMMENT ON COLUMN ops.grid_topology_issue.grid_codes IS 'Codes of the grids involved (overlapping, or around the gap)';
COMMENT ON COLUMN ops.grid_topology_issue.area_m2 IS 'Area of the overlap, gap or grid in square metres';
COMMENT ON COLUMN ops.grid_topology_issue.geom IS 'The overlap, gap or grid itself, CGCS2000 longitude/latitude (EPSG:4490)';
COMMENT ON COLUMN ops.grid_topology_issue.found_at IS 'When the layer check found it';
