-- import-feed went at the pace of the server, not of the reader: for every row it parsed COPY's text format, checked
-- the fields' JSON and stored every field's name beside its value. The import now sends its rows in COPY's binary
-- format, and a row's fields are one text: the values in the order of the names its file lists in ops.feed_file, each
-- separated from the next by the unit separator U+001F (which the import rejects inside a delivered line); an empty
-- value is a field without value. The two functions below read them in SQL.

ALTER TABLE ops.feed_file ADD COLUMN fields text[];
COMMENT ON COLUMN ops.feed_file.fields IS 'Names of the values in staging.feed_record.fields of the file''s rows, in their order: the feed''s fields when its import started; null for a file none of whose rows were staged (a grid layer, an empty file)';

-- Files imported before: their rows' names, in any order as long as it is one order per file.
UPDATE ops.feed_file f
   SET fields = coalesce((SELECT array_agg(DISTINCT k ORDER BY k)
                            FROM staging.feed_record r CROSS JOIN LATERAL json_object_keys(r.fields) AS k
                           WHERE r.file_id = f.id), '{}')
 WHERE EXISTS (SELECT 1 FROM staging.feed_record r WHERE r.file_id = f.id);

CREATE FUNCTION pg_temp.staged_fields(row_file bigint, row_fields json) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(coalesce(replace(row_fields ->> u.name, chr(31), chr(65533)), ''), chr(31) ORDER BY u.i), '')
      FROM ops.feed_file f CROSS JOIN LATERAL unnest(f.fields) WITH ORDINALITY AS u(name, i)
     WHERE f.id = row_file
$$;

DROP VIEW master.registry_mismatch;
ALTER TABLE staging.feed_record ALTER COLUMN fields TYPE text USING pg_temp.staged_fields(file_id, fields);
COMMENT ON COLUMN staging.feed_record.fields IS 'Normalised values (ID numbers of 18 characters, ISO dates, mapped enumerations, CGCS2000 coordinates) in the order of the file''s ops.feed_file.fields, separated by U+001F; an empty value is a field without value. Read with staging.field_value or staging.fields_json';

CREATE FUNCTION staging.field_value(fields text, names text[], name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN nullif(split_part(fields, chr(31), array_position(names, name)), '');
COMMENT ON FUNCTION staging.field_value(text, text[], text) IS 'The value of the named field in staging.feed_record.fields, given its file''s ops.feed_file.fields; null when the row has none';

CREATE FUNCTION staging.fields_json(fields text, names text[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(jsonb_object_agg(u.name, u.value), '{}')
              FROM unnest(names, string_to_array(fields, chr(31))) AS u(name, value)
             WHERE u.value <> '');
COMMENT ON FUNCTION staging.fields_json(text, text[]) IS 'The fields of staging.feed_record.fields that have a value as a JSON object of texts, given its file''s ops.feed_file.fields; null for null';

CREATE VIEW master.registry_mismatch AS
WITH latest AS (
    SELECT DISTINCT ON (s.feed, s.code) s.feed, s.entity, s.code, s.file_id, s.line_no, f.fields, ff.fields AS names
      FROM master.source_record s
      JOIN master.department_registry r ON r.feed = s.feed AND r.entity = s.entity
      JOIN staging.feed_record f ON f.file_id = s.file_id AND f.line_no = s.line_no
      JOIN ops.feed_file ff ON ff.id = s.file_id
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
), value AS (
    SELECT l.feed, l.entity, l.code, c.field, c.field_label, staging.field_value(l.fields, l.names, c.field) AS registry_value,
           r.columns ->> c.field AS master_value, l.file_id, l.line_no
      FROM latest l
      JOIN record r ON r.entity = l.entity AND r.code = l.code
      JOIN compared c ON c.entity = l.entity
)
SELECT feed, entity, code, field, field_label, registry_value, master_value, file_id, line_no
  FROM value
 WHERE registry_value IS NOT NULL AND registry_value IS DISTINCT FROM master_value;
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
