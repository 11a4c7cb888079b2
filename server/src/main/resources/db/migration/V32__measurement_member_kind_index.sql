-- The site overview asks, per senior, for the latest record and the latest test: with this index
-- both are one index lookup each, instead of reading all of a site's records (issue 8 benchmark).
CREATE INDEX measurement_member_kind_taken ON measurement (member_id, kind, taken_at_ms);
