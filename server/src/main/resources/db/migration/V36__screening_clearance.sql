-- A clearance of a screening's "yes" answers is a record, not a tick: the staff account that
-- recorded it, the clinician who agreed and the day they agreed (portable SQLite/PostgreSQL).
-- One per screening; rows are only added. The old screening.cleared_by tick no longer clears
-- anything: such a screening reads as NEEDS_CLEARANCE until staff record who agreed (the safe side).
CREATE TABLE screening_clearance (
    screening_id    VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES screening (id),
    member_id       VARCHAR(16)  NOT NULL REFERENCES member (id),
    cleared_by      VARCHAR(64)  NOT NULL,
    clinician       VARCHAR(400) NOT NULL,
    agreed_on       VARCHAR(10)  NOT NULL,
    recorded_at     VARCHAR(40)  NOT NULL,
    recorded_at_ms  BIGINT       NOT NULL
);
CREATE INDEX screening_clearance_member ON screening_clearance (member_id);
