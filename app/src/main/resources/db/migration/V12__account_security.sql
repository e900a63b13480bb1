-- Account security for the web pages (docs/web.md, "Accounts and sessions"). Every change is new tables or new
-- nullable/defaulted columns, so the release before it reads and writes sessions as before during a rolling deploy.

-- What a session shows on the settings page, and until when its user proved the password again (re-authentication
-- before sensitive actions). The release before it never sets them.
ALTER TABLE sessions
    ADD COLUMN last_seen    timestamptz,
    ADD COLUMN user_agent   text,
    ADD COLUMN reauth_until timestamptz;

-- Single-use tokens sent by email (a login link, a password reset) and the pending second step of a login with a
-- second factor. The token is random; only its SHA-256 hash is stored, like a session's.
CREATE TABLE login_tokens (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL CHECK (purpose IN ('login', 'reset', 'second')),
    token_hash  bytea       NOT NULL UNIQUE,
    created     timestamptz NOT NULL DEFAULT now(),
    expires     timestamptz NOT NULL
);
CREATE INDEX login_tokens_user_idx ON login_tokens (user_id);

-- A user's TOTP second factor (RFC 6238). The secret must be readable to compute codes; last_step is the last time
-- step accepted, so that a code is never taken twice. Unconfirmed rows are enrolments under way.
CREATE TABLE totp_factors (
    user_id     bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret      bytea       NOT NULL,
    confirmed   boolean     NOT NULL DEFAULT false,
    last_step   bigint      NOT NULL DEFAULT 0,
    created     timestamptz NOT NULL DEFAULT now()
);

-- Single-use recovery codes of the second factor, stored as SHA-256 hashes (they are random, 50 bits each).
CREATE TABLE recovery_codes (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   bytea       NOT NULL,
    UNIQUE (user_id, code_hash)
);
