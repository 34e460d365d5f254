-- The actual population (实有人口): one golden record per real person, merged from the household and
-- floating-population registrations and the grid officers' field collection; and the review items a merge raises.

CREATE TABLE master.person (
    code                varchar(18)  PRIMARY KEY,
    name                text         NOT NULL,
    sex                 text         NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date          date         NOT NULL,
    ethnicity           text,
    kind                text         NOT NULL CHECK (kind IN ('household', 'floating')),
    origin_region       varchar(6)   NOT NULL,
    phone               text,
    address_text        text         NOT NULL,
    address_code        varchar(24),
    address_level       text         NOT NULL,
    address_confidence  double precision NOT NULL,
    grid_code           varchar(20),
    grid_method         text         CHECK (grid_method IN ('ADDRESS_POINT')),
    status              text         NOT NULL DEFAULT 'resident' CHECK (status IN ('resident', 'moved_out', 'retired')),
    first_seen          date,
    last_seen           date,
    seen_on_site        date,
    updated_at          timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX person_address_idx ON master.person (address_code);
CREATE INDEX person_grid_idx ON master.person (grid_code);
COMMENT ON TABLE master.person IS '实有人口: one golden record per real person living in the city, merged from every person feed';
COMMENT ON COLUMN master.person.code IS 'The 18-character citizen ID number (公民身份号码, GB 11643); 15-digit numbers are upgraded on import';
COMMENT ON COLUMN master.person.name IS 'Name (姓名) from the most trusted source';
COMMENT ON COLUMN master.person.sex IS 'male or female, as the citizen ID encodes it';
COMMENT ON COLUMN master.person.birth_date IS 'Birth date, as the citizen ID encodes it';
COMMENT ON COLUMN master.person.ethnicity IS 'Ethnicity (民族), e.g. 汉族; null when no source gives it';
COMMENT ON COLUMN master.person.kind IS 'household (户籍, registered resident) or floating (流动人口)';
COMMENT ON COLUMN master.person.origin_region IS 'County-level region code of the citizen ID: where the person is registered by origin';
COMMENT ON COLUMN master.person.phone IS 'Contact phone: 11-digit mobile or area code-number';
COMMENT ON COLUMN master.person.address_text IS 'Residence address as the most trusted source wrote it';
COMMENT ON COLUMN master.person.address_code IS 'Standard address (master.address) the residence address matched; null when none';
COMMENT ON COLUMN master.person.address_level IS 'Level of the matched address: room, building, door, road, village or none';
COMMENT ON COLUMN master.person.address_confidence IS 'Confidence of the address match in [0, 1]';
COMMENT ON COLUMN master.person.grid_code IS 'Basic grid (基础网格) of the matched address';
COMMENT ON COLUMN master.person.grid_method IS 'How the grid was found: ADDRESS_POINT, the grid of the matched standard address';
COMMENT ON COLUMN master.person.status IS 'resident, moved_out (verified as gone) or retired (no longer in any source)';
COMMENT ON COLUMN master.person.first_seen IS 'Earliest registration or collection date of any source row';
COMMENT ON COLUMN master.person.last_seen IS 'Latest registration or collection date of any source row';
COMMENT ON COLUMN master.person.seen_on_site IS 'Latest date a grid officer found the person at the address; null if never';
COMMENT ON COLUMN master.person.updated_at IS 'When this row last changed';

CREATE TRIGGER keep_history AFTER UPDATE OR DELETE ON master.person FOR EACH ROW EXECUTE FUNCTION master.keep_history();
CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON master.person FOR EACH ROW EXECUTE FUNCTION master.log_change();

CREATE TABLE IF NOT EXISTS master.review_item (id bigserial primary key, entity text not null, code text, file_id bigint not null, line_no integer not null, reason text not null, candidate_code text, score double precision, created_at timestamptz not null default now());
COMMENT ON TABLE master.review_item IS 'Rows a merge did not decide alone: to be checked by a person (they become verification tasks)';
COMMENT ON COLUMN master.review_item.id IS 'Review item number';
COMMENT ON COLUMN master.review_item.entity IS 'Master table concerned: person, building, unit, facility';
COMMENT ON COLUMN master.review_item.code IS 'Golden record the row was linked to';
COMMENT ON COLUMN master.review_item.file_id IS 'Delivered file of the row';
COMMENT ON COLUMN master.review_item.line_no IS 'Line of the row in that file, counting the header as line 1';
COMMENT ON COLUMN master.review_item.reason IS 'Why the row needs a look, e.g. SAME_ID_OTHER_NAME, POSSIBLE_DUPLICATE, NAME_ADDRESS_GREY_ZONE';
COMMENT ON COLUMN master.review_item.candidate_code IS 'The other golden record the row may belong to';
COMMENT ON COLUMN master.review_item.score IS 'Match score in [0, 1] of the row against the candidate';
COMMENT ON COLUMN master.review_item.created_at IS 'When the merge raised the item';
