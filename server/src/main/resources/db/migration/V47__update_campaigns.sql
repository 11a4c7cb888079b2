-- Updates as campaigns (issue 17, decision 0040). Portable between SQLite and PostgreSQL.
-- The bundles themselves are files under the data directory (updates/<version>/), not rows.

-- A signed kiosk release, checked against the district's update key when it was uploaded.
CREATE TABLE update_release (
    version         VARCHAR(48)  NOT NULL PRIMARY KEY,
    sha256          VARCHAR(64)  NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    uploaded_at_ms  BIGINT       NOT NULL,
    uploaded_by     VARCHAR(64)  NOT NULL
);

-- A campaign: one release to the devices of some waves and/or sites, optionally a canary first.
-- state: running, paused, stopped, done. failures_accepted: failures the admin resumed past.
CREATE TABLE update_campaign (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    release_version    VARCHAR(48)  NOT NULL REFERENCES update_release (version),
    state              VARCHAR(16)  NOT NULL,
    state_reason       VARCHAR(300),
    targets            VARCHAR(500) NOT NULL,
    canary_device_id   VARCHAR(32),
    base_url           VARCHAR(300) NOT NULL,
    failures_accepted  INTEGER      NOT NULL DEFAULT 0,
    created_at_ms      BIGINT       NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    ended_at_ms        BIGINT
);

-- Each device of a campaign: its stage (0 the canary, then the waves in order), its step (waiting,
-- told, cancelled, or the kiosk's own UpdateStep) and what it said last.
CREATE TABLE update_campaign_device (
    campaign_id      BIGINT       NOT NULL REFERENCES update_campaign (id),
    device_id        VARCHAR(32)  NOT NULL,
    site_id          VARCHAR(32)  NOT NULL,
    stage            INTEGER      NOT NULL,
    step             VARCHAR(16)  NOT NULL,
    problem          VARCHAR(32),
    detail           VARCHAR(300),
    running_version  VARCHAR(48),
    told_at_ms       BIGINT,
    updated_at_ms    BIGINT       NOT NULL,
    PRIMARY KEY (campaign_id, device_id)
);
CREATE INDEX update_campaign_device_device ON update_campaign_device (device_id);
