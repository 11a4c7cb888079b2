-- Fleet health (issue 9): what the server has seen of each kiosk, so "what is wrong and since when"
-- survives a server restart. One row per kiosk heard from (provisioned or not, so no foreign key):
-- its state and since when, since when each current condition (failing sensor, refused configuration)
-- has been reported, and its recent outbox sizes (to tell a backlog that keeps growing).
-- Times are the server's, in epoch milliseconds. Portable between SQLite and PostgreSQL, like V1.
CREATE TABLE device_observation (
    site_id         VARCHAR(32) NOT NULL,
    device_id       VARCHAR(32) NOT NULL,
    state           VARCHAR(16) NOT NULL,
    state_since_ms  BIGINT      NOT NULL,
    -- JSON object: condition ("sensor:<name>", "config-refused:<version>") to since when (ms)
    conditions      TEXT        NOT NULL,
    -- JSON array of [received at (ms), outbox size], oldest first
    outbox          TEXT        NOT NULL,
    updated_at_ms   BIGINT      NOT NULL,
    PRIMARY KEY (site_id, device_id)
);
