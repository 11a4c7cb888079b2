-- Security (issue 15, decision 0029): API tokens for scripts, and sign-in throttling per source
-- address instead of an account lock-out anyone could trigger.
-- Portable between SQLite and PostgreSQL, like V1.

-- An API token: only the SHA-256 (hex) of its random 256-bit secret is kept. scope: READ (GET only),
-- SITES (read and write) on site_ids (comma-separated), or ADMIN (every site, admin endpoints).
CREATE TABLE api_token (
    id              VARCHAR(16)  NOT NULL PRIMARY KEY,
    token_hash      VARCHAR(64)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    scope           VARCHAR(16)  NOT NULL,
    site_ids        VARCHAR(2000),
    created_by      VARCHAR(64)  NOT NULL,
    created_at_ms   BIGINT       NOT NULL,
    expires_at_ms   BIGINT       NOT NULL,
    revoked_at_ms   BIGINT,
    revoked_by      VARCHAR(64),
    last_used_ms    BIGINT
);
CREATE UNIQUE INDEX api_token_hash ON api_token (token_hash);

-- Wrong passwords (and unknown tokens) per source address (username '') and per account at an address.
-- After a few free failures each further one makes that key wait longer (next_allowed_ms), doubling up
-- to a cap; the right password from any other address is never held up. A success or an admin clears it.
CREATE TABLE sign_in_throttle (
    address          VARCHAR(64) NOT NULL,
    username         VARCHAR(64) NOT NULL,
    failures         INTEGER     NOT NULL,
    next_allowed_ms  BIGINT      NOT NULL,
    updated_at_ms    BIGINT      NOT NULL,
    PRIMARY KEY (address, username)
);
CREATE INDEX sign_in_throttle_username ON sign_in_throttle (username);
