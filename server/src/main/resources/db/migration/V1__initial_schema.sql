-- Portable between SQLite and PostgreSQL: TEXT/VARCHAR, INTEGER, BIGINT, NUMERIC only.
-- Timestamps: ISO-8601 text with offset; *_ms columns (epoch milliseconds) for ordering.

CREATE TABLE site (
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    created_at  VARCHAR(40)  NOT NULL
);

CREATE TABLE member (
    id            VARCHAR(16) NOT NULL PRIMARY KEY,
    site_id       VARCHAR(32) NOT NULL REFERENCES site (id),
    display_name  TEXT        NOT NULL,
    birth_year    INTEGER     NOT NULL,
    sex           VARCHAR(1)  NOT NULL CHECK (sex IN ('F', 'M')),
    card_version  INTEGER     NOT NULL DEFAULT 1,
    created_at    VARCHAR(40) NOT NULL
);
CREATE INDEX member_site ON member (site_id);

CREATE TABLE measurement (
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    member_id       VARCHAR(64) NOT NULL REFERENCES member (id),
    site_id         VARCHAR(32) NOT NULL,
    device_id       VARCHAR(32) NOT NULL,
    batch_id        VARCHAR(64) NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    code            VARCHAR(32) NOT NULL,
    value           NUMERIC     NOT NULL,
    unit            VARCHAR(8)  NOT NULL,
    taken_at        VARCHAR(40) NOT NULL,
    taken_at_ms     BIGINT      NOT NULL,
    detail          TEXT        NOT NULL,
    received_at_ms  BIGINT      NOT NULL
);
CREATE INDEX measurement_member_taken ON measurement (member_id, taken_at_ms);

CREATE TABLE staff_account (
    username       VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(100) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    created_at     VARCHAR(40)  NOT NULL
);

CREATE TABLE audit_log (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    at_ms        BIGINT      NOT NULL,
    actor        VARCHAR(64) NOT NULL,
    action       VARCHAR(64) NOT NULL,
    member_id    VARCHAR(16),
    site_id      VARCHAR(32),
    remote_addr  VARCHAR(64)
);
CREATE INDEX audit_log_member ON audit_log (member_id, at_ms);
