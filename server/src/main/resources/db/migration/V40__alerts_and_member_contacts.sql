-- The alert inbox (decision 0031) and a senior's contacts. Portable between SQLite and PostgreSQL
-- (TEXT/VARCHAR, INTEGER, BIGINT only; one ADD COLUMN per statement).
--
-- alert: one row per alert identity (member + kind + the evidence that raised it; a site and the
-- kind for a site's alert), derived from the records by the alert feature. 'active' is 1 while the
-- condition holds; the handling state (status, note, follow-up day, who and when) stays with the
-- identity, so an alert resolved stays resolved until the condition appears anew (new evidence,
-- new identity, new row).
CREATE TABLE alert (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    identity       VARCHAR(300) NOT NULL UNIQUE,
    member_id      VARCHAR(16)  REFERENCES member (id),
    site_id        VARCHAR(32)  NOT NULL,
    kind           VARCHAR(24)  NOT NULL,
    evidence       VARCHAR(200) NOT NULL,
    severity       INTEGER      NOT NULL,
    raised_at_ms   BIGINT       NOT NULL,
    summary        TEXT         NOT NULL,
    active         INTEGER      NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    note           TEXT,
    follow_up_on   VARCHAR(10),
    handled_by     VARCHAR(64),
    handled_at_ms  BIGINT,
    updated_at_ms  BIGINT       NOT NULL
);
CREATE INDEX alert_site_active ON alert (site_id, active);
CREATE INDEX alert_member_active ON alert (member_id, active);

-- Every action taken on an alert, who and when; rows are only added.
CREATE TABLE alert_action (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    alert_id      VARCHAR(36) NOT NULL REFERENCES alert (id),
    action        VARCHAR(16) NOT NULL,
    note          TEXT,
    follow_up_on  VARCHAR(10),
    actor         VARCHAR(64) NOT NULL,
    at_ms         BIGINT      NOT NULL
);
CREATE INDEX alert_action_alert ON alert_action (alert_id, at_ms);

-- A senior's phone and a guardian to call (personal data: shown only to accounts that may see the
-- member's site, every read audited, never logged). All optional.
ALTER TABLE member ADD COLUMN phone VARCHAR(20);
ALTER TABLE member ADD COLUMN guardian_name TEXT;
ALTER TABLE member ADD COLUMN guardian_phone VARCHAR(20);
ALTER TABLE member ADD COLUMN guardian_relation VARCHAR(20);
