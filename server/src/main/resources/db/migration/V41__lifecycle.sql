-- Lifecycle of accounts, sites and seniors (issue 15). Portable between SQLite and PostgreSQL
-- (one ADD COLUMN per statement; INTEGER 0/1 for flags).

-- A senior who withdrew consent: the row that keeps their results is anonymous (new id, no name,
-- birth year as the decade, sex; nothing else). Such rows are on no page, roster or export.
ALTER TABLE member ADD COLUMN anonymised INTEGER NOT NULL DEFAULT 0;
-- Finding an already registered senior by name and birth year (import duplicates).
CREATE INDEX member_site_name ON member (site_id, display_name, birth_year);

-- Staff accounts: the person's name, a disabled account cannot sign in, and a password set by an
-- admin must be changed at the next sign-in.
ALTER TABLE staff_account ADD COLUMN full_name VARCHAR(100);
ALTER TABLE staff_account ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_account ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- A closed site takes no new seniors and is hidden from the default lists; its data is kept.
ALTER TABLE site ADD COLUMN closed_at VARCHAR(40);

-- The audit page filters by action.
CREATE INDEX audit_log_action ON audit_log (action, at_ms);
