-- Fitness prescriptions and the safety screening that restricts them (portable SQLite/PostgreSQL).

-- Staff-recorded safety screening (PAR-Q+ style answers as a JSON object, resting blood pressure).
-- Rows are only added: the latest row of a member is in force.
CREATE TABLE screening (
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    member_id       VARCHAR(16) NOT NULL REFERENCES member (id),
    site_id         VARCHAR(32) NOT NULL,
    recorded_at     VARCHAR(40) NOT NULL,
    recorded_at_ms  BIGINT      NOT NULL,
    recorded_by     VARCHAR(64) NOT NULL,
    answers         TEXT        NOT NULL,
    systolic        INTEGER,
    diastolic       INTEGER,
    cleared_by      VARCHAR(64),
    note            TEXT
);
CREATE INDEX screening_member ON screening (member_id, recorded_at_ms);

-- Every version of every member's prescription; the highest version is current. body: the plan
-- as JSON (lines, programs and levels, restrictions, and the rule and measurements behind each).
CREATE TABLE prescription (
    member_id       VARCHAR(16) NOT NULL REFERENCES member (id),
    version         INTEGER     NOT NULL,
    site_id         VARCHAR(32) NOT NULL,
    created_at      VARCHAR(40) NOT NULL,
    created_at_ms   BIGINT      NOT NULL,
    body            TEXT        NOT NULL,
    PRIMARY KEY (member_id, version)
);
