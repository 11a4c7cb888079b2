-- Enrollment codes (issue 9): a new kiosk without a bundle asks for a short code and shows it on its
-- screen; an admin enters the code in the dashboard with the site (and optionally the device id); the
-- kiosk, polling with its secret token, then fetches its bundle once. The device is provisioned at
-- that fetch, so its password is never stored. Only the token's SHA-256 is kept.
-- Portable between SQLite and PostgreSQL, like V1.
CREATE TABLE enrollment (
    code            VARCHAR(16) NOT NULL PRIMARY KEY,
    token_hash      VARCHAR(64) NOT NULL,
    created_at_ms   BIGINT      NOT NULL,
    expires_at_ms   BIGINT      NOT NULL,
    site_id         VARCHAR(32),
    device_id       VARCHAR(32),
    assigned_by     VARCHAR(64),
    assigned_at_ms  BIGINT,
    fetched_at_ms   BIGINT,
    fetched_device  VARCHAR(32)
);
CREATE INDEX enrollment_expires ON enrollment (expires_at_ms);
