-- import-feed reads a delivered file once: each row is checked as it is read, and the rows that pass go straight into
-- staging.feed_record with COPY, the line as delivered beside their normalised fields. Lines are no longer staged as
-- delivered first (staging.feed_row): a malformed line is rejected like any other bad row, with its line in ops.reject.

ALTER TABLE staging.feed_record ADD COLUMN original text;
UPDATE staging.feed_record r SET original = s.original
  FROM staging.feed_row s
 WHERE s.file_id = r.file_id AND s.line_no = r.line_no;
ALTER TABLE staging.feed_record ALTER COLUMN original SET NOT NULL;
COMMENT ON COLUMN staging.feed_record.original IS 'The line as delivered, for the reject should a merge refuse the row';

DROP TABLE staging.feed_row;

-- What made loading slow beyond the bytes themselves: converting every row's fields to jsonb (json is only checked to
-- be JSON, and the merges read the fields as text anyway) and checking every row's file against ops.feed_file. The
-- rows are written only by import-feed, for the file it has just registered, and removed by it with their file (a
-- corrected re-delivery, an unfinished import started afresh).
ALTER TABLE staging.feed_record ALTER COLUMN fields TYPE json USING fields::json;
ALTER TABLE staging.feed_record DROP CONSTRAINT feed_record_file_id_fkey;
