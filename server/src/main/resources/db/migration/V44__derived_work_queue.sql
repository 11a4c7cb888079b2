-- Derived work off the ingest's hot path (issue 16, decision 0037): what follows new results
-- (a member's prescription and alerts, a site's roster) is noted here, in the ingest's own
-- transaction, as one row per (kind, key). A later note of the same key moves the row's due time
-- (quiet period) but never past first_seen_ms + the kind's maximum delay. Workers of every server
-- instance claim due rows (PostgreSQL: FOR UPDATE SKIP LOCKED) for a lease (claimed_by,
-- claimed_until_ms), do the work and delete the row, unless version moved on meanwhile (new
-- results: the row stays and runs again). A failure leaves the row with attempts, last_error and a
-- later due time; a crashed instance's lease runs out and another instance takes the row.
CREATE TABLE derived_work (
    kind              VARCHAR(16)  NOT NULL,
    work_key          VARCHAR(64)  NOT NULL,
    due_at_ms         BIGINT       NOT NULL,
    first_seen_ms     BIGINT       NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 1,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    last_error        VARCHAR(500),
    claimed_by        VARCHAR(64),
    claimed_until_ms  BIGINT,
    PRIMARY KEY (kind, work_key)
);
CREATE INDEX derived_work_due ON derived_work (due_at_ms);

