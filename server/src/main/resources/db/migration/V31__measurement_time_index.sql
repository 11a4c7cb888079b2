-- The district view (issue 8) counts, across all sites, the seniors with a record in the last 4 weeks
-- and each senior's first and latest test result of the last months: both read measurements by time.
CREATE INDEX measurement_taken ON measurement (taken_at_ms);
