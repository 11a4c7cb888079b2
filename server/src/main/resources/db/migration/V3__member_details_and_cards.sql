-- Members: optional height and weight, consent to data processing (date, given by whom, recorded by
-- which staff account), last change. Sites: the version of the roster last published for them.
-- Portable between SQLite and PostgreSQL (one ADD COLUMN per statement; SQLite allows no more).

ALTER TABLE member ADD COLUMN height_cm NUMERIC;
ALTER TABLE member ADD COLUMN weight_kg NUMERIC;
ALTER TABLE member ADD COLUMN consent_date VARCHAR(10);
ALTER TABLE member ADD COLUMN consent_by TEXT;
ALTER TABLE member ADD COLUMN consent_recorded_by VARCHAR(64);
ALTER TABLE member ADD COLUMN updated_at VARCHAR(40);

ALTER TABLE site ADD COLUMN roster_version BIGINT NOT NULL DEFAULT 0;
