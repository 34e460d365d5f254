-- Reconciliation with the department registries: for each registry, the golden records it has, the ones it lacks
-- (found by the field or by another department) and the ones it still lists although the master does not hold them
-- as there (not seen on site, demolished, closed); and where a registry's values differ from the golden record.

CREATE VIEW master.department_registry AS
SELECT *
  FROM (VALUES
        (1, 'building-registry', '住建 房屋楼栋登记', 'building', NULL::text[]),
        (2, 'rental-registry', '住建 出租屋登记', 'rental_house', NULL),
        (3, 'household-registration', '公安 户籍登记', 'person', ARRAY['household']),
        (4, 'floating-population-registration', '公安 流动人口登记', 'person', ARRAY['floating']),
        (5, 'business-registration', '市场监管 商事登记', 'unit', NULL),
        (6, 'cameras', '公安 视频监控', 'facility', ARRAY['camera']),
        (7, 'hydrants', '消防 市政消火栓', 'facility', ARRAY['fire_hydrant']),
        (8, 'city-management-parts', '城管 城市部件', 'facility', ARRAY['street_lamp', 'manhole_cover', 'waste_bin'])
       ) r (sort_order, feed, name, entity, kinds);
COMMENT ON VIEW master.department_registry IS 'The department registries reconciled with the master data, and which golden records each should hold';
COMMENT ON COLUMN master.department_registry.sort_order IS 'Place of the registry in reports';
COMMENT ON COLUMN master.department_registry.feed IS 'Feed the registry is delivered as (jobs/feeds/<feed>.yml)';
COMMENT ON COLUMN master.department_registry.name IS 'Department and registry, in Chinese';
COMMENT ON COLUMN master.department_registry.entity IS 'Master table of its records: building, rental_house, person, unit, facility';
COMMENT ON COLUMN master.department_registry.kinds IS 'Kinds of record it should hold (person.kind, facility.type); null for all records of the table';

CREATE VIEW master.registry_coverage AS
WITH record AS (
    SELECT 'building' AS entity, code, grid_code, NULL AS kind, status = 'standing' AS present FROM master.building
    UNION ALL
    SELECT 'rental_house', code, grid_code, NULL, 'field-buildings' = ANY (sources) FROM master.rental_house
    UNION ALL
    SELECT 'person', code, grid_code, kind, status = 'resident' AND seen_on_site IS NOT NULL FROM master.person
    UNION ALL
    SELECT 'unit', code, grid_code, NULL, status = 'open' FROM master.unit
    UNION ALL
    SELECT 'facility', code, grid_code, type, true FROM master.facility
), listed AS (
    SELECT DISTINCT s.feed, s.entity, s.code
      FROM master.source_record s JOIN master.department_registry r ON r.feed = s.feed AND r.entity = s.entity
)
SELECT r.feed, c.entity, c.code, c.grid_code,
       CASE WHEN l.code IS NULL THEN 'master_only' WHEN c.present THEN 'both' ELSE 'registry_only' END AS coverage
  FROM master.department_registry r
  JOIN record c ON c.entity = r.entity
  LEFT JOIN listed l ON l.feed = r.feed AND l.entity = c.entity AND l.code = c.code
 WHERE r.kinds IS NULL OR c.kind = ANY (r.kinds) OR l.code IS NOT NULL;
COMMENT ON VIEW master.registry_coverage IS 'Each department registry against the master: every golden record the registry lists or should list, and whether it is in both, only in the master (the registry lacks it) or only in the registry (the master does not hold it as there)';
COMMENT ON COLUMN master.registry_coverage.feed IS 'Registry (master.department_registry)';
COMMENT ON COLUMN master.registry_coverage.entity IS 'Master table of the record';
COMMENT ON COLUMN master.registry_coverage.code IS 'Code of the golden record';
COMMENT ON COLUMN master.registry_coverage.grid_code IS 'Basic grid of the record; null when it is in none';
COMMENT ON COLUMN master.registry_coverage.coverage IS 'both; master_only (found by the field or another department, the registry lacks it); registry_only (the registry lists it but the master does not hold it as there: a building the field did not see, a person not found on site or moved out, a closed unit; to verify)';

