-- Importing department feeds (import-feed): the file registry learns what became of each delivered file, every
-- delivery is recorded (also one that is skipped), and delivered rows are staged as delivered, then kept checked and
-- normalised until they are merged.

ALTER TABLE ops.feed_file
    ADD COLUMN file_name      text,
    ADD COLUMN status         text         NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'importing', 'imported', 'empty', 'superseded')),
    ADD COLUMN processed_at   timestamptz,
    ADD COLUMN rows_read      bigint,
    ADD COLUMN rows_loaded    bigint,
    ADD COLUMN rows_merged    bigint,
    ADD COLUMN rows_rejected  bigint,
    ADD COLUMN supersedes     bigint       REFERENCES ops.feed_file (id) ON DELETE SET NULL,
    ADD COLUMN superseded_by  bigint       REFERENCES ops.feed_file (id) ON DELETE SET NULL;
UPDATE ops.feed_file SET file_name = regexp_replace(path, '^.*[/\\]', '');
ALTER TABLE ops.feed_file ALTER COLUMN file_name SET NOT NULL;
CREATE INDEX feed_file_name_idx ON ops.feed_file (feed, file_name);
COMMENT ON COLUMN ops.feed_file.file_name IS 'File name without its folder: a corrected re-delivery comes under the same name';
COMMENT ON COLUMN ops.feed_file.status IS 'received (registered), importing, imported, empty (no data rows) or superseded (replaced by a corrected re-delivery)';
COMMENT ON COLUMN ops.feed_file.processed_at IS 'When the import of the file finished; null while it has not';
COMMENT ON COLUMN ops.feed_file.rows_read IS 'Data rows in the file (lines after the header, blank lines not counted)';
COMMENT ON COLUMN ops.feed_file.rows_loaded IS 'Rows that passed the checks and wait in staging.feed_record';
COMMENT ON COLUMN ops.feed_file.rows_merged IS 'Rows merged into the master tables';
COMMENT ON COLUMN ops.feed_file.rows_rejected IS 'Rows in ops.reject; rows_loaded + rows_merged + rows_rejected = rows_read';
COMMENT ON COLUMN ops.feed_file.supersedes IS 'The earlier delivery this file corrects and replaces';
COMMENT ON COLUMN ops.feed_file.superseded_by IS 'The corrected re-delivery that replaced this file';

CREATE TABLE ops.feed_delivery (
    id                bigserial    PRIMARY KEY,
    file_id           bigint       NOT NULL REFERENCES ops.feed_file (id) ON DELETE CASCADE,
    path              text         NOT NULL,
    outcome           text         NOT NULL CHECK (outcome IN ('ACCEPTED', 'DUPLICATE_FILE', 'EMPTY_FILE')),
    job_execution_id  bigint,
    delivered_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX feed_delivery_file_idx ON ops.feed_delivery (file_id);
COMMENT ON TABLE ops.feed_delivery IS 'Every time a file was handed to import-feed, also when it was skipped';
COMMENT ON COLUMN ops.feed_delivery.file_id IS 'The delivered content (ops.feed_file)';
COMMENT ON COLUMN ops.feed_delivery.path IS 'Path the file was delivered under this time';
COMMENT ON COLUMN ops.feed_delivery.outcome IS 'ACCEPTED (imported), DUPLICATE_FILE (the same bytes came before: skipped) or EMPTY_FILE (no data rows)';
COMMENT ON COLUMN ops.feed_delivery.job_execution_id IS 'Job execution that received the delivery';
COMMENT ON COLUMN ops.feed_delivery.delivered_at IS 'When the delivery was received';

CREATE TABLE staging.feed_row (
    file_id              bigint   NOT NULL REFERENCES ops.feed_file (id) ON DELETE CASCADE,
    line_no              integer  NOT NULL,
    fields               jsonb,
    original             text     NOT NULL,
    malformation         text,
    malformation_detail  text,
    PRIMARY KEY (file_id, line_no)
);
COMMENT ON TABLE staging.feed_row IS 'Every data line of a delivered feed file, as delivered, bulk-loaded with COPY before any check';
COMMENT ON COLUMN staging.feed_row.file_id IS 'Delivered file (ops.feed_file)';
COMMENT ON COLUMN staging.feed_row.line_no IS 'Line number in the file, counting the header as line 1';
COMMENT ON COLUMN staging.feed_row.fields IS 'Field name (from the feed definition) → value as delivered; null for a malformed line';
COMMENT ON COLUMN staging.feed_row.original IS 'The line as delivered (bytes that are not valid text shown as U+FFFD)';
COMMENT ON COLUMN staging.feed_row.malformation IS 'Reject reason of a line that cannot be split into the header''s columns (BAD_ENCODING, BROKEN_QUOTING, WRONG_COLUMN_COUNT, TRUNCATED_LINE); null for a well-formed line';
COMMENT ON COLUMN staging.feed_row.malformation_detail IS 'What exactly is wrong with a malformed line';

CREATE TABLE staging.feed_record (
    file_id  bigint   NOT NULL REFERENCES ops.feed_file (id) ON DELETE CASCADE,
    line_no  integer  NOT NULL,
    fields   jsonb    NOT NULL,
    PRIMARY KEY (file_id, line_no)
);
COMMENT ON TABLE staging.feed_record IS 'Delivered rows that passed their feed''s checks, normalised, waiting to be merged into the master tables';
COMMENT ON COLUMN staging.feed_record.file_id IS 'Delivered file (ops.feed_file)';
COMMENT ON COLUMN staging.feed_record.line_no IS 'Line number in the file, counting the header as line 1';
COMMENT ON COLUMN staging.feed_record.fields IS 'Field name → normalised value: ID numbers of 18 characters, ISO dates, mapped enumerations, CGCS2000 coordinates';
