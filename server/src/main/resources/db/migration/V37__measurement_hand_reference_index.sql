-- 검증 측정 (issue 13): the agreement of a site's kiosks with staff hand timing reads only the test
-- records that carry detail.handReference, a small share of all records. A partial index keeps that
-- read from scanning every record of the site; the query repeats this predicate literally, so both
-- PostgreSQL and SQLite can use the index.
CREATE INDEX measurement_hand_reference ON measurement (site_id, taken_at_ms)
    WHERE kind = 'test' AND detail LIKE '%"handReference"%';