-- The delivered values are kept only with the imported rows (staging.feed_record); the view compares the latest
-- row of each record there with the golden record, so downstream systems can read the differences from master.
-- The feeds name the compared fields as the master tables name their columns. A unit's name is not compared: the
-- master keeps it normalised (half-width letters and brackets), the registry as written.
CREATE VIEW master.registry_mismatch AS
WITH latest AS (
    SELECT DISTINCT ON (s.feed, s.code) s.feed, s.entity, s.code, s.file_id, s.line_no, f.fields
      FROM master.source_record s
      JOIN master.department_registry r ON r.feed = s.feed AND r.entity = s.entity
      JOIN staging.feed_record f ON f.file_id = s.file_id AND f.line_no = s.line_no
     ORDER BY s.feed, s.code, s.file_id DESC, s.line_no DESC
), record AS (
    SELECT 'building' AS entity, code, to_jsonb(b) AS columns FROM master.building b
    UNION ALL
    SELECT 'rental_house', code, to_jsonb(h) FROM master.rental_house h
    UNION ALL
    SELECT 'person', code, to_jsonb(p) FROM master.person p
    UNION ALL
    SELECT 'unit', code, to_jsonb(u) FROM master.unit u
    UNION ALL
    SELECT 'facility', code, to_jsonb(t) FROM master.facility t
), compared (entity, field, field_label) AS (
    VALUES ('building', 'name', '楼栋名称'), ('building', 'floors', '地上层数'), ('building', 'use', '房屋用途'),
           ('building', 'owner_name', '产权人'), ('building', 'owner_citizen_id', '产权人证件号码'),
           ('rental_house', 'rooms', '出租间数'), ('rental_house', 'landlord_name', '房东姓名'),
           ('rental_house', 'landlord_citizen_id', '房东身份证号'), ('rental_house', 'landlord_phone', '房东电话'),
           ('person', 'name', '姓名'), ('person', 'phone', '联系电话'), ('person', 'ethnicity', '民族'),
           ('unit', 'legal_representative', '法定代表人'), ('unit', 'phone', '联系电话'), ('unit', 'status', '登记状态'),
           ('facility', 'name', '设施名称'), ('facility', 'location', '位置'), ('facility', 'status', '设施状态')
)
SELECT l.feed, l.entity, l.code, c.field, c.field_label, l.fields ->> c.field AS registry_value,
       r.columns ->> c.field AS master_value, l.file_id, l.line_no
  FROM latest l
  JOIN record r ON r.entity = l.entity AND r.code = l.code
  JOIN compared c ON c.entity = l.entity
 WHERE l.fields ->> c.field IS NOT NULL AND l.fields ->> c.field IS DISTINCT FROM r.columns ->> c.field;
COMMENT ON VIEW master.registry_mismatch IS 'Attributes a department registry gives a record differently from the golden record, as its latest delivered row of the record has them (normalised as imported)';
COMMENT ON COLUMN master.registry_mismatch.feed IS 'Registry (master.department_registry)';
COMMENT ON COLUMN master.registry_mismatch.entity IS 'Master table of the record';
COMMENT ON COLUMN master.registry_mismatch.code IS 'Code of the golden record';
COMMENT ON COLUMN master.registry_mismatch.field IS 'Attribute that differs, named as the master table names it (floors, use, name, phone, status, ...)';
COMMENT ON COLUMN master.registry_mismatch.field_label IS 'The attribute''s name in Chinese, as the departments name it';
COMMENT ON COLUMN master.registry_mismatch.registry_value IS 'Value in the registry''s row';
COMMENT ON COLUMN master.registry_mismatch.master_value IS 'Value of the golden record; null when it has none';
COMMENT ON COLUMN master.registry_mismatch.file_id IS 'Delivered file of that row (ops.feed_file)';
COMMENT ON COLUMN master.registry_mismatch.line_no IS 'Line of that row in the file, counting the header as line 1';
