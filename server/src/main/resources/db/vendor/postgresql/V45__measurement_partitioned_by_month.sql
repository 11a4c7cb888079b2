-- Storage at national scale (issue 16, decision 0038). PostgreSQL only: this folder is read only on
-- PostgreSQL (spring.flyway.locations ...,classpath:db/vendor/{vendor}); SQLite keeps one plain table.
--
-- measurement becomes a table partitioned by RANGE on taken_at_ms, one partition per calendar month
-- in UTC (measurement_YYYY_MM, [first ms of the month, first ms of the next)), from the oldest stored
-- month to 3 months ahead, and two catch-alls so that no record is ever refused for its time:
-- measurement_before (MINVALUE up to the first month) and measurement_after (after the last month up
-- to MAXVALUE). Not a DEFAULT partition: with one, PostgreSQL can no longer read the months in order,
-- and the site overview's "latest record per senior" visits every month instead of stopping at the
-- newest (17x slower at 3 years, docs/benchmarks.md). The server's storage.MeasurementPartitions
-- keeps months ahead, splitting them off measurement_after. A month is what retention empties and
-- drops (docs/operations.md).
--
-- A partitioned table's primary key must contain the partition key: it becomes (id, taken_at_ms), and
-- the ingest's INSERT says ON CONFLICT DO NOTHING without a target. A re-sent record has the same id
-- and taken_at, so it is still stored once (decision 0038 for the same id with another time).
--
-- Columns, indexes and foreign keys are carried over from the plain table as they are (today: V1's
-- member key and (member_id, taken_at_ms), V31's (taken_at_ms), V32's (member_id, kind, taken_at_ms),
-- V37's partial hand-reference index), so nothing an earlier migration added is lost. One transaction:
-- the server writes nothing to measurement while this runs (it migrates before it starts).

-- What to put back on the new table, read while the old one still has the name.
CREATE TEMPORARY TABLE measurement_carried ON COMMIT DROP AS
    SELECT 1 AS step, pg_get_indexdef(i.indexrelid) AS statement
    FROM pg_index i WHERE i.indrelid = 'measurement'::regclass AND NOT i.indisprimary
    UNION ALL
    SELECT 2, format('ALTER TABLE measurement ADD CONSTRAINT %I %s', c.conname, pg_get_constraintdef(c.oid))
    FROM pg_constraint c WHERE c.conrelid = 'measurement'::regclass AND c.contype = 'f';

DO $$
BEGIN
    -- A foreign key to measurement would need (id, taken_at_ms) from now on: stop rather than guess.
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = 'measurement'::regclass) THEN
        RAISE EXCEPTION 'a foreign key references measurement; partitioning needs it to name (id, taken_at_ms)';
    END IF;
    -- So does a unique index other than the primary key.
    IF EXISTS (SELECT 1 FROM pg_index WHERE indrelid = 'measurement'::regclass AND indisunique AND NOT indisprimary) THEN
        RAISE EXCEPTION 'a unique index on measurement must include taken_at_ms before it can be partitioned';
    END IF;
END $$;

ALTER TABLE measurement RENAME TO measurement_plain;

CREATE TABLE measurement (LIKE measurement_plain INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)
    PARTITION BY RANGE (taken_at_ms);

DO $$
DECLARE
    this_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC');
    oldest timestamp;
    month timestamp;
BEGIN
    SELECT date_trunc('month', to_timestamp(MIN(taken_at_ms) / 1000.0) AT TIME ZONE 'UTC') INTO oldest
    FROM measurement_plain;
    month := LEAST(COALESCE(oldest, this_month), this_month);
    -- extract(epoch) of a timestamp without time zone reads it as UTC
    EXECUTE format('CREATE TABLE measurement_before PARTITION OF measurement FOR VALUES FROM (MINVALUE) TO (%s)',
            (extract(epoch FROM month) * 1000)::bigint);
    WHILE month <= this_month + interval '3 months' LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF measurement FOR VALUES FROM (%s) TO (%s)',
                'measurement_' || to_char(month, 'YYYY_MM'),
                (extract(epoch FROM month) * 1000)::bigint,
                (extract(epoch FROM month + interval '1 month') * 1000)::bigint);
        month := month + interval '1 month';
    END LOOP;
    EXECUTE format('CREATE TABLE measurement_after PARTITION OF measurement FOR VALUES FROM (%s) TO (MAXVALUE)',
            (extract(epoch FROM month) * 1000)::bigint);
END $$;

INSERT INTO measurement SELECT * FROM measurement_plain;

DROP TABLE measurement_plain;

ALTER TABLE measurement ADD CONSTRAINT measurement_pkey PRIMARY KEY (id, taken_at_ms);

DO $$
DECLARE
    carried record;
BEGIN
    FOR carried IN SELECT statement FROM measurement_carried ORDER BY step, statement LOOP
        EXECUTE carried.statement;
    END LOOP;
END $$;

ANALYZE measurement;
