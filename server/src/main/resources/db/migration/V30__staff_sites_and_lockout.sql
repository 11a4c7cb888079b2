-- Dashboard access (issue 8): which sites a STAFF account may see, and the sign-in lock-out.
-- Portable between SQLite and PostgreSQL (one ADD COLUMN per statement).

-- A STAFF account sees only the seniors of its sites; an ADMIN account sees every site and has no rows here.
CREATE TABLE staff_site (
    username  VARCHAR(64) NOT NULL REFERENCES staff_account (username),
    site_id   VARCHAR(32) NOT NULL REFERENCES site (id),
    PRIMARY KEY (username, site_id)
);
CREATE INDEX staff_site_site ON staff_site (site_id);

-- Failed sign-ins in a row; after SSC_LOCKOUT_FAILURES of them the account is locked until locked_until_ms.
ALTER TABLE staff_account ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_account ADD COLUMN locked_until_ms BIGINT;

-- The admins' audit search runs newest first, by member, site or account.
CREATE INDEX audit_log_at ON audit_log (at_ms);
CREATE INDEX audit_log_actor ON audit_log (actor, at_ms);
