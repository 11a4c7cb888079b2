-- Rollout (issue 9): site profile, provisioned devices and their remote configuration.
-- Portable between SQLite and PostgreSQL, like V1.

-- What the fleet page needs about a site: where it is, when it is open, which rollout wave.
ALTER TABLE site ADD COLUMN address VARCHAR(200);
-- JSON object, weekday (mon..sun) to "HH:MM-HH:MM[,HH:MM-HH:MM]"; a missing day is closed; NULL: not set.
ALTER TABLE site ADD COLUMN opening_hours TEXT;
ALTER TABLE site ADD COLUMN rollout_wave INTEGER;

-- A kiosk's identity. Device ids are unique across sites; the MQTT user name is the device id.
-- password_hash is Mosquitto's own "$7$" PBKDF2-SHA512 form; the password itself is never stored.
CREATE TABLE device (
    id                VARCHAR(32)  NOT NULL PRIMARY KEY,
    site_id           VARCHAR(32)  NOT NULL REFERENCES site (id),
    mqtt_username     VARCHAR(64)  NOT NULL UNIQUE,
    password_hash     VARCHAR(200) NOT NULL,
    pin_map_revision  VARCHAR(32)  NOT NULL,
    created_at        VARCHAR(40)  NOT NULL,
    created_at_ms     BIGINT       NOT NULL,
    created_by        VARCHAR(64)  NOT NULL,
    revoked_at        VARCHAR(40),
    revoked_by        VARCHAR(64)
);
CREATE INDEX device_site ON device (site_id);

-- Remote configuration, per site and per device (a device's settings override its site's).
-- Versions come from one counter across all rows, so a device's effective version (the larger of
-- its site's and its own) goes up with every change that touches it.
CREATE TABLE device_config (
    scope          VARCHAR(8)  NOT NULL CHECK (scope IN ('site', 'device')),
    target_id      VARCHAR(32) NOT NULL,
    version        BIGINT      NOT NULL UNIQUE,
    settings       TEXT        NOT NULL,
    updated_at     VARCHAR(40) NOT NULL,
    updated_at_ms  BIGINT      NOT NULL,
    updated_by     VARCHAR(64) NOT NULL,
    PRIMARY KEY (scope, target_id)
);
