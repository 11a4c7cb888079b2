-- Enrollment by code (decision 0021): who asked for an open code, so one network address cannot hold
-- more than a few of them (the open table is capped; when full, the oldest open code is dropped).
-- IPv4 as is, IPv6 by its /64 (one household or host gets a whole /64). NULL for rows made before.
ALTER TABLE enrollment ADD COLUMN client_address VARCHAR(64);
CREATE INDEX enrollment_client_address ON enrollment (client_address);
